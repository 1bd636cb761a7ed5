"""Index benchmarks (`just bench-index`): prints figures, asserts nothing.

1. Throughput: Bedside's ingest (256-token chunks, length-sorted batches) against fastembed's plain
   unsorted `embed()` at its default 512-token truncation, same texts, same run. Both use batch 64:
   fastembed's default batch of 256 at 512 tokens needs over 24 GiB with this int8 model (measured:
   8.7 GB peak at batch 64), so the baseline would not run on the target machine at all.
2. Search latency p50/p95 per kind at two sizes, flat and with the ANN index, and ANN recall@10
   against exact search on the same table (clustered vectors: i.i.d. random ones make recall
   meaningless).
3. Retrieval quality: held-out answers indexed alone, queried with their patient questions.

Everything happens in a temporary folder; the user's index is never touched.
"""

from __future__ import annotations

import argparse
import random
import re
import tempfile
import time
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.table import Table

from bedside.core.config import load_settings
from bedside.index import open_embedder
from bedside.index.clean import clean_dialogues
from bedside.index.ingest import ingest
from bedside.index.search import Retriever
from bedside.index.sources import RawDialogue, read_sample
from bedside.index.store import DialogueStore

console = Console()
SENTENCE = re.compile(r"(?<=[.!?])\s+")


def synthetic_corpus(n: int, seed: int = 7) -> list[RawDialogue]:
    """n dialogues recombined from the sample's sentences, with a long-tailed answer length like
    real forums (most answers short, some several hundred words)."""
    rng = random.Random(seed)
    sample = read_sample()
    sentences = [s for d in sample for s in SENTENCE.split(d.doctor)]
    out = []
    for i in range(n):
        base = sample[i % len(sample)]
        count = max(2, min(60, int(rng.lognormvariate(1.9, 0.7))))
        answer = " ".join(rng.choice(sentences) for _ in range(count))
        out.append(RawDialogue(f"{base.title} ({i})", base.patient, f"Case {i}. {answer}", "synthetic"))
    return out


def percentiles(samples_ms: list[float]) -> tuple[float, float]:
    return float(np.percentile(samples_ms, 50)), float(np.percentile(samples_ms, 95))


def bench_throughput(embedder, settings, corpus: list[RawDialogue], label: str, folder: Path) -> DialogueStore:
    from fastembed import TextEmbedding

    texts = [f"{d.title}\n{d.doctor}" for d in clean_dialogues(corpus)]
    tokens = sum(embedder.count_tokens(texts))
    if embedder.model_dir:
        plain = TextEmbedding(settings.embed_model_name, specific_model_path=str(embedder.model_dir))
    else:
        plain = TextEmbedding(embedder.model_id, local_files_only=True)
    list(plain.embed(texts[:64], batch_size=settings.embed_batch))  # warm-up
    start = time.perf_counter()
    list(plain.embed(texts, batch_size=settings.embed_batch))
    plain_s = time.perf_counter() - start

    store = DialogueStore(folder / label, "bench")
    stats = ingest(
        corpus, store, embedder, overlap=settings.chunk_overlap, batch_size=settings.embed_batch, ann_min_rows=10**12
    )
    table = Table(title=f"index throughput — {label}: {len(texts):,} dialogues, {tokens:,} word pieces")
    for column in ("path", "seconds", "docs/s", "tokens/s", "ratio"):
        table.add_column(column, justify="right")
    table.add_row(
        "fastembed embed(), unsorted, 512 trunc.",
        f"{plain_s:.1f}",
        f"{len(texts) / plain_s:,.0f}",
        f"{tokens / plain_s:,.0f}",
        "1.00×",
    )
    table.add_row(
        f"bedside ingest ({stats.chunks:,} chunks ≤256, sorted, + LanceDB)",
        f"{stats.seconds:.1f}",
        f"{len(texts) / stats.seconds:,.0f}",
        f"{tokens / stats.seconds:,.0f}",
        f"{plain_s / stats.seconds:.2f}×",
    )
    console.print(table)
    return store


def time_queries(retriever: Retriever, queries: list[str], vectors: np.ndarray, kind: str, k: int = 5) -> list[float]:
    for query, vector in zip(queries[:5], vectors[:5], strict=True):  # warm-up
        retriever.search(query, k, kind, query_vector=vector)
    timings = []
    for query, vector in zip(queries, vectors, strict=True):
        start = time.perf_counter()
        retriever.search(query, k, kind, query_vector=vector)
        timings.append((time.perf_counter() - start) * 1000)
    return timings


def latency_table(title: str, rows: list[tuple[str, list[float]]]) -> None:
    table = Table(title=title)
    for column in ("search", "p50 ms", "p95 ms"):
        table.add_column(column, justify="right")
    for label, timings in rows:
        p50, p95 = percentiles(timings)
        table.add_row(label, f"{p50:.1f}", f"{p95:.1f}")
    console.print(table)


def flat_vs_ann(store: DialogueStore, embedder, queries: list[str], vectors: np.ndarray, title: str) -> None:
    """Latency per kind on the flat table, then with the ANN index, and ANN recall@10 vs exact."""
    retriever = Retriever(store, embedder)
    kinds = ("vector", "fts", "hybrid")
    rows = [(f"{kind} (flat)", time_queries(retriever, queries, vectors, kind)) for kind in kinds]
    exact = [
        [h.dialogue_id for h in retriever.search(q, 10, "vector", query_vector=v)]
        for q, v in zip(queries, vectors, strict=True)
    ]
    start = time.perf_counter()
    store.build_indexes(ann_min_rows=0)
    build_s = time.perf_counter() - start
    retriever = Retriever(DialogueStore(store.folder, store.name), embedder)
    approx = [
        [h.dialogue_id for h in retriever.search(q, 10, "vector", query_vector=v)]
        for q, v in zip(queries, vectors, strict=True)
    ]
    recall = np.mean([len(set(a) & set(e)) / max(1, len(e)) for a, e in zip(approx, exact, strict=True)])
    rows += [(f"{kind} (ANN)", time_queries(retriever, queries, vectors, kind)) for kind in ("vector", "hybrid")]
    latency_table(f"{title}; IVF_HNSW_SQ build {build_s:.0f} s; ANN recall@10 vs exact = {recall:.3f}", rows)


def bench_latency_real(store: DialogueStore, embedder, n_queries: int) -> None:
    queries = [d.patient for d in read_sample("heldout")][:n_queries]
    start = time.perf_counter()
    vectors = embedder.embed(queries)
    embed_ms = (time.perf_counter() - start) * 1000 / len(queries)
    singles = []
    for query in queries[:50]:
        start = time.perf_counter()
        embedder.embed_query(query)
        singles.append((time.perf_counter() - start) * 1000)
    latency_table("query embedding", [(f"one at a time (batched: {embed_ms:.1f} ms/q)", singles)])
    flat_vs_ann(store, embedder, queries, vectors, f"search latency — {store.count():,} rows, real embeddings")


def clustered_vectors(n: int, dim: int, rng: np.random.Generator, centres: int = 2000) -> np.ndarray:
    middle = rng.standard_normal((centres, dim)).astype(np.float32)
    vectors = middle[rng.integers(0, centres, n)] + 0.35 * rng.standard_normal((n, dim)).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def bench_large(embedder, n: int, folder: Path, n_queries: int) -> None:
    """n rows with clustered synthetic vectors and real texts: flat vs ANN latency, ANN recall@10."""
    rng = np.random.default_rng(11)
    dialogues = clean_dialogues(synthetic_corpus(min(n, 20_000)))
    store = DialogueStore(folder / "large", "bench")
    store.create(embedder.dim, embedder.model_id)
    vectors = clustered_vectors(n, embedder.dim, rng)
    start = time.perf_counter()
    for begin in range(0, n, 50_000):
        rows = []
        for i in range(begin, min(n, begin + 50_000)):
            d = dialogues[i % len(dialogues)]
            rows.append(
                {
                    "id": f"r{i}",
                    "dialogue_id": f"r{i}",
                    "chunk_no": 0,
                    "title": d.title,
                    "patient": d.patient,
                    "doctor": d.doctor,
                    "text": f"{d.title}\n{d.doctor}",
                    "source": "bench",
                    "content_hash": f"r{i}",
                }
            )
        store.append(rows, vectors[begin : begin + len(rows)])
    write_s = time.perf_counter() - start
    start = time.perf_counter()
    store.build_indexes(ann_min_rows=10**12)
    fts_s = time.perf_counter() - start
    picks = rng.integers(0, n, n_queries)
    noisy = vectors[picks] + 0.1 * rng.standard_normal((n_queries, embedder.dim)).astype(np.float32)
    queries_vec = noisy / np.linalg.norm(noisy, axis=1, keepdims=True)
    texts = [d.patient for d in read_sample()]
    queries_txt = [texts[i % len(texts)] for i in range(n_queries)]
    flat_vs_ann(
        store,
        embedder,
        queries_txt,
        queries_vec,
        f"search latency — {n:,} rows, clustered synthetic vectors (write {write_s:.0f} s, FTS {fts_s:.0f} s)",
    )


def bench_quality(embedder, folder: Path) -> None:
    from bedside.index.evaluate import retrieval_metrics, retrieval_table

    heldout = read_sample("heldout")
    metrics = retrieval_metrics(heldout, embedder, folder / "quality")
    title = f"retrieval quality — {len(heldout)} held-out answers indexed alone, queried by their question"
    console.print(retrieval_table(metrics, title))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--synthetic", type=int, default=20_000, help="dialogues in the synthetic corpus")
    parser.add_argument(
        "--ratio-subset",
        type=int,
        default=5_000,
        help="synthetic dialogues on which both embedding paths are timed (the slow baseline)",
    )
    parser.add_argument("--large", type=int, default=200_000, help="rows for the large latency test (0 = skip)")
    parser.add_argument("--queries", type=int, default=200, help="queries per latency measurement")
    args = parser.parse_args()
    settings = load_settings()
    embedder = open_embedder(settings)
    console.print(f"embedder {embedder.model_id}, {settings.chunk_tokens}-token chunks, batch {settings.embed_batch}")
    with tempfile.TemporaryDirectory(prefix="bedside-bench-") as tmp:
        folder = Path(tmp)
        bench_throughput(embedder, settings, read_sample(), "sample corpus", folder)
        synthetic = synthetic_corpus(args.synthetic)
        subset = synthetic[: args.ratio_subset]
        bench_throughput(embedder, settings, subset, f"synthetic, first {len(subset):,}", folder)
        store = DialogueStore(folder / "synthetic-full", "bench")
        stats = ingest(
            synthetic,
            store,
            embedder,
            overlap=settings.chunk_overlap,
            batch_size=settings.embed_batch,
            ann_min_rows=10**12,
        )
        console.print(
            f"synthetic {args.synthetic:,}: bedside ingest {stats.seconds:.0f} s, "
            f"{stats.added_dialogues / stats.seconds:,.0f} docs/s, {stats.tokens / stats.seconds:,.0f} tokens/s, "
            f"{stats.chunks:,} chunks"
        )
        bench_latency_real(store, embedder, args.queries)
        if args.large:
            bench_large(embedder, args.large, folder, args.queries)
        bench_quality(embedder, folder)


if __name__ == "__main__":
    main()
