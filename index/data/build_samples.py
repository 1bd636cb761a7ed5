"""Build the shipped sample and held-out corpora from the hand-written material in authoring/.

Each complaint has cases (title, patient question, the doctor's reply to that patient), a pool of
self-care advice and when-to-see-a-doctor guidance, all written for Bedside. A doctor answer is
greeting + reply + three advice sentences + guidance + closing, chosen deterministically, so the
output is reproducible: `python index/data/build_samples.py` rewrites both files byte for byte.
Per complaint, the last HELDOUT_PER_COMPLAINT cases go to the held-out file, never indexed or
trained on by default.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from authoring import COMPLAINTS, URGENT  # noqa: E402

HELDOUT_PER_COMPLAINT = 2
MIN_WORDS, MAX_WORDS = 60, 200

GREETINGS = [
    "Hi, thanks for your query.",
    "Hello, and thank you for writing in.",
    "Hi, I understand your concern.",
    "Hello, thanks for sharing the details.",
    "Hi, thank you for the clear description.",
    "Hello, I have gone through your query.",
    "Hi, welcome, and thanks for asking.",
]
CLOSINGS = [
    "Hope this helps. Take care.",
    "Wishing you all the best.",
    "I hope this helps; feel free to write back with any follow-up questions.",
    "Take care, and do not hesitate to get checked if you are worried.",
    "Wishing you good health.",
    "Hope you feel better soon.",
]


def doctor_answer(complaint: dict, case_no: int, serial: int) -> str:
    """A case may fix its advice: a tuple of advice indices (where rotation would pick advice that
    does not fit, e.g. ibuprofen for a young baby), or URGENT: no self-care at all, because the
    patient must be seen now, and both guidance lines instead."""
    advice, guidance = complaint["advice"], complaint["see_doctor"]
    _, _, reply, *choice = complaint["cases"][case_no]
    if choice and choice[0] == URGENT:
        body = list(guidance)
    else:
        indices = choice[0] if choice else [(case_no + offset) % len(advice) for offset in (0, 1, 3)]
        body = [advice[i] for i in indices] + [guidance[case_no % len(guidance)]]
    return " ".join([GREETINGS[serial % len(GREETINGS)], reply, *body, CLOSINGS[serial % len(CLOSINGS)]])


def build() -> tuple[list[dict], list[dict]]:
    sample, heldout = [], []
    serial = 0
    for complaint in COMPLAINTS:
        cases = complaint["cases"]
        for case_no, (title, patient, *_) in enumerate(cases):
            row = {
                "Description": title,
                "Patient": patient,
                "Doctor": doctor_answer(complaint, case_no, serial),
                "Complaint": complaint["name"],
            }
            words = len(row["Doctor"].split())
            if not MIN_WORDS <= words <= MAX_WORDS:
                raise SystemExit(f"{complaint['name']} case {case_no}: doctor answer has {words} words")
            (heldout if case_no >= len(cases) - HELDOUT_PER_COMPLAINT else sample).append(row)
            serial += 1
    return sample, heldout


def write(rows: list[dict], path: Path) -> None:
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")


if __name__ == "__main__":
    sample_rows, heldout_rows = build()
    write(sample_rows, HERE / "sample_dialogues.jsonl")
    write(heldout_rows, HERE / "heldout_dialogues.jsonl")
    print(f"{len(sample_rows)} sample and {len(heldout_rows)} held-out dialogues, {len(COMPLAINTS)} complaints")
