"""The FT and Hybrid adapters shipped for the embedded model: present and intact, used when none is
configured, they change the answers, and a damaged or foreign one is refused with the fix."""

from __future__ import annotations

import shutil
from dataclasses import replace

import pytest

from bedside.core.config import Settings
from bedside.core.embedded import base_gguf_source, sha256_file
from bedside.core.engine import Engine
from bedside.core.modes import Mode
from bedside.core.prompts import TranscriptTemplate, prompt_format
from bedside.core.shipped import ShippedAdapterError, manifest, shipped_adapter, verified

QUESTION = "I twisted my ankle playing football yesterday and it is swollen. What should I do?"


def test_the_manifest_names_intact_adapters_for_the_embedded_model_in_the_current_format():
    data = manifest()
    assert data is not None, "bedside/models/adapters/MANIFEST.json is missing: run `just ship-adapters`"
    assert data["base_sha256"] == base_gguf_source().EXPECTED_SHA256
    assert data["prompt_format"] == prompt_format(TranscriptTemplate())
    for slot in ("ft", "hybrid"):
        adapter = shipped_adapter(slot)
        assert sha256_file(adapter.path) == adapter.sha256
        assert verified(adapter, data["base_sha256"]) == adapter.path


def test_every_mode_works_at_first_start_and_the_adapters_change_the_answer(
    session_paths, base_gguf, sample_index, embedder
):
    from bedside.index.search import Retriever

    # The session's home already holds the embedded GGUF: no adapter configured, no llm_gguf set.
    settings = Settings(home=str(session_paths.home), llm_gguf="", temperature=0.0, max_tokens=24)
    engine = Engine(settings, retriever=Retriever(sample_index[0], embedder))
    assert engine.available_modes() == [Mode.RAG, Mode.FT, Mode.HYBRID, Mode.BASE]
    answers = {mode: engine.ask(QUESTION, mode).text for mode in (Mode.BASE, Mode.FT, Mode.HYBRID)}
    assert len(set(answers.values())) == 3, answers


def test_a_configured_adapter_wins_over_the_shipped_one(session_paths, adapter_gguf):
    engine = Engine(Settings(home=str(session_paths.home), adapter_ft=str(adapter_gguf), max_tokens=4))
    assert (
        engine._adapter_path("ft") == adapter_gguf and engine._adapter_path("hybrid") == shipped_adapter("hybrid").path
    )


def test_a_damaged_or_foreign_shipped_adapter_is_refused(tmp_path):
    adapter = shipped_adapter("ft")
    copy = tmp_path / "ft.gguf"
    shutil.copyfile(adapter.path, copy)
    with copy.open("r+b") as handle:  # one flipped byte in the middle
        handle.seek(copy.stat().st_size // 2)
        byte = handle.read(1)
        handle.seek(-1, 1)
        handle.write(bytes([byte[0] ^ 0xFF]))
    with pytest.raises(ShippedAdapterError, match="damaged"):
        verified(replace(adapter, path=copy), adapter.base_sha256)
    with pytest.raises(ShippedAdapterError, match="another base model"):
        verified(adapter, "0" * 64)


def test_a_damaged_manifest_is_a_clear_error_not_a_crash(tmp_path, monkeypatch):
    from bedside.core import shipped

    (tmp_path / "MANIFEST.json").write_text('{"adapters": {"ft": {}}}', encoding="utf-8")
    monkeypatch.setattr(shipped, "_folder", lambda: tmp_path)
    with pytest.raises(ShippedAdapterError, match="damaged"):
        shipped.shipped_adapter("ft")
