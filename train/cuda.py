"""The CUDA model: Unsloth FastLanguageModel in 4-bit (QLoRA) with Unsloth's gradient checkpointing.

`unsloth` is imported only inside `load_cuda`, after a CUDA check: importing it without a GPU
raises. It must come before trl/transformers are used, so the pipeline loads the model first.

Settings that fit a 16 GB T4 (fp16, 4-bit base, LoRA r=16 on all projections, adamw_8bit):
  <= 1B:  --batch 8 --seq-len 1024      3-4B: --batch 4 --seq-len 1024      7-8B: --batch 2 --seq-len 1024
(with --grad-accum raising the effective batch; sequence length costs memory linearly).
"""

from __future__ import annotations

import os
from pathlib import Path

from bedside.train.config import TARGET_MODULES, TrainConfig


class CudaUnavailableError(RuntimeError):
    """The CUDA path was asked for on a machine that cannot run it."""


def unsloth_load_kwargs(hf_dir: Path, cfg: TrainConfig) -> dict:
    return {
        "model_name": str(hf_dir),
        "max_seq_length": cfg.seq_len,
        "load_in_4bit": cfg.load_in_4bit,
        "dtype": None,  # bf16 where the GPU has it, else fp16
        "local_files_only": True,  # the base is a local folder; never fetch
    }


def unsloth_peft_kwargs(cfg: TrainConfig) -> dict:
    return {
        "r": cfg.rank,
        "lora_alpha": cfg.alpha,
        "lora_dropout": cfg.dropout,
        "target_modules": list(TARGET_MODULES),
        "bias": "none",
        "use_gradient_checkpointing": "unsloth",
        "random_state": cfg.seed,
        "use_rslora": False,
    }


def load_cuda(hf_dir: Path, cfg: TrainConfig):
    import torch

    if not torch.cuda.is_available():
        raise CudaUnavailableError("the Unsloth path needs a CUDA GPU; use --device cpu here")
    os.environ.setdefault("UNSLOTH_DISABLE_STATISTICS", "1")  # no usage ping: Bedside stays offline
    try:
        from unsloth import FastLanguageModel
    except ImportError as err:
        raise CudaUnavailableError(f"unsloth is not installed ({err}); pip install -e '.[cuda]'") from err
    model, tokenizer = FastLanguageModel.from_pretrained(**unsloth_load_kwargs(hf_dir, cfg))
    model = FastLanguageModel.get_peft_model(model, **unsloth_peft_kwargs(cfg))
    return model, tokenizer
