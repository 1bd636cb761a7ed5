"""Clean dialogues before indexing: normalise text, scrub PII, drop empty and duplicate answers.

PII patterns are deliberately narrow: a false positive would blank out medical content
("500 mg", "140/90", "12.05.2019"), so numbers count as phone numbers only with 8-15 digits and
phone-style separators, and a word counts as a name only after a title (Mr, Dr, …) or directly
after a greeting or sign-off.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from bedside.index.sources import RawDialogue

PII_KINDS = ("email", "phone", "url", "name")

EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"')\]]*[^\s<>\"')\].,;:!?]", re.IGNORECASE)
PHONE = re.compile(r"(?<![\w/.])\+?\(?\d[\d\s().-]{6,20}\d(?![\w/])")
DATE_LIKE = re.compile(r"^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$")

TITLE = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?"
NAME = r"[A-Z][a-z'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'’-]+)?"
# A title followed by a capitalised word is a name wherever it stands ("Dr. Patel", "Mrs Rao").
TITLED_NAME = re.compile(rf"\b{TITLE}\s+{NAME}")
GREETING = re.compile(rf"\b(Hi|Hello|Hey|Dear|Good (?:morning|afternoon|evening))([\s,]+)({NAME})\b")
SIGN_OFF = re.compile(
    rf"\b((?:Best |Kind |Warm |With )?[Rr]egards|Sincerely|Yours (?:sincerely|truly)|Best wishes|"
    rf"Thanks and regards|Take care|Thank you)([\s,.:;-]+)({NAME})(?=\s*[.!]?\s*$)"
)
# Capitalised words that follow a greeting but are not names.
NOT_NAMES = {
    "there",
    "doctor",
    "doc",
    "sir",
    "madam",
    "mam",
    "maam",
    "all",
    "everyone",
    "thanks",
    "thank",
    "welcome",
    "and",
    "friend",
    "dear",
    "again",
    "team",
    "i",
    "my",
    "this",
    "the",
    "it",
    "good",
    "sorry",
    "please",
    "patient",
    "user",
    "chat",
    "query",
    "am",
    "how",
    "as",
    "from",
    "to",
    "hope",
    "greetings",
    "hello",
    "hi",
    "mother",
    "father",
    "mom",
    "mum",
    "dad",
    "son",
    "daughter",
    "you",
    "your",
    "we",
    "after",
    "before",
    "since",
    "ok",
    "okay",
    "yes",
    "no",
    "regarding",
    "with",
}
PLACEHOLDER = {"email": "[email]", "phone": "[phone]", "url": "[url]", "name": "[name]"}


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


def _phone(match: re.Match) -> str | None:
    candidate = match.group(0).strip()
    digits = sum(ch.isdigit() for ch in candidate)
    if not 8 <= digits <= 15 or DATE_LIKE.match(candidate):
        return None
    # "1.5 2.5 3.5" style lists of decimals are measurements, not phone numbers.
    if re.search(r"\d\.\d", candidate) and " " in candidate:
        return None
    return PLACEHOLDER["phone"]


def scrub_pii(text: str) -> tuple[str, Counter]:
    """Replace emails, URLs, phone numbers and personal names with placeholders; count each kind."""
    counts: Counter = Counter()

    def sub(pattern: re.Pattern, kind: str, text: str, replace=None) -> str:
        def one(match: re.Match) -> str:
            result = replace(match) if replace else PLACEHOLDER[kind]
            if result is None:
                return match.group(0)
            counts[kind] += 1
            return result

        return pattern.sub(one, text)

    text = sub(EMAIL, "email", text)
    text = sub(URL, "url", text)
    text = sub(PHONE, "phone", text, _phone)
    text = sub(TITLED_NAME, "name", text)

    def greeting(match: re.Match) -> str | None:
        words = match.group(3).split()
        if words[0].lower() in NOT_NAMES or match.group(3) == PLACEHOLDER["name"]:
            return None
        return f"{match.group(1)}{match.group(2)}{PLACEHOLDER['name']}"

    text = sub(GREETING, "name", text, greeting)
    text = sub(
        SIGN_OFF,
        "name",
        text,
        lambda m: (
            None if m.group(3).split()[0].lower() in NOT_NAMES else f"{m.group(1)}{m.group(2)}{PLACEHOLDER['name']}"
        ),
    )
    return text, counts


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
