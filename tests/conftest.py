"""Shared fixtures: real models materialised once per session, a fresh data home per test.

Nothing here fakes a component: the embedder is the embedded MiniLM through fastembed, the index
is LanceDB on disk. Per-test homes point `embed_model` at the session's embedder folder so the
model files are copied once, not once per test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bedside.core.config import DataPaths, Settings, load_settings
from bedside.core.embedded import ensure_embedder
from bedside.core.prompts import TranscriptTemplate, prompt_format

# The embedded base model has no chat template: Bedside prompts it as a transcript.
BASE_MODEL_FORMAT = prompt_format(TranscriptTemplate())


@pytest.fixture(scope="session")
def session_paths(tmp_path_factory) -> DataPaths:
    paths = DataPaths(tmp_path_factory.mktemp("session-home"))
    ensure_embedder(paths)
    return paths


@pytest.fixture(scope="session")
def embedder(session_paths):
    from bedside.index.embedder import Embedder

    return Embedder(str(session_paths.embedder_dir), max_tokens=256)


@pytest.fixture
def home(tmp_path, monkeypatch, session_paths) -> Path:
    """A fresh data home and config file for one test, using the session's embedder folder."""
    home = tmp_path / "home"
    monkeypatch.setenv("BEDSIDE_HOME", str(home))
    monkeypatch.setenv("BEDSIDE_CONFIG", str(tmp_path / "config.toml"))
    monkeypatch.setenv("BEDSIDE_EMBED_MODEL", str(session_paths.embedder_dir))
    for name in ("SEARCH_K", "SEARCH_KIND", "LLM_GGUF", "TABLE", "ANN_MIN_ROWS"):
        monkeypatch.delenv(f"BEDSIDE_{name}", raising=False)
    return home


@pytest.fixture
def settings(home) -> Settings:
    return load_settings()


@pytest.fixture(scope="session")
def sample_index(session_paths, embedder, tmp_path_factory):
    """The shipped sample corpus indexed once; tests only read it."""
    from bedside.index.ingest import ingest
    from bedside.index.sources import read_sample
    from bedside.index.store import DialogueStore

    store = DialogueStore(tmp_path_factory.mktemp("sample-index"), "dialogues")
    stats = ingest(read_sample(), store, embedder, overlap=48)
    return store, stats


@pytest.fixture(scope="session")
def base_gguf(session_paths) -> Path:
    from bedside.core.embedded import ensure_base_gguf

    return ensure_base_gguf(session_paths, verify=False).path


@pytest.fixture(scope="session")
def adapter_gguf(base_gguf, tmp_path_factory) -> Path:
    """A random PEFT adapter exported to GGUF by Bedside's own export code."""
    from bedside.train.export import export_peft_to_gguf
    from bedside.train.random_adapter import random_peft_adapter

    folder = tmp_path_factory.mktemp("adapter")
    peft = random_peft_adapter(folder / "peft", base_gguf)
    return export_peft_to_gguf(peft, base_gguf, folder / "ft.gguf", prompt_format=BASE_MODEL_FORMAT).path


@pytest.fixture(scope="session")
def backend(base_gguf, adapter_gguf):
    """The real embedded GGUF with two adapter slots, loaded once for the session."""
    from bedside.core.backend import LlamaBackend

    loaded = LlamaBackend(base_gguf, n_ctx=2048, adapters={"ft": adapter_gguf, "hybrid": adapter_gguf})
    yield loaded
    loaded.close()
