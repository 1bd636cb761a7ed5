"""`just bench-train`: training tokens/s on the embedded model, per example kind, and on CUDA the
Unsloth path against plain TRL + PEFT on the same data, with peak GPU memory.

Timing starts after the first optimizer step (allocation and warm-up) and counts the tokens that went
through the model (no padding). Run it on an otherwise idle machine.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from transformers import TrainerCallback

from bedside.core.config import DataPaths, Settings
from bedside.core.embedded import ensure_base_gguf, ensure_embedder
from bedside.core.prompts import TranscriptTemplate
from bedside.index.sources import read_sample
from bedside.train.base import dequantised_base
from bedside.train.config import TrainConfig, device_defaults
from bedside.train.pipeline import build_examples, load_model, training_dialogues
from bedside.train.tokens import tokenize_examples

SAMPLE_DIALOGUES = 308  # the shipped corpus; one epoch of it is the yardstick


class StepTimer(TrainerCallback):
    """(time, training tokens seen so far) at the end of every optimizer step."""

    def __init__(self) -> None:
        self.marks = []

    def on_step_end(self, args, state, control, **kwargs):
        self.marks.append((time.perf_counter(), state.num_input_tokens_seen))


def measure(base, config: TrainConfig, rows: list[dict], loader=None) -> dict:
    import torch
    from datasets import Dataset

    from bedside.train.trainer import build_trainer

    if torch.cuda.is_available():
        torch.cuda.reset_peak_memory_stats()
    model, tokenizer = (loader or load_model)(base, config)
    with tempfile.TemporaryDirectory() as scratch:
        timer = StepTimer()
        trainer = build_trainer(model, tokenizer, Dataset.from_list(rows), None, config, Path(scratch), [timer])
        trainer.args.save_strategy = "no"
        trainer.train()
    (t0, n0), (t1, n1) = timer.marks[0], timer.marks[-1]
    out = {
        "steps_timed": len(timer.marks) - 1,
        "tokens_per_s": round((n1 - n0) / (t1 - t0), 1),
        "steps_per_s": round((len(timer.marks) - 1) / (t1 - t0), 3),
        "mean_example_tokens": round(sum(len(r["input_ids"]) for r in rows) / len(rows), 1),
    }
    if torch.cuda.is_available():
        out["peak_vram_gib"] = round(torch.cuda.max_memory_allocated() / 2**30, 2)
    return out


def plain_peft_cuda(base, config: TrainConfig):
    """The baseline on a GPU: transformers + PEFT in bf16/fp16, no Unsloth patches."""
    import torch
    from peft import get_peft_model
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from bedside.train.cpu import lora_config

    dtype = torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
    model = AutoModelForCausalLM.from_pretrained(base.hf_dir, dtype=dtype, device_map={"": 0})
    model.gradient_checkpointing_enable()
    model.enable_input_require_grads()
    return get_peft_model(model, lora_config(config)), AutoTokenizer.from_pretrained(base.hf_dir)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--device", default="cpu", choices=("cpu", "cuda"))
    parser.add_argument("--steps", type=int, default=8, help="optimizer steps per measurement")
    parser.add_argument("--home", type=Path, help="data home with the embedded models (default: a temp one)")
    args = parser.parse_args()

    home = args.home or Path(tempfile.mkdtemp(prefix="bedside-bench-train-"))
    paths = DataPaths(home)
    gguf = ensure_base_gguf(paths, verify=False).path
    ensure_embedder(paths, verify=False)
    from transformers import AutoTokenizer

    from bedside.train.base import TrainingBase

    base = TrainingBase(dequantised_base(gguf, paths.models / "train-base"), gguf)
    settings = Settings(home=str(home))
    dialogues, _ = training_dialogues(read_sample("sample"))
    results = {}
    for mode in ("ft", "hybrid"):
        config = TrainConfig(**(device_defaults(args.device) | {"mode": mode, "max_steps": args.steps + 1}))
        tokenizer = AutoTokenizer.from_pretrained(base.hf_dir)
        with tempfile.TemporaryDirectory() as scratch:
            train, _ = build_examples(settings, config, dialogues, TranscriptTemplate(), Path(scratch))
        tokens = tokenize_examples(train, tokenizer, config.seq_len)
        rows = [{"input_ids": e.input_ids, "labels": e.labels} for e in tokens.examples]
        figures = measure(base, config, rows)
        epoch_tokens = figures["mean_example_tokens"] * SAMPLE_DIALOGUES
        figures["epoch_of_sample_min"] = round(epoch_tokens / figures["tokens_per_s"] / 60, 1)
        if args.device == "cuda":
            figures["plain_trl_peft"] = measure(base, config, rows, loader=plain_peft_cuda)
        results[mode] = figures
        print(f"{mode}: {json.dumps(figures)}", flush=True)
    print(json.dumps({"device": args.device, "batch": config.batch, "results": results}, indent=2))


if __name__ == "__main__":
    main()
