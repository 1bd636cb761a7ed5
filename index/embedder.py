"""fastembed text embeddings: offline loading, token counting, length-sorted batched embedding."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np

# The fastembed model description used for a local folder (pooling, dimension, normalisation).
DEFAULT_MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"


class EmbedderError(RuntimeError):
    """The embedding model cannot be loaded."""


class Embedder:
    """One fastembed model plus its tokenizer, truncating at `max_tokens` word pieces."""

    def __init__(self, model: str, max_tokens: int = 256, model_name: str = DEFAULT_MODEL_NAME):
        from fastembed import TextEmbedding  # heavy import (onnxruntime): only when needed

        folder = Path(model).expanduser()
        self.model_dir: Path | None = folder if folder.is_dir() else None
        try:
            if folder.is_dir():
                self._model = TextEmbedding(model_name, specific_model_path=str(folder))
                self.model_id = f"{model_name}@{_folder_fingerprint(folder)}"
            else:
                # local_files_only: a named model must already be in fastembed's cache; never download.
                self._model = TextEmbedding(model, local_files_only=True)
                self.model_id = model
        except Exception as err:  # fastembed wraps missing files in several exception types
            raise EmbedderError(
                f"cannot load embedding model {model!r} offline ({type(err).__name__}: {err}). "
                "Run `bedside setup` for the embedded default, or set embed_model to a local folder "
                "holding model.onnx and tokenizer.json."
            ) from err
        self.max_tokens = max_tokens
        tokenizer = self._model.model.tokenizer
        tokenizer.enable_truncation(max_length=max_tokens)
        # A private copy for counting and chunking: no truncation, no padding.
        from tokenizers import Tokenizer

        self.tokenizer = Tokenizer.from_str(tokenizer.to_str())
        self.tokenizer.no_truncation()
        self.tokenizer.no_padding()
        self.dim = int(self.embed(["dimension probe"]).shape[1])

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        """Word pieces per text, special tokens included."""
        return [len(enc.ids) for enc in self.tokenizer.encode_batch(list(texts))]

    def embed(self, texts: Sequence[str], batch_size: int = 64, lengths: Sequence[int] | None = None) -> np.ndarray:
        """Unit vectors, in input order. Texts are embedded shortest first: a batch pads to its
        longest member, so grouping similar lengths removes most of the padding work."""
        if not texts:
            return np.zeros((0, getattr(self, "dim", 0)), dtype=np.float32)
        lengths = self.count_tokens(texts) if lengths is None else lengths
        order = np.argsort(np.asarray(lengths), kind="stable")
        vectors = list(self._model.embed([texts[i] for i in order], batch_size=batch_size))
        out = np.empty((len(texts), len(vectors[0])), dtype=np.float32)
        out[order] = np.asarray(vectors, dtype=np.float32)
        return out

    def embed_query(self, text: str) -> np.ndarray:
        return next(iter(self._model.query_embed([text]))).astype(np.float32)


def _folder_fingerprint(folder: Path) -> str:
    """Short id of a model folder's weights, so an index remembers exactly which model made it."""
    manifest = folder / "MANIFEST.json"
    if manifest.exists():
        try:
            return json.loads(manifest.read_text(encoding="utf-8"))["model.onnx"][:12]
        except (ValueError, KeyError):
            pass
    onnx = folder / "model.onnx"
    if not onnx.exists():
        raise EmbedderError(f"{folder} has no model.onnx; it is not a fastembed model folder")
    stat = onnx.stat()
    return f"{folder.name}-{stat.st_size}"
