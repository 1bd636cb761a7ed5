"""Typed messages between the engine worker and the widgets (no widget reaches into another)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

from textual.message import Message

from bedside.core.engine import Answer, run_turn
from bedside.core.modes import Mode


class AnswerChunk(Message):
    def __init__(self, target_id: str, text: str) -> None:
        super().__init__()
        self.target_id, self.text = target_id, text


class AnswerDone(Message):
    def __init__(self, target_id: str, answer: Answer) -> None:
        super().__init__()
        self.target_id, self.answer = target_id, answer


class AnswerFailed(Message):
    """The turn failed after triage: `advice` is the emergency advice already given (may be empty)."""

    def __init__(self, target_id: str, error: str, advice: str = "") -> None:
        super().__init__()
        self.target_id, self.error, self.advice = target_id, error, advice

    def text(self, disclaimer: str) -> str:
        parts = [self.advice] if self.advice else []
        return "\n\n".join([*parts, f"**Could not answer:** {self.error}", f"_{disclaimer}_"])


class EngineFailed(Message):
    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error


def post_turn(post: Callable[[Message], object], target: str, events: Iterable) -> None:
    """Consume one turn's events in a worker thread: batched chunks, then AnswerDone, or AnswerFailed
    carrying the emergency advice that was given before the failure."""
    batcher = ChunkBatcher(lambda text: post(AnswerChunk(target, text)))
    turn = run_turn(events, batcher.add)
    batcher.flush()
    if turn.error is None and turn.answer is not None:
        post(AnswerDone(target, turn.answer))
    else:
        post(AnswerFailed(target, turn.error_text or "the engine stopped without an answer", turn.advice))


class ModeChanged(Message):
    def __init__(self, mode: Mode) -> None:
        super().__init__()
        self.mode = mode


class EngineReady(Message):
    def __init__(self, description: str) -> None:
        super().__init__()
        self.description = description


class ChunkBatcher:
    """Collects streamed text in the engine thread and hands it to the UI at most every `interval`
    seconds: one message per token made the UI thread compete with llama.cpp for the CPU
    (decode fell to 0.6x of headless on 2 cores)."""

    def __init__(self, send, interval: float = 0.25) -> None:
        self.send, self.interval = send, interval
        self.pending: list[str] = []
        self.last = 0.0

    def add(self, text: str) -> None:
        self.pending.append(text)
        now = time.perf_counter()
        if now - self.last >= self.interval:
            self.flush()
            self.last = now

    def flush(self) -> None:
        if self.pending:
            self.send("".join(self.pending))
            self.pending = []
