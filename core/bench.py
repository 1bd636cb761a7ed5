"""Engine benchmarks (`just bench-engine`): prints figures, asserts nothing.

Everything runs against raw llama-cpp-python on the same GGUF and thread count, in the same run:
decode tokens/s (and the memory-bandwidth bound), base vs adapter hot-swapped vs merged GGUF,
TTFT per mode with k = 3 retrieved answers, adapter hot-swap vs model reload, and peak RSS with
model + embedder + index loaded. It uses a random adapter (the switch cost does not depend on what
an adapter learned) and a temporary index of the sample corpus; the user's data is not touched.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.table import Table

from bedside.core.backend import LlamaBackend, Sampling, StreamStats
from bedside.core.config import load_settings, resolve_llm_gguf
from bedside.core.embedded import ensure_base_gguf
from bedside.core.engine import Engine
from bedside.core.modes import Mode
from bedside.core.prompts import TranscriptTemplate

console = Console()
QUESTIONS = [
    "I have had a dull headache every evening after work for two weeks. What can I do?",
    "My 2 year old has a fever of 39 C and a runny nose but is still playing. Should I worry?",
    "I twisted my ankle playing football yesterday and it is swollen. How should I treat it?",
    "I get a burning feeling in my chest after big meals, worse when I lie down. What helps?",
    "I wake up at 4 am every night and cannot get back to sleep. What should I try?",
    "I have had a dry cough for three weeks since a cold. When should I see a doctor?",
]


def copy_bandwidth_gb_s(size_mb: int = 512, repeats: int = 5) -> float:
    """STREAM-style copy bandwidth: bytes read + written per second."""
    source = np.ones(size_mb * 2**20 // 8)
    target = np.empty_like(source)
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        np.copyto(target, source)
        best = min(best, time.perf_counter() - start)
    return 2 * source.nbytes / best / 1e9


def raw_decode(llm, prompt: str, tokens: int) -> float:
    """Decode tokens/s of plain llama-cpp-python streaming, timed like Bedside's (first to last token)."""
    llm.reset()
    first = last = None
    count = 0
    for chunk in llm.create_completion(prompt, max_tokens=tokens, temperature=0.0, stream=True):
        now = time.perf_counter()
        if chunk["choices"][0]["text"]:
            first = first or now
            last = now
            count += 1
    return (count - 1) / (last - first) if count > 1 else 0.0


def backend_decode(backend: LlamaBackend, prompt: str, tokens: int) -> float:
    backend.llm.reset()
    stats = StreamStats()
    for _piece in backend.stream(prompt, Sampling(max_tokens=tokens), (), stats=stats):
        pass
    return stats.tokens_per_s


def bench_decode(backend: LlamaBackend, raw, tokens: int, runs: int, model_bytes: int) -> None:
    prompt = TranscriptTemplate().render([], QUESTIONS[0])
    ours, theirs = [], []
    backend.use_adapter(None)
    for _ in range(runs):  # alternate, so drift hits both sides alike
        theirs.append(raw_decode(raw, prompt, tokens))
        ours.append(backend_decode(backend, prompt, tokens))
    bandwidth = copy_bandwidth_gb_s()
    bound = bandwidth * 1e9 / model_bytes
    table = Table(title=f"decode speed — {tokens} tokens, {backend.n_threads} threads, median of {runs}")
    for column in ("path", "tokens/s", "ratio"):
        table.add_column(column, justify="right")
    raw_median, our_median = statistics.median(theirs), statistics.median(ours)
    table.add_row("raw llama-cpp-python", f"{raw_median:.1f}", "1.00")
    table.add_row("bedside backend", f"{our_median:.1f}", f"{our_median / raw_median:.3f}")
    table.add_row(
        f"bandwidth bound ({bandwidth:.1f} GB/s ÷ {model_bytes / 1e6:.0f} MB/token)",
        f"{bound:.1f}",
        f"bedside at {our_median / bound:.0%} of it",
    )
    console.print(table)


def bench_merged(backend: LlamaBackend, model: Path, adapter: Path, folder: Path, tokens: int, runs: int) -> None:
    """Decode speed of base, base + adapter hot-swapped, and the adapter merged into one GGUF."""
    from bedside.train.merge_gguf import merge_adapter

    # q4_k_m keeps the base's own tensor types; it is timed even where it would be refused for rounding
    # a trained adapter away (min_kept=0): speed does not depend on what the weights hold.
    q4 = merge_adapter(model, adapter, folder / "merged-q4_k_m.gguf", quant="q4_k_m", min_kept=0.0)
    auto = merge_adapter(model, adapter, folder / "merged-auto.gguf")
    # Each file in a fresh backend of its own, loaded the same way (the base too: the shared backend
    # holds adapters, and a context that has run an adapter is not the plain base's).
    fresh = {
        name: LlamaBackend(path, n_ctx=backend.n_ctx, n_threads=backend.n_threads, n_gpu_layers=0)
        for name, path in (("base", model), (f"merged {q4.quant}", q4.path), (f"merged {auto.quant} (auto)", auto.path))
    }
    prompt = TranscriptTemplate().render([], QUESTIONS[0])
    speeds: dict[str, list[float]] = {name: [] for name in fresh} | {"base + adapter hot-swapped": []}
    backend.use_adapter("ft")
    for _ in range(runs):  # interleaved, so drift hits every path alike
        for name, loaded in fresh.items():
            speeds[name].append(backend_decode(loaded, prompt, tokens))
        speeds["base + adapter hot-swapped"].append(backend_decode(backend, prompt, tokens))
    backend.use_adapter(None)
    for loaded in fresh.values():
        loaded.close()
    table = Table(title=f"merged GGUF vs hot-swapped adapter — {tokens} tokens, median of {runs}")
    for column in ("model", "tokens/s", "× base", "size MB"):
        table.add_column(column, justify="right")
    base_speed = statistics.median(speeds["base"])
    sizes = {"base": model.stat().st_size, "base + adapter hot-swapped": model.stat().st_size + adapter.stat().st_size}
    sizes |= {f"merged {q4.quant}": q4.bytes, f"merged {auto.quant} (auto)": auto.bytes}
    for name, values in speeds.items():
        speed = statistics.median(values)
        table.add_row(name, f"{speed:.1f}", f"{speed / base_speed:.3f}", f"{sizes[name] / 1e6:.0f}")
    console.print(table)


def bench_ttft(engine: Engine, modes: list[Mode]) -> None:
    table = Table(title="time to first token per mode (k = 3, prefix cache warm, median over questions)")
    for column in ("mode", "TTFT s", "p95 s", "retrieval ms", "prompt tokens"):
        table.add_column(column, justify="right")
    for mode in modes:
        engine.ask("A warm-up question about sleep.", mode, max_tokens=1)  # caches the system-prompt prefix
        answers = [engine.ask(q, mode, max_tokens=1) for q in QUESTIONS]
        ttfts = [a.to_json()["ttft_s"] for a in answers]
        table.add_row(
            mode.label,
            f"{statistics.median(ttfts):.3f}",
            f"{max(ttfts):.3f}",
            f"{statistics.median(a.retrieval_s for a in answers) * 1000:.1f}",
            f"{statistics.median(a.stats.prompt_tokens for a in answers):.0f}",
        )
    console.print(table)


def bench_switch(backend: LlamaBackend, model: Path, adapter: Path, threads: int, n_ctx: int) -> None:
    from llama_cpp import Llama

    swaps = []
    for i in range(40):
        swaps.append(backend.use_adapter("ft" if i % 2 == 0 else None))
    reloads = []
    for _ in range(3):
        start = time.perf_counter()
        Llama(str(model), n_ctx=n_ctx, n_threads=threads, lora_path=str(adapter), verbose=False).close()
        reloads.append(time.perf_counter() - start)
    table = Table(title="mode switch")
    for column in ("how", "median ms", "max ms"):
        table.add_column(column, justify="right")
    table.add_row("adapter hot-swap + KV reset", f"{statistics.median(swaps) * 1000:.3f}", f"{max(swaps) * 1000:.3f}")
    table.add_row(
        "reload model with the adapter", f"{statistics.median(reloads) * 1000:.0f}", f"{max(reloads) * 1000:.0f}"
    )
    console.print(table)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tokens", type=int, default=256, help="tokens decoded per speed run")
    parser.add_argument("--runs", type=int, default=5, help="speed runs per path")
    args = parser.parse_args()

    from llama_cpp import Llama

    from bedside.index.ingest import ingest
    from bedside.index.search import Retriever
    from bedside.index.sources import read_sample
    from bedside.index.store import DialogueStore
    from bedside.train.export import export_peft_to_gguf
    from bedside.train.random_adapter import random_peft_adapter

    settings = load_settings()
    if not settings.llm_gguf:
        ensure_base_gguf(settings.paths, verify=False)
    model = resolve_llm_gguf(settings)
    with tempfile.TemporaryDirectory(prefix="bedside-bench-engine-") as tmp:
        folder = Path(tmp)
        adapter = export_peft_to_gguf(random_peft_adapter(folder / "peft", model), model, folder / "ft.gguf").path
        backend = LlamaBackend(
            model,
            n_ctx=settings.n_ctx,
            n_threads=settings.n_threads,
            n_gpu_layers=settings.n_gpu_layers,
            adapters={"ft": adapter, "hybrid": adapter},
        )
        console.print(f"{model.name}: {backend.offload_report}")
        raw = Llama(
            str(model),
            n_ctx=settings.n_ctx,
            n_threads=backend.n_threads,
            n_threads_batch=backend.n_threads,
            n_gpu_layers=-1 if backend.gpu_offload else 0,
            verbose=False,
        )
        bench_decode(backend, raw, args.tokens, args.runs, model.stat().st_size)
        raw.close()
        bench_merged(backend, model, adapter, folder, args.tokens, args.runs)

        from bedside.index import open_embedder

        embedder = open_embedder(settings)
        store = DialogueStore(folder / "index", "dialogues")
        ingest(read_sample(), store, embedder, overlap=settings.chunk_overlap)
        tuned = settings.__class__(**{**settings.__dict__, "adapter_ft": str(adapter), "adapter_hybrid": str(adapter)})
        engine = Engine(tuned, backend=backend, retriever=Retriever(store, embedder))
        bench_ttft(engine, [Mode.FT, Mode.RAG, Mode.HYBRID, Mode.BASE])
        bench_switch(backend, model, adapter, backend.n_threads, settings.n_ctx)
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        console.print(f"peak RSS with model + embedder + index loaded: {peak_mb:,.0f} MB")
        backend.close()


if __name__ == "__main__":
    main()
