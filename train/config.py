"""What one training run does: its options, with defaults per device, saved in the run folder."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from pathlib import Path

MODES = ("ft", "hybrid", "mixed")  # mixed: one adapter on FT + RAFT examples, serving both slots
TARGET_MODULES = ("q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj")


class TrainConfigError(ValueError):
    """An option value that cannot train."""


@dataclass(frozen=True)
class TrainConfig:
    mode: str = "ft"
    device: str = "cpu"  # resolved: cpu or cuda
    epochs: float = 1.0
    max_steps: int = -1  # > 0 overrides epochs
    lr: float = 2e-4
    rank: int = 16
    alpha: int = 32
    dropout: float = 0.0
    seq_len: int = 1024  # FT examples are ~250 tokens; RAFT with k=3 ~750-850
    batch: int = 4
    grad_accum: int = 1
    warmup: float = 0.03  # share of the steps
    eval_steps: int = 25
    save_steps: int = 50
    k: int = 3  # retrieved answers per RAFT prompt (as rag_k at inference)
    p_oracle: float = 0.8
    validation_share: float = 0.1
    limit: int = 0  # first N dialogues only (0 = all)
    seed: int = 0
    load_in_4bit: bool = True  # CUDA only (QLoRA)

    def validate(self) -> TrainConfig:
        if self.mode not in MODES:
            raise TrainConfigError(f"--mode must be one of {', '.join(MODES)} (or both), got {self.mode!r}")
        if self.device not in ("cpu", "cuda"):
            raise TrainConfigError(f"device must be cpu or cuda, got {self.device!r}")
        checks = {
            "--epochs must be > 0": self.epochs > 0 or self.max_steps > 0,
            "--lr must be > 0": self.lr > 0,
            "--rank must be >= 1": self.rank >= 1,
            "--seq-len must be at least 64": self.seq_len >= 64,
            "--batch must be >= 1": self.batch >= 1 and self.grad_accum >= 1,
            "--p-oracle must be within 0..1": 0 <= self.p_oracle <= 1,
            "--k must be >= 1": self.k >= 1,
            "validation share must be within 0..0.5": 0 <= self.validation_share <= 0.5,
        }
        failed = [message for message, ok in checks.items() if not ok]
        if failed:
            raise TrainConfigError("; ".join(failed))
        return self

    def to_json(self) -> dict:
        return dataclasses.asdict(self)

    @classmethod
    def from_file(cls, path: Path) -> TrainConfig:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        known = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


def device_defaults(device: str) -> dict:
    """What `just train` uses where no option is given. On CUDA: QLoRA batches that fit a 16 GB T4
    for bases up to 8B with Unsloth's gradient checkpointing (README: settings per size)."""
    if device == "cuda":
        return {"device": "cuda", "batch": 8, "grad_accum": 2, "epochs": 2.0, "seq_len": 1024}
    return {"device": "cpu", "batch": 4, "grad_accum": 1, "epochs": 1.0}


def resolve_device(requested: str) -> str:
    if requested not in ("auto", "cpu", "cuda"):
        raise TrainConfigError(f"--device must be auto, cuda or cpu, got {requested!r}")
    if requested == "cpu":
        return "cpu"
    import torch

    if torch.cuda.is_available():
        return "cuda"
    if requested == "cuda":
        raise TrainConfigError("--device cuda: torch sees no CUDA GPU here (install a CUDA build of torch, or use cpu)")
    return "cpu"
