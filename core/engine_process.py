"""The engine in a child process, for the chat UI: the model never waits for the screen.

In one process, Textual's event loop and the decode loop share the GIL, and every Markdown refresh
(milliseconds of Python) delays the next token's Python work while llama.cpp's threads sit idle:
`just bench-tui` measured decode in the chat at 0.59-0.66x of headless. Here the model, the embedder
and the index live in a child process that only generates; the UI process only draws.

`EngineProcess` offers what `Conversation` uses of an Engine (`stream`, `use_mode`, `warm_up`,
`available_modes`), so the conversation does not know where its model runs. Requests and events go
over one pipe; each request has an id, and a stream is cancelled by id. The child starts on first use
(in a worker, after the first frame). If it dies, the turn in progress ends with a clear error, its
emergency advice still given first (triaged here by the rules, which need no model), and the next
request starts a fresh child.
"""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing
import pickle
import queue
import threading
from collections.abc import Iterator, Sequence

from bedside.core.config import Settings
from bedside.core.engine import Chunk, Done, Triaged
from bedside.core.modes import Mode
from bedside.core.prompts import Exchange

POLL_S = 0.05  # how often a waiting stream looks at its cancel event


class EngineProcessDied(RuntimeError):
    """The model's process ended in the middle of a request."""


def _portable(error: BaseException) -> BaseException:
    """The error itself when it survives pickling (its type tells the UI what failed), else its text."""
    try:
        pickle.loads(pickle.dumps(error))
        return error
    except Exception:  # noqa: BLE001 - any unpicklable error is still reported, as text
        return RuntimeError(f"{type(error).__name__}: {error}")


def _serve(connection, settings: Settings) -> None:
    """The child: one Engine; each request runs in its own thread so a cancel can arrive meanwhile."""
    import os
    import signal

    # The UI owns the terminal: a warning or a traceback written here would draw over the chat.
    # Ctrl+C is the UI's key; the child ends when the UI closes the pipe or asks it to.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 1)
    os.dup2(quiet, 2)
    from bedside.core.engine import Engine

    engine = Engine(settings)
    send_lock = threading.Lock()
    cancels: dict[int, threading.Event] = {}

    def send(*message) -> None:
        with send_lock:
            connection.send(message)

    def answer(request_id: int, kind: str, args: tuple) -> None:
        try:
            if kind == "stream":
                question, mode, history, options = args
                for event in engine.stream(question, Mode(mode), history, cancel=cancels[request_id], **options):
                    send(request_id, "event", event)
                send(request_id, "end", None)
            elif kind == "use_mode":
                send(request_id, "result", engine.use_mode(Mode(args[0])))
            elif kind == "available_modes":
                send(request_id, "result", [m.value for m in engine.available_modes()])
            elif kind == "warm_up":
                send(request_id, "result", engine.warm_up())
            else:
                raise ValueError(f"unknown request {kind!r}")
        except BaseException as error:  # noqa: BLE001 - every failure goes back to the request's caller
            with contextlib.suppress(OSError, ValueError):
                send(request_id, "error", _portable(error))
        finally:
            cancels.pop(request_id, None)

    while True:
        try:
            request_id, kind, args = connection.recv()
        except (EOFError, OSError):
            kind = "quit"  # the UI is gone
        if kind == "quit":
            for event in list(cancels.values()):
                event.set()  # stop decoding before the interpreter goes away under it
            with engine.lock:
                os._exit(0)
        if kind == "cancel":
            if (event := cancels.get(args)) is not None:
                event.set()
            continue
        cancels[request_id] = threading.Event()
        threading.Thread(target=answer, args=(request_id, kind, args), daemon=True).start()


class EngineProcess:
    """A stand-in for Engine whose model runs in a child process (see the module docstring)."""

    def __init__(self, settings: Settings) -> None:
        # multiprocessing's resource tracker is started with this process's stderr descriptor; once
        # Textual has captured stderr there is none ("bad value(s) in fds_to_keep" on every spawn).
        # Started now, before the app runs, it is reused by every child started later.
        from multiprocessing import resource_tracker

        resource_tracker.ensure_running()
        self.settings = settings
        self._ids = itertools.count(1)
        self._start_lock = threading.Lock()
        self._send_lock = threading.Lock()
        # request id -> (the connection it was sent on, where its replies go)
        self._waiting: dict[int, tuple[object, queue.Queue]] = {}
        self._process = None
        self._connection = None
        self._closed = False

    # -- the child -------------------------------------------------------------------------------
    def _ensure_started(self):
        with self._start_lock:
            if self._closed:
                raise EngineProcessDied("the model process was closed")
            if self._process is not None and self._process.is_alive():
                return self._connection
            # spawn, not fork: the UI process has threads (Textual, workers), which fork would copy
            # in whatever state they are.
            context = multiprocessing.get_context("spawn")
            parent_end, child_end = context.Pipe()
            process = context.Process(
                target=_serve, args=(child_end, self.settings), name="bedside-engine", daemon=True
            )
            process.start()
            child_end.close()
            self._process, self._connection = process, parent_end
            threading.Thread(target=self._read, args=(process, parent_end), daemon=True).start()
            return parent_end

    def _read(self, process, connection) -> None:
        """Route each message to the request waiting for it; when the child ends, wake the requests
        sent to it (not those already sent to a fresh child)."""
        while True:
            try:
                request_id, kind, payload = connection.recv()
            except BaseException:  # noqa: BLE001 - EOF, or a reply that cannot be read: either way this child is done
                break
            entry = self._waiting.get(request_id)
            if entry is not None and entry[0] is connection:
                entry[1].put((kind, payload))
        with contextlib.suppress(Exception):
            process.kill()  # a child whose replies cannot be read is of no more use
        process.join(timeout=5)
        for sent_on, waiting in list(self._waiting.values()):
            if sent_on is connection:
                waiting.put(("died", process.exitcode))

    def _request(self, kind: str, args: tuple) -> tuple[int, queue.Queue]:
        """Send a request; any failure to start the child or to reach it is EngineProcessDied."""
        request_id, waiting = next(self._ids), queue.Queue()
        try:
            connection = self._ensure_started()
            self._waiting[request_id] = (connection, waiting)
            with self._send_lock:
                connection.send((request_id, kind, args))
        except EngineProcessDied:
            self._waiting.pop(request_id, None)
            raise
        except Exception as error:  # noqa: BLE001 - cannot start (no memory, no fork) or cannot send
            self._waiting.pop(request_id, None)
            raise EngineProcessDied(f"the model process could not be reached ({error}); try again") from error
        return request_id, waiting

    def _cancel(self, request_id: int) -> None:
        with contextlib.suppress(OSError, ValueError), self._send_lock:
            self._connection.send((0, "cancel", request_id))

    @staticmethod
    def _died(exitcode) -> EngineProcessDied:
        code = "unknown" if exitcode is None else exitcode
        return EngineProcessDied(
            f"the model process stopped unexpectedly (exit code {code}); the next question starts it again"
        )

    def _call(self, kind: str, *args):
        request_id, waiting = self._request(kind, args)
        try:
            kind, payload = waiting.get()
        finally:
            self._waiting.pop(request_id, None)
        if kind == "error":
            raise payload
        if kind == "died":
            raise self._died(payload)
        return payload

    # -- what Conversation uses ------------------------------------------------------------------
    def use_mode(self, mode: Mode) -> None:
        self._call("use_mode", mode.value)

    def warm_up(self) -> str:
        return self._call("warm_up")

    def available_modes(self) -> list[Mode]:
        return [Mode(value) for value in self._call("available_modes")]

    def stream(
        self, question: str, mode: Mode, history: Sequence[Exchange] = (), *, cancel=None, **options
    ) -> Iterator[Triaged | Chunk | Done]:
        triaged = finished = done = False
        request_id = None
        try:
            request_id, waiting = self._request("stream", (question, mode.value, list(history), options))
            cancel_sent = False
            while True:
                # Looked at on every pass: a child sending a chunk every few ms never lets `get` time out.
                if cancel is not None and cancel.is_set() and not cancel_sent:
                    self._cancel(request_id)
                    cancel_sent = True
                try:
                    kind, payload = waiting.get(timeout=POLL_S)
                except queue.Empty:
                    continue
                if kind == "event":
                    triaged = triaged or isinstance(payload, Triaged)
                    done = done or isinstance(payload, Done)
                    yield payload
                elif kind == "end" or (kind == "died" and done):  # a death after the answer costs nothing
                    finished = True
                    return
                elif kind == "error":
                    finished = True
                    raise payload
                else:  # died
                    finished = True
                    raise self._died(payload)
        except EngineProcessDied:
            if not triaged:  # the advice never depends on the model, nor on its process
                yield from _rules_triage(question, self.settings)
            raise
        finally:
            if request_id is not None:
                if not finished:  # the caller stopped reading: stop generating
                    self._cancel(request_id)
                self._waiting.pop(request_id, None)

    def close(self) -> None:
        """Ask the child to stop and finish (it stops decoding first); no request starts another."""
        with self._start_lock:
            self._closed = True
            process = self._process
        if process is None:
            return
        with contextlib.suppress(OSError, ValueError), self._send_lock:
            self._connection.send((0, "quit", None))
        process.join(timeout=2)
        if process.is_alive():
            process.kill()
            process.join(timeout=2)


def _rules_triage(question: str, settings: Settings) -> Iterator[Triaged | Chunk]:
    from bedside.core.safety import triage

    found = triage(" ".join(question.split()), settings.emergency_number)
    yield Triaged(found)
    if found.urgent:
        yield Chunk(found.advice + "\n\n")
