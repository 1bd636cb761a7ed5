"""Every prompt Bedside sends, for every mode, for inference and for training.

This is the only module that knows chat templates. Training imports it too, so a model is always
run in exactly the format it was trained on; PROMPT_FORMAT names that format, and every adapter
Bedside exports carries it.

Two layouts, chosen by the model (`choose_template`):

A pretrained base model (no chat template in its GGUF, like the embedded Gemma 3 270M) was never
taught to follow instructions: given them, it continues by copying them. It is given a transcript
it can continue as a doctor's reply instead:

    {TRANSCRIPT_HEADER}                         <- stable prefix, its KV state is reused
    Patient (question 1): {retrieved question}  <- RAG / hybrid: retrieved dialogues as earlier
    Doctor (answer 1): {retrieved answer}          exchanges, numbered so an answer can cite [1]
    Patient: {history question}
    Doctor: {history answer}
    Patient: {question}
    Doctor: Hi, thanks for your query.          <- the primer; the model goes on from here

An instruction-tuned model (its GGUF has a chat template) gets instructions, in its own turns
(Gemma shown; the system text rides in the first user turn because Gemma has no system role):

    <start_of_turn>user
    {system}                        <- first turn only: stable prefix, its KV state is reused
    {history question}<end_of_turn>
    <start_of_turn>model
    {history answer}<end_of_turn>
    <start_of_turn>user
    {numbered doctor answers}       <- RAG / hybrid, current turn only
    {question}<end_of_turn>
    <start_of_turn>model
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from bedside.core.modes import Mode

SYSTEM_PROMPT = (
    "You are Bedside, a careful and kind doctor answering a patient's written question. "
    "Answer in plain words and a few short paragraphs. Be conservative: do not claim a diagnosis, "
    "do not suggest prescription medicines or doses, and always say when the patient should see a "
    "doctor or get emergency help."
)
SOURCES_INTRO = (
    "Answers that doctors gave to similar questions, numbered. Use what fits this patient, cite it "
    "with its number like [1], and ignore the ones that do not fit."
)
TRANSCRIPT_HEADER = "Patients' questions to a doctor, each followed by the doctor's reply."
# Bumped whenever the layout a model sees changes: an adapter trained on another format is refused.
PROMPT_FORMAT_VERSION = 2
# Every fixed prose text of the prompt: an answer reproducing a run of these is a prompt leak.
INSTRUCTION_TEXTS = (SYSTEM_PROMPT, SOURCES_INTRO, TRANSCRIPT_HEADER)
MIN_HIT_TOKENS = 48  # a retrieved answer shorter than this is not worth keeping
# Questions are written "Patient: …"; a base model that starts a new one has finished its answer.
PROMPT_STOPS = ("\nPatient:", "\nPatient (")


class RetrievedAnswer(Protocol):
    """What the prompt needs of a search hit (bedside.index.search.Hit satisfies it)."""

    title: str
    doctor: str


@dataclass(frozen=True)
class Exchange:
    question: str
    answer: str


class PromptTooLong(ValueError):
    """Even the question alone does not fit the model's context."""


# ---- chat templates ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ChatTemplate:
    """Renders (user, model) turns into the model's prompt format."""

    name: str
    stops: tuple[str, ...]
    end_of_answer: str  # appended to a training target so the model learns to stop
    answer_lead: str = ""  # between the prompt and the answer's first word (primer or training target)

    def render(self, turns: Sequence[tuple[str, str]], question: str) -> str:
        raise NotImplementedError

    def prompt(self, question: str, hits: Sequence[RetrievedAnswer], history: Sequence[Exchange]) -> str:
        """Instructions in the model's own turns: the system text and numbered sources ride in the user turn."""
        turns = [(user_message(ex.question, (), first_turn=i == 0), ex.answer) for i, ex in enumerate(history)]
        return self.render(turns, user_message(question, hits, first_turn=not history))

    def stable_chars(self, text: str) -> int:
        """How much of `text` every prompt of this layout shares: its KV state is reused."""
        system_at = text.find(SYSTEM_PROMPT)
        stable = system_at + len(SYSTEM_PROMPT) if system_at >= 0 else 0
        # A first turn with sources also shares their fixed introduction: one more reusable stretch.
        intro = "\n\n" + SOURCES_INTRO
        if stable and text.startswith(intro, stable):
            stable += len(intro)
        return stable


@dataclass(frozen=True)
class GemmaTemplate(ChatTemplate):
    name: str = "gemma"
    stops: tuple[str, ...] = ("<end_of_turn>", "<start_of_turn>")
    end_of_answer: str = "<end_of_turn>"

    def render(self, turns: Sequence[tuple[str, str]], question: str) -> str:
        # No <bos>: llama.cpp adds it when the GGUF asks for it.
        parts = [
            f"<start_of_turn>user\n{user}<end_of_turn>\n<start_of_turn>model\n{model}<end_of_turn>\n"
            for user, model in turns
        ]
        parts.append(f"<start_of_turn>user\n{question}<end_of_turn>\n<start_of_turn>model\n")
        return "".join(parts)


@dataclass(frozen=True)
class JinjaTemplate(ChatTemplate):
    """A GGUF's own `tokenizer.chat_template`, rendered in a sandbox."""

    source: str = field(default="", repr=False)
    eos_token: str = ""

    def render(self, turns: Sequence[tuple[str, str]], question: str) -> str:
        from jinja2.sandbox import ImmutableSandboxedEnvironment

        messages = []
        for user, model in turns:
            messages += [{"role": "user", "content": user}, {"role": "assistant", "content": model}]
        messages.append({"role": "user", "content": question})
        environment = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True)
        environment.globals["raise_exception"] = _raise_template_error
        # bos_token empty: llama.cpp adds BOS itself, a second one degrades output.
        return environment.from_string(self.source).render(
            messages=messages, add_generation_prompt=True, bos_token="", eos_token=self.eos_token
        )


@dataclass(frozen=True)
class TranscriptTemplate(ChatTemplate):
    """Plain text a pretrained base model continues (see the module docstring)."""

    name: str = "transcript"
    # A new turn label ends the answer; a line that merely starts "Patients often…" does not.
    stops: tuple[str, ...] = (
        "\nPatient:", "\nPatient (", "\nDoctor:", "\nDoctor (", "<end_of_turn>", "<start_of_turn>", "\n\n\n",
    )  # fmt: skip
    # Training targets end by opening the next patient turn: the model learns to stop there.
    end_of_answer: str = "\n\nPatient:"
    answer_lead: str = " "  # "Doctor: Hi, …"

    def render(self, turns: Sequence[tuple[str, str]], question: str) -> str:
        parts = [TRANSCRIPT_HEADER]
        parts += [f"Patient: {user}\nDoctor: {model}" for user, model in turns]
        parts.append(f"Patient: {question}\nDoctor:")
        return "\n\n".join(parts)

    def prompt(self, question: str, hits: Sequence[RetrievedAnswer], history: Sequence[Exchange]) -> str:
        parts = [TRANSCRIPT_HEADER]
        for number, hit in enumerate(hits, start=1):
            patient = getattr(hit, "patient", "") or getattr(getattr(hit, "original", None), "patient", "")
            parts.append(f"Patient (question {number}): {patient or hit.title}\nDoctor (answer {number}): {hit.doctor}")
        parts += [f"Patient: {ex.question}\nDoctor: {ex.answer}" for ex in history]
        parts.append(f"Patient: {question}\nDoctor:")
        return "\n\n".join(parts)

    def stable_chars(self, text: str) -> int:
        return len(TRANSCRIPT_HEADER) if text.startswith(TRANSCRIPT_HEADER) else 0


def prompt_format(template: ChatTemplate) -> str:
    """What an adapter records: the layout family and its version, e.g. 'transcript/2'."""
    return f"{template.name}/{PROMPT_FORMAT_VERSION}"


def _raise_template_error(message: str) -> None:
    raise ValueError(f"the GGUF's chat template refused the conversation: {message}")


def choose_template(forced: str, gguf_template: str | None, eos_token: str = "") -> ChatTemplate:
    """`forced`: 'auto' (the GGUF's own template if it has one, else a transcript for a base model),
    'transcript', 'gemma' or 'gguf'."""
    if forced == "transcript" or (forced == "auto" and not gguf_template):
        return TranscriptTemplate()
    if forced == "gemma":
        return GemmaTemplate()
    if forced in ("auto", "gguf"):
        if not gguf_template:
            raise ValueError("chat_template = 'gguf' but this GGUF has no tokenizer.chat_template; use 'gemma'")
        # End-of-turn markers the template actually uses, plus the model's EOS token.
        markers = ("<end_of_turn>", "<|im_end|>", "<|eot_id|>", "</s>")
        stops = tuple(dict.fromkeys([eos_token] * bool(eos_token) + [m for m in markers if m in gguf_template]))
        return JinjaTemplate(
            name="gguf", stops=stops, end_of_answer=eos_token, source=gguf_template, eos_token=eos_token
        )
    raise ValueError(f"unknown chat_template {forced!r}; use auto, transcript, gemma or gguf")


# ---- building prompts -------------------------------------------------------------------------


def sources_block(hits: Sequence[RetrievedAnswer]) -> str:
    lines = [SOURCES_INTRO]
    for number, hit in enumerate(hits, start=1):
        title = f" ({hit.title})" if hit.title else ""
        lines.append(f"[{number}]{title} {hit.doctor}")
    return "\n".join(lines)


def user_message(question: str, hits: Sequence[RetrievedAnswer], first_turn: bool) -> str:
    parts = [SYSTEM_PROMPT] if first_turn else []
    if hits:
        parts.append(sources_block(hits))
    parts.append(f"Patient: {question}")
    return "\n\n".join(parts)


@dataclass(frozen=True)
class TrimmedHit:
    """A hit as it went into the prompt (its doctor text possibly shortened)."""

    title: str
    doctor: str
    original: object  # the Hit it came from
    truncated: bool


@dataclass(frozen=True)
class Prompt:
    text: str
    tokens: int
    hits: tuple[TrimmedHit, ...]  # numbered [1]..[n] in this order
    dropped_hits: int
    truncated_hits: int
    dropped_turns: int
    primer: str = ""  # the start of the answer, already in `text`; the model continues it
    stable_chars: int = 0  # text[:stable_chars] (up to the system prompt) is the same for every turn


def build_prompt(
    mode: Mode,
    question: str,
    hits: Sequence[RetrievedAnswer],
    history: Sequence[Exchange],
    template: ChatTemplate,
    count_tokens: Callable[[str], int],
    n_ctx: int,
    answer_tokens: int,
    primer: str = "",
    hit_tokens: int = 0,
) -> Prompt:
    """The prompt for one turn, guaranteed to leave `answer_tokens` free in `n_ctx`.

    `hit_tokens` (0 = no cap) caps each retrieved answer before anything else.
    `primer` opens the model's turn (e.g. the corpus's own greeting): a base model that would
    otherwise echo the instructions continues it as a doctor's answer instead.

    Over budget, in this order: drop the lowest-ranked hits (keeping one), shorten the longest
    hit, drop the oldest exchanges, then drop the last hit. A question that cannot fit alone
    raises PromptTooLong instead of reaching llama.cpp.
    """
    limit = n_ctx - answer_tokens
    if limit <= 0:
        raise PromptTooLong(f"max_tokens {answer_tokens} leaves no room in a context of {n_ctx} tokens")
    # Each retrieved answer capped first: prompt length is most of the time to the first token.
    kept = capped_hits(hits, hit_tokens, count_tokens) if mode.retrieves else []
    history = list(history)
    dropped_hits = dropped_turns = 0
    while True:
        text = template.prompt(question, kept, history) + (template.answer_lead + primer if primer else "")
        tokens = count_tokens(text)
        if tokens <= limit:
            break
        over = tokens - limit
        if len(kept) > 1:
            kept.pop()
            dropped_hits += 1
            continue
        longest = max(range(len(kept)), key=lambda i: len(kept[i].doctor), default=None)
        if longest is not None:
            shorter = _shorten(kept[longest], over, count_tokens)
            if shorter is not None:
                kept[longest] = shorter
                continue
        if history:
            history.pop(0)
            dropped_turns += 1
            continue
        if kept:
            kept.pop()
            dropped_hits += 1
            continue
        raise PromptTooLong(
            f"the question alone needs {tokens} tokens but the context allows {limit} "
            f"(n_ctx {n_ctx} minus {answer_tokens} for the answer); shorten it or raise n_ctx"
        )
    return Prompt(
        text,
        tokens,
        tuple(kept),
        dropped_hits,
        sum(h.truncated for h in kept),
        dropped_turns,
        primer,
        template.stable_chars(text),
    )


def _at_sentence_end(text: str) -> str:
    """Cut text at its last full sentence if that keeps at least half of it, else mark the cut "…".
    A base model imitates what it is shown: sources ending "…" made its own answers end so."""
    end = max(text.rfind(". "), text.rfind("! "), text.rfind("? "))
    if text.endswith((".", "!", "?")):
        return text
    return text[: end + 1] if end >= len(text) // 2 else text + " …"


def _shorten(hit: TrimmedHit, over: int, count_tokens: Callable[[str], int]) -> TrimmedHit | None:
    """The hit cut (at a sentence end where it can, else a word boundary, from its original text) by at
    least `over` tokens plus a margin, never below MIN_HIT_TOKENS; None when it cannot get shorter."""
    current = count_tokens(hit.doctor)
    target = max(MIN_HIT_TOKENS, current - over - 8)
    if target >= current:
        return None
    words = hit.original.doctor.split()
    keep = min(len(words) - 1, int(len(words) * target / max(current, 1)))
    while keep > 0:
        text = _at_sentence_end(" ".join(words[:keep]))
        if count_tokens(text) < current:
            return TrimmedHit(hit.title, text, hit.original, True)
        keep = keep * 3 // 4  # many-token words: cut harder until the text really shrinks
    return None


# ---- training targets -------------------------------------------------------------------------


def capped_hits(
    hits: Sequence[RetrievedAnswer], hit_tokens: int, count_tokens: Callable[[str], int] | None
) -> list[TrimmedHit]:
    """The hits as the prompt shows them: each answer cut to `hit_tokens` (0 or no counter: whole)."""
    kept = [TrimmedHit(h.title, h.doctor, h, False) for h in hits]
    if not hit_tokens or count_tokens is None:
        return kept
    return [_shorten(h, count_tokens(h.doctor) - hit_tokens, count_tokens) or h for h in kept]


def training_pair(
    mode: Mode,
    question: str,
    hits: Sequence[RetrievedAnswer],
    answer: str,
    template: ChatTemplate,
    count_tokens: Callable[[str], int] | None = None,
    hit_tokens: int = 0,
) -> tuple[str, str]:
    """(prompt, target) for supervised fine-tuning: loss goes on the target only. Uses the same
    rendering as inference, so the adapter meets at run time exactly what it saw in training."""
    shown = capped_hits(hits, hit_tokens, count_tokens) if mode.retrieves else []
    return template.prompt(question, shown, ()), template.answer_lead + answer + template.end_of_answer


# ---- citations --------------------------------------------------------------------------------

CITATION = re.compile(r"\[(\d+(?:\s*[,;]\s*\d+)*)\]")


@dataclass(frozen=True)
class Citations:
    valid: tuple[int, ...]  # numbers that point at a retrieved answer, first mention first
    invalid: tuple[int, ...]  # numbers cited that were not in the prompt


def parse_citations(answer: str, n_sources: int) -> Citations:
    seen: list[int] = []
    for group in CITATION.findall(answer):
        for number in re.split(r"\s*[,;]\s*", group):
            value = int(number)
            if value not in seen:
                seen.append(value)
    return Citations(tuple(n for n in seen if 1 <= n <= n_sources), tuple(n for n in seen if not 1 <= n <= n_sources))
