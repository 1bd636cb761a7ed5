"""`just bench-retrieval`: is the tuned fusion never worse than its best part, on every data set we
have, and does cleaning filler out of the full-text query help?

Three sets, each indexed alone (answers only) and queried by its questions, the fusion weight tuned
on a seeded half and every figure measured on the other half (index/evaluate.py):
- the shipped held-out dialogues (88);
- the shipped sample corpus, patient-style forum questions (308);
- long questions: the held-out questions wrapped the way patients write on forums (a greeting,
  background, the question, thanks), generated here, deterministic.
"""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

from rich.console import Console

from bedside.index import open_embedder
from bedside.index.evaluate import retrieval_metrics, retrieval_table
from bedside.index.sources import RawDialogue, read_sample

OPENINGS = (
    "Hello doctor, hope you are doing well.",
    "Hi sir, thanks in advance for your time.",
    "Respected doctor, please help me.",
    "Dear doctor, good evening.",
    "Hi, I have a question and I am quite worried.",
)
BACKGROUND = (
    "I am a 34 year old office worker, I don't smoke and I drink only on weekends.",
    "I have no other health problems and I take no regular medicines except vitamins.",
    "I already searched online but I got confused by all the different answers.",
    "My family doctor is on holiday so I am asking here.",
    "I am usually healthy and exercise twice a week.",
)
CLOSINGS = (
    "Please reply soon. Thanks and regards.",
    "Waiting for your reply, thank you doctor.",
    "Kindly advise. Thanks in advance.",
    "Thank you so much for your help.",
)


def long_questions(pairs: list[RawDialogue], seed: int = 0) -> list[RawDialogue]:
    rng = random.Random(seed)
    out = []
    for pair in pairs:
        wrapped = " ".join([rng.choice(OPENINGS), *rng.sample(BACKGROUND, 2), pair.patient, rng.choice(CLOSINGS)])
        out.append(RawDialogue(pair.title, wrapped, pair.doctor, pair.source))
    return out


def main() -> None:
    from bedside.core.config import load_settings

    console = Console()
    embedder = open_embedder(load_settings())
    heldout = read_sample("heldout")
    sets = {
        "shipped held-out dialogues": heldout,
        "sample corpus, forum-style questions": read_sample("sample"),
        "long questions (held-out, wrapped in greetings and background)": long_questions(heldout),
    }
    for name, pairs in sets.items():
        for cleaning in (True, False):
            with tempfile.TemporaryDirectory() as scratch:
                metrics = retrieval_metrics(pairs, embedder, Path(scratch), clean_fts=cleaning)
            label = "full-text query cleaned of greetings and filler" if cleaning else "full-text query as typed"
            console.print(retrieval_table(metrics, f"{name}: {label}"))
            grid = metrics["fusion"]["grid_mrr_on_tuning_half"]
            console.print(
                "MRR per full-text weight, tuning half: " + ", ".join(f"{w}: {m:.3f}" for w, m in grid.items())
            )


if __name__ == "__main__":
    main()
