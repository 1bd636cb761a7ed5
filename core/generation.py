"""What a generation is asked for and what it reports: plain data, no llama.cpp.

Apart from core/backend.py so that what only reads answers (the chat UI, whose model runs in a child
process) never imports llama.cpp and numpy: that import was a fifth of the chat's start-up.
"""

from __future__ import annotations

from dataclasses import dataclass


class AdapterError(ValueError):
    """A LoRA adapter that cannot be used with this base model."""


@dataclass(frozen=True)
class Sampling:
    max_tokens: int
    temperature: float = 0.0
    top_p: float = 1.0
    repeat_penalty: float = 1.0
    seed: int = 0
    min_p: float = 0.0
    # No stop (end of text, a new line, a turn marker) before this many tokens: after the answer
    # primer a base model often closed the line at once, and the answer shown was the greeting alone.
    min_tokens: int = 0


@dataclass
class StreamStats:
    prompt_tokens: int = 0
    completion_tokens: int = 0
    ttft_s: float = 0.0
    total_s: float = 0.0
    cancelled: bool = False
    stop_reason: str = ""

    @property
    def tokens_per_s(self) -> float:
        decode = self.total_s - self.ttft_s
        return (self.completion_tokens - 1) / decode if self.completion_tokens > 1 and decode > 0 else 0.0
