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

import numpy as np
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


def question_side(embedder, pairs: list[RawDialogue], seed: int = 0) -> dict:
    """Would a second vector over the stored patient questions help? Labelled without leaking: the
    query is each dialogue's title (a short paraphrase of its question), the target its own dialogue;
    the answer field holds the doctor's answer, the question field the patient's full question. The
    question field is fused by the better of the two similarities; paired bootstrap of the MRR gain."""
    titles = [p.title.removeprefix("Q. ") for p in pairs]
    answers = np.asarray(embedder.embed([p.doctor for p in pairs]))
    questions = np.asarray(embedder.embed([p.patient for p in pairs]))
    queries = np.asarray(embedder.embed(titles))
    by_answer = queries @ answers.T
    by_both = np.maximum(by_answer, queries @ questions.T)

    def reciprocal_ranks(scores: np.ndarray) -> np.ndarray:
        own = scores[np.arange(len(scores)), np.arange(len(scores))][:, None]
        return 1.0 / (1 + (scores > own).sum(axis=1))

    gain = reciprocal_ranks(by_both) - reciprocal_ranks(by_answer)
    rng = np.random.default_rng(seed)
    boots = [gain[rng.integers(0, len(gain), len(gain))].mean() for _ in range(2000)]
    low, high = np.percentile(boots, [2.5, 97.5])
    return {
        "answer_mrr": float(reciprocal_ranks(by_answer).mean()),
        "answer_and_question_mrr": float(reciprocal_ranks(by_both).mean()),
        "gain": float(gain.mean()),
        "gain_ci": (float(low), float(high)),
    }


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
    for name in ("heldout", "sample"):
        pairs = read_sample(name)
        side = question_side(embedder, pairs)
        console.print(
            f"question side, {name} ({len(pairs)} dialogues, each queried by its title): MRR answer field "
            f"{side['answer_mrr']:.3f}, answer + question field {side['answer_and_question_mrr']:.3f}, gain "
            f"{side['gain']:+.3f} [{side['gain_ci'][0]:+.3f}, {side['gain_ci'][1]:+.3f}]"
        )


if __name__ == "__main__":
    main()
