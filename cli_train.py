"""`bedside train`: parse options, run train/pipeline once per adapter, print what came out."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from bedside.cli_common import err, fail, out, read_dialogues, settings_or_fail

Opt = typer.Option


def _progress(enabled: bool):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("loss {task.fields[loss]:.3f} · val {task.fields[eval_loss]:.3f} · {task.fields[tps]:.0f} tok/s"),
        TimeRemainingColumn(),
        console=err,
        disable=not enabled,
    )


def train(
    mode: Annotated[str, Opt(help="ft, hybrid, both (two adapters, one per mode) or mixed (one for both).")] = "both",
    device: Annotated[str, Opt(help="auto (CUDA when present), cuda (Unsloth QLoRA) or cpu (TRL + PEFT).")] = "auto",
    epochs: Annotated[float | None, Opt(help="Passes over the training split.")] = None,
    max_steps: Annotated[int | None, Opt(help="Stop after N optimizer steps (overrides --epochs).")] = None,
    lr: Annotated[float | None, Opt(help="Learning rate.")] = None,
    rank: Annotated[int | None, Opt(help="LoRA rank r.")] = None,
    alpha: Annotated[int | None, Opt(help="LoRA alpha (scale alpha/r).")] = None,
    seq_len: Annotated[int | None, Opt(help="Longest example in tokens; longer answers are cut.")] = None,
    batch: Annotated[int | None, Opt(help="Examples per device step.")] = None,
    grad_accum: Annotated[int | None, Opt(help="Steps accumulated per optimizer step.")] = None,
    eval_steps: Annotated[int | None, Opt(help="Validation loss every N steps.")] = None,
    save_steps: Annotated[int | None, Opt(help="Checkpoint every N steps (and on Ctrl-C).")] = None,
    k: Annotated[int | None, Opt(help="Retrieved answers per RAFT prompt.")] = None,
    p_oracle: Annotated[float | None, Opt(help="Share of RAFT prompts from retrieval (rest: random).")] = None,
    seed: Annotated[int | None, Opt(help="Seed for LoRA init, shuffling and RAFT sampling.")] = None,
    input: Annotated[Path | None, Opt(help="Train on this parquet/CSV/JSONL file of dialogues.")] = None,
    dataset: Annotated[str | None, Opt(help="Hub dataset (needs network), e.g. ruslanmv/ai-medical-chatbot.")] = None,
    split: Annotated[str, Opt(help="Dataset split, with --dataset.")] = "train",
    question_col: Annotated[str, Opt(help="Column with the patient question.")] = "Patient",
    answer_col: Annotated[str, Opt(help="Column with the doctor answer.")] = "Doctor",
    title_col: Annotated[str, Opt(help="Column with a one-line title; '' for none.")] = "Description",
    limit: Annotated[int | None, Opt(min=1, help="Use the first N dialogues only.")] = None,
    base_model: Annotated[str | None, Opt(help="HF folder (or hub id with --download) to train on.")] = None,
    base_gguf: Annotated[
        Path | None, Opt(help="The GGUF that serves the adapter (default: the configured base).")
    ] = None,
    download: Annotated[bool, Opt(help="Allow fetching --base-model from the hub (the only networked step).")] = False,
    resume: Annotated[
        bool, Opt(help="Continue the newest unfinished run of each mode from its last checkpoint.")
    ] = False,
    as_json: Annotated[bool, Opt("--json", help="Print the results as JSON lines.")] = False,
) -> None:
    """Fine-tune LoRA adapters for FT and hybrid modes, export them as GGUF and register them in config."""
    from bedside.index.sources import ColumnMap, SourceError
    from bedside.train.base import TrainingBaseError
    from bedside.train.config import TrainConfig, TrainConfigError, device_defaults, resolve_device
    from bedside.train.cuda import CudaUnavailableError
    from bedside.train.pipeline import TrainDataError, train_run
    from bedside.train.runs import RunFolder, unfinished_run

    settings = settings_or_fail()
    modes = ("ft", "hybrid") if mode == "both" else (mode,)
    given = {
        name: value
        for name, value in dict(
            epochs=epochs, max_steps=max_steps, lr=lr, rank=rank, alpha=alpha, seq_len=seq_len, batch=batch,
            grad_accum=grad_accum, eval_steps=eval_steps, save_steps=save_steps, k=k, p_oracle=p_oracle,
            seed=seed, limit=limit or 0,
        ).items()
        if value is not None
    }  # fmt: skip
    try:
        resolved = resolve_device(device)
        plans: list[tuple[TrainConfig, RunFolder | None]] = []
        for one in modes:
            if resume:
                run = unfinished_run(settings.paths.runs, one)
                if run is None:
                    fail(f"--resume: no unfinished {one} run with a checkpoint in {settings.paths.runs}")
                saved = TrainConfig.from_file(run.config)
                overrides = {key: given[key] for key in ("epochs", "max_steps") if key in given}
                plans.append((TrainConfig(**(saved.to_json() | overrides)).validate(), run))
            else:
                plans.append((TrainConfig(**(device_defaults(resolved) | given | {"mode": one})).validate(), None))
        raw = None
        if not resume:
            raw = read_dialogues(
                input, dataset, split, "sample", ColumnMap(question_col, answer_col, title_col or None), limit
            )
        results = []
        for config, run in plans:
            with _progress(not as_json) as progress:
                result = train_run(
                    settings, config, raw, base_model=base_model, base_gguf=base_gguf, download=download,
                    resume=run, progress=progress, say=lambda line: err.print(line, markup=False, highlight=False),
                )  # fmt: skip
            results.append(result)
            _report(result, as_json)
            if result.interrupted:
                raise typer.Exit(130)
    except (TrainConfigError, TrainingBaseError, TrainDataError, SourceError, CudaUnavailableError) as error:
        fail(str(error))


def _report(result, as_json: bool) -> None:
    if as_json:
        print(json.dumps(result.to_json(), default=str))
        return
    loss = f"train loss {result.train_loss:.3f}" if result.train_loss is not None else "no train loss"
    if result.eval_loss is not None:
        loss += f", validation {result.first_eval_loss:.3f} → {result.eval_loss:.3f}"
    out.print(
        f"{result.run.path.name}: {result.steps} steps, {loss}, "
        f"{result.tokens_per_s:.0f} tokens/s, {result.seconds:.0f} s",
        markup=False,
        highlight=False,
    )
    out.print(f"run folder: {result.run.path} (metrics.csv, loss.png, adapter/)", markup=False, highlight=False)
    for key, value in result.registered.items():
        out.print(f"registered {key} = {value}", markup=False, highlight=False)
    for note in result.notes:
        out.print(note, markup=False, highlight=False)
