"""What a first start needs before questions can be answered, and doing it (for the chat UI)."""

from __future__ import annotations

from collections.abc import Callable

from bedside.core.config import Settings

MODELS, INDEX = "models", "index"


def setup_needed(settings: Settings) -> list[str]:
    """'models' when the embedded models are not materialised; 'index' when the index is empty."""
    from bedside.core.embedded import embedded_ready

    needed = []
    if not settings.llm_gguf and not settings.embed_model and not embedded_ready(settings.paths):
        needed.append(MODELS)
    if not index_on_disk(settings):
        needed.append(INDEX)
    return needed


def index_on_disk(settings: Settings) -> bool:
    """The table has committed data files. Read from the folder, not through lancedb, whose import
    and open cost 1.5 s of the chat's start-up; a table is only ever committed with rows."""
    data = settings.paths.index / f"{settings.table}.lance" / "data"
    return data.is_dir() and any(data.iterdir())


def run_setup(
    settings: Settings, needed: list[str], say: Callable[[str], None], progress: Callable[[int, int], None]
) -> None:
    from bedside.core.embedded import ensure_base_gguf, ensure_embedder
    from bedside.index import open_embedder, open_store
    from bedside.index.ingest import ingest
    from bedside.index.sources import read_sample

    if MODELS in needed:
        say("copying and checking the embedded models…")
        ensure_base_gguf(settings.paths)
        ensure_embedder(settings.paths)
    if INDEX in needed:
        say("indexing the sample corpus…")
        ingest(
            read_sample(),
            open_store(settings),
            open_embedder(settings),
            overlap=settings.chunk_overlap,
            batch_size=settings.embed_batch,
            ann_min_rows=settings.ann_min_rows,
            progress=progress,
        )
