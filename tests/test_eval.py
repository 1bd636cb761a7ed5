"""Evaluation: metric functions on hand-made cases, retrieval recall known by construction, a tiny
end-to-end eval on the embedded model, and resuming after an interruption."""

from __future__ import annotations

import json

import numpy as np
import pytest

from bedside.core import eval_report
from bedside.core.engine import Engine
from bedside.core.evaluate import RED_FLAG_QUESTIONS, EvalError, EvalOptions, ResultLog, make_pairs, run_eval
from bedside.core.metrics import (
    bootstrap_ci,
    citation_validity,
    groundedness,
    paired_bootstrap,
    rouge_l,
    sentences,
)
from bedside.core.modes import Mode
from bedside.core.safety import triage
from bedside.index.search import Retriever
from bedside.index.sources import read_sample


def test_rouge_l_known_values():
    assert rouge_l("the cat sat on the mat", "the cat sat on the mat") == 1.0
    assert rouge_l("the cat sat on the mat", "the cat is on the mat") == pytest.approx(5 / 6)
    assert rouge_l("completely different words", "the cat sat") == 0.0
    assert rouge_l("", "reference") == 0.0 and rouge_l("answer", "") == 0.0


def test_citations_groundedness_and_sentences():
    assert citation_validity((), ()) is None  # nothing cited: not applicable
    assert citation_validity((1, 2), (5,)) == pytest.approx(2 / 3)  # [5] out of range
    assert citation_validity((), (7,)) == 0.0
    answer = np.array([[1.0, 0.0], [0.0, 1.0]])
    assert groundedness(answer, np.array([[1.0, 0.0]])) == 0.5
    assert groundedness(answer, np.array([[0.8, 0.6]]), threshold=0.5) == 1.0
    assert groundedness(np.zeros((0, 2)), np.array([[1.0, 0.0]])) is None  # empty answer
    assert groundedness(answer, np.zeros((0, 2))) == 0.0  # sentences but no sources
    assert sentences("Rest the ankle [1]. Ice it. Raise it on a pillow! See a doctor if it gets worse.") == [
        "Rest the ankle .",
        "Raise it on a pillow!",
        "See a doctor if it gets worse.",
    ]


def test_bootstrap_and_paired_comparison():
    assert bootstrap_ci([]) is None and bootstrap_ci([None]) is None
    constant = bootstrap_ci([0.5] * 20)
    assert constant.mean == constant.low == constant.high == 0.5
    spread = bootstrap_ci(list(np.linspace(0, 1, 50)))
    assert spread.low < 0.5 < spread.high and spread.n == 50
    better = {str(i): 0.6 + 0.01 * (i % 3) for i in range(30)}
    worse = {str(i): 0.4 + 0.01 * (i % 5) for i in range(30)}
    assert paired_bootstrap(better, worse).significant and paired_bootstrap(better, worse).difference > 0
    same = paired_bootstrap(better, dict(better))
    assert same.difference == 0 and not same.significant
    assert paired_bootstrap({"a": 1.0}, {"b": 1.0}) is None  # no question in common


def test_red_flag_set_is_caught_by_triage():
    assert all(triage(q).urgent for q in RED_FLAG_QUESTIONS)


def test_retrieval_only_recall_known_by_construction(tmp_path, home):
    from typer.testing import CliRunner

    from bedside.cli import app

    # Each question *is* its reference answer: every kind must find it first.
    answers = [d.doctor for d in read_sample("heldout", limit=15)]
    path = tmp_path / "pairs.jsonl"
    path.write_text("".join(json.dumps({"q": a, "a": a}) + "\n" for a in answers))
    result = CliRunner().invoke(
        app, ["eval", "--input", str(path), "--question-col", "q", "--answer-col", "a", "--retrieval-only", "--json"]
    )
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.output.strip().splitlines()[-1])
    for kind in ("vector", "fts", "rrf", "hybrid"):
        # Measured on the half not used to tune the fusion weight.
        assert metrics[kind]["recall@1"] == 1.0 and metrics[kind]["mrr"] == 1.0 and metrics[kind]["n"] == 8
        low, high = metrics[kind]["ci"]["recall@1"]
        assert low < 1.0 == high  # 8 of 8 is not proof of perfection: the interval says so
    assert metrics["fusion"]["tuning_pairs"] == 7 and not metrics["fusion"]["tuned"]  # too few: the default
    missing = CliRunner().invoke(app, ["eval", "--input", str(path), "--question-col", "nope", "--retrieval-only"])
    assert missing.exit_code == 2 and "nope" in missing.output


@pytest.fixture
def eval_setup(settings, monkeypatch, backend, sample_index, embedder, adapter_gguf, base_gguf):
    from bedside.core.config import load_settings

    monkeypatch.setenv("BEDSIDE_ADAPTER_FT", str(adapter_gguf))
    monkeypatch.setenv("BEDSIDE_LLM_GGUF", str(base_gguf))
    settings = load_settings()
    backend.use_adapter(None)
    engine = Engine(settings, backend=backend, retriever=Retriever(sample_index[0], embedder))
    heldout = read_sample("heldout")
    pairs = make_pairs([d.patient for d in heldout], [d.doctor for d in heldout], limit=3, seed=1)
    return settings, engine, pairs


def test_tiny_eval_end_to_end_writes_report_and_plots(eval_setup, embedder, tmp_path):
    settings, engine, pairs = eval_setup
    options = EvalOptions((Mode.RAG, Mode.FT, Mode.HYBRID, Mode.BASE), limit=3, seed=1, max_tokens=12)
    log, notes = run_eval(settings, pairs, options, tmp_path / "run", engine=engine, embed=embedder.embed)
    assert len(notes) == 1 and notes[0].startswith("Hybrid skipped") and "bedside train" in notes[0]
    answers = [r for r in log.rows if r["kind"] == "answer"]
    assert len(answers) == 3 * 3 and {r["mode"] for r in answers} == {"rag", "ft", "base"}
    for row in answers:
        assert -1 <= row["similarity"] <= 1 and 0 <= row["rouge_l"] <= 1 and row["completion_tokens"] <= 12
        assert (row["groundedness"] is None) == (row["mode"] != "rag")
    summary = eval_report.summarise(log.rows, seed=1)
    assert summary["redflags"]["base"] == {"n": len(RED_FLAG_QUESTIONS), "advice_first": 1.0, "disclaimer": 1.0}
    assert (
        summary["modes"]["rag"]["metrics"]["prompt_tokens"]["mean"]
        > summary["modes"]["base"]["metrics"]["prompt_tokens"]["mean"]
    )  # retrieval costs prompt tokens
    assert "similarity:rag-ft" in summary["comparisons"]
    advice = eval_report.recommendation(summary)
    text = eval_report.markdown(summary, notes, advice)
    assert "| similarity to reference (cosine) |" in text and "## Recommendation" in text and "Hybrid skipped" in text
    assert any(line.startswith("- **Latency:**") for line in advice)
    written = eval_report.plots(summary, tmp_path / "run")
    assert all(p.stat().st_size > 5_000 for p in written)
    (tmp_path / "run" / "summary.json").write_text(json.dumps(summary))
    rows = eval_report.compare_runs(tmp_path / "run", tmp_path / "run")
    assert ("rag", "similarity", summary["modes"]["rag"]["metrics"]["similarity"]["mean"],
            summary["modes"]["rag"]["metrics"]["similarity"]["mean"]) in rows  # fmt: skip


def test_interrupted_eval_resumes_without_redoing_answers(eval_setup, embedder, tmp_path):
    settings, engine, pairs = eval_setup
    options = EvalOptions((Mode.BASE, Mode.FT), limit=3, seed=1, max_tokens=8)
    folder = tmp_path / "run"

    def stop_after_four(label, done, total):
        if done == 4:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_eval(settings, pairs, options, folder, engine=engine, embed=embedder.embed, progress=stop_after_four)
    first = [json.loads(line) for line in (folder / "results.jsonl").read_text().splitlines()]
    assert len(first) == 4
    with (folder / "results.jsonl").open("a") as handle:
        handle.write('{"kind": "answer", "mode": "ft", "qi')  # a line torn by a kill
    seen = []
    log, _ = run_eval(
        settings, pairs, options, folder, engine=engine, embed=embedder.embed, progress=lambda *a: seen.append(a[1])
    )
    total = 2 * (3 + len(RED_FLAG_QUESTIONS))
    assert len(log.rows) == total and seen[0] == 5 and seen[-1] == total  # continued at the 5th
    assert len({(r["kind"], r["mode"], r["qid"]) for r in log.rows}) == total  # nothing twice
    assert log.rows[:4] == first  # finished answers kept as they were
    assert len(ResultLog(folder / "results.jsonl").rows) == total
    with pytest.raises(EvalError, match="other settings.*max_tokens"):
        run_eval(
            settings, pairs, EvalOptions((Mode.BASE, Mode.FT), 3, 1, 50), folder, engine=engine, embed=embedder.embed
        )
