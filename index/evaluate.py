"""Retrieval quality: index the reference answers alone and query with their questions.

Recall@1/5/10 and MRR of each question's own answer, per search kind. All questions are embedded in
one batched call, so thousands of pairs run in one process.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from bedside.index.clean import clean_dialogues
from bedside.index.embedder import Embedder
from bedside.index.ingest import ingest
from bedside.index.search import Retriever
from bedside.index.sources import RawDialogue
from bedside.index.store import DialogueStore

KINDS = ("vector", "fts", "hybrid")


def retrieval_metrics(
    pairs: Sequence[RawDialogue], embedder: Embedder, folder: Path, kinds: Sequence[str] = KINDS, batch_size: int = 64
) -> dict[str, dict[str, float]]:
    answers_only = [RawDialogue("", "", p.doctor, p.source) for p in pairs]
    store = DialogueStore(folder, "retrieval_eval")
    ingest(answers_only, store, embedder, overlap=48, batch_size=batch_size, rebuild=True)
    retriever = Retriever(store, embedder)
    own = []
    for raw in answers_only:  # one at a time: clean_dialogues drops repeated answers, ids must stay per pair
        cleaned = clean_dialogues([raw])
        own.append(cleaned[0].dialogue_id if cleaned else None)
    vectors = embedder.embed([p.patient for p in pairs], batch_size=batch_size)
    out: dict[str, dict[str, float]] = {}
    for kind in kinds:
        ranks: list[int | None] = []
        for pair, vector, target in zip(pairs, vectors, own, strict=True):
            if target is None or not pair.patient.strip():
                continue
            ids = [h.dialogue_id for h in retriever.search(pair.patient, 10, kind, query_vector=vector)]
            ranks.append(ids.index(target) + 1 if target in ids else None)
        out[kind] = {
            **{f"recall@{k}": float(np.mean([r is not None and r <= k for r in ranks])) for k in (1, 5, 10)},
            "mrr": float(np.mean([1 / r if r else 0.0 for r in ranks])),
            "n": len(ranks),
        }
    return out


def retrieval_table(metrics: dict[str, dict[str, float]], title: str):
    """The metrics as a rich table: `bedside eval --retrieval-only` and `just bench-index` print it."""
    from rich.table import Table

    table = Table(title=title)
    for column in ("kind", "recall@1", "recall@5", "recall@10", "MRR"):
        table.add_column(column, justify="right")
    for kind, row in metrics.items():
        table.add_row(kind, *(f"{row[f'recall@{k}']:.3f}" for k in (1, 5, 10)), f"{row['mrr']:.3f}")
    return table
