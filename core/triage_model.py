"""The learned layer of triage: a logistic regression over word features and the message's sentence
embedding, trained on the tuning half of the labelled set and the phrase banks of emergencies.toml.

Why it exists: hand-written rules fitted their own examples perfectly and missed 12% of fresh ones,
and embedding similarity alone cannot tell "dull ache after sitting" from torsion (cross-validated:
48% recall at 2% false alarms). Word uni/bigrams plus the embedding, learned, reached 86% at 1.8% in
cross-validation on the tuning half, and it is the union with the rules that screens a message.

The model is data (core/data/triage_model.npz: vocabulary, weights, threshold, the embedder it was
trained with), written by `just bench-triage --train`; a different embedder disables it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

import numpy as np

MODEL_FILE = "triage_model.npz"
MIN_DOCUMENTS = 2  # a word seen in one training message only is noise, not a feature
L2 = 0.3  # chosen by 5-fold cross-validation on the tuning half (0.3 vs 1: same recall at 5%, better at 1-2%)
TOKEN = re.compile(r"[a-z]+|\d+")


def tokens(normalised: str) -> list[str]:
    words = TOKEN.findall(normalised)
    return words + [f"{a}_{b}" for a, b in zip(words, words[1:], strict=False)]


def featurise(texts: Sequence[str], vectors: np.ndarray, vocabulary: dict[str, int]) -> np.ndarray:
    """[unit-length binary word features | sentence embedding | 1]."""
    words = np.zeros((len(texts), len(vocabulary)), dtype=np.float32)
    for row, text in enumerate(texts):
        for token in tokens(text):
            column = vocabulary.get(token)
            if column is not None:
                words[row, column] = 1.0
    words /= np.maximum(np.linalg.norm(words, axis=1, keepdims=True), 1e-9)
    return np.hstack([words, np.asarray(vectors, dtype=np.float32), np.ones((len(texts), 1), dtype=np.float32)])


def build_vocabulary(texts: Sequence[str]) -> dict[str, int]:
    counts = Counter(token for text in texts for token in set(tokens(text)))
    kept = sorted(token for token, n in counts.items() if n >= MIN_DOCUMENTS)
    return {token: i for i, token in enumerate(kept)}


def fit(features: np.ndarray, labels: np.ndarray, l2: float = L2, iterations: int = 50) -> np.ndarray:
    """L2-regularised logistic regression by Newton's method (the bias, last column, unpenalised)."""
    weights = np.zeros(features.shape[1])
    penalty = np.full(features.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-features @ weights))
        gradient = features.T @ (p - labels) + penalty * weights
        hessian = (features * (p * (1 - p))[:, None]).T @ features + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        weights -= step
        if np.abs(step).max() < 1e-7:
            break
    return weights


@dataclass(frozen=True)
class LearnedLayer:
    vocabulary: dict[str, int]
    weights: np.ndarray
    threshold: float  # on the logit
    model_id: str  # the embedder the weights were trained with

    def scores(self, normalised: Sequence[str], vectors: np.ndarray) -> np.ndarray:
        return featurise(normalised, vectors, self.vocabulary) @ self.weights

    def save(self, path) -> None:
        words = sorted(self.vocabulary, key=self.vocabulary.get)
        with open(path, "wb") as handle:
            np.savez_compressed(
                handle,
                vocabulary=np.asarray(words),
                weights=self.weights.astype(np.float32),
                threshold=np.float32(self.threshold),
                model_id=np.asarray(self.model_id),
            )


def load_layer(model_id: str) -> LearnedLayer | None:
    """The shipped model, or None when there is none or it was trained with another embedder."""
    source = resources.files("bedside.core").joinpath("data", MODEL_FILE)
    if not source.is_file():
        return None
    with source.open("rb") as handle, np.load(handle) as data:
        if str(data["model_id"]) != model_id:
            return None
        vocabulary = {str(word): i for i, word in enumerate(data["vocabulary"])}
        return LearnedLayer(vocabulary, data["weights"].astype(np.float64), float(data["threshold"]), model_id)
