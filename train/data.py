"""Training examples for the FT and hybrid (RAFT) adapters, built with the inference prompt module.

FT: patient question -> doctor answer, in the chat format the engine uses; loss on the answer only.
RAFT (hybrid): question + k doctor answers from *other* dialogues, as at inference, where the
question's own answer is never in the index. With probability `p_oracle` they are the question's
retrieved neighbours; otherwise k random distractors. The target is the question's own doctor
answer, citing [n] inside the sentence that source n supports best (shared content words), when
one supports it well enough.

Why not the classic RAFT oracle (the question's own answer among the sources)? Then the target is a
copy of a source, and the first hybrid adapter learned exactly that: 21% of its answers were source
dumps by `bedside eval`'s detector. Here no target may be a source dump of its own prompt (by the
same detector): a neighbour the target would dump is skipped for the next one.

Leakage rule. The split is by dialogue, never by example. Retrieval for training runs over the
*training* split only, so neither a validation answer nor a held-out answer can ever appear in a
training prompt; held-out dialogues are excluded from training by source, not by chance.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bedside.core.degenerate import dumps_source, in_sentence_citations
from bedside.core.modes import Mode
from bedside.core.prompts import ChatTemplate, capped_hits, training_pair
from bedside.index.clean import CleanDialogue


@dataclass(frozen=True)
class Example:
    dialogue_id: str
    mode: Mode
    prompt: str  # everything the model is conditioned on (no loss)
    target: str  # what the loss is computed on: the doctor's answer + end of turn
    cited_number: int | None  # the [n] a RAFT target cites; None when it cites nothing, or FT
    context_ids: tuple[str, ...] = ()  # the dialogues whose answers the prompt shows, [1]..[k]


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


MIN_CITED_WORDS = 6  # shorter sentences are greetings ("Hi, thanks for your query.") or sign-offs
# A source supports a sentence when it holds this share of the sentence's content words (and at
# least CITE_MIN_SHARED of them). Measured on the shipped corpus with sources capped as at inference:
# a retrieved neighbour supports some sentence of the answer for 58% of questions, k random answers
# for 5% (the proxy for a citation without real support; 0.3 gave 71% and 10%, 0.25 83% and 19%).
CITE_SUPPORT = 0.4
CITE_MIN_SHARED = 2
MIN_CONTENT_WORDS = 3
SPARE_HITS = 3  # retrieved beyond k: the own answer and sources the target would dump are skipped
# Words every answer uses: sharing them says nothing about support.
_GENERIC = """this that with have from your they them there their what when which will would could should
    about into over also more most some such than then these those very just been being were does
    doing done only other after before while where here each much many because however please hello
    thanks thank query regards hope help helps helpful doctor consult consultation take care well like
    know dear good best time days weeks months year years need needs advice suggest kindly further feel
    free contact medical treatment problem"""
GENERIC_WORDS = frozenset(_GENERIC.split())
_WORD = re.compile(r"[a-z]+")
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
ABBREVIATIONS = frozenset({"dr", "mr", "mrs", "ms", "e.g", "i.e", "vs", "etc", "approx", "no", "st"})


def content_words(text: str) -> set[str]:
    """Lower-cased words of 4+ letters that are not GENERIC_WORDS, a plural "s" removed."""
    found = (w for w in _WORD.findall(text.lower()) if len(w) >= 4 and w not in GENERIC_WORDS)
    return {w[:-1] if w.endswith("s") and len(w) > 4 else w for w in found}


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; `end` is the offset of its closing mark (or the text's end)."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        before = text[start : m.start()].split()
        if before and (before[-1].lower().rstrip(".") in ABBREVIATIONS or before[-1].isdigit()):
            continue  # "Dr. Smith", "e.g. 400 mg", a list's "1." do not end a sentence
        spans.append((start, m.start()))
        start = m.end()
        while start < len(text) and text[start].isspace():
            start += 1
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


@dataclass(frozen=True)
class Support:
    sentence: int  # index into sentence_spans(answer)
    source: int  # 0-based position among the sources
    score: float  # share of the sentence's content words found in the source


def best_support(answer: str, sources: Sequence[str]) -> Support | None:
    """The (sentence, source) pair with the most shared content, if it reaches CITE_SUPPORT."""
    source_words = [content_words(s) for s in sources]
    best: Support | None = None
    for i, (start, end) in enumerate(sentence_spans(answer)):
        sentence = answer[start:end]
        words = content_words(sentence)
        if len(sentence.split()) < MIN_CITED_WORDS or len(words) < MIN_CONTENT_WORDS:
            continue
        for n, known in enumerate(source_words):
            shared = len(words & known)
            score = shared / len(words)
            if shared >= CITE_MIN_SHARED and score >= CITE_SUPPORT and (best is None or score > best.score):
                best = Support(i, n, score)
    return best


def cite(answer: str, sentence: int, number: int) -> str:
    """The answer with "[number]" inside the given sentence, before its closing marks:
    "… tension headache [2]. Rest it.", "… a strain [1]..." An answer's last sentence without a mark
    gets it at its end."""
    _, end = sentence_spans(answer)[sentence]
    head = answer[:end].rstrip().rstrip(".!?…").rstrip()
    return f"{head} [{number}]{answer[len(head) :]}"


def cited_well(answer: str, sources: Sequence[str], number: int) -> bool:
    """What the eval will see in this target: exactly the one in-sentence citation, and no dump."""
    return in_sentence_citations(answer, len(sources)) == ((number,), ()) and not dumps_source(answer, sources)


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
    distractors: Sequence[CleanDialogue] | None = None,
) -> list[Example]:
    """`count_tokens` and `hit_tokens`: the inference cap on each retrieved answer (rag_answer_tokens),
    applied here too, so the adapter trains on prompts shaped exactly as it will meet them, and cites
    what it was shown. `distractors`: where random answers come from (default `dialogues`); the
    validation examples take them from the training split, like their retrieval."""
    rng = random.Random(seed)
    pool = [Context(d.dialogue_id, d.title, d.doctor, d.patient) for d in (distractors or dialogues)]
    out = []
    for dialogue in dialogues:
        if rng.random() < p_oracle:
            candidates = list(retrieve(dialogue.patient, k + SPARE_HITS))
        else:
            candidates = rng.sample(pool, min(len(pool), k + SPARE_HITS))
        contexts, shown = [], []
        for context in candidates:
            if context.dialogue_id == dialogue.dialogue_id or len(contexts) == k:
                continue
            [capped] = capped_hits([context], hit_tokens, count_tokens)
            if not dumps_source(dialogue.doctor, [capped.doctor]):
                contexts.append(context)
                shown.append(capped.doctor)
        support = best_support(dialogue.doctor, shown)
        number, answer = None, dialogue.doctor
        if support is not None:
            cited = cite(dialogue.doctor, support.sentence, support.source + 1)
            if cited_well(cited, shown, support.source + 1):  # else an odd sentence: no citation at all
                number, answer = support.source + 1, cited
        prompt, target = training_pair(
            Mode.HYBRID, dialogue.patient, contexts, answer, template, count_tokens, hit_tokens
        )
        ids = tuple(c.dialogue_id for c in contexts)
        out.append(Example(dialogue.dialogue_id, Mode.HYBRID, prompt, target, number, ids))
    return out


@dataclass(frozen=True)
class DataReport:
    examples: int
    dialogues: int
    cited_share: float
    prompt_tokens_mean: float
    target_tokens_mean: float
    longest: int


def cited_share(examples: Sequence[Example]) -> float | None:
    """Share of RAFT examples whose target cites a source; None without RAFT examples."""
    raft = [e for e in examples if e.mode == Mode.HYBRID]
    return sum(e.cited_number is not None for e in raft) / len(raft) if raft else None


def report(examples: Sequence[Example], count_tokens: Callable[[str], int]) -> DataReport:
    prompts = [count_tokens(e.prompt) for e in examples]
    targets = [count_tokens(e.target) for e in examples]
    share = cited_share(examples) or 0.0
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
