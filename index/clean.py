"""Clean dialogues before indexing: normalise text, scrub PII, drop empty and duplicate answers.

What counts as personal data, and why medical text is left alone, is in index/pii.py.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from bedside.index.pii import PII_KINDS, PLACEHOLDER, scrub_pii
from bedside.index.sources import RawDialogue

__all__ = ["PII_KINDS", "PLACEHOLDER", "scrub_pii"]


@dataclass
class CleanStats:
    rows_read: int = 0
    kept: int = 0
    empty: int = 0
    duplicates: int = 0
    too_long: int = 0  # answers over MAX_ANSWER_CHARS, skipped
    longest: int = 0  # characters of the longest answer skipped
    pii: Counter = field(default_factory=Counter)

    def as_dict(self) -> dict:
        return {
            "rows_read": self.rows_read,
            "kept": self.kept,
            "empty_answers": self.empty,
            "duplicate_answers": self.duplicates,
            "too_long_answers": self.too_long,
            "pii_redactions": {kind: self.pii.get(kind, 0) for kind in PII_KINDS},
        }


@dataclass(frozen=True)
class CleanDialogue:
    dialogue_id: str  # content hash of the normalised answer: stable across runs, unique per answer
    title: str
    patient: str
    doctor: str
    source: str


def normalise(text: str) -> str:
    """NFKC (full-width digits, ligatures, odd spaces), no control characters, single spaces."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in text)
    return " ".join(text.split())


def answer_hash(doctor: str) -> str:
    """Duplicate key: case and spacing do not make a different answer."""
    return hashlib.sha256(" ".join(doctor.lower().split()).encode("utf-8")).hexdigest()


# A long doctor's reply is a few thousand characters; this is ten pages.
MAX_ANSWER_CHARS = 30_000


def clean_dialogues(raw: Iterable[RawDialogue], stats: CleanStats | None = None) -> list[CleanDialogue]:
    stats = stats if stats is not None else CleanStats()
    seen: set[str] = set()
    kept: list[CleanDialogue] = []
    for dialogue in raw:
        stats.rows_read += 1
        doctor = normalise(dialogue.doctor)
        if len(doctor) > MAX_ANSWER_CHARS:
            # One 2 MB answer was chunked into 1,803 rows that each stored the whole answer, at
            # 7.9 GiB peak: no doctor's reply is that long, it is a broken row or a pasted document.
            stats.too_long += 1
            stats.longest = max(stats.longest, len(doctor))
            continue
        if not doctor:
            stats.empty += 1
            continue
        doctor, found = scrub_pii(doctor)
        patient, found_q = scrub_pii(normalise(dialogue.patient))
        title, found_t = scrub_pii(normalise(dialogue.title))
        digest = answer_hash(doctor)
        if digest in seen:
            stats.duplicates += 1
            continue
        seen.add(digest)
        stats.pii.update(found + found_q + found_t)
        kept.append(CleanDialogue(digest[:16], title, patient, doctor, dialogue.source))
    stats.kept = len(kept)
    return kept
