"""`just bench-triage`: the triage measured like a classifier on a labelled set written for Bedside.

    python -m bedside.core.triage_bench            # the test half: recall, false alarms, every miss
    python -m bedside.core.triage_bench --tune     # tune per-category thresholds on the TUNING half
                                                   # and write them into core/data/emergencies.toml

The labelled set (core/data/triage_cases/): messages phrased the way patients write, emergencies
per category and ordinary look-alikes per category, split into tune_*.jsonl and test_*.jsonl.
Thresholds are only ever chosen on tune_*; the test half is read for the report alone.

Recall counts an emergency as caught when ANY category flags it (the patient gets emergency
advice first); the share flagged with its own category is reported beside it.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import time
import tomllib
from collections import defaultdict
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np

from bedside.core.safety import Triager, normalise
from bedside.core.triage_model import MODEL_FILE, LearnedLayer, build_vocabulary, featurise, fit
from bedside.index.evaluate import wilson

CASES = "triage_cases"
# Candidate thresholds for the meaning layer; the top one effectively switches it off.
GRID = [round(0.46 + 0.02 * i, 2) for i in range(25)]
# One false alarm on the tuning half must be paid for by this many extra emergencies caught: the
# meaning layer alone cannot tell "dull ache after sitting" from torsion well enough (at a cost of 3
# it flagged 20% of look-alikes), so it is tuned as a cautious net, not as a second classifier.
FALSE_ALARM_COST = 20


@dataclass(frozen=True)
class Case:
    text: str
    label: str  # "emergency" | "ordinary"
    category: str  # for ordinary: the emergency it resembles, or "general"


def load_cases(split: str) -> list[Case]:
    folder = resources.files("bedside.core").joinpath("data", CASES)
    cases = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.startswith(f"{split}_") and entry.name.endswith(".jsonl"):
            for line in entry.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    row = json.loads(line)
                    cases.append(Case(row["text"], row["label"], row["category"]))
    if not cases:
        raise SystemExit(f"no {split}_*.jsonl cases in {folder}")
    return cases + forum_cases(split)


# Forum-style patient questions of the shipped dialogues: the index sample tunes, the eval's held-out
# questions test (core/data/triage_cases/forum_labels.toml says why and how they are labelled).
FORUM_FILES = {"tune": "sample_dialogues", "test": "heldout_dialogues"}


def forum_cases(split: str) -> list[Case]:
    name = FORUM_FILES[split]
    labels = tomllib.loads(
        resources.files("bedside.core").joinpath("data", CASES, "forum_labels.toml").read_text(encoding="utf-8")
    )[name]
    emergency, unclear = labels["emergency"], set(labels["unclear"])
    rows = [
        json.loads(line)
        for line in resources.files("bedside.index").joinpath("data", f"{name}.jsonl").read_text("utf-8").splitlines()
        if line.strip()
    ]
    titles = {row["Description"].removeprefix("Q. ") for row in rows}
    unknown = (set(emergency) | unclear) - titles
    if unknown:
        raise SystemExit(f"forum_labels.toml [{name}] names questions {name}.jsonl lacks: {sorted(unknown)}")
    cases = []
    for row in rows:
        title = row["Description"].removeprefix("Q. ")
        if title in unclear:
            continue
        if title in emergency:
            cases.append(Case(row["Patient"], "emergency", emergency[title]))
        else:
            cases.append(Case(row["Patient"], "ordinary", "forum"))
    return cases


def open_triager() -> Triager:
    from bedside.core.config import load_settings
    from bedside.index import open_embedder

    settings = load_settings()
    embedder = open_embedder(settings)
    return Triager(embedder.embed, embedder.model_id, settings.paths.models, settings.emergency_number)


# ---- tuning ------------------------------------------------------------------------------------


def tune_thresholds(triager: Triager, cases: list[Case]) -> dict[str, float]:
    """Per category: the threshold maximising (emergencies its meaning match flags) -
    FALSE_ALARM_COST x (ordinary messages it flags), on the tuning cases only.

    The meaning layer is tuned on its own, as if there were no rules: it is the net for phrasings
    the rules were never written for, and on the tuning half the rules (written against it) catch
    nearly everything, which would leave it no signal. Of tied thresholds the lowest is taken, plus
    one grid step of margin: the most permissive value that the tuning half allows, kept a little
    away from the look-alike nearest to it."""
    vectors = triager.embed([c.text for c in cases])
    scores = [triager.similarities(v) for v in vectors]
    chosen = {}
    for key in triager.keys:
        results = []
        for threshold in GRID:
            gain = cost = 0
            for case, (best, ordinary) in zip(cases, scores, strict=True):
                if best[key] < threshold or best[key] < ordinary:
                    continue
                if case.label == "emergency":
                    # Only its own category's emergencies: to MiniLM every emergency looks a little
                    # like every other, so counting them all let one category's threshold sink.
                    gain += case.category == key
                else:
                    cost += 1
            results.append((gain - FALSE_ALARM_COST * cost, threshold))
        top = max(value for value, _ in results)
        tied = [t for value, t in results if value == top]
        chosen[key] = min(GRID[-1], round(min(tied) + 0.02, 2)) if top > 0 else GRID[-1]
    return chosen


# The learned layer's operating point: out-of-fold false alarms on the tuning half's look-alikes.
LEARNED_FALSE_ALARMS = 0.02


def train_learned(triager: Triager, cases: list[Case], folds: int = 5) -> tuple[LearnedLayer, dict]:
    """Fit the learned layer on the tuning half plus the phrase banks; its threshold is set on
    out-of-fold scores (each tuning message scored by a model that never saw it)."""
    data = triager.data
    texts = [normalise(c.text) for c in cases]
    labels = np.asarray([c.label == "emergency" for c in cases], dtype=float)
    vectors = triager.embed([c.text for c in cases])
    bank = [p for c in data.categories for p in c.phrases] + [p for c in data.categories for p in c.ordinary]
    bank_labels = np.asarray(
        [1.0] * sum(len(c.phrases) for c in data.categories)
        + [0.0] * (len(bank) - sum(len(c.phrases) for c in data.categories))
    )
    bank_texts = [normalise(p) for p in bank]
    bank_vectors = np.vstack([triager.phrase_vectors, triager.ordinary_vectors])
    fold = np.random.default_rng(0).integers(0, folds, len(cases))
    out_of_fold = np.zeros(len(cases))
    for k in range(folds):
        train = fold != k
        vocabulary = build_vocabulary([t for t, keep in zip(texts, train, strict=True) if keep] + bank_texts)
        x = featurise(
            [t for t, keep in zip(texts, train, strict=True) if keep] + bank_texts,
            np.vstack([vectors[train], bank_vectors]),
            vocabulary,
        )
        weights = fit(x, np.concatenate([labels[train], bank_labels]))
        test = ~train
        out_of_fold[test] = (
            featurise([t for t, keep in zip(texts, test, strict=True) if keep], vectors[test], vocabulary) @ weights
        )
    ordinary = np.sort(out_of_fold[labels == 0])[::-1]
    threshold = float(ordinary[int(LEARNED_FALSE_ALARMS * len(ordinary))]) + 1e-6
    cv = {
        "recall": float((out_of_fold[labels == 1] >= threshold).mean()),
        "false_alarms": float((out_of_fold[labels == 0] >= threshold).mean()),
    }
    vocabulary = build_vocabulary(texts + bank_texts)
    weights = fit(
        featurise(texts + bank_texts, np.vstack([vectors, bank_vectors]), vocabulary),
        np.concatenate([labels, bank_labels]),
    )
    return LearnedLayer(vocabulary, weights, threshold, triager.model_id), cv


def write_thresholds(path: Path, thresholds: dict[str, float]) -> None:
    """Replace each category's `threshold = …` line in place; comments and order are kept."""
    text = path.read_text(encoding="utf-8")
    blocks = text.split("[[category]]")
    for i, block in enumerate(blocks[1:], start=1):
        key = re.search(r'^key = "([^"]+)"', block, re.M).group(1)
        if key in thresholds:
            blocks[i] = re.sub(
                r"^threshold = [0-9.]+", f"threshold = {thresholds[key]:.2f}", block, count=1, flags=re.M
            )
    temp = path.with_suffix(".tmp")
    temp.write_text("[[category]]".join(blocks), encoding="utf-8")
    temp.replace(path)


# ---- report ------------------------------------------------------------------------------------


def run(triager: Triager, cases: list[Case]) -> dict:
    vectors = triager.embed([c.text for c in cases])
    rows, timings = [], []
    for case, vector in zip(cases, vectors, strict=True):
        started = time.perf_counter()
        result = triager(case.text, vector)
        timings.append((time.perf_counter() - started) * 1000)
        rows.append((case, result))
    started = time.perf_counter()
    for case in cases[:50]:
        triager.embed([case.text])
    embed_ms = (time.perf_counter() - started) * 1000 / min(50, len(cases))

    per = defaultdict(lambda: {"emergencies": 0, "caught": 0, "right": 0, "ordinary": 0, "alarms": 0})
    misses, alarms = [], []
    for case, result in rows:
        stats = per[case.category]
        if case.label == "emergency":
            stats["emergencies"] += 1
            stats["caught"] += result.urgent
            stats["right"] += case.category in result.keys
            if not result.urgent:
                misses.append(case)
        else:
            stats["ordinary"] += 1
            stats["alarms"] += result.urgent
            if result.urgent:
                alarms.append((case, tuple(f"{f.key} by {f.by}" for f in result.flags)))
    emergencies = sum(s["emergencies"] for s in per.values())
    caught = sum(s["caught"] for s in per.values())
    ordinary = sum(s["ordinary"] for s in per.values())
    false_alarms = sum(s["alarms"] for s in per.values())
    return {
        "per_category": dict(per),
        "recall": (caught, emergencies),
        "false_alarms": (false_alarms, ordinary),
        "misses": misses,
        "alarms": alarms,
        "triage_ms_p50": statistics.median(timings),
        "triage_ms_p95": float(np.percentile(timings, 95)),
        "embed_ms": embed_ms,
    }


def print_report(report: dict, split: str) -> None:
    def rate(hits: int, n: int) -> str:
        if n == 0:
            return "–"
        low, high = wilson(hits, n)
        return f"{hits}/{n} = {hits / n:.2f} [{low:.2f}, {high:.2f}]"

    print(f"Triage on the {split} half (95% Wilson intervals)\n")
    print(f"{'category':22} {'recall':28} {'own category':>12}   {'false alarms (look-alikes)':28}")
    for key, s in sorted(report["per_category"].items()):
        own = f"{s['right']}/{s['emergencies']}" if s["emergencies"] else "–"
        print(f"{key:22} {rate(s['caught'], s['emergencies']):28} {own:>12}   {rate(s['alarms'], s['ordinary']):28}")
    print(f"\n{'overall recall':22} {rate(*report['recall'])}")
    print(f"{'overall false alarms':22} {rate(*report['false_alarms'])}")
    print(
        f"\ntriage per message, query vector given: p50 {report['triage_ms_p50']:.2f} ms, "
        f"p95 {report['triage_ms_p95']:.2f} ms (embedding the message, needed by retrieval anyway: "
        f"{report['embed_ms']:.1f} ms)"
    )
    print(f"\nMissed emergencies ({len(report['misses'])}):")
    for case in report["misses"]:
        print(f"  [{case.category}] {case.text}")
    print(f"\nFalse alarms ({len(report['alarms'])}):")
    for case, keys in report["alarms"]:
        print(f"  [{case.category} -> {', '.join(keys)}] {case.text}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tune", action="store_true", help="tune thresholds on the tuning half and save them")
    parser.add_argument("--train", action="store_true", help="train the learned layer on the tuning half and save it")
    parser.add_argument("--split", default="test", choices=("test", "tune"), help="the half to report on")
    args = parser.parse_args(argv)
    triager = open_triager()
    if args.tune:
        thresholds = tune_thresholds(triager, load_cases("tune"))
        path = Path(str(resources.files("bedside.core").joinpath("data", "emergencies.toml")))
        write_thresholds(path, thresholds)
        print("thresholds tuned on the tuning half and written to", path)
        for key, value in thresholds.items():
            print(f"  {key:22} {value:.2f}")
        from bedside.core import emergencies

        emergencies.load.cache_clear()
        triager = open_triager()
    if args.train:
        layer, cv = train_learned(triager, load_cases("tune"))
        path = Path(str(resources.files("bedside.core").joinpath("data", MODEL_FILE)))
        layer.save(path)
        print(
            f"learned layer trained on the tuning half ({len(layer.vocabulary)} word features) and written to {path}\n"
            f"  out-of-fold on the tuning half, alone: recall {cv['recall']:.3f}, "
            f"false alarms {cv['false_alarms']:.3f} (threshold logit {layer.threshold:.2f})"
        )
        triager = open_triager()
    print_report(run(triager, load_cases(args.split)), args.split)


if __name__ == "__main__":
    main()
