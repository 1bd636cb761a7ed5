"""Search the dialogue index: vector, full text, or both fused by weighted reciprocal rank fusion
(the full-text weight is tuned per corpus at index time, index/fusion.py).

The table holds chunks; a long answer has several. Results are collapsed to dialogues (the best
chunk stands for its dialogue), so callers get k distinct doctor answers, never duplicates.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Literal

import numpy as np

from bedside.index.embedder import Embedder
from bedside.index.fusion import clean_fts_query, fuse
from bedside.index.store import TEXT_COLUMNS, DialogueStore, StoreError

SearchKind = Literal["vector", "fts", "hybrid"]
KINDS: tuple[str, ...] = ("vector", "fts", "hybrid")
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


def fts_query(query: str, clean: bool = True) -> str:
    """Words only (the full-text parser treats quotes, colons and brackets as syntax), and without
    greetings and filler ("Hello doctor", "thanks in advance") unless `clean` is False."""
    words = " ".join(WORD.findall(query))
    return clean_fts_query(words) if clean else words


class Retriever:
    """Embedder + table, opened once; `search` is safe to call many times (one query each)."""

    def __init__(self, store: DialogueStore, embedder: Embedder, clean_fts: bool = True):
        store.check_embedder(embedder.model_id, embedder.dim)
        if not store.has_fts():
            raise StoreError(
                f"the index in {store.folder} has no full-text index (was `bedside index` interrupted?); "
                "run `bedside index` again to finish it"
            )
        self.store = store
        self.embedder = embedder
        self.fusion = store.fusion()  # the full-text weight tuned on this corpus at index time
        self.clean_fts = clean_fts  # False only to measure what cleaning the full-text query changes

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
        rows = (
            self.store.table.search(fts_query(query, self.clean_fts), query_type="fts")
            .limit(limit)
            .select(TEXT_COLUMNS)
            .to_list()
        )
        return _collapse(rows, "_score", higher_is_better=True)

    def rankings(self, query: str, vector: np.ndarray, limit: int) -> tuple[list, list]:
        """The vector and the full-text candidates of one query, each best first."""
        return self._vector(vector, limit), self._fts(query, limit)

    def search(
        self,
        query: str,
        k: int = 5,
        kind: SearchKind = "hybrid",
        query_vector: np.ndarray | None = None,
        fts_weight: float | None = None,
    ) -> list[Hit]:
        """k distinct dialogues, best first. `query_vector` is the query's embedding when the caller
        has it already (batch evaluation embeds thousands of queries in one call). `fts_weight`
        overrides the index's tuned weight (1.0: equal-weight RRF), for comparisons."""
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
            weight = self.fusion.fts_weight if fts_weight is None else fts_weight
            if weight <= 0:  # vector alone: no full-text query to wait for
                ranked = self._vector(query_vector, limit)
            else:
                ranked = fuse(*self.rankings(query, query_vector, limit), weight)
        ranked = ranked[:k]
        whole = self._whole_dialogues([row for _, row in ranked])
        return [
            Hit(
                rank,
                round(score, 6),
                row["dialogue_id"],
                row["title"],
                *whole.get(row["dialogue_id"], ("", "")),
                row["text"],
            )
            for rank, (score, row) in enumerate(ranked, start=1)
        ]

    def _whole_dialogues(self, rows: list[dict]) -> dict[str, tuple[str, str]]:
        """(patient, doctor) of each hit's dialogue. They are stored on its chunk 0 only (indexes
        built before that have them on every chunk), so a hit on a later chunk reads chunk 0."""
        whole = {row["dialogue_id"]: (row["patient"], row["doctor"]) for row in rows if row["doctor"]}
        missing = sorted({row["dialogue_id"] for row in rows} - whole.keys())
        if missing:
            ids = ", ".join("'" + dialogue_id.replace("'", "''") + "'" for dialogue_id in missing)
            found = (
                self.store.table.search()
                .where(f"chunk_no = 0 AND dialogue_id IN ({ids})")
                .select(["dialogue_id", "patient", "doctor"])
                .limit(len(missing))
                .to_list()
            )
            whole.update({row["dialogue_id"]: (row["patient"], row["doctor"]) for row in found})
        return whole
