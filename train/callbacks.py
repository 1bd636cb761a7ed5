"""Trainer callbacks: a rich progress line, the metrics CSV, and checkpoint-then-stop on Ctrl-C."""

from __future__ import annotations

import csv
import signal
import time
from pathlib import Path

from transformers import TrainerCallback

METRIC_COLUMNS = (
    "step",
    "epoch",
    "loss",
    "eval_loss",
    "learning_rate",
    "grad_norm",
    "tokens",
    "tokens_per_s",
    "elapsed_s",
)


class Throughput(TrainerCallback):
    """Training tokens per second of this process (a resumed run restarts the clock). The Trainer
    counts the tokens itself (`include_num_input_tokens_seen="non_padding"`: training batches only,
    no padding); add this callback before the ones that read it."""

    def __init__(self) -> None:
        self.start, self.start_tokens, self.tokens = time.perf_counter(), 0, 0

    def on_train_begin(self, args, state, control, **kwargs):
        self.start, self.start_tokens = time.perf_counter(), state.num_input_tokens_seen
        self.tokens = state.num_input_tokens_seen

    def on_step_end(self, args, state, control, **kwargs):
        self.tokens = state.num_input_tokens_seen

    @property
    def elapsed(self) -> float:
        return time.perf_counter() - self.start

    @property
    def tokens_per_s(self) -> float:
        return (self.tokens - self.start_tokens) / max(self.elapsed, 1e-9)


class MetricsCSV(TrainerCallback):
    """One row per log event (train loss, and eval loss at each eval step); appended on resume."""

    def __init__(self, path: Path, throughput: Throughput) -> None:
        self.path, self.throughput = path, throughput

    def on_log(self, args, state, control, logs=None, **kwargs):
        logs = logs or {}
        if not ({"loss", "eval_loss"} & logs.keys()):
            return
        new = not self.path.exists()
        with self.path.open("a", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, METRIC_COLUMNS)
            if new:
                writer.writeheader()
            writer.writerow(
                {
                    "step": state.global_step,
                    "epoch": round(state.epoch or 0.0, 4),
                    "loss": logs.get("loss", ""),
                    "eval_loss": logs.get("eval_loss", ""),
                    "learning_rate": logs.get("learning_rate", ""),
                    "grad_norm": logs.get("grad_norm", ""),
                    "tokens": self.throughput.tokens,
                    "tokens_per_s": round(self.throughput.tokens_per_s, 1),
                    "elapsed_s": round(self.throughput.elapsed, 1),
                }
            )


class RichProgress(TrainerCallback):
    """Step bar with loss, validation loss, tokens/s and ETA."""

    def __init__(self, progress, throughput: Throughput, label: str) -> None:
        self.progress, self.throughput, self.label = progress, throughput, label
        self.task = None
        self.loss, self.eval_loss = float("nan"), float("nan")
        self.first_step = 0

    def _fields(self) -> dict:
        return {"loss": self.loss, "eval_loss": self.eval_loss, "tps": self.throughput.tokens_per_s}

    def on_train_begin(self, args, state, control, **kwargs):
        self.first_step = state.global_step
        self.task = self.progress.add_task(
            self.label, total=state.max_steps, completed=state.global_step, **self._fields()
        )

    def on_step_end(self, args, state, control, **kwargs):
        self.progress.update(self.task, completed=state.global_step, **self._fields())

    def on_log(self, args, state, control, logs=None, **kwargs):
        logs = logs or {}
        self.loss = logs.get("loss", self.loss)
        self.eval_loss = logs.get("eval_loss", self.eval_loss)
        if self.task is not None:
            self.progress.update(self.task, **self._fields())


class StopOnInterrupt(TrainerCallback):
    """The first Ctrl-C saves a checkpoint at the end of the current step and stops cleanly
    (`--resume` continues from it); a second Ctrl-C interrupts at once."""

    def __init__(self) -> None:
        self.interrupted = False
        self._previous = None

    def _handle(self, signum, frame):
        if self.interrupted:
            raise KeyboardInterrupt
        self.interrupted = True

    def on_train_begin(self, args, state, control, **kwargs):
        self._previous = signal.signal(signal.SIGINT, self._handle)

    def on_step_end(self, args, state, control, **kwargs):
        if self.interrupted:
            control.should_save = True
            control.should_training_stop = True

    def on_train_end(self, args, state, control, **kwargs):
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)
