"""Materialising the embedded models: sha256-checked, idempotent, never half-written."""

import pytest
from typer.testing import CliRunner

from bedside.cli import app
from bedside.core.config import DataPaths
from bedside.core.embedded import (
    MANIFEST,
    ModelSetupError,
    embedded_ready,
    ensure_base_gguf,
    ensure_embedder,
    sha256_file,
)


def test_embedder_folder_is_complete_and_reused(tmp_path):
    paths = DataPaths(tmp_path)
    first = ensure_embedder(paths)
    assert first.written
    names = {p.name for p in first.path.iterdir()}
    assert {
        "model.onnx",
        "tokenizer.json",
        "config.json",
        "special_tokens_map.json",
        "tokenizer_config.json",
        MANIFEST,
    } <= names
    assert not ensure_embedder(paths).written


def test_tampered_embedder_is_refused_then_repaired(tmp_path):
    paths = DataPaths(tmp_path)
    ensure_embedder(paths)
    with (paths.embedder_dir / "tokenizer.json").open("a") as handle:
        handle.write(" ")
    with pytest.raises(ModelSetupError, match="setup --force"):
        ensure_embedder(paths)
    assert ensure_embedder(paths, force=True).written
    assert not ensure_embedder(paths).written


def test_interrupted_setup_is_not_mistaken_for_a_finished_one(tmp_path):
    paths = DataPaths(tmp_path)
    # What a kill during setup leaves behind: a staging folder and a partial GGUF.
    staging = paths.models / f".{paths.embedder_dir.name}.partial"
    staging.mkdir(parents=True)
    (staging / "model.onnx").write_bytes(b"half")
    (paths.models / f".{paths.base_gguf.name}.abc.partial").write_bytes(b"GGUF half")
    assert not embedded_ready(paths)
    ensure_embedder(paths)
    assert not staging.exists()
    assert not embedded_ready(paths)  # the GGUF is still missing


def test_base_gguf_is_assembled_verified_and_repairable(tmp_path):
    paths = DataPaths(tmp_path)
    result = ensure_base_gguf(paths)
    assert result.written and paths.base_gguf.stat().st_size > 200_000_000
    assert not list(paths.models.glob("*.partial"))
    expected = sha256_file(paths.base_gguf)
    # Corrupt one byte in the middle: a verified check must catch it and say how to fix it.
    with paths.base_gguf.open("r+b") as handle:
        handle.seek(1_000_000)
        byte = handle.read(1)
        handle.seek(1_000_000)
        handle.write(bytes([byte[0] ^ 0xFF]))
    with pytest.raises(ModelSetupError, match="bedside setup --force"):
        ensure_base_gguf(paths)
    assert ensure_base_gguf(paths, force=True).written
    assert sha256_file(paths.base_gguf) == expected


def test_setup_command_reports_written_then_verified(home):
    runner = CliRunner()
    first = runner.invoke(app, ["setup"])
    assert first.exit_code == 0, first.output
    assert "base model: wrote" in first.output and "embedder: wrote" in first.output
    second = runner.invoke(app, ["setup"])
    assert "base model: verified" in second.output and "embedder: verified" in second.output
    assert embedded_ready(DataPaths(home))
