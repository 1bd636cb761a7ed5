"""Answer metrics and their statistics, as pure functions (tested on hand-made cases).

- similarity: cosine of the answer's and the reference's embeddings (the project's embedder).
- ROUGE-L: F1 of the longest common word subsequence, lower-cased words.
- groundedness: the share of answer sentences whose best cosine to any retrieved answer's sentence
  reaches GROUNDED_AT. 0.6 for all-MiniLM-L6-v2: paraphrases of one medical statement score about
  0.6-0.9 there, sentences on the same topic that say something else about 0.3-0.55.
- citation validity: the share of cited numbers that point at a retrieved answer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # numpy is imported where it is used: the chat UI's process needs none of it
    import numpy as np


GROUNDED_AT = 0.6
WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")
CITATION = re.compile(r"\[\d+(?:\s*[,;]\s*\d+)*\]")


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def sentences(text: str, min_words: int = 3) -> list[str]:
    """Sentences with at least `min_words` words; citation marks removed (they carry no claim)."""
    text = CITATION.sub("", " ".join(text.split()))
    return [s.strip() for s in SENTENCE_END.split(text) if len(words(s)) >= min_words]


def lcs_length(a: Sequence[str], b: Sequence[str]) -> int:
    """Length of the longest common subsequence of two token lists (two rows of the table)."""
    previous = [0] * (len(b) + 1)
    for token in a:
        current = [0]
        for j, other in enumerate(b, start=1):
            current.append(previous[j - 1] + 1 if token == other else max(previous[j], current[j - 1]))
        previous = current
    return previous[-1]


def rouge_l(answer: str, reference: str) -> float:
    a, r = words(answer), words(reference)
    if not a or not r:
        return 0.0
    lcs = lcs_length(a, r)
    if lcs == 0:
        return 0.0
    precision, recall = lcs / len(a), lcs / len(r)
    return 2 * precision * recall / (precision + recall)


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    import numpy as np

    denominator = float(np.linalg.norm(a) * np.linalg.norm(b))
    return float(np.dot(a, b) / denominator) if denominator else 0.0


def groundedness(
    answer_vectors: np.ndarray, source_vectors: np.ndarray, threshold: float = GROUNDED_AT
) -> float | None:
    """Share of answer sentences supported by some source sentence. None when there is nothing to
    judge (no answer sentence); 0.0 when there are sentences but no sources."""
    import numpy as np

    if len(answer_vectors) == 0:
        return None
    if len(source_vectors) == 0:
        return 0.0
    a = answer_vectors / np.maximum(np.linalg.norm(answer_vectors, axis=1, keepdims=True), 1e-12)
    s = source_vectors / np.maximum(np.linalg.norm(source_vectors, axis=1, keepdims=True), 1e-12)
    best = (a @ s.T).max(axis=1)
    return float((best >= threshold).mean())


def citation_validity(valid: Sequence[int], invalid: Sequence[int]) -> float | None:
    """None when the answer cites nothing (not applicable, not a failure)."""
    total = len(valid) + len(invalid)
    return len(valid) / total if total else None


@dataclass(frozen=True)
class Estimate:
    mean: float
    low: float
    high: float
    n: int


def bootstrap_ci(values: Sequence[float], resamples: int = 2000, seed: int = 0) -> Estimate | None:
    """Mean with a 95% percentile-bootstrap interval; None values are left out; None if empty."""
    import numpy as np

    data = np.asarray([v for v in values if v is not None], dtype=float)
    if data.size == 0:
        return None
    if data.size == 1:
        return Estimate(float(data[0]), float(data[0]), float(data[0]), 1)
    rng = np.random.default_rng(seed)
    means = data[rng.integers(0, data.size, (resamples, data.size))].mean(axis=1)
    return Estimate(
        float(data.mean()), float(np.percentile(means, 2.5)), float(np.percentile(means, 97.5)), int(data.size)
    )


@dataclass(frozen=True)
class PairedDifference:
    difference: float  # mean of (a - b) over the questions both have
    low: float
    high: float
    n: int

    @property
    def significant(self) -> bool:
        """The 95% interval of the difference excludes zero."""
        return self.low > 0 or self.high < 0


def paired_bootstrap(
    a: dict[str, float | None], b: dict[str, float | None], resamples: int = 2000, seed: int = 0
) -> PairedDifference | None:
    """a and b: question id -> value. Questions resampled together, so each question is its own control."""
    import numpy as np

    common = sorted(k for k in a.keys() & b.keys() if a[k] is not None and b[k] is not None)
    if not common:
        return None
    differences = np.asarray([a[k] - b[k] for k in common], dtype=float)
    rng = np.random.default_rng(seed)
    means = differences[rng.integers(0, len(common), (resamples, len(common)))].mean(axis=1)
    return PairedDifference(
        float(differences.mean()), float(np.percentile(means, 2.5)), float(np.percentile(means, 97.5)), len(common)
    )
