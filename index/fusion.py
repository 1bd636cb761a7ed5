"""Weighted fusion of vector and full-text rankings, tuned on the user's own corpus.

Equal-weight reciprocal rank fusion lost to vector search alone (recall@1 0.909 vs 0.989 on the
shipped held-out set; on long, chatty forum questions full text is noisy and pulled good vector hits
down). So the full-text ranking gets a weight, chosen at index time on the corpus itself: every
dialogue is a labelled pair (its patient question should find its own doctor answer), so a seeded
slice of the stored questions is searched, and the weight with the best MRR is kept, recall@5 and
then the smaller weight breaking ties. A weight of 0 is vector search alone, so on the tuning slice
the tuned fusion cannot do worse than vector search; a small corpus keeps DEFAULT_FTS_WEIGHT.

The choice and what was measured live in the table's metadata (on the vector field), so the index
carries its own tuning and a copied index keeps it.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass

import numpy as np

RRF_K = 60  # the usual damping constant: rank 1 counts 1/61, rank 10 counts 1/70
# 100: full text decides, vector only breaks its ties, so full text alone is a candidate too.
FTS_WEIGHTS = (0.0, 0.1, 0.2, 0.35, 0.5, 0.75, 1.0, 1.5, 100.0)
# Untuned (a corpus too small to tune on): vector search alone. On the tuning halves of all three
# sets of `just bench-retrieval` MRR was best at weight 0 and fell with every step up (0.1: -0.001
# to -0.028; 1.0, equal-weight RRF: -0.04 to -0.09), so no full-text weight is the measured default.
DEFAULT_FTS_WEIGHT = 0.0
MIN_TUNING_QUERIES = 40
TUNING_QUERIES = 300
META_FUSION = "bedside.fusion"

# Greetings, sign-offs and filler carry no medical meaning but match every forum answer that opens
# "Hello, thanks for your query": dropped from the full-text query only (the embedding keeps them).
FILLER = re.compile(
    r"(?<![a-z])(hello|hi|hey|hii+|dear|respected|sir|madam|mam|maam|doctor|doc|dr|please|pls|plz|help|kindly|"
    r"thanks?|thank you|thankyou|regards|in advance|waiting for (your )?(reply|answer)|reply (soon|asap)|"
    r"asap|urgent|query|question|good (morning|evening|afternoon|day))(?![a-z])",
    re.IGNORECASE,
)


def clean_fts_query(words: str) -> str:
    """The full-text query without greetings and filler; the original when nothing else is left."""
    cleaned = " ".join(FILLER.sub(" ", words).split())
    return cleaned or words


@dataclass(frozen=True)
class Fusion:
    fts_weight: float
    tuned: bool  # False: the default, the corpus was too small (or never tuned)
    queries: int = 0
    # measured on the tuning queries: kind -> {"recall@5": …, "mrr": …}
    measured: dict | None = None

    def to_metadata(self) -> dict[str, str]:
        return {META_FUSION: json.dumps(asdict(self))}

    @staticmethod
    def from_metadata(metadata: dict | None) -> Fusion:
        raw = (metadata or {}).get(META_FUSION) or (metadata or {}).get(META_FUSION.encode())
        if not raw:
            return Fusion(DEFAULT_FTS_WEIGHT, tuned=False)
        try:
            data = json.loads(raw)
            return Fusion(float(data["fts_weight"]), bool(data["tuned"]), int(data["queries"]), data.get("measured"))
        except (ValueError, KeyError, TypeError):
            return Fusion(DEFAULT_FTS_WEIGHT, tuned=False)  # damaged metadata: the default, not a crash

    def describe(self) -> str:
        if not self.tuned and not self.queries:
            return (
                f"full-text weight {self.fts_weight:g} (default: not tuned; `bedside index --tune` tunes it "
                "when the indexed dialogues have patient questions)"
            )
        if not self.tuned:
            return f"full-text weight {self.fts_weight:g} (default: {self.queries} dialogues are too few to tune on)"
        measured = self.measured or {}
        mrr = {kind: measured.get(kind, {}).get("mrr", 0.0) for kind in ("tuned", "vector", "rrf", "fts")}
        return (
            f"full-text weight {self.fts_weight:g}, tuned on {self.queries} of your dialogues: MRR "
            f"{mrr['tuned']:.3f} (recall@5 {measured.get('tuned', {}).get('recall@5', 0.0):.3f}); vector "
            f"alone {mrr['vector']:.3f}, full text alone {mrr['fts']:.3f}, equal-weight RRF {mrr['rrf']:.3f}"
        )


def fuse(
    vector_ranked: Sequence[tuple[float, dict]], fts_ranked: Sequence[tuple[float, dict]], fts_weight: float
) -> list[tuple[float, dict]]:
    """Weighted reciprocal rank fusion: the vector ranking counts 1, the full-text one `fts_weight`."""
    fused: dict[str, tuple[float, dict]] = {}
    for weight, ranking in ((1.0, vector_ranked), (fts_weight, fts_ranked)):
        if weight <= 0:
            continue
        for rank, (_, row) in enumerate(ranking, start=1):
            score, _ = fused.get(row["dialogue_id"], (0.0, row))
            fused[row["dialogue_id"]] = (score + weight / (RRF_K + rank), row)
    if not fused and fts_weight <= 0:
        return []
    return sorted(fused.values(), key=lambda pair: pair[0], reverse=True)


def rank_of(ranked: Sequence[tuple[float, dict]], target: str, depth: int = 10) -> int | None:
    for rank, (_, row) in enumerate(ranked[:depth], start=1):
        if row["dialogue_id"] == target:
            return rank
    return None


def summarise(ranks: Sequence[int | None]) -> dict[str, float]:
    n = max(len(ranks), 1)
    return {
        "recall@1": sum(r == 1 for r in ranks) / n,
        "recall@5": sum(r is not None and r <= 5 for r in ranks) / n,
        "recall@10": sum(r is not None and r <= 10 for r in ranks) / n,
        "mrr": float(sum(1 / r for r in ranks if r)) / n,
    }


Rankings = Callable[[str, np.ndarray], tuple[list, list]]


def tune(queries: Sequence[tuple[str, str]], vectors: np.ndarray, rankings: Rankings) -> Fusion:
    """Choose the full-text weight on (question, own dialogue id) pairs. `rankings(question, vector)`
    gives the vector and full-text candidate rankings of one question (searched once, fused for every
    weight)."""
    if len(queries) < MIN_TUNING_QUERIES:
        return Fusion(DEFAULT_FTS_WEIGHT, tuned=False, queries=len(queries))
    candidates = [rankings(question, vector) for (question, _), vector in zip(queries, vectors, strict=True)]
    return tune_on_rankings([target for _, target in queries], candidates)


def tune_on_rankings(targets: Sequence[str], candidates: Sequence[tuple[list, list]]) -> Fusion:
    """The weight with the best MRR (then recall@5, then the smaller weight) over searched questions:
    `candidates[i]` is question i's (vector ranking, full-text ranking), `targets[i]` its own answer."""
    if len(targets) < MIN_TUNING_QUERIES:
        return Fusion(DEFAULT_FTS_WEIGHT, tuned=False, queries=len(targets))
    per_weight: dict[float, list[int | None]] = {w: [] for w in FTS_WEIGHTS}
    rrf, fts_only = [], []
    for target, (by_vector, by_text) in zip(targets, candidates, strict=True):
        for weight in FTS_WEIGHTS:
            per_weight[weight].append(rank_of(fuse(by_vector, by_text, weight), target))
        rrf.append(rank_of(fuse(by_vector, by_text, 1.0), target))
        fts_only.append(rank_of(by_text, target))
    scored = {w: summarise(r) for w, r in per_weight.items()}
    # Exact comparisons: a rounded MRR could let the recall tie-break pick a weight below weight 0.
    best = max(FTS_WEIGHTS, key=lambda w: (scored[w]["mrr"], scored[w]["recall@5"], -w))
    measured = {
        "tuned": scored[best],
        "vector": scored[0.0],
        "rrf": summarise(rrf),
        "fts": summarise(fts_only),
        "grid": {f"{w:g}": round(scored[w]["mrr"], 4) for w in FTS_WEIGHTS},  # MRR per weight tried
    }
    return Fusion(best, tuned=True, queries=len(targets), measured=measured)


def tuning_queries(rows: Sequence[tuple[str, str]], seed: int = 0) -> list[tuple[str, str]]:
    """A seeded slice of (patient question, dialogue id), one per dialogue with a question."""
    usable = sorted({(q, d) for q, d in rows if q and q.strip()}, key=lambda pair: pair[1])
    random.Random(seed).shuffle(usable)
    return usable[:TUNING_QUERIES]
