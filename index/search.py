"""Search the dialogue index: vector, full text, or both fused with reciprocal rank fusion.

The table holds chunks; a long answer has several. Results are collapsed to dialogues (the best
chunk stands for its dialogue), so callers get k distinct doctor answers, never duplicates.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Literal

import numpy as np

from bedside.index.embedder import Embedder
from bedside.index.store import TEXT_COLUMNS, DialogueStore, StoreError

SearchKind = Literal["vector", "fts", "hybrid"]
KINDS: tuple[str, ...] = ("vector", "fts", "hybrid")
RRF_K = 60  # the usual damping constant: rank 1 counts 1/61, rank 10 counts 1/70
CANDIDATES_PER_HIT = 4  # chunks fetched per wanted dialogue, so collapsing still leaves k
# The ANN index stores 8-bit vectors; re-ranking 5x the candidates on full vectors took recall@10
# from 0.69 to 0.98 at 200k rows for ~1.5 ms more (index/bench.py). No effect on flat search.
ANN_REFINE = 5
WORD = re.compile(r"\w+", re.UNICODE)


class QueryError(ValueError):
    """A query that cannot be searched."""


@dataclass(frozen=True)
class Hit:
    rank: int
    score: float
    dialogue_id: str
    title: str
    patient: str
    doctor: str
    chunk: str  # the chunk that matched (part of `doctor`, prefixed by the title)

    def to_json(self) -> dict:
        data = asdict(self)
        data.pop("chunk")
        return data


def _collapse(rows: list[dict], score_key: str, higher_is_better: bool) -> list[tuple[float, dict]]:
    best: dict[str, tuple[float, dict]] = {}
    for row in rows:
        raw = float(row[score_key])
        score = raw if higher_is_better else 1.0 - raw  # cosine distance -> similarity
        current = best.get(row["dialogue_id"])
        if current is None or score > current[0]:
            best[row["dialogue_id"]] = (score, row)
    return sorted(best.values(), key=lambda pair: pair[0], reverse=True)


def clean_query(query: str) -> str:
    """Collapse spaces; refuse a query with no word in it (nothing to embed or match)."""
    query = " ".join(query.split())
    if not WORD.search(query):
        raise QueryError("the query is empty or only punctuation; ask a question in words")
    return query


def fts_query(query: str) -> str:
    """Words only: the full-text parser treats quotes, colons and brackets as syntax."""
    return " ".join(WORD.findall(query))


class Retriever:
    """Embedder + table, opened once; `search` is safe to call many times (one query each)."""

    def __init__(self, store: DialogueStore, embedder: Embedder):
        store.check_embedder(embedder.model_id, embedder.dim)
        if not store.has_fts():
            raise StoreError(
                f"the index in {store.folder} has no full-text index (was `bedside index` interrupted?); "
                "run `bedside index` again to finish it"
            )
        self.store = store
        self.embedder = embedder

    def _vector(self, vector: np.ndarray, limit: int) -> list[tuple[float, dict]]:
        rows = (
            self.store.table.search(vector, vector_column_name="vector")
            .metric("cosine")
            .refine_factor(ANN_REFINE)
            .limit(limit)
            .select(TEXT_COLUMNS + ["_distance"])
            .to_list()
        )
        return _collapse(rows, "_distance", higher_is_better=False)

    def _fts(self, query: str, limit: int) -> list[tuple[float, dict]]:
        rows = self.store.table.search(fts_query(query), query_type="fts").limit(limit).select(TEXT_COLUMNS).to_list()
        return _collapse(rows, "_score", higher_is_better=True)

    def search(
        self, query: str, k: int = 5, kind: SearchKind = "hybrid", query_vector: np.ndarray | None = None
    ) -> list[Hit]:
        """k distinct dialogues, best first. `query_vector` is the query's embedding when the caller
        has it already (batch evaluation embeds thousands of queries in one call)."""
        query = clean_query(query)
        if kind not in KINDS:
            raise QueryError(f"unknown search kind {kind!r}; use one of {', '.join(KINDS)}")
        if k < 1:
            raise QueryError("k must be at least 1")
        limit = k * CANDIDATES_PER_HIT
        if kind != "fts" and query_vector is None:
            query_vector = self.embedder.embed_query(query)
        if kind == "vector":
            ranked = self._vector(query_vector, limit)
        elif kind == "fts":
            ranked = self._fts(query, limit)
        else:
            ranked = self._fuse(self._vector(query_vector, limit), self._fts(query, limit))
        return [
            Hit(rank, round(score, 6), row["dialogue_id"], row["title"], row["patient"], row["doctor"], row["text"])
            for rank, (score, row) in enumerate(ranked[:k], start=1)
        ]

    @staticmethod
    def _fuse(*rankings: list[tuple[float, dict]]) -> list[tuple[float, dict]]:
        """Reciprocal rank fusion: scores of different scales (cosine, BM25) combine by rank alone."""
        fused: dict[str, tuple[float, dict]] = {}
        for ranking in rankings:
            for rank, (_, row) in enumerate(ranking, start=1):
                score, _ = fused.get(row["dialogue_id"], (0.0, row))
                fused[row["dialogue_id"]] = (score + 1.0 / (RRF_K + rank), row)
        return sorted(fused.values(), key=lambda pair: pair[0], reverse=True)
