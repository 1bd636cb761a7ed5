"""The engine runs one turn: triage, retrieval when the mode wants it, prompt, adapter, generation.

    engine = Engine(settings)
    for event in engine.stream("I have had a headache for three days", Mode.RAG):
        ...  # Chunk(text) while generating, then Done(answer)

The backend and the retriever are opened on first use and kept: switching modes swaps the
adapter on the live model, it never reloads anything.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bedside.core.backend import LlamaBackend, Sampling, StreamStats
from bedside.core.config import Settings, resolve_llm_gguf
from bedside.core.modes import ORDER, Mode
from bedside.core.prompts import (
    PROMPT_STOPS,
    ChatTemplate,
    Exchange,
    Prompt,
    build_prompt,
    choose_template,
    parse_citations,
)
from bedside.core.safety import DISCLAIMER, Triage, triage


class ModeUnavailable(RuntimeError):
    """The mode needs something that is not there (an adapter, an index); the message says how to get it."""


@dataclass(frozen=True)
class Source:
    number: int  # as numbered in the prompt and cited in the answer
    rank: int
    score: float
    dialogue_id: str
    title: str
    patient: str
    doctor: str  # the full answer from the index
    truncated: bool  # shortened to fit the context
    cited: bool


@dataclass
class Answer:
    question: str
    mode: Mode
    text: str = ""  # what the model wrote
    triage: Triage = field(default_factory=lambda: Triage(()))
    sources: list[Source] = field(default_factory=list)
    citations: tuple[int, ...] = ()
    invalid_citations: tuple[int, ...] = ()
    used_retrieval: bool = False
    stats: StreamStats = field(default_factory=StreamStats)
    retrieval_s: float = 0.0
    switch_s: float = 0.0
    dropped_hits: int = 0
    dropped_turns: int = 0
    disclaimer: str = DISCLAIMER

    @property
    def full_text(self) -> str:
        """What the user reads: emergency advice first, the answer, then the one-line disclaimer."""
        parts = [self.triage.advice] if self.triage.urgent else []
        parts += [self.text.strip(), f"_{self.disclaimer}_"]
        return "\n\n".join(p for p in parts if p)

    def to_json(self) -> dict:
        return {
            "question": self.question,
            "mode": self.mode.value,
            "answer": self.text.strip(),
            "emergency_advice": self.triage.advice or None,
            "red_flags": [f.key for f in self.triage.flags],
            "disclaimer": self.disclaimer,
            "used_retrieval": self.used_retrieval,
            "sources": [
                {
                    "number": s.number,
                    "rank": s.rank,
                    "score": s.score,
                    "dialogue_id": s.dialogue_id,
                    "title": s.title,
                    "cited": s.cited,
                    "truncated": s.truncated,
                }
                for s in self.sources
            ],
            "citations": list(self.citations),
            "invalid_citations": list(self.invalid_citations),
            "prompt_tokens": self.stats.prompt_tokens,
            "completion_tokens": self.stats.completion_tokens,
            "ttft_s": round(self.stats.ttft_s + self.retrieval_s + self.switch_s, 4),
            "tokens_per_s": round(self.stats.tokens_per_s, 2),
            "total_s": round(self.stats.total_s, 3),
            "retrieval_s": round(self.retrieval_s, 4),
            "stop_reason": self.stats.stop_reason,
        }


@dataclass(frozen=True)
class Chunk:
    text: str


@dataclass(frozen=True)
class Done:
    answer: Answer


HOW_TO_TRAIN = (
    "{label} mode needs the {slot} adapter, and none is configured. Train one with `bedside train --mode {slot}` "
    "(`just train` trains both; it registers them itself), or convert a PEFT adapter with "
    "`bedside export-adapter PEFT_DIR --slot {slot}` and set adapter_{slot} (BEDSIDE_ADAPTER_{SLOT})."
)


class Engine:
    def __init__(self, settings: Settings, backend: LlamaBackend | None = None, retriever=None):
        self.settings = settings
        self._backend = backend
        self._retriever = retriever
        self._template: ChatTemplate | None = None

    # -- lazily opened parts ---------------------------------------------------------------------

    @property
    def backend(self) -> LlamaBackend:
        if self._backend is None:
            s = self.settings
            model = resolve_llm_gguf(s)
            if not s.llm_gguf:
                from bedside.core.embedded import ensure_base_gguf

                ensure_base_gguf(s.paths, verify=False)
            adapters = {
                slot: Path(path).expanduser()
                for slot, path in (("ft", s.adapter_ft), ("hybrid", s.adapter_hybrid))
                if path
            }
            self._backend = LlamaBackend(
                model, n_ctx=s.n_ctx, n_threads=s.n_threads, n_gpu_layers=s.n_gpu_layers, adapters=adapters
            )
        return self._backend

    @property
    def retriever(self):
        if self._retriever is None:
            from bedside.index import open_retriever

            self._retriever = open_retriever(self.settings)
        return self._retriever

    @property
    def template(self) -> ChatTemplate:
        if self._template is None:
            backend = self.backend
            self._template = choose_template(
                self.settings.chat_template, backend.chat_template_source(), backend.eos_text()
            )
        return self._template

    # -- modes -----------------------------------------------------------------------------------

    def check_mode(self, mode: Mode) -> None:
        slot = mode.adapter
        if slot and not getattr(self.settings, f"adapter_{slot}"):
            raise ModeUnavailable(HOW_TO_TRAIN.format(label=mode.label, slot=slot, SLOT=slot.upper()))
        if mode.retrieves:
            self.retriever  # noqa: B018 - opening it raises a clear error when there is no index

    def available_modes(self) -> list[Mode]:
        available = []
        for mode in ORDER:
            try:
                self.check_mode(mode)
            except Exception:  # noqa: BLE001 - any reason makes the mode unavailable; check_mode explains it
                continue
            available.append(mode)
        return available

    # -- one turn --------------------------------------------------------------------------------

    def stream(
        self,
        question: str,
        mode: Mode,
        history: Sequence[Exchange] = (),
        *,
        max_tokens: int | None = None,
        temperature: float | None = None,
        cancel: threading.Event | None = None,
    ) -> Iterator[Chunk | Done]:
        question = " ".join(question.split())
        if not question:
            raise ValueError("the question is empty")
        self.check_mode(mode)
        s = self.settings
        answer = Answer(question, mode, triage=triage(question), used_retrieval=mode.retrieves)
        if answer.triage.urgent:
            yield Chunk(answer.triage.advice + "\n\n")

        hits = []
        if mode.retrieves:
            started = time.perf_counter()
            hits = self.retriever.search(question, s.rag_k, s.search_kind)
            answer.retrieval_s = time.perf_counter() - started

        backend = self.backend
        answer.switch_s = backend.use_adapter(mode.adapter)
        sampling = Sampling(
            max_tokens or s.max_tokens,
            s.temperature if temperature is None else temperature,
            s.top_p,
            s.repeat_penalty,
            s.seed,
        )
        prompt: Prompt = build_prompt(
            mode,
            question,
            hits,
            list(history)[-s.history_turns :] if s.history_turns > 0 else [],  # [-0:] would keep all of it
            self.template,
            backend.count_tokens,
            backend.n_ctx,
            sampling.max_tokens,
            s.answer_primer,
        )
        answer.dropped_hits, answer.dropped_turns = prompt.dropped_hits, prompt.dropped_turns

        pieces = [prompt.primer] if prompt.primer else []
        if prompt.primer:
            yield Chunk(prompt.primer)
        stops = self.template.stops + PROMPT_STOPS
        for text in backend.stream(prompt.text, sampling, stops, cancel, answer.stats, prompt.stable_chars):
            pieces.append(text)
            yield Chunk(text)
        answer.text = "".join(pieces)

        citations = parse_citations(answer.text, len(prompt.hits))
        answer.citations, answer.invalid_citations = citations.valid, citations.invalid
        answer.sources = [
            Source(
                number,
                hit.original.rank,
                hit.original.score,
                hit.original.dialogue_id,
                hit.title,
                hit.original.patient,
                hit.original.doctor,
                hit.truncated,
                number in citations.valid,
            )
            for number, hit in enumerate(prompt.hits, start=1)
        ]
        yield Chunk(f"\n\n_{answer.disclaimer}_")
        yield Done(answer)

    def ask(self, question: str, mode: Mode, history: Sequence[Exchange] = (), **options) -> Answer:
        for event in self.stream(question, mode, history, **options):
            if isinstance(event, Done):
                return event.answer
        raise RuntimeError("the engine stopped without an answer")  # pragma: no cover
