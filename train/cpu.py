"""The CPU model: the float32 training base with a PEFT LoRA on attention and MLP projections.
Unsloth is never imported on this path (it raises without a GPU)."""

from __future__ import annotations

from pathlib import Path

from bedside.train.config import TARGET_MODULES, TrainConfig


def lora_config(cfg: TrainConfig):
    from peft import LoraConfig

    return LoraConfig(
        r=cfg.rank,
        lora_alpha=cfg.alpha,
        lora_dropout=cfg.dropout,
        target_modules=list(TARGET_MODULES),
        bias="none",
        task_type="CAUSAL_LM",
    )


def load_cpu(hf_dir: Path, cfg: TrainConfig):
    import torch
    from peft import get_peft_model
    from transformers import AutoModelForCausalLM, AutoTokenizer

    torch.manual_seed(cfg.seed)
    tokenizer = AutoTokenizer.from_pretrained(hf_dir)
    model = AutoModelForCausalLM.from_pretrained(hf_dir, dtype=torch.float32)
    model.config.use_cache = False  # no KV cache while training
    return get_peft_model(model, lora_config(cfg)), tokenizer
