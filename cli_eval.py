"""`bedside eval`: parse, run core/evaluate (or index/evaluate for --retrieval-only), print the report."""

from __future__ import annotations

import hashlib
import json
import tempfile
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from bedside.cli_common import err, fail, out, settings_or_fail

Opt = typer.Option


def _training_minutes(settings) -> dict[str, float]:
    minutes = {}
    for slot in ("ft", "hybrid"):
        path = getattr(settings, f"adapter_{slot}")
        result = settings.paths.runs / Path(path).stem / "result.json" if path else None
        if result and result.exists():
            minutes[slot] = json.loads(result.read_text())["seconds"] / 60
    return minutes


def _print_compare(run_a: Path, run_b: Path) -> None:
    from bedside.core.eval_report import compare_runs

    table = Table(title=f"{run_a.name} → {run_b.name}")
    for column in ("mode", "metric", "A", "B", "change"):
        table.add_column(column, justify="right")
    for mode, name, a, b in compare_runs(run_a, run_b):
        change = f"{b - a:+.3f}" if a is not None and b is not None else "–"
        table.add_row(mode, name, "–" if a is None else f"{a:.3f}", "–" if b is None else f"{b:.3f}", change)
    out.print(table)


def eval_command(
    input: Annotated[Path | None, Opt(help="Parquet/CSV/JSONL of questions and reference answers.")] = None,
    question_col: Annotated[str, Opt(help="Column with the question.")] = "Patient",
    answer_col: Annotated[str, Opt(help="Column with the reference (doctor) answer.")] = "Doctor",
    modes: Annotated[str, Opt(help="Comma-separated modes.")] = "rag,ft,hybrid,base",
    limit: Annotated[int, Opt(min=0, help="A seeded random sample of N pairs (0 = all).")] = 0,
    seed: Annotated[int, Opt(help="Seed for the sample and the bootstrap.")] = 0,
    max_tokens: Annotated[int, Opt(min=1, help="Answer length limit.")] = 160,
    sampled: Annotated[
        bool, Opt(help="Sample as the chat does (config temperature, top-p…) instead of greedy.")
    ] = False,
    seeds: Annotated[int, Opt(min=1, help="Sampled runs per question (seeds 0..N-1, offset by --seed).")] = 1,
    out_dir: Annotated[Path | None, Opt("--out", help="Run folder (default: runs/eval-<input>-<options>).")] = None,
    retrieval_only: Annotated[bool, Opt(help="Only retrieval recall@k/MRR per search kind.")] = False,
    compare: Annotated[tuple[Path, Path] | None, Opt(help="Show the change between two eval run folders.")] = None,
    as_json: Annotated[bool, Opt("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Measure RAG vs FT vs Hybrid vs Base on held-out questions (default: the shipped held-out set)."""
    from bedside.core import eval_report
    from bedside.core.evaluate import EvalError, EvalOptions, make_pairs, run_eval
    from bedside.core.modes import Mode
    from bedside.index.sources import ColumnMap, SourceError, read_file, read_sample

    if compare:
        _print_compare(*compare)
        return
    settings = settings_or_fail()
    try:
        chosen = tuple(Mode(m.strip()) for m in modes.split(",") if m.strip())
    except ValueError:
        fail(f"--modes takes rag, ft, hybrid, base (comma-separated), got {modes!r}")
    try:
        raw = read_file(input, ColumnMap(question_col, answer_col, None)) if input else read_sample("heldout")
        pairs = make_pairs([r.patient for r in raw], [r.doctor for r in raw], limit, seed)
    except (SourceError, EvalError) as error:
        fail(str(error))
    if retrieval_only:
        from bedside.index import open_embedder
        from bedside.index.evaluate import retrieval_metrics, retrieval_table
        from bedside.index.sources import RawDialogue

        with tempfile.TemporaryDirectory() as scratch, err.status("indexing references and querying…"):
            metrics = retrieval_metrics(
                [RawDialogue("", p.question, p.reference, "eval") for p in pairs],
                open_embedder(settings),
                Path(scratch),
            )
        if as_json:
            print(json.dumps(metrics))
            return
        title = (
            f"retrieval: {len(pairs)} references indexed alone, queried by their questions; the fusion "
            "weight tuned on a seeded half, every figure on the other half (95% intervals)"
        )
        out.print(retrieval_table(metrics, title))
        return

    if seeds > 1 and not sampled:
        fail("--seeds N needs --sampled: greedy decoding gives the same answer for every seed")
    options = EvalOptions(chosen, limit, seed, max_tokens, sampled, seeds)
    fingerprint = [p.qid for p in pairs] + [modes, seed, max_tokens] + ([sampled, seeds] if sampled else [])
    key = hashlib.sha256(json.dumps(fingerprint).encode()).hexdigest()[:8]
    folder = out_dir or settings.paths.runs / f"eval-{(input.stem if input else 'heldout')}-{key}"
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    try:
        with Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
            console=err, disable=as_json,
        ) as bar:  # fmt: skip
            task = bar.add_task("evaluating", total=None)

            def progress(label: str, done: int, total: int) -> None:
                bar.update(task, description=f"evaluating {label}", completed=done, total=total)

            log, notes = run_eval(settings, pairs, options, folder, progress=progress)
    except EvalError as error:
        fail(str(error))
    except KeyboardInterrupt:
        err.print(f"interrupted: finished answers are kept in {folder}; run the same command to resume")
        raise typer.Exit(130) from None
    summary = eval_report.summarise(log.rows, seed)
    advice = eval_report.recommendation(summary, _training_minutes(settings))
    (folder / "summary.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    (folder / "report.md").write_text(eval_report.markdown(summary, notes, advice), encoding="utf-8")
    eval_report.plots(summary, folder)
    if as_json:
        print(json.dumps(summary))
        return
    table = Table(title=f"{len(pairs)} questions · {folder}")
    table.add_column("metric")
    for mode in summary["modes"]:
        table.add_column(Mode(mode).label, justify="right")

    def cell(c: dict | None) -> str:
        return "–" if c is None else f"{c['mean']:.3f} ± {(c['high'] - c['low']) / 2:.3f}"

    for name in (*eval_report.QUALITY, *eval_report.COST, *eval_report.HEALTH):
        table.add_row(name, *(cell(summary["modes"][m]["metrics"].get(name)) for m in summary["modes"]))
    for name in eval_report.ON_USABLE:
        table.add_row(f"{name} (usable)", *(cell(summary["modes"][m]["on_usable"].get(name)) for m in summary["modes"]))
    out.print(table)
    for note in notes:
        out.print(note, markup=False, highlight=False)
    out.print("\n".join(advice), markup=False, highlight=False)
    out.print(f"report: {folder / 'report.md'} (plots: quality.png, latency.png)", markup=False, highlight=False)
