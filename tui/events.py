"""Typed messages between the engine worker and the widgets (no widget reaches into another)."""

from __future__ import annotations

from textual.message import Message

from bedside.core.engine import Answer
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
    def __init__(self, target_id: str, error: str) -> None:
        super().__init__()
        self.target_id, self.error = target_id, error


class ModeChanged(Message):
    def __init__(self, mode: Mode) -> None:
        super().__init__()
        self.mode = mode


class EngineReady(Message):
    def __init__(self, description: str) -> None:
        super().__init__()
        self.description = description
