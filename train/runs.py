"""Run folders under `<home>/runs/`: train-<mode>-<time>/ with the config, data report, metrics CSV,
loss plot, checkpoints, the PEFT adapter and result.json (written last: a run without it is
unfinished and `--resume` continues it)."""

from __future__ import annotations

import csv
import json
import re
import time
from dataclasses import dataclass
from pathlib import Path

CHECKPOINT = re.compile(r"^checkpoint-(\d+)$")


@dataclass(frozen=True)
class RunFolder:
    path: Path

    @property
    def config(self) -> Path:
        return self.path / "train_config.json"

    @property
    def checkpoints(self) -> Path:
        return self.path / "checkpoints"

    @property
    def adapter(self) -> Path:
        return self.path / "adapter"

    @property
    def metrics(self) -> Path:
        return self.path / "metrics.csv"

    @property
    def plot(self) -> Path:
        return self.path / "loss.png"

    @property
    def result(self) -> Path:
        return self.path / "result.json"

    @property
    def finished(self) -> bool:
        return self.result.exists()

    def last_checkpoint(self) -> Path | None:
        if not self.checkpoints.is_dir():
            return None
        found = [(int(m.group(1)), p) for p in self.checkpoints.iterdir() if (m := CHECKPOINT.match(p.name))]
        # A checkpoint is complete once its trainer_state.json exists (the Trainer writes it last).
        found = [(step, p) for step, p in found if (p / "trainer_state.json").exists()]
        return max(found)[1] if found else None

    def write_json(self, name: str, data) -> None:
        (self.path / name).write_text(json.dumps(data, indent=2, default=str) + "\n", encoding="utf-8")


def new_run(runs_root: Path, mode: str) -> RunFolder:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    path = runs_root / f"train-{mode}-{stamp}"
    suffix = 1
    while path.exists():
        suffix += 1
        path = runs_root / f"train-{mode}-{stamp}-{suffix}"
    path.mkdir(parents=True)
    return RunFolder(path)


def unfinished_run(runs_root: Path, mode: str) -> RunFolder | None:
    """The newest run of this mode that stopped before the end and has a checkpoint to go on from."""
    if not runs_root.is_dir():
        return None
    candidates = sorted(runs_root.glob(f"train-{mode}-*"), reverse=True)
    for path in candidates:
        run = RunFolder(path)
        if not run.finished and run.config.exists() and run.last_checkpoint():
            return run
    return None


def plot_losses(metrics_csv: Path, out_png: Path, title: str) -> bool:
    """Train and validation loss against step. False when there is nothing to plot."""
    if not metrics_csv.exists():
        return False
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    train, validation = [], []
    with metrics_csv.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["loss"]:
                train.append((int(row["step"]), float(row["loss"])))
            if row["eval_loss"]:
                validation.append((int(row["step"]), float(row["eval_loss"])))
    if not train:
        return False
    figure, axes = plt.subplots(figsize=(7, 4), dpi=110)
    axes.plot(*zip(*train, strict=True), label="train loss", linewidth=1)
    if validation:
        axes.plot(*zip(*validation, strict=True), "o-", label="validation loss")
    axes.set_xlabel("step")
    axes.set_ylabel("cross-entropy on answer tokens")
    axes.set_title(title)
    axes.grid(alpha=0.3)
    axes.legend()
    figure.tight_layout()
    figure.savefig(out_png)
    plt.close(figure)
    return True
