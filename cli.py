"""`bedside` command line: parse, call core/index, print. No logic of its own."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from bedside.cli_common import err, fail, out, read_dialogues, settings_or_fail
from bedside.cli_eval import eval_command
from bedside.cli_train import train
from bedside.core.config import describe, resolve_llm_gguf

app = typer.Typer(
    add_completion=False,
    pretty_exceptions_show_locals=False,
    no_args_is_help=True,
    help="Bedside: an offline medical chat assistant (RAG, fine-tuned and hybrid modes).",
)


@app.command()
def setup(
    force: Annotated[bool, typer.Option(help="Rewrite the files even if good copies exist.")] = False,
) -> None:
    """Materialise the embedded models (GGUF + embedder) into the data home, sha256-checked."""
    from bedside.core.embedded import ModelSetupError, check_gguf_file, ensure_base_gguf, ensure_embedder

    settings = settings_or_fail()
    paths = settings.paths
    try:
        for label, ensure in (("base model", ensure_base_gguf), ("embedder", ensure_embedder)):
            with err.status(f"checking {label}…"):
                result = ensure(paths, verify=True, force=force)
            verb = "wrote" if result.written else "verified"
            out.print(f"{label}: {verb} {escape(str(result.path))}", highlight=False)
        if settings.llm_gguf:
            configured = resolve_llm_gguf(settings)
            check_gguf_file(configured)
            out.print(f"configured LLM: {escape(str(configured))} (GGUF header ok)", highlight=False)
    except ModelSetupError as error:
        fail(str(error))


def _index_fusion(settings) -> str:
    """The hybrid search's full-text weight as the index stores it (tuned on the corpus at index time)."""
    if not (settings.paths.index / f"{settings.table}.lance").exists():
        return "no index yet"
    try:
        from bedside.index import open_store

        return open_store(settings).fusion().describe()
    except Exception as error:  # a damaged index must not break `bedside config`, which helps diagnose it
        return f"unreadable index ({error})"


@app.command()
def config(as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Print the effective configuration and data paths."""
    settings = settings_or_fail()
    effective = describe(settings)
    effective["search_fusion"] = _index_fusion(settings)
    if as_json:
        print(json.dumps(effective, indent=2))
        return
    table = Table(title="bedside config", show_header=True)
    table.add_column("setting")
    table.add_column("value", overflow="fold")
    paths = effective.pop("paths")
    for key, value in effective.items():
        table.add_row(key, escape(repr(value) if value == "" else str(value)))
    for key, value in paths.items():
        table.add_row(f"path.{key}", escape(value))
    out.print(table)
    out.print("Set any value in the config file or as BEDSIDE_<NAME>, e.g. BEDSIDE_SEARCH_K=8.")


@app.command()
def index(
    input: Annotated[Path | None, typer.Option(help="A parquet, CSV or JSONL file of dialogues.")] = None,
    dataset: Annotated[
        str | None, typer.Option(help="Hub dataset name (needs network), e.g. ruslanmv/ai-medical-chatbot.")
    ] = None,
    split: Annotated[str, typer.Option(help="Dataset split, with --dataset.")] = "train",
    sample: Annotated[str, typer.Option(help="Shipped corpus when no --input/--dataset: sample|heldout.")] = "sample",
    question_col: Annotated[str, typer.Option(help="Column with the patient question.")] = "Patient",
    answer_col: Annotated[str, typer.Option(help="Column with the doctor answer.")] = "Doctor",
    title_col: Annotated[str, typer.Option(help="Column with a one-line title; '' for none.")] = "Description",
    limit: Annotated[int | None, typer.Option(min=1, help="Read at most N rows.")] = None,
    rebuild: Annotated[bool, typer.Option(help="Drop the existing index and start fresh.")] = False,
    tune: Annotated[
        bool, typer.Option(help="Re-tune the vector/full-text fusion weight on the indexed dialogues.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the stats as JSON.")] = False,
) -> None:
    """Index dialogues into LanceDB (default: the shipped sample corpus). Resumable: rerun to continue."""
    from bedside.index import open_embedder, open_store
    from bedside.index.embedder import EmbedderError
    from bedside.index.ingest import ingest
    from bedside.index.progress import ingest_progress
    from bedside.index.sources import ColumnMap, SourceError
    from bedside.index.store import StoreError

    settings = settings_or_fail()
    if tune and not (input or dataset or rebuild):
        # Only re-tune what is indexed: reading the default source would add the shipped sample.
        from bedside.index.ingest import tune_fusion
        from bedside.index.store import WriterLock

        try:
            store = open_store(settings)
            with err.status("loading embedder…"):
                embedder = open_embedder(settings)
            with WriterLock(store.folder), err.status("tuning the fusion weight on your dialogues…"):
                described = tune_fusion(store, embedder, settings.embed_batch).describe()
        except (EmbedderError, StoreError) as error:
            fail(str(error))
        if as_json:
            print(json.dumps({"fusion": described}))
        else:
            out.print(f"search fusion: {described}")
        return
    try:
        raw = read_dialogues(
            input, dataset, split, sample, ColumnMap(question_col, answer_col, title_col or None), limit
        )
        with err.status("loading embedder…"):
            embedder = open_embedder(settings)
        with ingest_progress(err, enabled=not as_json) as progress:
            stats = ingest(
                raw,
                open_store(settings),
                embedder,
                overlap=settings.chunk_overlap,
                batch_size=settings.embed_batch,
                ann_min_rows=settings.ann_min_rows,
                rebuild=rebuild,
                progress=progress,
                tune=tune,
            )
    except (SourceError, EmbedderError, StoreError) as error:
        fail(str(error))
    except KeyboardInterrupt:
        err.print("interrupted: the index keeps every finished batch; rerun the same command to continue")
        raise typer.Exit(130) from None
    if stats.clean.too_long:
        from bedside.index.clean import MAX_ANSWER_CHARS

        err.print(
            f"note: {stats.clean.too_long} answer(s) longer than {MAX_ANSWER_CHARS:,} characters skipped (the "
            f"longest {stats.clean.longest:,}): a doctor's reply is never that long; check those rows"
        )
    result = stats.as_dict()
    if as_json:
        print(json.dumps(result))
        return
    table = Table(title=f"indexed into {settings.paths.index}", show_header=False)
    for key, value in result.items():
        table.add_row(key, ", ".join(f"{k}={v}" for k, v in value.items()) if isinstance(value, dict) else str(value))
    out.print(table)


@app.command()
def search(
    query: Annotated[str | None, typer.Argument(help="The question to search for.")] = None,
    k: Annotated[int | None, typer.Option("-k", min=1, help="Number of dialogues to return.")] = None,
    kind: Annotated[str | None, typer.Option(help="vector | fts | hybrid (default from config).")] = None,
    queries: Annotated[Path | None, typer.Option(help="File with one query per line; prints JSON lines.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Search the indexed doctor answers."""
    from bedside.index import open_retriever
    from bedside.index.embedder import EmbedderError
    from bedside.index.search import QueryError, clean_query
    from bedside.index.store import StoreError

    if (query is None) == (queries is None):
        fail("give a query or --queries FILE (one of them)")
    try:
        query = clean_query(query) if query is not None else None
    except QueryError as error:
        fail(str(error))
    settings = settings_or_fail()
    k = k or settings.search_k
    kind = kind or settings.search_kind
    try:
        retriever = open_retriever(settings)
        if queries is not None:
            try:
                lines = [line.strip() for line in queries.read_text(encoding="utf-8").splitlines()]
            except (OSError, UnicodeDecodeError) as error:
                fail(f"cannot read {queries}: {error}")
            for line in filter(None, lines):
                try:
                    record = {"query": line, "hits": [hit.to_json() for hit in retriever.search(line, k, kind)]}
                except QueryError as error:  # one bad line must not end a batch
                    record = {"query": line, "hits": [], "error": str(error)}
                print(json.dumps(record), flush=True)
            return
        hits = retriever.search(query, k, kind)
    except (QueryError, StoreError, EmbedderError) as error:
        fail(str(error))
    if as_json:
        print(json.dumps({"query": query, "hits": [hit.to_json() for hit in hits]}))
        return
    if not hits:
        out.print("no matching dialogues")
    for hit in hits:
        out.rule(escape(f"[{hit.rank}] {hit.title or '(untitled)'}  score {hit.score:.4f}"))
        out.print(f"[dim]Patient:[/] {escape(hit.patient)}", highlight=False)
        out.print(f"[bold]Doctor:[/] {escape(hit.doctor)}", highlight=False)


DebugPrompts = Annotated[
    Path | None, typer.Option("--debug-prompts", help="Append every prompt sent to the model to this file.")
]


def log_prompts_to(path: Path | None) -> None:
    from bedside.core.prompt_log import ENV

    if path is not None:
        if not path.parent.is_dir():
            fail(f"--debug-prompts: the folder {path.parent} does not exist; create it or choose another file")
        os.environ[ENV] = str(path.resolve())


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="Your question.")],
    mode: Annotated[str, typer.Option(help="rag | ft | hybrid | base.")] = "rag",
    all_modes: Annotated[bool, typer.Option("--all-modes", help="Answer in every available mode, in turn.")] = False,
    max_tokens: Annotated[int | None, typer.Option(min=1, help="Cap the answer length (tokens).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object per answer.")] = False,
    debug_prompts: DebugPrompts = None,
) -> None:
    """Answer a question with the local model, streaming it, then list the cited sources.

    Emergency advice comes first, before anything that can fail: a model, adapter or index that
    does not load still leaves the advice on screen (and in --json), then the error, exit code 2."""
    from bedside.core.chat import Conversation, Text
    from bedside.core.engine import Engine
    from bedside.core.modes import Mode

    log_prompts_to(debug_prompts)
    try:
        chosen = [Mode(mode)]
    except ValueError:
        fail(f"unknown mode {mode!r}; use one of rag, ft, hybrid, base")
    engine = Engine(settings_or_fail())
    conversation = Conversation(engine)  # one question, nothing filed
    modes = chosen
    if all_modes:
        modes = engine.available_modes() or chosen  # none available: the first mode's error says why
    for current in modes:
        if not as_json:
            out.rule(escape(f"{current.label} mode"))

        def show(event) -> None:
            if isinstance(event, Text):
                out.print(event.text, end="", markup=False, highlight=False)

        turn = conversation.ask(question, None if as_json else show, mode=current, max_tokens=max_tokens)
        if turn.error is not None:  # whatever failed, the advice is out and the error is named
            if as_json:
                print(json.dumps(failed_turn_json(question, current, turn.triage, turn.error_text)), flush=True)
            else:
                out.print()
            fail(turn.error_text)
        answer = turn.answer
        if as_json:
            print(json.dumps(answer.to_json()), flush=True)
            continue
        out.print()
        backend = engine.backend
        out.print(escape(f"{backend.model_path.name} · {backend.offload_report}"), style="dim", highlight=False)
        print_sources(answer)


def failed_turn_json(question: str, mode, triaged, error: str) -> dict:
    return {
        "question": question,
        "mode": mode.value,
        "answer": None,
        "emergency_advice": (triaged.advice or None) if triaged else None,
        "red_flags": list(triaged.keys) if triaged else [],
        "error": error,
    }


def print_sources(answer) -> None:
    stats = answer.stats
    out.print(
        f"[dim]{stats.prompt_tokens} prompt + {stats.completion_tokens} answer tokens, "
        f"first token {answer.to_json()['ttft_s']:.2f} s, {stats.tokens_per_s:.1f} tokens/s[/]"
    )
    if not answer.used_retrieval:
        out.print("[dim]No retrieval in this mode.[/]")
        return
    for source in answer.sources:
        mark = "[bold green]cited[/]" if source.cited else "[dim]not cited[/]"
        out.print(
            escape(f"[{source.number}] {source.title or '(untitled)'}  score {source.score:.3f}") + f"  {mark}",
            highlight=False,
        )
    if answer.invalid_citations:
        out.print(f"[yellow]cited numbers with no source: {list(answer.invalid_citations)}[/]")


@app.command("export-adapter")
def export_adapter(
    peft_dir: Annotated[Path, typer.Argument(help="Folder with adapter_model.safetensors + adapter_config.json.")],
    slot: Annotated[str, typer.Option(help="ft or hybrid: which mode will use it.")] = "ft",
    destination: Annotated[
        Path | None, typer.Option("--out", help="Where to write the GGUF (default: the data home).")
    ] = None,
    prompt_format: Annotated[
        str,
        typer.Option(
            help="The prompt layout the adapter was trained on, e.g. transcript/2 (default: the one `bedside "
            "train` recorded beside it). Bedside refuses adapters trained on another layout."
        ),
    ] = "",
) -> None:
    """Convert a PEFT LoRA adapter into a llama.cpp GGUF adapter for the configured base model."""
    from bedside.core.embedded import ModelSetupError, ensure_base_gguf
    from bedside.train.export import AdapterExportError, export_peft_to_gguf, recorded_prompt_format

    if slot not in ("ft", "hybrid"):
        fail(f"--slot must be ft or hybrid, got {slot!r}")
    settings = settings_or_fail()
    target = destination or settings.paths.models / "adapters" / f"{slot}.gguf"
    try:
        if not settings.llm_gguf:
            ensure_base_gguf(settings.paths, verify=False)
        fmt = prompt_format or recorded_prompt_format(peft_dir)
        if not fmt and (peft_dir / "adapter_config.json").exists():  # not an adapter at all: say that first
            fail(
                f"{peft_dir} does not record the prompt format it was trained on (Bedside's own runs do); "
                "pass --prompt-format, e.g. transcript/2 for the embedded base model (`bedside config` shows "
                "chat_template), after checking how the adapter was trained"
            )
        report = export_peft_to_gguf(peft_dir, resolve_llm_gguf(settings), target, prompt_format=fmt)
    except (AdapterExportError, ModelSetupError) as error:
        fail(str(error))
    out.print(
        f"wrote {report.path}: {report.tensors} adapted matrices, rank {report.rank}, alpha {report.alpha:g}, "
        f"prompt format {fmt}",
        highlight=False,
        markup=False,
    )
    out.print(
        f'use it: set adapter_{slot} = "{report.path}" in {settings.config_file}, '
        f"or BEDSIDE_ADAPTER_{slot.upper()}={report.path}",
        highlight=False,
        markup=False,
    )


@app.command("export-merged")
def export_merged(
    slot: Annotated[str, typer.Option(help="ft or hybrid: whose adapter to merge (configured, else shipped).")] = "ft",
    quant: Annotated[
        str,
        typer.Option(
            help="Precision of the merged weights: auto (q8_0 over an already quantised base, where 4 bits would "
            "round the adapter away; q4_k_m over a float base), q4_k_m, q8_0 or f16. Other tensors keep the base's."
        ),
    ] = "auto",
    destination: Annotated[
        Path | None, typer.Option("--out", help="Where to write it (default: models/merged/ in the data home).")
    ] = None,
    check: Annotated[
        int,
        typer.Option(help="Then compare greedy answers with base + adapter on N held-out questions × 64 tokens."),
    ] = 0,
) -> None:
    """Merge an adapter into the base model: one GGUF that runs anywhere llama.cpp does, no adapter needed."""
    from bedside.core.embedded import ModelSetupError, ensure_base_gguf
    from bedside.core.shipped import ShippedAdapterError, slot_adapter
    from bedside.train.merge_gguf import MergeError, merge_adapter

    if slot not in ("ft", "hybrid"):
        fail(f"--slot must be ft or hybrid, got {slot!r}")
    settings = settings_or_fail()
    try:
        if not settings.llm_gguf:
            ensure_base_gguf(settings.paths, verify=False)
        adapter = slot_adapter(settings, slot)
        if adapter is None:
            fail(f"no {slot} adapter: train one with `bedside train --mode {slot}` or set adapter_{slot} in the config")
        target = destination or settings.paths.models / "merged" / f"{slot}.gguf"
        base = resolve_llm_gguf(settings)
        report = merge_adapter(base, adapter, target, quant=quant, threads=settings.n_threads)
    except (MergeError, ModelSetupError, ShippedAdapterError) as error:
        fail(str(error))
    except OSError as error:  # a full disk, a folder we may not write: nothing partial is left behind
        fail(f"could not write the merged model: {error}")
    out.print(
        f"wrote {report.path} ({report.bytes / 1e6:.0f} MB): {report.merged} weights merged at {report.quant} "
        f"keeping {report.kept:.1%} of the adapter's change, {report.copied} tensors copied bit-identical",
        highlight=False,
        markup=False,
    )
    out.print(f'use it: llm_gguf = "{report.path}" in {settings.config_file} (then Base mode runs it)', markup=False)
    if check:
        from bedside.core.prompts import TranscriptTemplate
        from bedside.index.sources import read_sample
        from bedside.train.merge_check import agreement

        prompts = [TranscriptTemplate().prompt(d.patient, [], []) for d in read_sample("heldout")[:check]]
        result = agreement(base, adapter, report.path, prompts, n_tokens=64, n_threads=settings.n_threads)
        out.print(
            f"agreement with base + adapter over {result.questions} held-out questions × {result.tokens} greedy "
            f"tokens: next token (teacher-forced) {result.teacher_forced:.1%}, tokens before the first "
            f"divergence {result.prefix_share:.1%}, identical answers {result.identical_answers}/{result.questions}",
            markup=False,
        )


app.command()(train)


@app.command()
def chat(
    mode: Annotated[str, typer.Option(help="Mode to start in: rag, ft, hybrid or base.")] = "rag",
    debug_prompts: DebugPrompts = None,
) -> None:
    """The chat UI: switch RAG / FT / Hybrid / Base with one key, compare them, keep your chats."""
    from bedside.core.modes import Mode
    from bedside.tui.app import BedsideApp

    if mode not in {m.value for m in Mode}:
        fail(f"--mode must be rag, ft, hybrid or base, got {mode!r}")
    log_prompts_to(debug_prompts)
    BedsideApp(settings_or_fail(), start_mode=Mode(mode)).run()


app.command("eval")(eval_command)
