"""Typed messages from the conversation's worker to the screens (no widget reaches into another)."""

from __future__ import annotations

import time
from collections.abc import Callable

from textual.message import Message

from bedside.core.chat import Text, TurnEvent
from bedside.core.modes import Mode


class TurnMessage(Message):
    """One event of a turn (core.chat: Advice, Text, Finished), carried to the screen that asked."""

    def __init__(self, event: TurnEvent) -> None:
        super().__init__()
        self.event = event


class EngineFailed(Message):
    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error


def relay(post: Callable[[Message], object], interval: float = 0.25) -> Callable[[TurnEvent], None]:
    """A turn's events as messages, from the worker thread: text batched (one UI update per
    `interval`), everything else at once and after the text before it."""
    batchers: dict[tuple[int, str], ChunkBatcher] = {}

    def on_event(event: TurnEvent) -> None:
        key = (event.generation, event.mode.value)
        if isinstance(event, Text):
            if key not in batchers:
                generation, mode = event.generation, event.mode
                batchers[key] = ChunkBatcher(lambda text: post(TurnMessage(Text(generation, mode, text))), interval)
            batchers[key].add(event.text)
            return
        if key in batchers:
            batchers.pop(key).flush()
        post(TurnMessage(event))

    return on_event


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
