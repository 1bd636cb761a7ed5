"""The LanceDB table of doctor-answer chunks: schema, metadata, appends and indexes.

Each `append` is one LanceDB commit, and a commit becomes visible only when its manifest is
written: a killed ingest leaves the table at its last complete commit, never half a batch.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa

META_MODEL = b"bedside.embed_model"
META_DIM = b"bedside.embed_dim"
FTS_COLUMN = "text"
TEXT_COLUMNS = ["dialogue_id", "chunk_no", "title", "patient", "doctor", "text"]

# lance's Rust core logs routine notices ("No existing dataset … it will be created") at WARN.
os.environ.setdefault("LANCEDB_LOG", "error")


class StoreError(RuntimeError):
    """The index is missing, or was built in a way the current settings cannot use."""


@dataclass(frozen=True)
class IndexInfo:
    rows: int
    dialogues: int
    embed_model: str
    dim: int
    indices: list[str]


def schema(dim: int, model_id: str) -> pa.Schema:
    return pa.schema(
        [
            pa.field("id", pa.string(), nullable=False),
            pa.field("dialogue_id", pa.string(), nullable=False),
            pa.field("chunk_no", pa.int32(), nullable=False),
            pa.field("title", pa.string()),
            pa.field("patient", pa.string()),
            pa.field("doctor", pa.string()),
            pa.field("text", pa.string()),
            pa.field("source", pa.string()),
            pa.field("content_hash", pa.string()),
            pa.field("vector", pa.list_(pa.float32(), dim)),
        ],
        metadata={META_MODEL: model_id.encode(), META_DIM: str(dim).encode()},
    )


class WriterLock:
    """One `bedside index` at a time per index folder: two at once each added every row, so the
    table held each dialogue twice. An OS lock (flock) is released when its process dies, so a
    killed run never leaves a stale lock behind."""

    def __init__(self, folder: Path):
        self.path = Path(folder) / ".writer.lock"
        self._handle = None

    def __enter__(self) -> WriterLock:
        import fcntl

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle = self.path.open("a+")
        except OSError as error:
            raise StoreError(f"cannot write to the index folder {self.path.parent}: {error}") from error
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "?"
            handle.close()
            raise StoreError(
                f"another `bedside index` (pid {holder}) is writing to {self.path.parent}; wait for it to "
                "finish, then run this again"
            ) from None
        except OSError as error:  # e.g. a file system without locks
            handle.close()
            raise StoreError(f"cannot lock the index folder {self.path.parent}: {error}") from error
        try:
            handle.seek(0)
            handle.truncate()
            handle.write(str(os.getpid()))
            handle.flush()
        except OSError:
            pass  # the pid is only for the message a second run shows; the lock is what counts
        self._handle = handle
        return self

    def __exit__(self, *exc) -> None:
        if self._handle is not None:
            self._handle.close()  # closing releases the flock
            self._handle = None


class DialogueStore:
    """One LanceDB table under the data home's index folder."""

    def __init__(self, folder: Path, table: str):
        import lancedb

        self.folder = Path(folder)
        self.name = table
        self._db = lancedb.connect(str(self.folder))
        self._table = None

    def exists(self) -> bool:
        return self.name in self._db.list_tables().tables

    @property
    def table(self):
        if self._table is None:
            if not self.exists():
                raise StoreError(f"no index '{self.name}' in {self.folder}; run `bedside index` first")
            self._table = self._db.open_table(self.name)
        return self._table

    def embedder_of_index(self) -> tuple[str, int]:
        metadata = self.table.schema.metadata or {}
        return metadata.get(META_MODEL, b"?").decode(), int(metadata.get(META_DIM, b"0"))

    def check_embedder(self, model_id: str, dim: int) -> None:
        """Vectors from two different models are not comparable: refuse instead of returning noise."""
        built_model, built_dim = self.embedder_of_index()
        if (built_model, built_dim) != (model_id, dim):
            raise StoreError(
                f"the index in {self.folder} was built with {built_model} (dim {built_dim}), but the "
                f"configured embedder is {model_id} (dim {dim}). Rebuild it with `bedside index --rebuild`, "
                "or set embed_model back."
            )

    def create(self, dim: int, model_id: str, overwrite: bool = False) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        self._table = self._db.create_table(
            self.name, schema=schema(dim, model_id), mode="overwrite" if overwrite else "create"
        )

    def dialogue_ids(self) -> set[str]:
        ids = self.table.search().select(["dialogue_id"]).limit(None).to_arrow()
        return set(ids.column("dialogue_id").to_pylist())

    def append(self, rows: list[dict], vectors: np.ndarray) -> None:
        if not rows:
            return
        columns = {name: [row[name] for row in rows] for name in rows[0]}
        flat = pa.array(vectors.astype(np.float32, copy=False).ravel(), type=pa.float32())
        columns["vector"] = pa.FixedSizeListArray.from_arrays(flat, vectors.shape[1])
        self.table.add(pa.table(columns, schema=self.table.schema))

    def count(self) -> int:
        return self.table.count_rows()

    def build_indexes(self, ann_min_rows: int) -> list[str]:
        """Full-text index always; an ANN vector index only above `ann_min_rows` (flat search is
        exact and fast enough below it, and the ANN build is slow)."""
        from lancedb.index import FTS, IvfHnswSq

        built = []
        self.table.create_index(FTS_COLUMN, config=FTS(with_position=False), replace=True)
        built.append("fts")
        rows = self.count()
        if rows >= ann_min_rows:
            self.table.create_index("vector", config=IvfHnswSq(distance_type="cosine"), replace=True)
            built.append("ann")
        return built

    def indexes_stale(self, ann_min_rows: int) -> bool:
        """True when an index is missing or does not cover every row (e.g. after a killed ingest)."""
        listed = self.table.list_indices()
        kinds = {index.index_type for index in listed}
        if "FTS" not in kinds or any(index.num_unindexed_rows for index in listed):
            return True
        return self.count() >= ann_min_rows and not kinds - {"FTS"}

    def has_fts(self) -> bool:
        return any(index.index_type == "FTS" for index in self.table.list_indices())

    def indices(self) -> list[str]:
        return [f"{index.index_type}:{','.join(index.columns)}" for index in self.table.list_indices()]

    def compact(self) -> None:
        """Merge the many small commits of an ingest into few files (faster scans)."""
        self.table.optimize()

    def fusion(self):
        """The fusion weights tuned on this corpus (index/fusion.py), or the defaults."""
        from bedside.index.fusion import Fusion

        field = self.table.schema.field("vector")
        return Fusion.from_metadata({k.decode(): v.decode() for k, v in (field.metadata or {}).items()})

    def set_fusion(self, fusion) -> None:
        self.table.update_field_metadata({"path": "vector", "metadata": fusion.to_metadata()})

    def questions(self) -> list[tuple[str, str]]:
        """(patient question, dialogue id) of every dialogue: the labelled pairs tuning reads."""
        rows = self.table.search().where("chunk_no = 0").select(["patient", "dialogue_id"]).limit(None).to_arrow()
        return list(zip(rows.column("patient").to_pylist(), rows.column("dialogue_id").to_pylist(), strict=True))

    def info(self) -> IndexInfo:
        model, dim = self.embedder_of_index()
        return IndexInfo(self.count(), len(self.dialogue_ids()), model, dim, self.indices())
