"""corpus -> clean -> chunk -> embed -> LanceDB, resumable and idempotent.

Dialogues are processed in batches; each batch is one commit. A rerun reads the dialogue ids
already in the table and skips them, so Ctrl-C, a kill or a crash costs at most one batch and
never duplicates rows. `rebuild=True` starts a fresh table.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from bedside.index import fusion
from bedside.index.chunking import Chunk, chunk_dialogue
from bedside.index.clean import MAX_ANSWER_CHARS, CleanDialogue, CleanStats, clean_dialogues
from bedside.index.embedder import Embedder
from bedside.index.fusion import Fusion
from bedside.index.sources import RawDialogue, SourceError
from bedside.index.store import DialogueStore, WriterLock

DIALOGUES_PER_COMMIT = 512  # the most dialogues one commit holds
FIRST_COMMIT = 16  # the first batch, before the speed of this machine and corpus is known
COMMIT_SECONDS = 3.0  # the work one commit holds, at most about this long


@dataclass
class IngestStats:
    clean: CleanStats = field(default_factory=CleanStats)
    already_indexed: int = 0
    added_dialogues: int = 0
    chunks: int = 0
    tokens: int = 0
    seconds: float = 0.0
    total_rows: int = 0
    indexes: list[str] = field(default_factory=list)
    fusion: str = ""  # the tuned full-text weight and what it measured, when tuned in this run

    def as_dict(self) -> dict:
        rate = self.added_dialogues / self.seconds if self.seconds else 0.0
        return {
            **self.clean.as_dict(),
            "already_indexed": self.already_indexed,
            "added_dialogues": self.added_dialogues,
            "chunks": self.chunks,
            "tokens": self.tokens,
            "seconds": round(self.seconds, 2),
            "docs_per_s": round(rate, 1),
            "table_rows": self.total_rows,
            "indexes": self.indexes,
            **({"fusion": self.fusion} if self.fusion else {}),
        }


# Called after each committed batch with (dialogues done, dialogues to do).
ProgressFn = Callable[[int, int], None]


def _rows(dialogue: CleanDialogue, chunks: Sequence[Chunk]) -> list[dict]:
    # The whole question and answer are stored once, on chunk 0; a search that matches a later chunk
    # reads them from there. Stored on every chunk, a 30,000-character answer cut into 30 chunks
    # would be kept 30 times.
    return [
        {
            "id": chunk.chunk_id,
            "dialogue_id": dialogue.dialogue_id,
            "chunk_no": chunk.chunk_no,
            "title": dialogue.title,
            "patient": dialogue.patient if chunk.chunk_no == 0 else "",
            "doctor": dialogue.doctor if chunk.chunk_no == 0 else "",
            "text": chunk.text,
            "source": dialogue.source,
            "content_hash": dialogue.dialogue_id,
        }
        for chunk in chunks
    ]


def tune_fusion(store: DialogueStore, embedder: Embedder, batch_size: int = 64) -> Fusion:
    """Tune the full-text weight on a slice of the corpus's own questions and store it in the table."""
    from bedside.index.search import CANDIDATES_PER_HIT, Retriever, fts_query

    queries = [(q, d) for q, d in fusion.tuning_queries(store.questions()) if fts_query(q).strip()]
    vectors = embedder.embed([q for q, _ in queries], batch_size=batch_size) if queries else np.zeros((0, 1))
    retriever = Retriever(store, embedder)
    limit = 10 * CANDIDATES_PER_HIT
    chosen = fusion.tune(queries, vectors, lambda question, vector: retriever.rankings(question, vector, limit))
    store.set_fusion(chosen)
    return chosen


def ingest(
    raw: Sequence[RawDialogue],
    store: DialogueStore,
    embedder: Embedder,
    *,
    overlap: int,
    batch_size: int = 64,
    ann_min_rows: int = 20_000,
    rebuild: bool = False,
    progress: ProgressFn | None = None,
    per_commit: int = DIALOGUES_PER_COMMIT,
    tune: bool = False,
) -> IngestStats:
    """Clean, chunk, embed and append the dialogues not indexed yet; then compact, build the
    indexes and tune the fusion weights on the corpus (when anything was added, or `tune`)."""
    stats = IngestStats()
    started = time.perf_counter()
    dialogues = clean_dialogues(raw, stats.clean)
    if not dialogues:
        raise SourceError(
            f"no usable dialogues: {stats.clean.rows_read} rows read, {stats.clean.empty} with an empty "
            f"answer, {stats.clean.too_long} with an answer over {MAX_ANSWER_CHARS:,} characters; check --answer-col"
        )

    with WriterLock(store.folder):
        if rebuild or not store.exists():
            store.create(embedder.dim, embedder.model_id, overwrite=rebuild)
        store.check_embedder(embedder.model_id, embedder.dim)
        done = store.dialogue_ids()
        todo = [d for d in dialogues if d.dialogue_id not in done]
        stats.already_indexed = len(dialogues) - len(todo)

        # Batches are sized to take about COMMIT_SECONDS each, so a kill loses seconds of work, not the
        # 512 dialogues of a fixed batch (minutes on a laptop); per_commit caps the size.
        size, begin = min(FIRST_COMMIT, per_commit), 0
        while begin < len(todo):
            batch = todo[begin : begin + size]
            begin += len(batch)
            batch_started = time.perf_counter()
            rows: list[dict] = []
            lengths: list[int] = []
            for dialogue in batch:
                chunks = chunk_dialogue(dialogue, embedder.tokenizer, embedder.max_tokens, overlap)
                rows.extend(_rows(dialogue, chunks))
                lengths.extend(chunk.tokens for chunk in chunks)
            vectors = embedder.embed([row["text"] for row in rows], batch_size=batch_size, lengths=lengths)
            store.append(rows, vectors)
            stats.added_dialogues += len(batch)
            stats.chunks += len(rows)
            stats.tokens += sum(lengths)
            per_dialogue = (time.perf_counter() - batch_started) / len(batch)
            size = max(1, min(per_commit, int(COMMIT_SECONDS / max(per_dialogue, 1e-6))))
            if progress:
                progress(stats.added_dialogues, len(todo))

        if stats.added_dialogues:
            store.compact()
        if stats.added_dialogues or store.indexes_stale(ann_min_rows):
            stats.indexes = store.build_indexes(ann_min_rows)
        if stats.added_dialogues or tune:
            stats.fusion = tune_fusion(store, embedder, batch_size).describe()
    stats.total_rows = store.count()
    stats.seconds = time.perf_counter() - started
    return stats
