"""PEFT -> GGUF adapter export: the output llama.cpp loads, and clear refusals of bad adapters."""

import json

import gguf
import pytest

from bedside.core.gguf_info import GGUFFormatError, read_gguf_info
from bedside.train.export import AdapterExportError, export_peft_to_gguf
from bedside.train.random_adapter import random_peft_adapter


def test_export_writes_a_lora_adapter_gguf(adapter_gguf):
    info = read_gguf_info(adapter_gguf)
    assert info.metadata["general.type"] == "adapter" and info.metadata["adapter.type"] == "lora"
    assert info.metadata["general.architecture"] == "gemma3"
    assert info.metadata["adapter.lora.alpha"] == pytest.approx(16.0)
    # 18 blocks x 3 targets x (A, B); names are the base tensors' with .lora_a / .lora_b
    assert len(info.tensors) == 18 * 3 * 2
    assert info.tensors["blk.0.attn_q.weight.lora_a"] == (640, 8)  # ne order: in, r
    assert info.tensors["blk.0.attn_q.weight.lora_b"] == (8, 1024)  # r, out
    assert not list(adapter_gguf.parent.glob("*.partial"))


def test_header_reader_agrees_with_the_gguf_package(adapter_gguf):
    reader = gguf.GGUFReader(str(adapter_gguf))
    assert {t.name: tuple(int(d) for d in t.shape) for t in reader.tensors} == read_gguf_info(adapter_gguf).tensors


def test_rslora_alpha_is_folded_in(tmp_path, base_gguf):
    peft = random_peft_adapter(
        tmp_path / "rs", base_gguf, rank=16, alpha=8.0, targets=("o_proj",), extra_config={"use_rslora": True}
    )
    report = export_peft_to_gguf(peft, base_gguf, tmp_path / "rs.gguf")
    assert report.alpha == pytest.approx(8.0 * 4)  # llama.cpp divides by r=16; rsLoRA by sqrt(16)


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ({"target_modules": ["q_proj", "embed_tokens"]}, "cannot carry embedding or output"),
        ({"target_modules": ["q_proj"], "modules_to_save": ["lm_head"]}, "cannot carry embedding or output"),
        ({"peft_type": "IA3"}, "only LoRA adapters"),
    ],
)
def test_adapters_touching_embeddings_or_not_lora_are_refused(tmp_path, base_gguf, config, message):
    peft = random_peft_adapter(tmp_path / "bad", base_gguf, targets=("q_proj",), extra_config=config)
    with pytest.raises(AdapterExportError, match=message):
        export_peft_to_gguf(peft, base_gguf, tmp_path / "bad.gguf")
    assert not (tmp_path / "bad.gguf").exists()


def test_adapter_from_a_model_of_other_shape_is_refused(tmp_path, base_gguf):
    peft = random_peft_adapter(tmp_path / "wide", base_gguf, targets=("q_proj",))
    from safetensors.numpy import load_file, save_file

    weights = load_file(str(peft / "adapter_model.safetensors"))
    key = "base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight"
    weights[key] = weights[key][:, :320]  # as if hidden size were 320
    save_file(weights, str(peft / "adapter_model.safetensors"))
    with pytest.raises(AdapterExportError, match="trained on a different model"):
        export_peft_to_gguf(peft, base_gguf, tmp_path / "wide.gguf")


def test_adapter_with_layers_the_base_lacks_is_refused(tmp_path, base_gguf):
    peft = random_peft_adapter(tmp_path / "deep", base_gguf, targets=("q_proj",))
    from safetensors.numpy import load_file, save_file

    weights = load_file(str(peft / "adapter_model.safetensors"))
    for part in ("A", "B"):
        source = f"base_model.model.model.layers.0.self_attn.q_proj.lora_{part}.weight"
        weights[source.replace("layers.0", "layers.40")] = weights[source]
    save_file(weights, str(peft / "adapter_model.safetensors"))
    with pytest.raises(AdapterExportError, match="another model"):
        export_peft_to_gguf(peft, base_gguf, tmp_path / "deep.gguf")


def test_missing_files_and_unreadable_base(tmp_path, base_gguf):
    with pytest.raises(AdapterExportError, match="adapter_config.json is missing"):
        export_peft_to_gguf(tmp_path, base_gguf, tmp_path / "x.gguf")
    peft = random_peft_adapter(tmp_path / "ok", base_gguf, targets=("q_proj",))
    broken = tmp_path / "broken.gguf"
    broken.write_bytes(b"GGUF\x03\x00\x00\x00" + b"\xff" * 40)
    with pytest.raises(AdapterExportError, match="cannot read the base model"):
        export_peft_to_gguf(peft, broken, tmp_path / "x.gguf")
    with pytest.raises(GGUFFormatError, match="no GGUF header"):
        read_gguf_info(peft / "adapter_config.json")
    assert json.loads((peft / "adapter_config.json").read_text())["r"] == 8
