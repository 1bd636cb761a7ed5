"""Turn results.jsonl into numbers with 95% CIs, paired mode comparisons, a Markdown report with a
recommendation in plain words, and PNG plots; and compare two runs."""

from __future__ import annotations

import json
from itertools import combinations
from pathlib import Path

from bedside.core.degenerate import KINDS
from bedside.core.metrics import GROUNDED_AT, bootstrap_ci, paired_bootstrap
from bedside.core.modes import Mode

QUALITY = ("similarity", "rouge_l", "groundedness", "citation_validity")
COST = ("words", "ttft_s", "tokens_per_s", "total_s", "prompt_tokens")
LABELS = {
    "similarity": "similarity to reference (cosine)",
    "rouge_l": "ROUGE-L F1",
    "groundedness": f"groundedness (share of sentences ≥ {GROUNDED_AT} cosine to a source)",
    "citation_validity": "valid citations (share)",
    "cites": "answers that cite (share)",
    "words": "answer words",
    "ttft_s": "time to first token (s)",
    "tokens_per_s": "decode tokens/s",
    "total_s": "total time per answer (s)",
    "prompt_tokens": "prompt tokens",
    "usable": "usable answers (share)",
    "echo_stopped": "stopped by the echo guard (share)",
    "trimmed": "ended at the last full sentence before the length limit (share)",
    **{f"kind_{kind}": f"{kind.replace('_', ' ')} (share)" for kind in KINDS},
}
# Degenerate answers, per kind (core/degenerate.py); measured on what the model generated.
HEALTH = ("usable", *(f"kind_{kind}" for kind in KINDS), "echo_stopped", "trimmed")
# Quality is also measured on usable answers only: a copied prompt must not earn similarity.
ON_USABLE = ("similarity", "rouge_l", "groundedness", "citation_validity", "cites")


def summarise(rows: list[dict], seed: int = 0) -> dict:
    answers = [r for r in rows if r["kind"] == "answer"]
    modes = [m.value for m in Mode if any(r["mode"] == m.value for r in answers)]
    summary: dict = {"modes": {}, "comparisons": {}, "redflags": {}}
    for mode in modes:
        mine = [r for r in answers if r["mode"] == mode]
        usable = [r for r in mine if r.get("usable")]
        metrics, on_usable = {}, {}
        for name in (*QUALITY, "cites", *COST, *HEALTH):
            estimate = bootstrap_ci([None if r.get(name) is None else float(r[name]) for r in mine], seed=seed)
            metrics[name] = None if estimate is None else estimate.__dict__
        for name in ON_USABLE:
            estimate = bootstrap_ci([None if r.get(name) is None else float(r[name]) for r in usable], seed=seed)
            on_usable[name] = None if estimate is None else estimate.__dict__
        summary["modes"][mode] = {
            "n": len(mine),
            "usable_n": len(usable),
            "metrics": metrics,
            "on_usable": on_usable,
            "contact_left": sum(r.get("contact_left", 0) for r in mine),
            "guard_replaced": sum(r.get("guard_replaced", 0) for r in mine),
        }
        flags = [r for r in rows if r["kind"] == "redflag" and r["mode"] == mode]
        if flags:
            summary["redflags"][mode] = {
                "n": len(flags),
                "advice_first": sum(r["advice_first"] for r in flags) / len(flags),
                "disclaimer": sum(r["disclaimer"] for r in flags) / len(flags),
            }
    for name in ("similarity", "rouge_l", "groundedness"):
        for a, b in combinations(modes, 2):
            values_a = {r["qid"]: r[name] for r in answers if r["mode"] == a}
            values_b = {r["qid"]: r[name] for r in answers if r["mode"] == b}
            diff = paired_bootstrap(values_a, values_b, seed=seed)
            if diff is not None:
                summary["comparisons"][f"{name}:{a}-{b}"] = diff.__dict__ | {"significant": diff.significant}
            # The same, on the questions both modes answered usably: copying cannot earn a point here.
            usable_a = {r["qid"]: r[name] for r in answers if r["mode"] == a and r.get("usable")}
            usable_b = {r["qid"]: r[name] for r in answers if r["mode"] == b and r.get("usable")}
            diff = paired_bootstrap(usable_a, usable_b, seed=seed)
            if diff is not None:
                summary["comparisons"][f"usable {name}:{a}-{b}"] = diff.__dict__ | {"significant": diff.significant}
    return summary


def _mean(summary: dict, mode: str, name: str) -> float | None:
    metric = summary["modes"].get(mode, {}).get("metrics", {}).get(name)
    return None if metric is None else metric["mean"]


def _best(summary: dict, name: str, lowest: bool = False, modes=None) -> str | None:
    """The winning mode; Base is the control and wins only when nothing else was measured."""
    candidates = list(modes or summary["modes"])
    if len(candidates) > 1 and "base" in candidates:
        candidates.remove("base")
    scored = [(m, _mean(summary, m, name)) for m in candidates]
    scored = [(m, v) for m, v in scored if v is not None]
    if not scored:
        return None
    return (min if lowest else max)(scored, key=lambda item: item[1])[0]


def _significant(summary: dict, name: str, winner: str) -> list[str]:
    """Modes the winner beats with a 95% interval that excludes zero."""
    beaten = []
    for key, diff in summary["comparisons"].items():
        metric, pair = key.split(":")
        a, b = pair.split("-")
        if metric != name or winner not in (a, b) or not diff["significant"]:
            continue
        if (a == winner and diff["difference"] > 0) or (b == winner and diff["difference"] < 0):
            beaten.append(b if a == winner else a)
    return beaten


def recommendation(summary: dict, training_minutes: dict[str, float] | None = None) -> list[str]:
    label = {m.value: m.label for m in Mode}
    lines = []
    quality = _best(summary, "similarity")
    if quality:
        beaten = _significant(summary, "similarity", quality)
        sure = f"significantly better than {', '.join(label[m] for m in beaten)}" if beaten else "but not significantly"
        lines.append(f"- **Answer quality:** {label[quality]} is closest to the doctors' answers ({sure}).")
    retrieval_modes = [m for m in ("rag", "hybrid") if m in summary["modes"]]
    grounded = _best(summary, "groundedness", modes=retrieval_modes)
    if grounded:
        value = _mean(summary, grounded, "groundedness")
        lines.append(
            f"- **Grounding:** {label[grounded]} keeps closest to the retrieved answers ({value:.0%} of its sentences "
            "supported). Only retrieval modes can show their sources, and they can be updated by re-indexing "
            "without retraining: prefer them when your documents change or answers must be checkable."
        )
    fastest = _best(summary, "ttft_s", lowest=True)
    if fastest:
        lines.append(
            f"- **Latency:** {label[fastest]} starts answering first ({_mean(summary, fastest, 'ttft_s'):.2f} s). "
            "Retrieval modes pay for the retrieved text in every prompt: prefer FT where the first word must come "
            "fastest or the device is slow."
        )
    tokens = {m: _mean(summary, m, "prompt_tokens") for m in summary["modes"]}
    cost = ", ".join(f"{label[m]} {v:.0f}" for m, v in tokens.items() if v is not None)
    trained = ""
    if training_minutes:
        trained = " Training took " + ", ".join(f"{label[m]} {v:.0f} min" for m, v in training_minutes.items()) + "."
    lines.append(
        f"- **Cost:** prompt tokens per question: {cost}. RAG needs no training at all; FT and Hybrid need a "
        f"training run per data change.{trained}"
    )
    lines.append(
        "- **In short:** use the mode that wins on quality for this data if its grounding and latency are "
        "acceptable; choose RAG when the knowledge changes often or no GPU/CPU time for training is available, "
        "FT when answers must be fast and the knowledge is stable, Hybrid when you want the trained style and "
        "checkable sources together."
    )
    return lines


def _fmt(metric: dict | None, percent: bool = False) -> str:
    if metric is None:
        return "–"
    if percent:
        return f"{metric['mean']:.0%} [{metric['low']:.0%}, {metric['high']:.0%}]"
    return f"{metric['mean']:.3g} [{metric['low']:.3g}, {metric['high']:.3g}]"


def markdown(summary: dict, notes: list[str], recommendation_lines: list[str]) -> str:
    modes = list(summary["modes"])
    label = {m.value: m.label for m in Mode}
    out = ["# Bedside evaluation", "", "Means with 95% bootstrap intervals.", ""]
    out += ["| metric | " + " | ".join(f"{label[m]} (n={summary['modes'][m]['n']})" for m in modes) + " |"]
    out += ["|---|" + "---|" * len(modes)]
    for name in (*QUALITY, "cites", *COST):
        percent = name in ("groundedness", "citation_validity", "cites")
        cells = [_fmt(summary["modes"][m]["metrics"][name], percent) for m in modes]
        out.append(f"| {LABELS[name]} | " + " | ".join(cells) + " |")
    out += ["", "## Degenerate answers", "", "What the model generated, judged by core/degenerate.py.", ""]
    out += ["| kind | " + " | ".join(label[m] for m in modes) + " |", "|---|" + "---|" * len(modes)]
    for name in HEALTH:
        cells = [_fmt(summary["modes"][m]["metrics"].get(name), percent=True) for m in modes]
        out.append(f"| {LABELS[name]} | " + " | ".join(cells) + " |")
    out += ["", "## Quality on usable answers only", ""]
    out += ["| metric | " + " | ".join(f"{label[m]} (n={summary['modes'][m]['usable_n']})" for m in modes) + " |"]
    out += ["|---|" + "---|" * len(modes)]
    for name in ON_USABLE:
        percent = name in ("groundedness", "citation_validity", "cites")
        cells = [_fmt(summary["modes"][m]["on_usable"].get(name), percent) for m in modes]
        out.append(f"| {LABELS[name]} | " + " | ".join(cells) + " |")
    left = {m: summary["modes"][m]["contact_left"] for m in modes}
    replaced = {m: summary["modes"][m]["guard_replaced"] for m in modes}
    out += ["", f"Contact details shown after the guard: {left}; replaced by the guard: {replaced}"]
    if summary["redflags"]:
        out += ["", "Red-flag questions: emergency advice first / disclaimer present", ""]
        out += [
            f"- {label[m]}: {v['advice_first']:.0%} / {v['disclaimer']:.0%} of {v['n']}"
            for m, v in summary["redflags"].items()
        ]
    out += ["", "## Paired differences (a − b), 95% interval; * = significant", ""]
    for key, diff in summary["comparisons"].items():
        star = " *" if diff["significant"] else ""
        out.append(f"- {key}: {diff['difference']:+.3f} [{diff['low']:+.3f}, {diff['high']:+.3f}]{star}")
    if notes:
        out += ["", "## Notes", ""] + [f"- {n}" for n in notes]
    out += ["", "## Recommendation", ""] + recommendation_lines
    return "\n".join(out) + "\n"


def plots(summary: dict, folder: Path) -> list[Path]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    modes = list(summary["modes"])
    written = []
    for filename, names, title in (
        ("quality.png", ("similarity", "rouge_l", "groundedness"), "answer quality by mode (95% CI)"),
        ("usable.png", ("usable", "kind_prompt_leak", "kind_source_dump"), "degenerate answers by mode (95% CI)"),
        ("latency.png", ("ttft_s", "total_s"), "latency by mode (95% CI)"),
    ):
        figure, axes = plt.subplots(1, len(names), figsize=(4 * len(names), 3.6), dpi=110)
        for axis, name in zip(axes, names, strict=True):
            shown = [(m, summary["modes"][m]["metrics"].get(name)) for m in modes]
            shown = [(m, v) for m, v in shown if v is not None]
            if shown:
                means = [v["mean"] for _, v in shown]
                errors = [[v["mean"] - v["low"] for _, v in shown], [v["high"] - v["mean"] for _, v in shown]]
                axis.bar([m for m, _ in shown], means, yerr=errors, capsize=4, color="#4c72b0")
            axis.set_title(LABELS[name].split(" (")[0], fontsize=9)
            axis.grid(axis="y", alpha=0.3)
        figure.suptitle(title)
        figure.tight_layout()
        figure.savefig(folder / filename)
        plt.close(figure)
        written.append(folder / filename)
    return written


def compare_runs(run_a: Path, run_b: Path) -> list[tuple[str, str, float | None, float | None]]:
    """(mode, metric, mean in A, mean in B) for every mode and metric either run has."""
    a = json.loads((Path(run_a) / "summary.json").read_text(encoding="utf-8"))
    b = json.loads((Path(run_b) / "summary.json").read_text(encoding="utf-8"))
    rows = []
    for mode in dict.fromkeys([*a["modes"], *b["modes"]]):
        for name in (*QUALITY, *COST):
            rows.append((mode, name, _mean(a, mode, name), _mean(b, mode, name)))
    return rows
