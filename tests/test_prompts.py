"""The one prompt module: templates, numbering, budgeting within n_ctx, citations, training pairs."""

from dataclasses import dataclass

import pytest

from bedside.core.modes import Mode
from bedside.core.prompts import (
    SOURCES_INTRO,
    SYSTEM_PROMPT,
    TRANSCRIPT_HEADER,
    Exchange,
    GemmaTemplate,
    JinjaTemplate,
    PromptTooLong,
    TranscriptTemplate,
    build_prompt,
    choose_template,
    parse_citations,
    prompt_format,
    training_pair,
)


@dataclass
class FakeHit:  # the shape of a search hit; prompts only read title and doctor
    title: str
    doctor: str


def words(text: str) -> int:  # a stand-in tokenizer for pure-logic tests; the engine tests use the real one
    return len(text.split())


HITS = [FakeHit(f"Q. title {i}", f"answer {i} " + "advice " * 120) for i in range(1, 4)]
GEMMA = GemmaTemplate()


def test_gemma_turn_format_with_system_in_first_turn():
    history = [Exchange("first question", "first answer")]
    prompt = build_prompt(Mode.BASE, "second question", [], history, GEMMA, words, 10_000, 100)
    assert prompt.text.startswith(f"<start_of_turn>user\n{SYSTEM_PROMPT}\n\nPatient: first question<end_of_turn>\n")
    assert "<start_of_turn>model\nfirst answer<end_of_turn>\n" in prompt.text
    assert prompt.text.endswith("<start_of_turn>user\nPatient: second question<end_of_turn>\n<start_of_turn>model\n")
    assert prompt.text.count(SYSTEM_PROMPT) == 1 and "<bos>" not in prompt.text


def test_retrieval_modes_number_sources_and_other_modes_ignore_them():
    rag = build_prompt(Mode.RAG, "q", HITS, [], GEMMA, words, 10_000, 100)
    assert [h.title for h in rag.hits] == ["Q. title 1", "Q. title 2", "Q. title 3"]
    assert "[1] (Q. title 1) answer 1" in rag.text and "[3] (Q. title 3) answer 3" in rag.text
    for mode in (Mode.FT, Mode.BASE):
        plain = build_prompt(mode, "q", HITS, [], GEMMA, words, 10_000, 100)
        assert plain.hits == () and "[1]" not in plain.text


def test_budget_drops_lowest_hits_then_truncates_then_history():
    history = [Exchange(f"old question {i} " + "x " * 40, "old answer " + "y " * 40) for i in range(3)]
    full = build_prompt(Mode.RAG, "q", HITS, history, GEMMA, words, 10_000, 100)
    # Shrink the context step by step and watch the order in which things go.
    seen = []
    for n_ctx in range(full.tokens + 100, 150, -10):
        prompt = build_prompt(Mode.RAG, "q", HITS, history, GEMMA, words, n_ctx, 100)
        assert prompt.tokens <= n_ctx - 100
        assert words(prompt.text) == prompt.tokens
        seen.append((len(prompt.hits), prompt.truncated_hits, prompt.dropped_turns))
    first_truncation = next(i for i, s in enumerate(seen) if s[1])
    first_turn_dropped = next(i for i, s in enumerate(seen) if s[2])
    assert all(s[0] <= 1 for s in seen[first_truncation:])  # hits were dropped down to one before truncating
    assert first_truncation < first_turn_dropped  # and history goes only after that
    assert all(s[2] == len(history) for s in seen if s[0] == 0)  # the last hit goes only after all history


def test_question_too_long_for_the_context_is_refused():
    with pytest.raises(PromptTooLong, match="shorten it or raise n_ctx"):
        build_prompt(Mode.RAG, "word " * 500, HITS, [], GEMMA, words, 300, 100)
    with pytest.raises(PromptTooLong, match="leaves no room"):
        build_prompt(Mode.BASE, "q", [], [], GEMMA, words, 100, 100)


@pytest.mark.parametrize(
    ("answer", "n", "valid", "invalid"),
    [
        ("Rest helps [1], fluids too [2].", 3, (1, 2), ()),
        ("As noted [2][1] and again [2].", 3, (2, 1), ()),
        ("See [1, 3] and [2; 4].", 3, (1, 3, 2), (4,)),
        ("Nothing cited here.", 3, (), ()),
        ("Out of range [7] and [0].", 2, (), (7, 0)),
        ("", 0, (), ()),
    ],
)
def test_citation_parsing(answer, n, valid, invalid):
    citations = parse_citations(answer, n)
    assert (citations.valid, citations.invalid) == (valid, invalid)


def test_training_pair_is_the_inference_prompt_plus_target():
    prompt, target = training_pair(Mode.HYBRID, "q", HITS[:2], "The answer [1].", GEMMA)
    assert prompt == build_prompt(Mode.HYBRID, "q", HITS[:2], [], GEMMA, words, 10_000, 100).text
    assert target == "The answer [1].<end_of_turn>"
    ft_prompt, _ = training_pair(Mode.FT, "q", HITS[:2], "x", GEMMA)
    assert "[1]" not in ft_prompt


def test_template_choice_gguf_own_forced_and_errors():
    assert choose_template("auto", None).name == "transcript"  # a base model: no template of its own
    assert choose_template("gemma", None).name == "gemma"
    chatml = (
        "{% for m in messages %}<|im_start|>{{ m['role'] }}\n{{ m['content'] }}<|im_end|>\n{% endfor %}"
        "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
    )
    own = choose_template("auto", chatml, "<|im_end|>")
    assert isinstance(own, JinjaTemplate) and own.stops == ("<|im_end|>",)
    text = own.render([("hi", "hello")], "question")
    assert text.endswith("<|im_start|>user\nquestion<|im_end|>\n<|im_start|>assistant\n")
    assert choose_template("gemma", chatml).name == "gemma"
    with pytest.raises(ValueError, match="has no tokenizer.chat_template"):
        choose_template("gguf", None)
    with pytest.raises(ValueError, match="unknown chat_template"):
        choose_template("llama-2", None)


def test_primer_opens_the_model_turn_and_counts_in_the_budget():
    plain = build_prompt(Mode.BASE, "q", [], [], GEMMA, words, 10_000, 100)
    primed = build_prompt(Mode.BASE, "q", [], [], GEMMA, words, 10_000, 100, primer="Hi, thanks.")
    assert primed.text == plain.text + "Hi, thanks."
    assert primed.tokens == plain.tokens + 2 and primed.primer == "Hi, thanks."  # two more words
    assert primed.text[: primed.stable_chars].endswith(SYSTEM_PROMPT)
    rag = build_prompt(Mode.RAG, "q", HITS, [], GEMMA, words, 10_000, 100)
    assert rag.text[: rag.stable_chars].endswith(SOURCES_INTRO) and "title 1" not in rag.text[: rag.stable_chars]


TRANSCRIPT = TranscriptTemplate()


@dataclass
class DialogueHit(FakeHit):
    patient: str = ""


def test_transcript_shows_retrieved_dialogues_as_numbered_earlier_exchanges():
    hits = [DialogueHit(f"Q. t{i}", f"Doctor text {i}.", f"Patient text {i}?") for i in (1, 2)]
    history = [Exchange("my first question", "the model's own earlier reply")]
    prompt = build_prompt(Mode.RAG, "my question", hits, history, TRANSCRIPT, words, 10_000, 100, "Hi, thanks.")
    assert prompt.text.startswith(TRANSCRIPT_HEADER + "\n\nPatient (question 1): Patient text 1?\n")
    assert "Doctor (answer 2): Doctor text 2." in prompt.text
    assert "Patient: my first question\nDoctor: the model's own earlier reply" in prompt.text
    assert prompt.text.endswith("\n\nPatient: my question\nDoctor: Hi, thanks.")
    # No instructions and no list markers a base model could copy.
    assert SYSTEM_PROMPT not in prompt.text and "[1]" not in prompt.text and "(Q." not in prompt.text
    assert prompt.text[: prompt.stable_chars] == TRANSCRIPT_HEADER
    base = build_prompt(Mode.BASE, "my question", hits, [], TRANSCRIPT, words, 10_000, 100, "Hi, thanks.")
    assert base.text == f"{TRANSCRIPT_HEADER}\n\nPatient: my question\nDoctor: Hi, thanks."


def test_transcript_training_pair_continues_after_doctor_and_ends_at_the_next_turn():
    prompt, target = training_pair(Mode.FT, "q", (), "Hi, thanks for your query. Rest.", TRANSCRIPT)
    assert prompt.endswith("Patient: q\nDoctor:") and target == " Hi, thanks for your query. Rest.\n\nPatient:"
    assert "\nPatient:" in TRANSCRIPT.stops  # generation stops where the training target ends
    assert prompt_format(TRANSCRIPT) == "transcript/2" and prompt_format(GEMMA) == "gemma/2"


def test_capped_sources_end_at_a_sentence_not_with_an_ellipsis_the_model_would_imitate():
    hit = DialogueHit("t", "First sentence here. " * 30 + "tail", "p")
    prompt = build_prompt(Mode.RAG, "q", [hit], [], TRANSCRIPT, words, 10_000, 100, hit_tokens=40)
    assert prompt.hits[0].truncated and prompt.hits[0].doctor.endswith("here.") and "…" not in prompt.text
