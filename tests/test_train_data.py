"""Training data builders: same template as inference, answer-only targets, RAFT citations only where
a source supports them, split by dialogue, and no evaluation text in any training prompt."""

import re

import pytest

from bedside.core.degenerate import dumps_source, in_sentence_citations
from bedside.core.modes import Mode
from bedside.core.prompts import GemmaTemplate, build_prompt
from bedside.index.clean import clean_dialogues
from bedside.index.ingest import ingest
from bedside.index.search import Retriever
from bedside.index.sources import RawDialogue, read_sample
from bedside.index.store import DialogueStore
from bedside.train.data import (
    CITE_SUPPORT,
    SPARE_HITS,
    Support,
    best_support,
    cite,
    cited_well,
    from_retriever,
    ft_examples,
    raft_examples,
    report,
    sentence_spans,
    split_by_dialogue,
)

TEMPLATE = GemmaTemplate()


def words(text):
    return len(text.split())


@pytest.fixture(scope="module")
def split():
    return split_by_dialogue(clean_dialogues(read_sample()))


@pytest.fixture(scope="module")
def train_retrieve(split, embedder, tmp_path_factory):
    """Retrieval over the training split only, through the real index."""
    store = DialogueStore(tmp_path_factory.mktemp("train-index"), "train")
    raw = [RawDialogue(d.title, d.patient, d.doctor, "train") for d in split.train]
    ingest(raw, store, embedder, overlap=48)
    return from_retriever(Retriever(store, embedder))


def test_split_is_by_dialogue_deterministic_and_about_ten_percent(split):
    assert not {d.dialogue_id for d in split.train} & {d.dialogue_id for d in split.validation}
    assert 0.05 < len(split.validation) / (len(split.train) + len(split.validation)) < 0.16
    again = split_by_dialogue(clean_dialogues(read_sample()))
    assert [d.dialogue_id for d in again.validation] == [d.dialogue_id for d in split.validation]


def test_ft_prompt_is_exactly_the_inference_prompt_and_the_target_is_the_answer(split):
    dialogue = split.train[0]
    [example] = ft_examples([dialogue], TEMPLATE)
    inference = build_prompt(Mode.FT, dialogue.patient, [], [], TEMPLATE, words, 100_000, 10)
    assert example.prompt == inference.text
    assert example.target == dialogue.doctor + "<end_of_turn>"
    assert dialogue.doctor not in example.prompt  # loss-free part carries no answer text


def test_raft_never_shows_the_own_answer_never_rewards_a_dump_and_cites_only_support(split, train_retrieve):
    # Sources capped as at inference (rag_answer_tokens 70 is about 52 words).
    cap = {"count_tokens": words, "hit_tokens": 52}
    examples = raft_examples(split.train, train_retrieve, TEMPLATE, k=3, p_oracle=0.8, seed=1, **cap)
    stats = report(examples, words)
    assert stats.examples == len(split.train)
    assert 0.3 <= stats.cited_share <= 0.8  # whole sources would be cited in 84%
    training = {d.dialogue_id for d in split.train}
    for example, dialogue in zip(examples, split.train, strict=True):
        # Only other training dialogues are shown: never an evaluation answer, never the answer to learn.
        assert len(example.context_ids) == 3 and set(example.context_ids) <= training - {dialogue.dialogue_id}
        assert example.prompt.count("\n[") == 3  # k sources, numbered
        sources = re.findall(r"^\[\d\] \(.*?\) (.*)$", example.prompt, re.MULTILINE)
        answer = example.target.removesuffix("<end_of_turn>")
        assert not dumps_source(answer, sources)  # the eval would call this target a dump
        cited, invalid = in_sentence_citations(answer, len(sources))
        assert not invalid
        if example.cited_number is None:
            assert answer == dialogue.doctor
            assert best_support(dialogue.doctor, sources) is None
        else:
            assert cited == (example.cited_number,)
            support = best_support(dialogue.doctor, sources)
            assert support is not None and support.source + 1 == example.cited_number
    assert {e.cited_number for e in examples if e.cited_number} == {1, 2, 3}  # not always the first


def test_raft_prompt_matches_the_hybrid_inference_prompt(split, train_retrieve):
    dialogue = split.train[5]
    [example] = raft_examples([dialogue], train_retrieve, TEMPLATE, k=3, p_oracle=1.0)
    hits = train_retrieve(dialogue.patient, 3 + SPARE_HITS)
    hits = [h for h in hits if h.dialogue_id != dialogue.dialogue_id and not dumps_source(dialogue.doctor, [h.doctor])]
    inference = build_prompt(Mode.HYBRID, dialogue.patient, hits[:3], [], TEMPLATE, words, 100_000, 10)
    assert example.prompt == inference.text


SOURCES = [
    "Hi. Ear pain with fever in a small child is often a middle ear infection that settles in three days.",
    "Hello. Sprained ankles heal faster when you keep walking gently within comfort after the first days.",
]


def test_support_needs_shared_content_not_stock_words():
    answer = (
        "Hi, thanks for your query. Please take care and consult a doctor if it does not help. "
        "A middle ear infection is likely, and it often settles by itself within three days. Rest."
    )
    support = best_support(answer, SOURCES)
    assert support == Support(sentence=2, source=0, score=support.score) and support.score >= CITE_SUPPORT
    # Only stock words shared ("consult", "doctor", "help"...): no support, no citation.
    assert best_support("Hi. Please take care and consult a doctor if this does not help you.", SOURCES) is None
    assert best_support("Rest it.", SOURCES) is None  # too short to cite


def test_citations_never_break_a_sentence_or_land_after_an_abbreviation():
    assert cite("It may be a muscle strain... Rest it.", 0, 2) == "It may be a muscle strain [2]... Rest it."
    assert cite("Is it serious?! Rest it.", 0, 1) == "Is it serious [1]?! Rest it."
    spans = sentence_spans("Ask Dr. Rao about it, e.g. 400 mg ibuprofen. Take these: 1. rest 2. ice. Done.")
    assert len(spans) == 3  # not cut after "Dr." nor "e.g." nor the list's numbers
    assert cited_well(cite("Rest the ankle for two days now. Ice it.", 0, 1), ["x"], 1)
    assert not cited_well("Rest the ankle.. [1].", ["x"], 1)  # a list-like mark: the eval would not count it


def test_validation_distractors_come_from_the_training_split(split, train_retrieve):
    examples = raft_examples(split.validation, train_retrieve, TEMPLATE, p_oracle=0.0, distractors=split.train)
    training = {d.dialogue_id for d in split.train}
    assert all(set(e.context_ids) <= training for e in examples)


def test_cite_puts_the_number_inside_the_supported_sentence():
    answer = "Hi, thanks for your query. A sprain of the outer ligaments is likely here. Rest it."
    assert cite(answer, 1, 2) == answer.replace("likely here.", "likely here [2].")
    assert cite("Rest the ankle for two days! Drink water.", 0, 1) == "Rest the ankle for two days [1]! Drink water."
    assert cite("Short. No full stop here", 1, 3) == "Short. No full stop here [3]"
    cited, invalid = in_sentence_citations(cite(answer, 1, 2), 3)
    assert cited == (2,) and not invalid  # counted as a real in-sentence citation by the eval
