"""A LoRA adapter of random weights, in PEFT's on-disk layout, shaped from a base GGUF.

For tests and benchmarks of the adapter machinery (export, hot-swap, switch latency), where what
matters is that an adapter changes the output, not what it learned. Real adapters come from
`bedside train`.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from bedside.core.gguf_info import read_gguf_info

# PEFT module name -> (parent module, GGUF tensor stem)
MODULES = {
    "q_proj": ("self_attn", "attn_q"),
    "k_proj": ("self_attn", "attn_k"),
    "v_proj": ("self_attn", "attn_v"),
    "o_proj": ("self_attn", "attn_output"),
    "gate_proj": ("mlp", "ffn_gate"),
    "up_proj": ("mlp", "ffn_up"),
    "down_proj": ("mlp", "ffn_down"),
}


def random_peft_adapter(
    folder: Path,
    base_gguf: Path,
    rank: int = 8,
    alpha: float = 16.0,
    targets: tuple[str, ...] = ("q_proj", "v_proj", "up_proj"),
    std: float = 0.05,
    seed: int = 0,
    extra_config: dict | None = None,
) -> Path:
    """A PEFT LoRA folder (adapter_config.json + adapter_model.safetensors) with random A and B,
    shaped from the base GGUF's own tensors, as peft's save_pretrained() lays it out."""
    from safetensors.numpy import save_file

    shapes = read_gguf_info(base_gguf).tensors
    blocks = 1 + max(int(name.split(".")[1]) for name in shapes if name.startswith("blk."))
    rng = np.random.default_rng(seed)
    tensors = {}
    for block in range(blocks):
        for target in targets:
            parent, stem = MODULES[target]
            in_features, out_features = shapes[f"blk.{block}.{stem}.weight"][:2]
            key = f"base_model.model.model.layers.{block}.{parent}.{target}"
            tensors[f"{key}.lora_A.weight"] = rng.normal(0, std, (rank, in_features)).astype(np.float32)
            tensors[f"{key}.lora_B.weight"] = rng.normal(0, std, (out_features, rank)).astype(np.float32)
    folder.mkdir(parents=True, exist_ok=True)
    save_file(tensors, str(folder / "adapter_model.safetensors"))
    config = {
        "peft_type": "LORA",
        "r": rank,
        "lora_alpha": alpha,
        "target_modules": list(targets),
        "use_rslora": False,
        "base_model_name_or_path": "gemma-3-270m",
        **(extra_config or {}),
    }
    (folder / "adapter_config.json").write_text(json.dumps(config))
    return folder
