"""Corpus -> vectors -> LanceDB, and `search()` over it. Knows nothing about LLMs.

The retriever API that core calls:

    from bedside.index import open_retriever
    retriever = open_retriever(settings)
    hits = retriever.search("I have had a headache for three days", k=5, kind="hybrid")
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bedside.core.config import Settings, resolve_embed_model

if TYPE_CHECKING:
    from bedside.index.embedder import Embedder
    from bedside.index.search import Hit, Retriever
    from bedside.index.store import DialogueStore

__all__ = ["open_embedder", "open_store", "open_retriever", "search"]


def open_embedder(settings: Settings) -> Embedder:
    from bedside.core.embedded import ensure_embedder
    from bedside.index.embedder import Embedder

    if not settings.embed_model:
        # Lazy first-use setup; a complete folder is reused without re-hashing.
        ensure_embedder(settings.paths, verify=False)
    return Embedder(
        resolve_embed_model(settings), max_tokens=settings.chunk_tokens, model_name=settings.embed_model_name
    )


def open_store(settings: Settings) -> DialogueStore:
    from bedside.index.store import DialogueStore

    return DialogueStore(settings.paths.index, settings.table)


def open_retriever(settings: Settings, embedder: Embedder | None = None) -> Retriever:
    from bedside.index.search import Retriever

    return Retriever(open_store(settings), embedder or open_embedder(settings))


_default: Retriever | None = None


def search(query: str, k: int | None = None, kind: str | None = None) -> list[Hit]:
    """One-call search with the effective settings; the retriever is opened once per process."""
    global _default
    from bedside.core.config import load_settings

    settings = load_settings()
    if _default is None:
        _default = open_retriever(settings)
    return _default.search(query, k or settings.search_k, kind or settings.search_kind)
