"""Examples -> token ids and labels, with the loss on the answer only.

The prompt and the target are tokenized apart and joined, so the boundary is exact: every prompt
token gets label -100 and every target token is its own label. The prompt text has no <bos>; the
tokenizer adds it, as llama.cpp does at inference (the ids match token for token; tested).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bedside.train.data import Example

IGNORE = -100
MIN_TARGET_TOKENS = 16  # an example cut to fewer answer tokens than this teaches little; drop it


@dataclass(frozen=True)
class TokenizedExample:
    input_ids: list[int]
    labels: list[int]

    @property
    def target_tokens(self) -> int:
        return sum(label != IGNORE for label in self.labels)


@dataclass(frozen=True)
class Tokenized:
    examples: list[TokenizedExample]
    truncated: int  # answers cut at seq_len
    dropped: int  # prompts too long to leave MIN_TARGET_TOKENS of answer

    @property
    def tokens(self) -> int:
        return sum(len(e.input_ids) for e in self.examples)


def tokenize_examples(examples: Sequence[Example], tokenizer, seq_len: int) -> Tokenized:
    out, truncated, dropped = [], 0, 0
    for example in examples:
        prompt = tokenizer(example.prompt, add_special_tokens=True).input_ids
        target = tokenizer(example.target, add_special_tokens=False).input_ids
        room = seq_len - len(prompt)
        if room < MIN_TARGET_TOKENS:
            dropped += 1
            continue
        if len(target) > room:
            target, truncated = target[:room], truncated + 1
        out.append(TokenizedExample(prompt + target, [IGNORE] * len(prompt) + target))
    return Tokenized(out, truncated, dropped)
