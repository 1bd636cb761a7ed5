"""Merged GGUF export in GGUF space, on the real embedded model: the shipped FT adapter merged through
the CLI loads in llama.cpp and answers like base + adapter hot-swapped, every tensor the adapter does
not touch comes through bit-identical with all metadata and the tokenizer; a merge that would round
the adapter away, a corrupt or foreign adapter, and an interrupted or killed export are refused or
leave nothing behind."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from bedside.cli import app
from bedside.core.embedded import sha256_file
from bedside.core.gguf_info import read_gguf_info
from bedside.core.prompts import TranscriptTemplate
from bedside.core.shipped import shipped_adapter
from bedside.index.sources import read_sample
from bedside.train import merge_gguf
from bedside.train.export import export_peft_to_gguf
from bedside.train.merge_check import agreement
from bedside.train.merge_gguf import MergeError, merge_adapter
from bedside.train.random_adapter import random_peft_adapter


@pytest.fixture(scope="module")
def merged_f16(tmp_path_factory, session_paths, base_gguf) -> tuple[Path, str]:
    """`bedside export-merged --slot ft --quant f16` on the shipped FT adapter, run through the CLI."""
    out = tmp_path_factory.mktemp("merged") / "ft-f16.gguf"
    patch = pytest.MonkeyPatch()
    patch.setenv("BEDSIDE_HOME", str(session_paths.home))
    patch.setenv("BEDSIDE_CONFIG", str(out.parent / "config.toml"))
    for name in ("LLM_GGUF", "ADAPTER_FT", "ADAPTER_HYBRID"):
        patch.delenv(f"BEDSIDE_{name}", raising=False)
    try:
        result = CliRunner().invoke(app, ["export-merged", "--slot", "ft", "--quant", "f16", "--out", str(out)])
    finally:
        patch.undo()
    assert result.exit_code == 0, result.output
    return out, result.output


def prompts(n: int) -> list[str]:
    return [TranscriptTemplate().prompt(d.patient, [], []) for d in read_sample("heldout")[:n]]


def small_adapter(folder: Path, base_gguf: Path, std: float, seed: int = 1) -> Path:
    peft = random_peft_adapter(folder / "peft", base_gguf, std=std, seed=seed)
    return export_peft_to_gguf(peft, base_gguf, folder / "adapter.gguf", prompt_format="transcript/2").path


def test_cli_reports_what_it_merged(merged_f16):
    path, output = merged_f16
    assert f"wrote {path}" in output and "at f16" in output
    kept = float(output.split("keeping ")[1].split("%")[0])
    assert kept > 99.0  # f16 holds a LoRA's change almost exactly


def test_merged_model_answers_like_base_plus_adapter_and_unlike_the_base(merged_f16, base_gguf):
    path, _ = merged_f16
    adapter = shipped_adapter("ft").path
    questions = prompts(3)
    with_adapter = agreement(base_gguf, adapter, path, questions, n_tokens=24)
    without = agreement(base_gguf, None, path, questions, n_tokens=24)
    # The floor is set by the compute path, not the merge: the base multiplies 4-5 bit weights by
    # 8-bit-quantised activations, f16 weights get f16 activations (a zero adapter merged scores the same).
    assert with_adapter.teacher_forced >= 0.9, with_adapter
    assert without.teacher_forced < with_adapter.teacher_forced - 0.2, (without, with_adapter)


def test_untouched_tensors_metadata_and_tokenizer_come_through(merged_f16, base_gguf, backend):
    import gguf

    from bedside.core.backend import LlamaBackend

    path, _ = merged_f16
    adapter = shipped_adapter("ft").path
    base_info, merged_info = read_gguf_info(base_gguf), read_gguf_info(path)
    touched = {t.rsplit(".", 1)[0] for t in read_gguf_info(adapter).tensors}
    assert set(merged_info.tensors) == set(base_info.tensors)
    raw_base, raw_merged = np.memmap(base_gguf, np.uint8, mode="r"), np.memmap(path, np.uint8, mode="r")
    identical = 0
    for name, shape in base_info.tensors.items():
        kind, start = base_info.layout[name]
        merged_kind, merged_start = merged_info.layout[name]
        if name in touched:
            assert merged_kind == gguf.GGMLQuantizationType.F16
            continue
        block, size = gguf.GGML_QUANT_SIZES[gguf.GGMLQuantizationType(kind)]
        nbytes = int(np.prod(shape)) // block * size
        same = np.array_equal(raw_base[start : start + nbytes], raw_merged[merged_start : merged_start + nbytes])
        identical += kind == merged_kind and same
    assert len(touched) == 126 and identical == len(base_info.tensors) - len(touched)

    for key, value in base_info.metadata.items():
        if key != "general.file_type":
            assert merged_info.metadata.get(key) == value, key
    assert merged_info.metadata[merge_gguf.MERGED_BASE_SHA] == sha256_file(base_gguf)
    assert merged_info.metadata[merge_gguf.MERGED_ADAPTER_SHA] == sha256_file(adapter)
    assert merged_info.metadata["bedside.prompt_format"] == "transcript/2"
    loaded = LlamaBackend(path, n_ctx=256, n_gpu_layers=0)
    try:
        text = "Hello doctor, my 3 year old has a rash and a temperature of 38.5°C — what should I do?"
        assert loaded.llm.tokenize(text.encode(), add_bos=True, special=True) == backend.llm.tokenize(
            text.encode(), add_bos=True, special=True
        )
    finally:
        loaded.close()


def test_four_bits_over_a_four_bit_base_is_refused_rather_than_losing_the_adapter(tmp_path, base_gguf):
    adapter = small_adapter(tmp_path, base_gguf, std=0.005)  # a real LoRA's size: ~1% of a weight
    out = tmp_path / "merged.gguf"
    with pytest.raises(MergeError, match=r"keeps only \d+% .*--quant q8_0"):
        merge_adapter(base_gguf, adapter, out, quant="q4_k_m")
    assert not out.exists() and not list(tmp_path.glob(".merged.gguf.*"))


@pytest.mark.parametrize(
    "damage, message",
    [
        ("truncated", "not a readable GGUF"),
        ("truncated data", "truncated"),
        ("base as adapter", "not a LoRA adapter"),
        ("wrong shape", "does not fit the base weight"),
        ("unknown tensor", "trained for another model"),
        ("nan", "NaN"),
    ],
)
def test_a_corrupt_or_foreign_adapter_is_refused_before_anything_is_written(tmp_path, base_gguf, damage, message):
    import gguf

    path = tmp_path / "adapter.gguf"
    if damage.startswith("truncated"):
        good = small_adapter(tmp_path / "good", base_gguf, std=0.01).read_bytes()
        path.write_bytes(good[:5000] if damage == "truncated" else good[: len(good) * 4 // 5])
    elif damage == "base as adapter":
        path = base_gguf
    else:
        name, a_shape = "blk.0.attn_q.weight", (8, 640)
        if damage == "wrong shape":
            a_shape = (8, 320)
        if damage == "unknown tensor":
            name = "blk.99.attn_q.weight"
        lora_a = np.full(a_shape, np.nan if damage == "nan" else 0.01, dtype=np.float32)
        writer = gguf.GGUFWriter(path, "gemma3")
        writer.add_string("general.type", "adapter")
        writer.add_string("adapter.type", "lora")
        writer.add_float32("adapter.lora.alpha", 16.0)
        writer.add_tensor(f"{name}.lora_a", lora_a)
        writer.add_tensor(f"{name}.lora_b", np.full((1024, 8), 0.01, dtype=np.float32))
        writer.write_header_to_file()
        writer.write_kv_data_to_file()
        writer.write_tensors_to_file()
        writer.close()
    out = tmp_path / "out" / "merged.gguf"
    with pytest.raises(MergeError, match=message):
        merge_adapter(base_gguf, path, out, quant="f16")
    assert not out.parent.exists() or not any(out.parent.iterdir())


def test_an_interrupted_export_keeps_the_previous_file_and_leaves_no_partial_one(tmp_path, base_gguf):
    adapter = small_adapter(tmp_path, base_gguf, std=0.01)
    out = tmp_path / "merged.gguf"
    out.write_bytes(b"the user's previous merged model")

    def interrupt(_intermediate: Path) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        merge_adapter(base_gguf, adapter, out, quant="f16", after_intermediate=interrupt)
    assert out.read_bytes() == b"the user's previous merged model"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["adapter.gguf", "merged.gguf", "peft"]


def test_a_killed_export_leaves_no_partial_file_and_the_next_one_cleans_up(tmp_path, base_gguf):
    adapter = small_adapter(tmp_path, base_gguf, std=0.01)
    out = tmp_path / "merged.gguf"
    script = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "from bedside.train.merge_gguf import merge_adapter\n"
        "merge_adapter(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), quant='f16',\n"
        "              after_intermediate=lambda _: os.kill(os.getpid(), signal.SIGKILL))\n"
    )
    killed = subprocess.run([sys.executable, "-c", script, str(base_gguf), str(adapter), str(out)], check=False)
    assert killed.returncode == -signal.SIGKILL
    assert not out.exists()
    stale = list(tmp_path.glob(".merged.gguf.*.merging"))
    assert len(stale) == 1 and (stale[0] / "merged-f32.gguf").exists()

    report = merge_adapter(base_gguf, adapter, out, quant="f16")
    assert report.path == out and out.stat().st_size == report.bytes
    assert not list(tmp_path.glob(".merged.gguf.*")) and report.kept > 0.99


def test_a_merged_model_is_not_merged_again_nor_written_over_its_inputs(merged_f16, base_gguf, tmp_path):
    path, _ = merged_f16
    adapter = shipped_adapter("ft").path
    with pytest.raises(MergeError, match="already a merged model"):
        merge_adapter(path, adapter, tmp_path / "twice.gguf", quant="f16")
    with pytest.raises(MergeError, match="is the base or the adapter itself"):
        merge_adapter(base_gguf, adapter, base_gguf, quant="f16")
    assert not (tmp_path / "twice.gguf").exists()
