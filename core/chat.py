"""One conversation, for every front end: the chat screen, the compare screen, `bedside ask`.

The conversation owns what a chat is: the current mode, the session its turns are filed under, and
each turn's generation number. Front ends only render the events a turn sends them:

    pending = conversation.start(question)          # UI thread: the question is saved at once
    conversation.run(pending, on_event)             # worker thread: Advice, Text…, Finished

`cancel`, `new_session`, `open_session` and `delete_session` end the turn in progress and retire
its generation, so a chunk still on its way is never delivered to the next chat (`is_live` tells a
front end whether an event it holds still counts). The answer of a retired turn is still filed in
the session it was asked in, unless that session was deleted.

What the model wrote is stored apart from what was shown (advice, notices and the disclaimer around
it), and only the model's own words come back to it as the earlier turns of a follow-up question.
The engine's lock is the one lock on the model: a turn takes it after triage, a mode switch takes it
for the adapter swap. The engine may be an Engine or an EngineProcess (the same engine in a child
process, which the chat UI uses): the conversation only calls stream, use_mode, warm_up and
available_modes.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from bedside.core.engine import Engine, Turn, run_turn
from bedside.core.engine_process import EngineProcess
from bedside.core.history import HistoryError, HistoryStore
from bedside.core.modes import Mode
from bedside.core.prompts import Exchange
from bedside.core.safety import DISCLAIMER, Triage


@dataclass(frozen=True)
class TurnEvent:
    generation: int
    mode: Mode


@dataclass(frozen=True)
class Advice(TurnEvent):
    """Triage, always first: emergency advice is shown before anything that can fail."""

    triage: Triage


@dataclass(frozen=True)
class Text(TurnEvent):
    text: str


@dataclass(frozen=True)
class Finished(TurnEvent):
    """The turn is over: `turn.answer` on success, else `turn.error`; `shown` is the whole text the
    user reads (and what the history keeps), with advice, notices and the disclaimer."""

    turn: Turn
    shown: str


OnEvent = Callable[[TurnEvent], None]


@dataclass
class Pending:
    """A turn asked but not run yet (or running): what `run` needs, fixed when it was asked."""

    generation: int
    question: str
    mode: Mode
    session_id: int | None
    history: list[Exchange]
    cancel: threading.Event = field(default_factory=threading.Event)


def shown_text(turn: Turn) -> str:
    """What the user reads of a turn: the answer with its advice and disclaimer, or the advice given
    and why there is no answer."""
    if turn.error is None and turn.answer is not None:
        return turn.answer.full_text
    parts = [turn.advice] if turn.advice else []
    error = turn.error_text or "the engine stopped without an answer"
    return "\n\n".join([*parts, f"**Could not answer:** {error}", f"_{DISCLAIMER}_"])


class Conversation:
    def __init__(self, engine: Engine | EngineProcess, history: HistoryStore | None = None, mode: Mode = Mode.RAG):
        self.engine = engine
        self.history = history  # None: nothing is filed (`bedside ask`)
        self.mode = mode  # set by the front end's own thread; each turn carries the mode it was asked in
        self.session_id: int | None = None
        self._next = 0
        self._live: dict[int, threading.Event] = {}  # generation -> its cancel event
        self._turn: int | None = None  # the chat's own turn in progress
        self._bookkeeping = threading.Lock()  # guards the counters above, never the model

    # -- generations -----------------------------------------------------------------------------
    def _open(self) -> tuple[int, threading.Event]:
        with self._bookkeeping:
            self._next += 1
            cancel = threading.Event()
            self._live[self._next] = cancel
            return self._next, cancel

    def is_live(self, generation: int) -> bool:
        """False once the turn was cancelled or its chat left: its events must be dropped."""
        return generation in self._live

    def cancel(self, generation: int | None = None) -> None:
        """Stop a turn (the chat's own by default) and retire its generation."""
        with self._bookkeeping:
            generation = self._turn if generation is None else generation
            event = self._live.pop(generation, None) if generation is not None else None
        if event is not None:
            event.set()

    def stop(self) -> None:
        """Stop the chat's answer where it is; unlike `cancel`, what was written still arrives."""
        with self._bookkeeping:
            event = self._live.get(self._turn) if self._turn is not None else None
        if event is not None:
            event.set()

    @property
    def busy(self) -> bool:
        return self._turn is not None and self.is_live(self._turn)

    # -- sessions --------------------------------------------------------------------------------
    def new_session(self) -> None:
        self.cancel()
        self.session_id = None

    def open_session(self, session_id: int) -> None:
        self.cancel()
        self.session_id = session_id

    def delete_session(self, session_id: int) -> None:
        if session_id == self.session_id:
            self.new_session()
        if self.history is not None:
            self.history.delete(session_id)

    # -- modes -----------------------------------------------------------------------------------
    def prepare_mode(self, mode: Mode) -> None:
        """Check that a mode can run and swap its adapter in (KV cache reset), waiting for an answer
        in progress; raises ModeUnavailable (or the model's load error) with the reason. The front
        end then sets `mode` from its own thread."""
        self.engine.use_mode(mode)

    def available_modes(self) -> list[Mode]:
        """The modes that can run now (in ORDER); may load the model."""
        return self.engine.available_modes()

    def warm_up(self) -> str:
        """Load the model and its prompt layout now, not on the first question; the offload report."""
        return self.engine.warm_up()

    # -- turns -----------------------------------------------------------------------------------
    def start(self, question: str, mode: Mode | None = None) -> Pending:
        """Open a turn: a new generation, the question saved before anything is generated (a crash
        keeps it), the follow-up context read from the model's own earlier words."""
        question = " ".join(question.split())
        if not question:
            raise ValueError("the question is empty")
        self.cancel()  # one turn at a time in a chat
        generation, cancel = self._open()
        self._turn = generation
        history: list[Exchange] = []
        try:
            if self.history is not None:
                if self.session_id is None:
                    self.session_id = self.history.new_session()
                history = self.history.exchanges(self.session_id)
                self.history.add_message(self.session_id, "user", question)
        except Exception:
            self._retire(generation)  # a turn that never started must not leave the chat busy
            raise
        return Pending(generation, question, mode or self.mode, self.session_id, history, cancel)

    def _retire(self, generation: int) -> None:
        with self._bookkeeping:
            self._live.pop(generation, None)
            if self._turn == generation:
                self._turn = None

    def run(self, pending: Pending, on_event: OnEvent | None = None, **options) -> Turn:
        """Answer a started turn (from a worker thread). Events go to `on_event` while the turn is
        live; the answer is filed under the session it was asked in, whatever the chat shows now."""
        turn = self._stream(pending, pending.history, on_event, **options)
        live = self.is_live(pending.generation)
        # Filed and retired before the front end hears it is over: a follow-up asked at once then
        # sees this answer in its context and comes after it in the history.
        self._file(pending, turn)
        self._retire(pending.generation)
        if live and on_event is not None:
            on_event(Finished(pending.generation, pending.mode, turn, shown_text(turn)))
        return turn

    def ask(self, question: str, on_event: OnEvent | None = None, mode: Mode | None = None, **options) -> Turn:
        """start + run in one call, for front ends without a UI thread."""
        return self.run(self.start(question, mode), on_event, **options)

    def start_compare(self, question: str) -> Pending:
        """Open a compare run (UI thread): its own generation, so leaving the view can cancel it."""
        generation, cancel = self._open()
        return Pending(generation, " ".join(question.split()), self.mode, None, [], cancel)

    def run_compare(self, pending: Pending, modes: Sequence[Mode], on_event: OnEvent) -> None:
        """The same question in each mode, one after another (worker thread), without history and
        not filed: the compare view is an experiment, not part of the chat. The adapter of the
        chat's mode is put back afterwards."""
        try:
            for mode in modes:
                if pending.cancel.is_set() or not self.is_live(pending.generation):
                    break
                turn = self._stream(
                    Pending(pending.generation, pending.question, mode, None, [], pending.cancel), [], on_event
                )
                if self.is_live(pending.generation):
                    on_event(Finished(pending.generation, mode, turn, shown_text(turn)))
        finally:
            with self._bookkeeping:
                self._live.pop(pending.generation, None)
            # A model that failed to load was reported in each mode's column.
            with contextlib.suppress(Exception):
                self.engine.use_mode(self.mode)

    def _stream(self, pending: Pending, history: Sequence[Exchange], on_event: OnEvent | None, **options) -> Turn:
        generation, mode = pending.generation, pending.mode

        def deliver(event: TurnEvent) -> None:
            if on_event is not None and self.is_live(generation):
                on_event(event)

        events = self.engine.stream(pending.question, mode, history, cancel=pending.cancel, **options)
        return run_turn(
            events,
            lambda text: deliver(Text(generation, mode, text)),
            lambda triage: deliver(Advice(generation, mode, triage)),
        )

    def _file(self, pending: Pending, turn: Turn) -> None:
        if self.history is None or pending.session_id is None:
            return
        answer = turn.answer
        data = answer.to_json() if answer is not None else {}
        # A chat deleted while it answered has nothing to file the answer under.
        with contextlib.suppress(HistoryError):
            self.history.add_message(
                pending.session_id,
                "assistant",
                shown_text(turn),
                mode=pending.mode.value,
                sources=data.get("sources", []),
                stats={
                    k: data[k] for k in ("ttft_s", "tokens_per_s", "prompt_tokens", "completion_tokens", "stop_reason")
                }
                if data
                else {},
                model_text=answer.text.strip() if answer is not None else "",
            )
