"""Split doctor answers into overlapping chunks that fit the embedder's token window.

Each chunk is `title + answer slice`, so a chunk from the middle of a long answer still says
what it is about. Chunks end at a sentence end when one falls in the last part of the window.
"""

from __future__ import annotations

from dataclasses import dataclass

from tokenizers import Tokenizer

from bedside.index.clean import CleanDialogue

SPECIAL_TOKENS = 2  # [CLS] and [SEP]
SENTENCE_ENDS = {".", "?", "!"}


@dataclass(frozen=True)
class Chunk:
    chunk_id: str
    dialogue_id: str
    chunk_no: int
    text: str
    tokens: int


def _prefix(title: str) -> str:
    return f"{title}\n" if title else ""


def chunk_dialogue(dialogue: CleanDialogue, tokenizer: Tokenizer, window: int, overlap: int) -> list[Chunk]:
    prefix = _prefix(dialogue.title)
    prefix_tokens = len(tokenizer.encode(prefix, add_special_tokens=False).ids) if prefix else 0
    # A title that would eat most of the window is left out, to leave room for the answer.
    if prefix_tokens > window // 2:
        prefix, prefix_tokens = "", 0
    budget = window - SPECIAL_TOKENS - prefix_tokens
    encoding = tokenizer.encode(dialogue.doctor, add_special_tokens=False)
    offsets, pieces = encoding.offsets, encoding.tokens
    if len(offsets) <= budget:
        text = prefix + dialogue.doctor
        return [
            Chunk(
                f"{dialogue.dialogue_id}-0",
                dialogue.dialogue_id,
                0,
                text,
                len(offsets) + prefix_tokens + SPECIAL_TOKENS,
            )
        ]

    chunks: list[Chunk] = []
    start = 0
    while start < len(offsets):
        end = min(start + budget, len(offsets))
        if end < len(offsets):
            # Prefer to stop after a sentence end in the last 30% of the window.
            for cut in range(end, start + int(budget * 0.7), -1):
                if pieces[cut - 1] in SENTENCE_ENDS:
                    end = cut
                    break
        text = prefix + dialogue.doctor[offsets[start][0] : offsets[end - 1][1]]
        chunks.append(
            Chunk(
                f"{dialogue.dialogue_id}-{len(chunks)}",
                dialogue.dialogue_id,
                len(chunks),
                text,
                end - start + prefix_tokens + SPECIAL_TOKENS,
            )
        )
        if end >= len(offsets):
            break
        next_start = max(end - overlap, start + 1)
        # Never start inside a word: move back to the word's first piece (but always move forward).
        while next_start > start + 1 and pieces[next_start].startswith("##"):
            next_start -= 1
        start = next_start
    return chunks
