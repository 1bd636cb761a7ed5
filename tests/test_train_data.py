"""Training data builders: same template as inference, answer-only targets, RAFT oracle share,
split by dialogue, and no evaluation text in any training prompt."""

import pytest

from bedside.core.modes import Mode
from bedside.core.prompts import GemmaTemplate, build_prompt
from bedside.index.clean import clean_dialogues
from bedside.index.ingest import ingest
from bedside.index.search import Retriever
from bedside.index.sources import RawDialogue, read_sample
from bedside.index.store import DialogueStore
from bedside.train.data import cite, from_retriever, ft_examples, raft_examples, report, split_by_dialogue

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


def test_raft_oracle_share_citations_and_no_leakage(split, train_retrieve, embedder):
    examples = raft_examples(split.train, train_retrieve, TEMPLATE, k=3, p_oracle=0.8, seed=1)
    stats = report(examples, words)
    assert stats.examples == len(split.train)
    assert 0.72 <= stats.oracle_share <= 0.88
    evaluation = [d.doctor for d in split.validation] + [d.doctor for d in read_sample("heldout")]
    for example, dialogue in zip(examples, split.train, strict=True):
        for text in evaluation:
            assert text not in example.prompt
        if example.oracle_number is None:
            assert dialogue.doctor not in example.prompt  # withheld: only distractors
            assert example.target == dialogue.doctor + "<end_of_turn>"
        else:
            assert f"[{example.oracle_number}] ({dialogue.title}) {dialogue.doctor}" in example.prompt
            assert f"[{example.oracle_number}]" in example.target
        assert example.prompt.count("\n[") == 3  # k sources, numbered
    positions = {e.oracle_number for e in examples if e.oracle_number}
    assert positions == {1, 2, 3}  # the oracle is not always first


def test_raft_prompt_matches_the_hybrid_inference_prompt(split, train_retrieve):
    dialogue = split.train[5]
    [example] = raft_examples([dialogue], train_retrieve, TEMPLATE, k=3, p_oracle=0.0)
    hits = train_retrieve(dialogue.patient, 4)
    hits = [h for h in hits if h.dialogue_id != dialogue.dialogue_id][:3]
    assert example.prompt == build_prompt(Mode.HYBRID, dialogue.patient, hits, [], TEMPLATE, words, 100_000, 10).text


def test_cite_puts_the_number_after_the_first_sentence_of_substance():
    greeting = "Hi, thanks for your query. A sprain of the outer ligaments is likely here. Rest it."
    assert (
        cite(greeting, 2) == "Hi, thanks for your query. A sprain of the outer ligaments is likely here [2]. Rest it."
    )
    assert (
        cite("Rest the ankle for two full days. Drink water.", 1)
        == "Rest the ankle for two full days [1]. Drink water."
    )
    assert cite("Short. Also short.", 3) == "Short. Also short [3]."
    assert cite("No full stop here", 1) == "No full stop here [1]"
