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
            return  # the UI is gone
        if kind == "quit":
            return
        if kind == "cancel":
            if (event := cancels.get(args)) is not None:
                event.set()
            continue
        cancels[request_id] = threading.Event()
        threading.Thread(target=answer, args=(request_id, kind, args), daemon=True).start()


class EngineProcess:
    """A stand-in for Engine whose model runs in a child process (see the module docstring)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._ids = itertools.count(1)
        self._start_lock = threading.Lock()
        self._send_lock = threading.Lock()
        self._waiting: dict[int, queue.Queue] = {}
        self._process = None
        self._connection = None

    # -- the child -------------------------------------------------------------------------------
    def _ensure_started(self):
        with self._start_lock:
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
        """Route each message to the request waiting for it; when the child ends, wake them all."""
        while True:
            try:
                request_id, kind, payload = connection.recv()
            except (EOFError, OSError):
                break
            if (waiting := self._waiting.get(request_id)) is not None:
                waiting.put((kind, payload))
        process.join(timeout=5)
        for waiting in list(self._waiting.values()):
            waiting.put(("died", process.exitcode))

    def _request(self, kind: str, args: tuple) -> tuple[int, queue.Queue]:
        connection = self._ensure_started()
        request_id, waiting = next(self._ids), queue.Queue()
        self._waiting[request_id] = waiting
        try:
            with self._send_lock:
                connection.send((request_id, kind, args))
        except (OSError, ValueError) as error:
            self._waiting.pop(request_id, None)
            raise EngineProcessDied(f"the model process is not running ({error}); try again") from error
        return request_id, waiting

    def _cancel(self, request_id: int) -> None:
        with contextlib.suppress(OSError, ValueError), self._send_lock:
            self._connection.send((0, "cancel", request_id))

    @staticmethod
    def _died(exitcode) -> EngineProcessDied:
        return EngineProcessDied(
            f"the model process stopped unexpectedly (exit code {exitcode}); the next question starts it again"
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
        triaged = finished = False
        request_id, waiting = None, None
        try:
            request_id, waiting = self._request("stream", (question, mode.value, list(history), options))
            cancel_sent = False
            while True:
                try:
                    kind, payload = waiting.get(timeout=POLL_S)
                except queue.Empty:
                    if cancel is not None and cancel.is_set() and not cancel_sent:
                        self._cancel(request_id)
                        cancel_sent = True
                    continue
                if kind == "event":
                    triaged = triaged or isinstance(payload, Triaged)
                    yield payload
                elif kind == "end":
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
        """Ask the child to finish, then make sure it has."""
        process = self._process
        if process is None:
            return
        with contextlib.suppress(OSError, ValueError), self._send_lock:
            self._connection.send((0, "quit", None))
        process.join(timeout=3)
        if process.is_alive():
            process.kill()
            process.join(timeout=3)


def _rules_triage(question: str, settings: Settings) -> Iterator[Triaged | Chunk]:
    from bedside.core.safety import triage

    found = triage(" ".join(question.split()), settings.emergency_number)
    yield Triaged(found)
    if found.urgent:
        yield Chunk(found.advice + "\n\n")
