"""Degenerate-answer detectors and the stream guard, on planted answers (pure Python, no model)."""

import random
import time

import pytest

from bedside.core.degenerate import KINDS, StreamGuard, Verdict, detect, in_sentence_citations

# The current prompt's prose (copied, not imported: the detectors must not depend on prompts.py).
SYSTEM = (
    "You are Bedside, a careful and kind doctor answering a patient's written question. Answer in plain words "
    "and a few short paragraphs. Be conservative: do not claim a diagnosis, do not suggest prescription "
    "medicines or doses, and always say when the patient should see a doctor or get emergency help."
)
INTRO = (
    "Answers that doctors gave to similar questions, numbered. Use what fits this patient, cite it with its "
    "number like [1], and ignore the ones that do not fit."
)
INSTRUCTIONS = (SYSTEM, INTRO)
QUESTION = "A mild headache since this morning, what can I do?"
SOURCES = (
    "Hello, I have gone through your query. Headaches on waking are often caused by poor sleep, snoring or "
    "too much caffeine the evening before. Keep regular sleep hours, cut down on coffee after noon and drink "
    "enough water during the day. If the headaches get worse, wake you at night or come with vomiting, see "
    "your doctor for a check-up. Hope this helps you.",
    "Hi, thanks for your query. A mild headache after a stressful day is usually a tension headache. A cool "
    "cloth on the forehead and a short nap in a dark room often ease this kind of headache. Simple painkillers "
    "from the pharmacy can help if taken as directed on the pack. Seek urgent care if the headache is sudden "
    "and severe, or comes with fever and a stiff neck.",
    "Hello. Migraine gives a throbbing pain on one side of the head, often with nausea and a dislike of light "
    "and noise. Keeping a diary of triggers such as missed meals, poor sleep, stress or certain foods helps "
    "you avoid them. Lying down in a dark, quiet room during an attack is useful.",
)
QUOTE = "A cool cloth on the forehead and a short nap in a dark room often ease this kind of headache"  # 20 words
CLEAN = (
    "Hi, thanks for your query. A headache that starts in the morning and stays mild is most often due to "
    "tension, poor sleep, skipped meals or not drinking enough. Drink a large glass of water, eat something "
    f"light and rest for a while. {QUOTE} [2]. Paracetamol from the pharmacy, taken as the leaflet says, "
    "usually helps too [1]. You should see a doctor or get emergency help if the pain is sudden and severe, "
    "or comes with fever, a stiff neck, confusion, weakness or trouble speaking."
)
# What the 270M base model actually wrote: the question, a stray word, the instructions, then the list.
REAL_FAILURE = (
    "Hi, thanks for your query. A mild headache since this morning, what can I do? mendatang You are Bedside, "
    "a careful and kind doctor answering a patient's written question. Answer in plain words and a few short "
    "paragraphs. Answers that doctors gave to similar questions, numbered. Use what fits this patient, cite it "
    "with its number like [1], and ignore the ones that do not fit. [1] (Q. Headache every morning on waking "
    "up) Hello, I have gone through your query."
)


def judge(answer: str, question: str = QUESTION, **kwargs) -> Verdict:
    kwargs.setdefault("instructions", INSTRUCTIONS)
    kwargs.setdefault("sources", SOURCES)
    return detect(answer, question=question, **kwargs)


def kinds(answer: str, **kwargs) -> set[str]:
    return set(judge(answer, **kwargs).kinds)


# ---- clean answers ----------------------------------------------------------------------------


def test_clean_answer_with_a_short_quote_and_citations_is_usable():
    verdict = judge(CLEAN)
    assert verdict.usable, verdict.findings
    assert verdict.kinds == ()
    assert verdict.source_coverage < 0.5  # the quote and one 8-word clause: 28 of source [2]'s 69 words
    assert 0.15 < verdict.copy_ratio < 0.3  # the quote is the longest run, a fifth of the answer


@pytest.mark.parametrize(
    "answer",
    [
        "Here is what usually helps:\n1. Rest in a dark, quiet room.\n2. Drink water.\n3. See a doctor if it gets "
        "worse.",
        "Take paracetamol from the pharmacy, up to the dose per day on the pack, and rest [1].",
        "Your GP is a careful and kind doctor who can check your blood pressure.",  # 5 instruction words
        "Good question: rest helps, and so does water. Tell the patient: stay calm.",
        "A beta blocker (β-blocker) or 10 μg of a vitamin is not for a headache; carcinoma in situ is unrelated.",
        "Dan, your husband, should drive you to the clinic via the main road if the pain is severe.",
        "The pain may come from the para-aortic area, which is rare; rest and see your doctor.",
        "Poor sleep is a common cause, e.g. [1] says so, and Dr. [2] Smith agrees that rest helps.",
    ],
)
def test_ordinary_answers_are_usable(answer):
    verdict = judge(answer)
    assert verdict.usable, verdict.findings


def test_kinds_are_the_declared_ones_without_duplicates():
    verdict = judge(REAL_FAILURE, max_tokens_hit=True)
    assert set(verdict.kinds) <= set(KINDS)
    assert len(verdict.kinds) == len(set(verdict.kinds))
    assert not verdict.usable


# ---- the real failure -------------------------------------------------------------------------


def test_real_failure_is_caught_three_ways():
    verdict = judge(REAL_FAILURE)
    assert {"prompt_leak", "source_dump", "question_echo"} <= set(verdict.kinds)
    assert "empty" not in verdict.kinds and "repetition" not in verdict.kinds
    by_kind = {f.kind: f for f in verdict.findings}
    assert by_kind["prompt_leak"].start == REAL_FAILURE.index("You are Bedside")
    assert by_kind["source_dump"].start == REAL_FAILURE.index("[1] (Q.")
    assert by_kind["question_echo"].start == REAL_FAILURE.index("A mild headache")
    assert "words of the instructions" in by_kind["prompt_leak"].detail


# ---- prompt_leak ------------------------------------------------------------------------------


def test_six_instruction_words_are_a_leak():
    assert "prompt_leak" in kinds("Rest well. Answer in plain words and a few short paragraphs, please.")
    assert "prompt_leak" in kinds("Rest and water help. Ignore the ones that do not fit you.")


def test_shared_advice_is_not_a_leak_but_the_sentence_around_it_is():
    assert kinds("Rest today. You should see a doctor or get emergency help if it gets worse.") == set()
    leak = "Rest today, and always say when the patient should see a doctor or get emergency help."
    assert "prompt_leak" in kinds(leak)


@pytest.mark.parametrize(
    "marker",
    ["\nPatient: thank you, and what about my neck?", "<end_of_turn>", "<start_of_turn>user", "<bos>",
     "\nQ. Can I take ibuprofen too?", "\nQuestion: is it serious?", "\nUser: ok", " Patient: thanks doctor."],
)  # fmt: skip
def test_role_markers_are_a_leak(marker):
    answer = "Rest in a dark room and drink plenty of water." + marker
    verdict = judge(answer, instructions=())
    assert "prompt_leak" in verdict.kinds
    leak = next(f for f in verdict.findings if f.kind == "prompt_leak")
    assert leak.start == answer.index(marker.strip()[:3])


# ---- source_dump ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "dump",
    [
        "Rest and drink water.\n[2] Hi, thanks for your query. A mild headache after a stressful day.",
        "Rest and drink water. [3] Hello. Migraine gives a throbbing pain.",
        "Rest and drink water, and [2] (Q. Tension headache) Hi, thanks for your query.",
        "Rest and drink water. (Q. Tension headache after work) Hi, thanks for your query.",
        "[1] Hello, I have gone through your query. Headaches on waking are often caused by poor sleep.",
    ],
)
def test_the_numbered_list_format_is_a_dump(dump):
    assert "source_dump" in kinds(dump)


def test_most_of_one_source_copied_is_a_dump():
    verdict = judge("Hi, thanks for your query. " + SOURCES[0])
    assert "source_dump" in verdict.kinds
    assert verdict.source_coverage > 0.9


def test_an_answer_that_is_one_long_run_of_a_long_source_is_a_dump():
    long_source = " ".join(SOURCES)  # ~150 words: a 30-word run covers only a fifth of it
    run = " ".join(long_source.split()[20:50])
    verdict = judge(f"Hi, thanks for your query. {run} Take care.", sources=(long_source,))
    assert verdict.source_coverage < 0.5
    assert verdict.copy_ratio >= 0.6
    assert "source_dump" in verdict.kinds


def test_one_quoted_sentence_of_a_short_source_is_not_a_dump():
    short = f"{QUOTE}. Hope this helps."  # the 20-word quote is 83% of this source
    verdict = judge(CLEAN, sources=(short,))
    assert "source_dump" not in verdict.kinds
    assert verdict.source_coverage == 0.0


def test_in_sentence_citations_and_numbered_advice_are_not_a_dump():
    assert kinds("Rest and ice usually help [1]. Drink water [2, 3] and sleep.\n1. Rest\n2. Water") == set()


# ---- question_echo ----------------------------------------------------------------------------


def test_a_copied_question_is_an_echo():
    assert "question_echo" in kinds("Hi, thanks for your query. A mild headache since this morning, what can I")


def test_a_first_sentence_that_restates_the_question_is_an_echo():
    question = "My son has had a fever for two days now, should I worry about it?"
    answer = "My son has a fever for two days now, should I be worried about it? Fever is the body fighting off germs."
    verdict = judge(answer, question=question)
    assert verdict.kinds == ("question_echo",)
    assert "first sentence" in verdict.findings[0].detail


def test_opening_with_the_symptom_is_not_an_echo():
    answer = "A mild headache since this morning is most often due to tension or not drinking enough water today."
    assert "question_echo" not in kinds(answer)


# ---- repetition -------------------------------------------------------------------------------


def test_a_sentence_three_times_is_a_loop():
    verdict = judge("Drink water and rest. " * 3 + "See a doctor if it gets worse.")
    assert verdict.kinds == ("repetition",)
    assert verdict.findings[0].start == len("Drink water and rest. ")


def test_a_repeated_phrase_inside_one_sentence_is_a_loop():
    answer = (
        "You can take rest and water in the morning, you can take rest and water at night, and you can take "
        "rest and water after lunch when the pain comes back"
    )
    assert "repetition" in kinds(answer)


def test_one_token_eight_times_is_a_loop():
    answer = (
        "It is very very very very very very very very important to rest, drink water and sleep well, eat "
        "regular meals, and see a doctor if the headache gets worse or comes with a fever."
    )
    verdict = judge(answer)
    assert verdict.kinds == ("repetition",)
    assert "8 times in a row" in verdict.findings[0].detail
    assert "repetition" in kinds("Rest well and drink water today. - - - - - - - - - -")


def test_advice_said_twice_is_not_a_loop():
    answer = CLEAN + " If you are unsure, see a doctor. A doctor can check your blood pressure and eyes."
    assert judge(answer).usable


# ---- junk -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "junk",
    [
        "Rest and drink water. 头痛 is common in the morning.",
        "Rest and drink water. Отдыхайте и пейте воду.",
        "Rest and drink water. صداع خفيف in the morning.",
        "Rest and drink water. सिरदर्द is common.",
        "Rest and drink water. ปวดหัว is common.",
        "Rest and drink water, the καλημέρα way.",
        "Rest dengan water untuk the headache.",
        "Rest and drink water, para que the pain goes.",
        "Rest and drink water.\n```python\nprint(1)\n```",
        "Rest and drink water, see https://example.com for more.",
        'Rest and drink water. {"advice": "rest"}',
        "Rest and drink water.<unused12><unused12>",
        "Rest and drink water. <div class='answer'>",
        "Rest and drink water.<pad><pad>",
    ],
)
def test_other_scripts_languages_and_markup_are_junk(junk):
    assert "junk" in kinds(junk)


def test_one_stray_foreign_word_is_not_junk():
    assert "junk" not in kinds("Rest mendatang and drink water, then see a doctor if it gets worse.")


def test_junk_points_at_the_stray_text():
    answer = "Rest and drink water. 头痛 is common."
    finding = judge(answer).findings[0]
    assert finding.kind == "junk" and finding.start == answer.index("头")


# ---- empty ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "answer", ["", "   \n", "Hi, thanks for your query.", "Hi, thanks for your query. Please rest.", "Rest."]
)
def test_nothing_said_is_empty(answer):
    assert "empty" in kinds(answer)


def test_five_words_after_the_greeting_are_not_empty():
    assert kinds("Hi, thanks for your query. Please rest and drink water.") == set()


# ---- cut_off ----------------------------------------------------------------------------------


def test_a_length_stop_mid_sentence_is_cut_off():
    answer = "Rest and drink water. If the pain gets worse you should"
    assert judge(answer, max_tokens_hit=True).kinds == ("cut_off",)
    assert judge(answer, stop_reason="length").kinds == ("cut_off",)
    assert judge("Rest and drink water. If the pain gets worse...", max_tokens_hit=True).kinds == ("cut_off",)


@pytest.mark.parametrize(
    "answer",
    ["Rest and drink water, it helps.", "Rest and drink water, it helps [1].", "Rest and drink plenty of water. [1]\n"],
)
def test_a_finished_sentence_is_not_cut_off(answer):
    assert judge(answer, max_tokens_hit=True).usable


def test_only_a_length_stop_can_cut_off():
    answer = "Rest and drink water. If the pain gets worse you should"
    assert judge(answer).usable
    assert judge(answer, stop_reason="echo").usable


# ---- citations --------------------------------------------------------------------------------


def test_citations_count_only_inside_sentences():
    answer = (
        "Rest helps [1]. Ice can help too [7].\n[2] (Q. Headache every morning) Hello, see [3] as well.\n"
        "Drink water. [3] Hello, I have gone through your query."
    )
    assert in_sentence_citations(answer, 3) == ((1,), (7,))


def test_grouped_and_trailing_citations():
    assert in_sentence_citations("Rest and water help [2, 1]. Sleep too [1].", 3) == ((2, 1), ())
    assert in_sentence_citations("Rest helps. [3]\nSleep more.", 3) == ((3,), ())
    assert in_sentence_citations("[2] (Q. Tension headache) Hi, thanks.", 3) == ((), ())
    assert in_sentence_citations("Poor sleep, e.g. [3] says, is common.", 3) == ((3,), ())


# ---- stream guard -----------------------------------------------------------------------------


def stream(text: str, guard: StreamGuard, chunking: str) -> str:
    """Feed `text` the way llama.cpp streams it; return everything the guard emitted."""
    rng = random.Random(7)
    emitted, i = [], 0
    while i < len(text) and not guard.stopped:
        size = 1 if chunking == "chars" else rng.randint(1, 9)
        emitted.append(guard.feed(text[i : i + size]))
        i += size
    emitted.append(guard.finish())
    return "".join(emitted)


def new_guard(**kwargs) -> StreamGuard:
    return StreamGuard(question=QUESTION, instructions=kwargs.pop("instructions", INSTRUCTIONS), sources=SOURCES)


CHUNKINGS = ["chars", "random"]


@pytest.mark.parametrize("chunking", CHUNKINGS)
def test_guard_stops_the_real_failure_before_the_instructions(chunking):
    guard = new_guard()
    shown = stream(REAL_FAILURE, guard, chunking)
    assert guard.stopped and guard.reason == "echo"
    assert guard.finding is not None and guard.finding.kind == "prompt_leak"
    assert shown == REAL_FAILURE[: REAL_FAILURE.index("You are Bedside")]
    assert guard.feed("more text. ") == "" and guard.finish() == ""


@pytest.mark.parametrize("chunking", CHUNKINGS)
@pytest.mark.parametrize(
    ("text", "span", "kind"),
    [
        ("Hi, thanks for your query. Rest and drink water.\n[2] (Q. Headache every morning on waking up) Hello, I "
         "have gone through your query.", "[2]", "source_dump"),
        ("Rest and drink water, it helps mendatang [3] (Q. Migraine) Hello. Migraine gives a throbbing pain.",
         "[3]", "source_dump"),
        ("Rest and drink water.\n[1] Hello, I have gone through your query and I think", "[1]", "source_dump"),
        ("Drink water and rest. Take care.\nPatient: Thank you doctor, and what about my neck?", "Patient:",
         "prompt_leak"),
        ("Drink water and rest. Take care.<start_of_turn>user\nThank you doctor.", "<start_of_turn>", "prompt_leak"),
        ("Drink water and rest.\nQ. Can I take ibuprofen with it?", "Q.", "prompt_leak"),
        ("Please rest; then always say when the patient should see a doctor or get emergency help.", "always",
         "prompt_leak"),
    ],
)  # fmt: skip
def test_guard_drops_the_copied_span_and_keeps_what_came_before(text, span, kind, chunking):
    guard = new_guard()
    shown = stream(text, guard, chunking)
    assert guard.stopped and guard.finding is not None and guard.finding.kind == kind
    assert shown == text[: text.index(span)]
    assert guard.finding.start == text.index(span)


@pytest.mark.parametrize("chunking", CHUNKINGS)
def test_guard_holds_a_run_longer_than_its_window(chunking):
    # 7 shared-advice words then 6 more: the leak is only certain 13 words in, past the 8 held words.
    instructions = ("If it is serious, see a doctor or get emergency help straight away without any delay at all.",)
    text = "Rest first. You should see a doctor or get emergency help straight away without any delay at all, ok?"
    guard = new_guard(instructions=instructions)
    assert stream(text, guard, chunking) == text[: text.index("see a doctor")]
    assert guard.stopped


def test_guard_catches_a_leak_that_ends_the_stream():
    text = "Rest well. You are Bedside, a careful and"
    guard = new_guard()
    assert "".join(guard.feed(c) for c in text) + guard.finish() == "Rest well. "
    assert guard.stopped


@pytest.mark.parametrize("chunking", CHUNKINGS)
def test_guard_passes_a_clean_answer_through_exactly(chunking):
    text = CLEAN + "\n\nWhat helps:\n1. Rest [1].\n2. Water.\nTake care, and don't worry\u2019s"
    guard = new_guard()
    assert stream(text, guard, chunking) == text
    assert not guard.stopped and guard.finding is None and guard.reason == ""


def test_guard_holds_back_only_a_few_words():
    guard = new_guard()
    shown = guard.feed(CLEAN)
    assert CLEAN.startswith(shown)
    assert len(CLEAN[len(shown) :].split()) <= 9
    assert shown + guard.finish() == CLEAN


def test_guard_is_cheap_per_token():
    text = ("Rest in a quiet room, drink water and eat something light, which usually helps [1]. " * 30)[:2400]
    guard = new_guard()
    began = time.perf_counter()
    shown = "".join(guard.feed(text[i : i + 3]) for i in range(0, len(text), 3)) + guard.finish()
    assert shown == text
    assert time.perf_counter() - began < 1.0  # ~20 ms here; generation makes a token every ~12 ms
