"""Training examples for the FT and hybrid (RAFT) adapters, built with the inference prompt module.

FT: patient question -> doctor answer, in the chat format the engine uses; loss on the answer only.
RAFT (hybrid): question + k retrieved doctor answers. With probability `p_oracle` the question's
own answer (the oracle) is among them, at a random position; otherwise all k are distractors. The
target is the doctor's answer, citing the oracle as [n] when it is present.

Leakage rule. The split is by dialogue, never by example. Retrieval for training runs over the
*training* split only, so neither a validation answer nor a held-out answer can ever appear in a
training prompt; held-out dialogues are excluded from training by source, not by chance. Within
the training split, another training question's answer may be a distractor: the model sees that
text as context and is also trained to produce it, which teaches it nothing about evaluation data.
A question's own answer is removed from its distractors (it is the oracle or it is withheld).
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bedside.core.modes import Mode
from bedside.core.prompts import ChatTemplate, training_pair
from bedside.index.clean import CleanDialogue


@dataclass(frozen=True)
class Example:
    dialogue_id: str
    mode: Mode
    prompt: str  # everything the model is conditioned on (no loss)
    target: str  # what the loss is computed on: the doctor's answer + end of turn
    oracle_number: int | None  # [n] of the own answer in a RAFT prompt, None when absent or FT


@dataclass(frozen=True)
class Split:
    train: list[CleanDialogue]
    validation: list[CleanDialogue]


def split_by_dialogue(dialogues: Sequence[CleanDialogue], validation_share: float = 0.1) -> Split:
    """Deterministic by content: a dialogue lands on the same side in every run and on every machine."""

    def bucket(dialogue: CleanDialogue) -> float:
        return int(hashlib.sha256(dialogue.dialogue_id.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF

    train = [d for d in dialogues if bucket(d) >= validation_share]
    validation = [d for d in dialogues if bucket(d) < validation_share]
    return Split(train, validation)


def ft_examples(dialogues: Sequence[CleanDialogue], template: ChatTemplate) -> list[Example]:
    out = []
    for dialogue in dialogues:
        prompt, target = training_pair(Mode.FT, dialogue.patient, (), dialogue.doctor, template)
        out.append(Example(dialogue.dialogue_id, Mode.FT, prompt, target, None))
    return out


@dataclass(frozen=True)
class Context:
    """A retrieved dialogue as the prompt shows it (the patient's question and the doctor's answer)."""

    dialogue_id: str
    title: str
    doctor: str
    patient: str = ""


# Given a question, the k best training-split answers: (dialogue_id, title, doctor) triples.
Retrieve = Callable[[str, int], Sequence[Context]]


MIN_CITED_WORDS = 6  # shorter opening sentences are greetings ("Hi, thanks for your query.")


def cite(answer: str, number: int) -> str:
    """The target for an oracle example: the answer with its source cited after its first sentence of
    substance. A greeting is skipped: at inference the answer primer (the corpus's greeting) is already
    in the prompt, full stop included, so a citation placed after it could never be generated.
    `bedside eval` found this: the first RAFT adapter, trained with "[n]" after the greeting, never cited."""
    parts = answer.split(". ")
    for i, sentence in enumerate(parts[:-1]):
        if len(sentence.split()) >= MIN_CITED_WORDS:
            parts[i] = f"{sentence} [{number}]"
            return ". ".join(parts)
    return f"{answer.rstrip('.')} [{number}]." if answer.endswith(".") else f"{answer} [{number}]"


def raft_examples(
    dialogues: Sequence[CleanDialogue],
    retrieve: Retrieve,
    template: ChatTemplate,
    *,
    k: int = 3,
    p_oracle: float = 0.8,
    seed: int = 0,
    count_tokens: Callable[[str], int] | None = None,
    hit_tokens: int = 0,
) -> list[Example]:
    """`count_tokens` and `hit_tokens`: the inference cap on each retrieved answer (rag_answer_tokens),
    applied here too, so the adapter trains on prompts shaped exactly as it will meet them."""
    rng = random.Random(seed)
    out = []
    for dialogue in dialogues:
        own = Context(dialogue.dialogue_id, dialogue.title, dialogue.doctor, dialogue.patient)
        # One spare, because the own answer is usually the best hit and is never a distractor.
        distractors = [c for c in retrieve(dialogue.patient, k + 1) if c.dialogue_id != dialogue.dialogue_id][:k]
        if rng.random() < p_oracle:
            contexts = distractors[: k - 1]
            position = rng.randrange(len(contexts) + 1)
            contexts.insert(position, own)
            number, answer = position + 1, cite(dialogue.doctor, position + 1)
        else:
            contexts, number, answer = distractors, None, dialogue.doctor
        prompt, target = training_pair(
            Mode.HYBRID, dialogue.patient, contexts, answer, template, count_tokens, hit_tokens
        )
        out.append(Example(dialogue.dialogue_id, Mode.HYBRID, prompt, target, number))
    return out


@dataclass(frozen=True)
class DataReport:
    examples: int
    dialogues: int
    oracle_share: float
    prompt_tokens_mean: float
    target_tokens_mean: float
    longest: int


def oracle_share(examples: Sequence[Example]) -> float | None:
    """Share of RAFT examples whose prompt holds the question's own answer; None without RAFT examples."""
    raft = [e for e in examples if e.mode == Mode.HYBRID]
    return sum(e.oracle_number is not None for e in raft) / len(raft) if raft else None


def report(examples: Sequence[Example], count_tokens: Callable[[str], int]) -> DataReport:
    prompts = [count_tokens(e.prompt) for e in examples]
    targets = [count_tokens(e.target) for e in examples]
    share = oracle_share(examples) or 0.0
    total = [p + t for p, t in zip(prompts, targets, strict=True)]
    return DataReport(
        len(examples),
        len({e.dialogue_id for e in examples}),
        share,
        sum(prompts) / max(1, len(prompts)),
        sum(targets) / max(1, len(targets)),
        max(total, default=0),
    )


def from_retriever(retriever, kind: str = "hybrid") -> Retrieve:
    """Adapt an index retriever (over the training split only) to the builder's Retrieve."""

    def retrieve(question: str, k: int) -> list[Context]:
        return [Context(h.dialogue_id, h.title, h.doctor, h.patient) for h in retriever.search(question, k, kind)]

    return retrieve
