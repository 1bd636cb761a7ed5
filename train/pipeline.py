"""One training run end to end: dialogues -> examples -> tokens -> trainer -> adapter GGUF -> config.

The run folder keeps everything needed to continue or audit it: the config, the tokenized data
(so `--resume` trains on exactly the same examples), checkpoints, metrics, the PEFT adapter.
"""

from __future__ import annotations

import json
import math
import statistics
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bedside.core.config import Settings, resolve_llm_gguf, set_config_values
from bedside.core.gguf_info import read_gguf_info
from bedside.core.prompts import choose_template, prompt_format
from bedside.index.clean import CleanDialogue, clean_dialogues
from bedside.index.sources import RawDialogue, read_sample
from bedside.train.base import TrainingBase, resolve_training_base
from bedside.train.config import TrainConfig
from bedside.train.data import Example, cited_share, from_retriever, ft_examples, raft_examples, split_by_dialogue
from bedside.train.runs import RunFolder, new_run, plot_losses
from bedside.train.tokens import Tokenized, TokenizedExample, tokenize_examples

Say = Callable[[str], None]
SLOTS = {"ft": ("ft",), "hybrid": ("hybrid",), "mixed": ("ft", "hybrid")}


class TrainDataError(ValueError):
    """Too little usable data to train on."""


@dataclass
class TrainResult:
    run: RunFolder
    interrupted: bool
    steps: int
    train_loss: float | None
    eval_loss: float | None
    first_eval_loss: float | None
    tokens_per_s: float
    seconds: float
    adapter_gguf: Path | None = None
    registered: dict[str, str] = field(default_factory=dict)
    merged: Path | None = None
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        out = {k: v for k, v in self.__dict__.items() if k != "run"}
        return out | {"run": str(self.run.path)}


def heldout_ids() -> set[str]:
    """The shipped evaluation dialogues: never trained on, whatever the input."""
    return {d.dialogue_id for d in clean_dialogues(read_sample("heldout"))}


def training_dialogues(raw: Sequence[RawDialogue]) -> tuple[list[CleanDialogue], int]:
    excluded = heldout_ids()
    dialogues = clean_dialogues(raw)
    kept = [d for d in dialogues if d.dialogue_id not in excluded]
    return kept, len(dialogues) - len(kept)


def _raft_retriever(settings: Settings, dialogues: Sequence[CleanDialogue], folder: Path):
    """Retrieval over the training split only (see train/data.py for the leakage rule)."""
    from bedside.index import open_embedder
    from bedside.index.ingest import ingest
    from bedside.index.search import Retriever
    from bedside.index.store import DialogueStore

    embedder = open_embedder(settings)
    store = DialogueStore(folder, "raft")
    raw = [RawDialogue(d.title, d.patient, d.doctor, d.source) for d in dialogues]
    ingest(raw, store, embedder, overlap=settings.chunk_overlap, batch_size=settings.embed_batch, rebuild=True)
    return from_retriever(Retriever(store, embedder), settings.search_kind)


def build_examples(
    settings: Settings,
    cfg: TrainConfig,
    dialogues: Sequence[CleanDialogue],
    template,
    scratch: Path,
    count_tokens: Callable[[str], int] | None = None,
) -> tuple[list[Example], list[Example]]:
    split = split_by_dialogue(dialogues, cfg.validation_share)
    if len(split.train) < 2:
        raise TrainDataError(f"only {len(split.train)} training dialogue(s) after the split; give more data")
    train, validation = [], []
    if cfg.mode in ("ft", "mixed"):
        train += ft_examples(split.train, template)
        validation += ft_examples(split.validation, template)
    if cfg.mode in ("hybrid", "mixed"):
        retrieve = _raft_retriever(settings, split.train, scratch)
        cap = {"count_tokens": count_tokens, "hit_tokens": settings.rag_answer_tokens}
        train += raft_examples(split.train, retrieve, template, k=cfg.k, p_oracle=cfg.p_oracle, seed=cfg.seed, **cap)
        validation += raft_examples(
            split.validation, retrieve, template, k=cfg.k, p_oracle=cfg.p_oracle, seed=cfg.seed + 1,
            distractors=split.train, **cap,
        )  # fmt: skip
    return train, validation


def _lengths(tokenized: Tokenized) -> dict:
    lengths = sorted(len(e.input_ids) for e in tokenized.examples) or [0]
    return {
        "examples": len(tokenized.examples),
        "tokens": tokenized.tokens,
        "mean_tokens": round(statistics.fmean(lengths), 1),
        "p95_tokens": lengths[min(len(lengths) - 1, math.ceil(0.95 * len(lengths)) - 1)],
        "max_tokens": lengths[-1],
        "answer_tokens_mean": round(statistics.fmean([e.target_tokens for e in tokenized.examples] or [0]), 1),
        "truncated": tokenized.truncated,
        "dropped_too_long": tokenized.dropped,
    }


def data_report(dialogues, excluded, train, validation, tok_train, tok_val) -> dict:
    share = cited_share(train)
    return {
        "dialogues": len(dialogues),
        "heldout_excluded": excluded,
        "train_dialogues": len({e.dialogue_id for e in train}),
        "validation_dialogues": len({e.dialogue_id for e in validation}),
        "cited_share": None if share is None else round(share, 3),
        "train": _lengths(tok_train),
        "validation": _lengths(tok_val),
    }


def _save_tokens(path: Path, examples: Sequence[TokenizedExample]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for e in examples:
            handle.write(json.dumps({"input_ids": e.input_ids, "labels": e.labels}) + "\n")


def _load_tokens(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def load_model(base: TrainingBase, cfg: TrainConfig):
    """CUDA: Unsloth (imported first, before trl); CPU: transformers + PEFT."""
    if cfg.device == "cuda":
        from bedside.train.cuda import load_cuda

        return load_cuda(base.hf_dir, cfg)
    from bedside.train.cpu import load_cpu

    return load_cpu(base.hf_dir, cfg)


def prepare_run(
    settings: Settings,
    cfg: TrainConfig,
    raw: Sequence[RawDialogue],
    base: TrainingBase,
    tokenizer,
    say: Say,
) -> RunFolder:
    """A new run folder holding the config, the tokenized data and the data report."""
    dialogues, excluded = training_dialogues(raw)
    info = read_gguf_info(base.gguf)
    template = choose_template(settings.chat_template, info.get("tokenizer.chat_template"), tokenizer.eos_token or "")
    run = new_run(settings.paths.runs, cfg.mode)
    with tempfile.TemporaryDirectory(dir=run.path) as scratch:
        # Tokens counted as llama.cpp counts them at inference (BOS included; the ids are equal, tested).
        def count(text: str) -> int:
            return len(tokenizer(text)["input_ids"])

        train, validation = build_examples(settings, cfg, dialogues, template, Path(scratch), count)
    tok_train = tokenize_examples(train, tokenizer, cfg.seq_len)
    tok_val = tokenize_examples(validation, tokenizer, cfg.seq_len)
    if not tok_train.examples:
        raise TrainDataError(f"no example fits --seq-len {cfg.seq_len}; raise it")
    (run.path / "data").mkdir()
    _save_tokens(run.path / "data" / "train.jsonl", tok_train.examples)
    _save_tokens(run.path / "data" / "validation.jsonl", tok_val.examples)
    report = data_report(dialogues, excluded, train, validation, tok_train, tok_val)
    run.write_json("data_report.json", report)
    run.write_json(
        "base.json", {"hf_dir": str(base.hf_dir), "gguf": str(base.gguf), "prompt_format": prompt_format(template)}
    )
    run.write_json("train_config.json", cfg.to_json())
    say(
        f"data: {report['train_dialogues']} train / {report['validation_dialogues']} validation dialogues, "
        f"{report['train']['examples']} examples, {report['train']['tokens']} tokens "
        f"(mean {report['train']['mean_tokens']}, max {report['train']['max_tokens']}), "
        f"{excluded} held-out excluded"
    )
    return run


def register_adapter(settings: Settings, slots: Sequence[str], gguf: Path) -> dict[str, str]:
    updates = {f"adapter_{slot}": str(gguf) for slot in slots}
    set_config_values(Path(settings.config_file), updates)
    return updates


def train_run(
    settings: Settings,
    cfg: TrainConfig,
    raw: Sequence[RawDialogue] | None,
    *,
    base_model: str | None = None,
    base_gguf: Path | None = None,
    download: bool = False,
    resume: RunFolder | None = None,
    progress=None,
    say: Say = print,
    callbacks: Sequence = (),
) -> TrainResult:
    """Train one adapter. `raw` is ignored when resuming (the run folder has its data).
    `callbacks`: extra transformers TrainerCallbacks (e.g. an eval hook)."""
    import time

    from datasets import Dataset

    from bedside.train.callbacks import MetricsCSV, RichProgress, StopOnInterrupt, Throughput
    from bedside.train.export import PROMPT_FORMAT_FILE, export_peft_to_gguf

    started = time.perf_counter()
    if resume is not None:
        saved = json.loads((resume.path / "base.json").read_text(encoding="utf-8"))
        base = TrainingBase(Path(saved["hf_dir"]), Path(saved["gguf"]))
    else:
        gguf = Path(base_gguf) if base_gguf else resolve_llm_gguf(settings)
        if not base_gguf and not settings.llm_gguf:
            from bedside.core.embedded import ensure_base_gguf

            ensure_base_gguf(settings.paths, verify=False)  # first use sets up, as `ask` and `index` do
        base = resolve_training_base(gguf, settings.paths.models / "train-base", base_model, download, say)
    model, tokenizer = load_model(base, cfg)
    run = resume or prepare_run(settings, cfg, raw or [], base, tokenizer, say)

    train_set = Dataset.from_list(_load_tokens(run.path / "data" / "train.jsonl"))
    val_rows = _load_tokens(run.path / "data" / "validation.jsonl")
    eval_set = Dataset.from_list(val_rows) if val_rows else None

    from bedside.train.trainer import build_trainer  # imports trl: after Unsloth on CUDA

    stop = StopOnInterrupt()
    throughput = Throughput()
    trainer = build_trainer(model, tokenizer, train_set, eval_set, cfg, run.checkpoints, [throughput, stop])
    trainer.add_callback(MetricsCSV(run.metrics, throughput))
    for callback in callbacks:
        trainer.add_callback(callback)
    if progress is not None:
        trainer.add_callback(RichProgress(progress, throughput, f"training {cfg.mode} ({cfg.device})"))
    checkpoint = run.last_checkpoint() if resume else None
    trainer.train(resume_from_checkpoint=str(checkpoint) if checkpoint else None)

    history = trainer.state.log_history
    train_losses = [h["loss"] for h in history if "loss" in h]
    eval_losses = [h["eval_loss"] for h in history if "eval_loss" in h]
    result = TrainResult(
        run=run,
        interrupted=stop.interrupted,
        steps=trainer.state.global_step,
        train_loss=train_losses[-1] if train_losses else None,
        eval_loss=eval_losses[-1] if eval_losses else None,
        first_eval_loss=eval_losses[0] if eval_losses else None,
        tokens_per_s=round(throughput.tokens_per_s, 1),
        seconds=round(time.perf_counter() - started, 1),
    )
    plot_losses(run.metrics, run.plot, f"{run.path.name}: loss on answer tokens")
    if stop.interrupted:
        result.notes.append(f"stopped at step {result.steps}; checkpoint saved, continue with --resume")
        return result

    model.save_pretrained(run.adapter)
    tokenizer.save_pretrained(run.adapter)
    # The layout this adapter learned (prompts.prompt_format): carried into every GGUF exported from it.
    run_format = json.loads((run.path / "base.json").read_text(encoding="utf-8")).get("prompt_format", "")
    (run.adapter / PROMPT_FORMAT_FILE).write_text(json.dumps({"prompt_format": run_format}) + "\n", encoding="utf-8")
    adapter_gguf = settings.paths.models / "adapters" / f"{run.path.name}.gguf"
    export_peft_to_gguf(run.adapter, base.gguf, adapter_gguf)
    result.adapter_gguf = adapter_gguf
    result.registered = register_adapter(settings, SLOTS[cfg.mode], adapter_gguf)
    result.merged, note = merged_export(settings, base, run, model, tokenizer, cfg)
    result.notes.append(note)
    run.write_json("result.json", result.to_json())  # last: marks the run finished
    return result


def merged_export(settings: Settings, base: TrainingBase, run: RunFolder, model, tokenizer, cfg: TrainConfig):
    """One GGUF with the adapter merged in, beside the run. In GGUF space by default (train/merge_gguf:
    nothing beyond what Bedside installs); through llama.cpp's tools or Unsloth when the user pointed
    Bedside at a llama.cpp checkout. A failed merge is a note: the adapter GGUF is the run's product."""
    from bedside.train.merge import find_llama_cpp, merged_gguf_cpu, merged_gguf_unsloth
    from bedside.train.merge_gguf import MergeError, merge_adapter

    tools = find_llama_cpp(settings.llama_cpp_path)
    if tools is not None:
        if cfg.device == "cuda":
            path = merged_gguf_unsloth(model, tokenizer, tools, run.path / "merged")
        else:
            path = merged_gguf_cpu(base.hf_dir, run.adapter, tools, run.path / "merged-q4_k_m.gguf")
        return path, f"merged q4_k_m GGUF (llama.cpp tools): {path}"
    adapter_gguf = settings.paths.models / "adapters" / f"{run.path.name}.gguf"
    try:
        report = merge_adapter(base.gguf, adapter_gguf, run.path / "merged.gguf")
    except (MergeError, OSError, ValueError, NotImplementedError) as error:  # the run's adapter stands
        return None, f"merged GGUF skipped: {error}"
    return report.path, f"merged GGUF ({report.quant}, {report.kept:.0%} of the adapter kept): {report.path}"
