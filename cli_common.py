"""What every `bedside` command shares: the consoles, failing with a clear message, settings, input."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape

from bedside.core.config import ConfigError, load_settings

out = Console(soft_wrap=True)  # no hard wraps: paths and commands stay copyable
err = Console(stderr=True, soft_wrap=True)


def fail(message: str, code: int = 2) -> None:
    err.print(f"[bold red]error:[/] {escape(message)}", highlight=False)
    raise typer.Exit(code)


def settings_or_fail():
    from bedside.core.privacy import secure_home

    try:
        settings = load_settings()
    except ConfigError as error:
        fail(str(error))
    try:
        for notice in secure_home(settings.paths.home):
            err.print(f"note: {escape(notice)}", highlight=False)
    except OSError as error:
        fail(f"cannot create the data home {settings.paths.home}: {error}; set BEDSIDE_HOME to a folder you own")
    return settings


def read_dialogues(input: Path | None, dataset: str | None, split: str, sample: str, columns, limit: int | None):
    """The dialogues `index` and `train` read: a file, a hub dataset (networked), or a shipped sample."""
    from bedside.index.sources import load_hub_dataset, read_file, read_sample

    if input and dataset:
        fail("give either --input or --dataset, not both")
    with err.status("reading dialogues…"):
        if input:
            return read_file(input, columns, limit)
        if dataset:
            return load_hub_dataset(dataset, split, columns, limit)
        return read_sample(sample, limit)
