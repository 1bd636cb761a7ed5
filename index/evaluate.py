"""Retrieval quality: index the reference answers alone and query with their questions.

Recall@1/5/10 and MRR of each question's own answer, with 95% intervals, for vector search, full
text, equal-weight RRF and the tuned fusion. The fusion weight is tuned as `bedside index` tunes it,
but on a seeded half of the pairs, and every figure is measured on the other half: a weight chosen
on the questions it is scored on would flatter itself. All questions are embedded in one call.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from bedside.index import fusion
from bedside.index.clean import clean_dialogues
from bedside.index.embedder import Embedder
from bedside.index.ingest import ingest
from bedside.index.search import CANDIDATES_PER_HIT, Retriever, fts_query
from bedside.index.sources import RawDialogue
from bedside.index.store import DialogueStore

# vector, full text, equal-weight RRF (the old default), and the fusion tuned on the tuning half
KINDS = ("vector", "fts", "rrf", "hybrid")
DEPTH = 10


def wilson(hits: int, n: int) -> tuple[float, float]:
    """95% Wilson interval of a proportion (sensible at 0/n and n/n, unlike the normal one)."""
    if n == 0:
        return (0.0, 1.0)
    z, p = 1.96, hits / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (max(0.0, centre - half), min(1.0, centre + half))


def _rounded(interval: tuple[float, float]) -> list[float]:
    return [round(interval[0], 4), round(interval[1], 4)]


def _summary(ranks: list[int | None]) -> dict:
    n = len(ranks)
    if n == 0:  # nothing measured: zeros and the widest intervals, never NaN (invalid JSON)
        empty = {f"recall@{k}": 0.0 for k in (1, 5, 10)}
        return {**empty, "mrr": 0.0, "n": 0, "ci": {**{k: [0.0, 1.0] for k in empty}, "mrr": [0.0, 1.0]}}
    reciprocal = np.asarray([1 / r if r else 0.0 for r in ranks])
    spread = 1.96 * reciprocal.std(ddof=1) / math.sqrt(n) if n > 1 else 1.0
    out: dict = {f"recall@{k}": float(np.mean([r is not None and r <= k for r in ranks])) for k in (1, 5, 10)}
    out["mrr"] = float(reciprocal.mean()) if n else 0.0
    out["n"] = n
    out["ci"] = {
        **{f"recall@{k}": _rounded(wilson(sum(r is not None and r <= k for r in ranks), n)) for k in (1, 5, 10)},
        "mrr": [round(max(0.0, out["mrr"] - spread), 4), round(min(1.0, out["mrr"] + spread), 4)],
    }
    return out


def retrieval_metrics(
    pairs: Sequence[RawDialogue],
    embedder: Embedder,
    folder: Path,
    batch_size: int = 64,
    seed: int = 0,
    clean_fts: bool = True,
) -> dict[str, dict]:
    answers_only = [RawDialogue("", "", p.doctor, p.source) for p in pairs]
    store = DialogueStore(folder, "retrieval_eval")
    ingest(answers_only, store, embedder, overlap=48, batch_size=batch_size, rebuild=True)
    retriever = Retriever(store, embedder, clean_fts)
    own = []
    for raw in answers_only:  # one at a time: clean_dialogues drops repeated answers, ids must stay per pair
        cleaned = clean_dialogues([raw])
        own.append(cleaned[0].dialogue_id if cleaned else None)
    vectors = embedder.embed([p.patient for p in pairs], batch_size=batch_size)
    usable = [i for i, (p, t) in enumerate(zip(pairs, own, strict=True)) if t and fts_query(p.patient).strip()]
    order = usable[:]
    random.Random(seed).shuffle(order)
    tuning, measured = sorted(order[: len(order) // 2]), sorted(order[len(order) // 2 :])
    limit = DEPTH * CANDIDATES_PER_HIT
    candidates = {i: retriever.rankings(pairs[i].patient, vectors[i], limit) for i in usable}

    chosen = fusion.tune_on_rankings([own[i] for i in tuning], [candidates[i] for i in tuning])
    ranks: dict[str, list[int | None]] = {kind: [] for kind in KINDS}
    for i in measured:
        by_vector, by_text = candidates[i]
        for kind, ranked in (
            ("vector", by_vector),
            ("fts", by_text),
            ("rrf", fusion.fuse(by_vector, by_text, 1.0)),
            ("hybrid", fusion.fuse(by_vector, by_text, chosen.fts_weight)),
        ):
            ranks[kind].append(fusion.rank_of(ranked, own[i], DEPTH))
    out = {kind: _summary(r) for kind, r in ranks.items()}
    out["fusion"] = {
        "fts_weight": chosen.fts_weight,
        "tuned": chosen.tuned,
        "tuning_pairs": len(tuning),
        "grid_mrr_on_tuning_half": (chosen.measured or {}).get("grid", {}),
    }
    return out


def retrieval_table(metrics: dict[str, dict], title: str):
    """The metrics as a rich table: `bedside eval --retrieval-only` and `just bench-index` print it."""
    from rich.table import Table

    table = Table(title=title)
    for column in ("kind", "recall@1", "recall@5", "recall@10", "MRR", "n"):
        table.add_column(column, justify="right")
    weight = metrics.get("fusion", {})
    names = {
        "vector": "vector",
        "fts": "full text",
        "rrf": "hybrid, equal-weight RRF",
        "hybrid": f"hybrid, tuned (full text x{weight.get('fts_weight', '?')}"
        + ("" if weight.get("tuned") else ", default: too few pairs to tune")
        + ")",
    }

    def cell(row: dict, name: str) -> str:
        low, high = row["ci"][name]
        return f"{row[name]:.3f} [{low:.2f}, {high:.2f}]"

    for kind in KINDS:
        row = metrics[kind]
        table.add_row(names[kind], *(cell(row, f"recall@{k}") for k in (1, 5, 10)), cell(row, "mrr"), str(row["n"]))
    return table
