"""The model a run trains on, and the GGUF its adapter will be served from.

Default: the embedded Gemma 3 270M GGUF, dequantised once by transformers into a safetensors folder
cached under the data home (`models/train-base/<name>-<sha>/`). Training on those exact weights means
the adapter later runs on the very numbers it was trained against (llama.cpp applies it to the
Q4_K_M base). `--base-model` takes another local HF folder (or a hub id, downloaded only when asked)
plus the GGUF it will be served from; the two must describe the same network.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from bedside.core.embedded import sha256_file
from bedside.core.gguf_info import GGUFFormatError, read_gguf_info

# HF model_type -> llama.cpp architecture name, where they differ.
HF_TO_GGUF_ARCH = {"gemma3_text": "gemma3", "mistral": "llama", "qwen2_moe": "qwen2moe"}


class TrainingBaseError(ValueError):
    """A training base that is missing, unreadable, or not the network the serving GGUF holds."""


@dataclass(frozen=True)
class TrainingBase:
    hf_dir: Path  # a transformers folder: config.json, weights, tokenizer
    gguf: Path  # what the engine serves; the adapter is exported against it


def _hf_config(hf_dir: Path) -> dict:
    config_path = hf_dir / "config.json"
    if not config_path.exists():
        raise TrainingBaseError(f"{hf_dir} has no config.json; give a folder written by save_pretrained()")
    config = json.loads(config_path.read_text(encoding="utf-8"))
    return config.get("text_config", config) | {"model_type": config.get("model_type", "")}


def check_compatible(hf_dir: Path, gguf: Path) -> None:
    """Refuse a base whose architecture or shapes differ from the serving GGUF's."""
    try:
        info = read_gguf_info(gguf)
    except (GGUFFormatError, OSError) as err:
        raise TrainingBaseError(f"cannot read the serving GGUF {gguf}: {err}") from err
    config = _hf_config(hf_dir)
    arch = str(info.get("general.architecture", ""))
    model_type = str(config.get("model_type", ""))
    if HF_TO_GGUF_ARCH.get(model_type, model_type) != arch:
        raise TrainingBaseError(
            f"architecture mismatch: {hf_dir} is {model_type!r} but {gguf} is {arch!r}; "
            "train on the HF model the GGUF was converted from (or pass the matching --base-gguf)"
        )
    pairs = {
        "num_hidden_layers": f"{arch}.block_count",
        "hidden_size": f"{arch}.embedding_length",
        "intermediate_size": f"{arch}.feed_forward_length",
        "num_attention_heads": f"{arch}.attention.head_count",
        "num_key_value_heads": f"{arch}.attention.head_count_kv",
    }
    for hf_key, gguf_key in pairs.items():
        hf_value, gguf_value = config.get(hf_key), info.get(gguf_key)
        if hf_value is not None and gguf_value is not None and int(hf_value) != int(gguf_value):
            raise TrainingBaseError(
                f"shape mismatch: {hf_key} is {hf_value} in {hf_dir} but {gguf_key} is {gguf_value} in {gguf}; "
                "an adapter trained on one would not fit the other"
            )


def dequantised_base(gguf: Path, cache_root: Path, progress=print) -> Path:
    """The GGUF's weights as a float32 safetensors folder; built once (~45 s for 270M), then reused."""
    gguf = Path(gguf)
    target = cache_root / f"{gguf.stem}-{sha256_file(gguf)[:12]}"
    if (target / "config.json").exists():
        return target
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    progress(f"dequantising {gguf.name} into a training base (once; cached in {target})")
    tokenizer = AutoTokenizer.from_pretrained(gguf.parent, gguf_file=gguf.name)
    model = AutoModelForCausalLM.from_pretrained(gguf.parent, gguf_file=gguf.name, dtype=torch.float32)
    # The weights are plain float tensors now; the GGUF "quantizer" only blocks save_pretrained.
    model.hf_quantizer = None
    if hasattr(model.config, "quantization_config"):
        del model.config.quantization_config
    partial = target.with_name(target.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    model.save_pretrained(partial)
    tokenizer.save_pretrained(partial)
    os.replace(partial, target)  # the folder appears complete or not at all
    return target


def resolve_training_base(
    serve_gguf: Path,
    cache_root: Path,
    base_model: str | None = None,
    allow_download: bool = False,
    progress=print,
) -> TrainingBase:
    serve_gguf = Path(serve_gguf)
    if not serve_gguf.exists():
        raise TrainingBaseError(f"{serve_gguf} does not exist; run `bedside setup` or pass --base-gguf")
    if not base_model:
        return TrainingBase(dequantised_base(serve_gguf, cache_root, progress), serve_gguf)
    local = Path(base_model).expanduser()
    if local.is_dir():
        hf_dir = local
    elif allow_download:
        os.environ.pop("HF_HUB_OFFLINE", None)  # the user asked for this one download
        from huggingface_hub import snapshot_download

        hf_dir = Path(snapshot_download(base_model))
    else:
        raise TrainingBaseError(
            f"{base_model} is not a local folder; pass --download to fetch it from the Hugging Face hub "
            "(the only networked step), or give a local folder"
        )
    check_compatible(hf_dir, serve_gguf)
    return TrainingBase(hf_dir, serve_gguf)
