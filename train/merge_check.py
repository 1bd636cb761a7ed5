"""Does a merged GGUF answer like base + adapter on the live context? Greedy token agreement.

For each question, the reference is the greedy continuation of the base model with the adapter
hot-swapped in (what the engine runs). The merged model is compared two ways:
- free-running: its own greedy continuation; the share of tokens before the first divergence, and
  how many answers are identical end to end;
- teacher-forced: fed the reference tokens, how often its top token is the reference's next token.
  A single early divergence ruins the free-running figure for the rest of an answer; this one
  says whether the two models still agree at every step.
Pure argmax over raw logits (no sampler, no repetition penalty), so only the weights differ.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bedside.core.backend import LlamaBackend


@dataclass(frozen=True)
class Agreement:
    questions: int
    tokens: int  # per answer, at most
    identical_answers: int
    prefix_share: float  # mean share of reference tokens before the first divergence
    teacher_forced: float  # share of reference positions where the merged model's top token matches

    def to_json(self) -> dict:
        return self.__dict__.copy()


def _next_token(llm) -> int:
    import llama_cpp

    logits = llama_cpp.llama_get_logits_ith(llm.ctx, -1)
    return int(np.argmax(np.ctypeslib.as_array(logits, shape=(llm.n_vocab(),))))


def greedy(llm, prompt: list[int], n_tokens: int) -> list[int]:
    llm.reset()
    llm.eval(prompt)
    produced: list[int] = []
    for _ in range(n_tokens):
        token = _next_token(llm)
        produced.append(token)
        if token == llm.token_eos():
            break
        llm.eval([token])
    return produced


def teacher_forced_hits(llm, prompt: list[int], reference: list[int]) -> int:
    llm.reset()
    llm.eval(prompt)
    hits = 0
    for token in reference:
        hits += _next_token(llm) == token
        llm.eval([token])
    return hits


def _prefix(a: list[int], b: list[int]) -> int:
    same = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        same += 1
    return same


def agreement(
    base_gguf: Path,
    adapter_gguf: Path | None,
    merged_gguf: Path,
    prompts: Sequence[str],
    n_tokens: int = 64,
    n_threads: int = 0,
    n_ctx: int = 2048,
) -> Agreement:
    """`adapter_gguf` None compares with the plain base instead (does the merged model differ from it?)."""
    adapters = {"a": adapter_gguf} if adapter_gguf else None
    reference = LlamaBackend(base_gguf, n_ctx=n_ctx, n_threads=n_threads, n_gpu_layers=0, adapters=adapters)
    reference.use_adapter("a" if adapter_gguf else None)
    merged = LlamaBackend(merged_gguf, n_ctx=n_ctx, n_threads=n_threads, n_gpu_layers=0)
    try:
        prefixes, identical, hits, positions = [], 0, 0, 0
        for prompt in prompts:
            tokens = reference.llm.tokenize(prompt.encode("utf-8"), add_bos=True, special=True)
            wanted = greedy(reference.llm, tokens, n_tokens)
            got = greedy(merged.llm, tokens, n_tokens)
            same = _prefix(wanted, got)
            prefixes.append(same / len(wanted))
            identical += wanted == got
            hits += teacher_forced_hits(merged.llm, tokens, wanted)
            positions += len(wanted)
    finally:
        reference.close()
        merged.close()
    return Agreement(
        questions=len(prompts),
        tokens=n_tokens,
        identical_answers=identical,
        prefix_share=statistics.fmean(prefixes) if prefixes else 0.0,
        teacher_forced=hits / positions if positions else 0.0,
    )
