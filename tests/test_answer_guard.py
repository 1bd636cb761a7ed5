"""The guard on what the model says, on planted answers: invented contact details replaced and
counted, emergency instructions pointed at the configured number, a red-flagged answer cut where it
says to wait at home; doses and counts untouched; streaming gives what the whole text gives."""

from __future__ import annotations

import random

import pytest

from bedside.core.answer_guard import GENERAL_CUT, REDFLAG_CUT, REPLACEMENTS, AnswerGuard

NUMBER = "112"


def stream(guard: AnswerGuard, text: str, seed: int = 0) -> str:
    rng, out, i = random.Random(seed), [], 0
    while i < len(text) and not guard.stopped:
        size = rng.randint(1, 6)
        out.append(guard.feed(text[i : i + size]))
        i += size
    out.append(guard.finish())
    return "".join(out)


def test_invented_emergency_number_is_replaced_by_the_configured_one():
    answer = "If it gets worse, call 911 or contact emergency services at 203-876-4546 straight away."
    guard = AnswerGuard(NUMBER)
    shown = stream(guard, answer)
    assert "911" not in shown and "203" not in shown and f"call {NUMBER}" in shown
    assert guard.report.replaced["emergency_number"] == 2


@pytest.mark.parametrize(
    ("answer", "kind", "gone"),
    [
        ("For an appointment ring our clinic on 0161 496 0123 any weekday.", "phone", "0161"),
        ("Write to dr.rao@healthmail.example.com with your reports.", "email", "@"),
        ("Read more at www.bestcures-online.com before you decide.", "url", "bestcures"),
        ("Contact us at [email address] for a consultation.", "placeholder", "[email"),
        ("Regards, Dr. Anil Kumar, consultant physician.", "person", "Anil"),
    ],
)
def test_contact_details_not_in_the_sources_are_replaced_and_counted(answer, kind, gone):
    guard = AnswerGuard(NUMBER)
    shown = stream(guard, answer)
    assert gone not in shown and REPLACEMENTS[kind] in shown
    assert guard.report.replaced[kind] == 1


def test_contact_details_the_sources_show_may_be_repeated():
    source = "Our helpline 0800 123 4567 answers questions about inhalers."
    guard = AnswerGuard(NUMBER, sources=[source])
    assert "0800 123 4567" in stream(guard, "You can call the helpline 0800 123 4567 about it.")
    assert not guard.report.replaced


@pytest.mark.parametrize(
    "answer",
    [
        "Take 500 mg of paracetamol up to 4 times in 24 hours, 4 to 6 hours apart.",
        "Most sprains settle in 2 to 3 weeks; a count of 20000000 per ml is within the normal range.",
        "Since 2019 the advice is 150 minutes of activity a week.",
        "Bell palsy and Graves disease are named after doctors.",
    ],
)
def test_doses_counts_years_and_eponyms_are_untouched(answer):
    guard = AnswerGuard(NUMBER)
    assert stream(guard, answer) == answer and not guard.report.replaced


def test_a_red_flagged_answer_that_says_wait_at_home_is_cut():
    answer = "Hi, thanks for your query. This is usually nothing to worry about. Rest at home and see how it goes."
    guard = AnswerGuard(NUMBER, red_flagged=True)
    shown = stream(guard, answer)
    assert shown.endswith(REDFLAG_CUT) and "Rest at home" not in shown and guard.stopped
    assert guard.report.cut_for_red_flag
    calm = AnswerGuard(NUMBER, red_flagged=False)
    assert stream(calm, answer) == answer  # the same words in an ordinary question are fine
    # After the general advice of a learned flag alone, the cut says what that advice says.
    general = AnswerGuard(NUMBER, red_flagged=True, cut_text=GENERAL_CUT)
    assert stream(general, answer).endswith(GENERAL_CUT) and "emergency" not in GENERAL_CUT


@pytest.mark.parametrize("seed", range(5))
def test_streaming_in_any_chunks_equals_guarding_the_whole_text(seed):
    answer = (
        "Hi, thanks for your query. A sprain usually settles in two weeks. Call 999 if the foot goes cold "
        "or numb. More at www.example-clinic.com or email help@example.org. Keep it raised."
    )
    whole = AnswerGuard(NUMBER).clean(answer)
    assert stream(AnswerGuard(NUMBER), answer, seed) == whole


@pytest.mark.parametrize(
    "answer",
    [
        "It is usually an infection.In most cases antibiotics are needed.",  # a missing space, not a web address
        "Doses of 250 500 1000 mg are made; BP 140 90 is high.",
        "Your results from 12.03.2024 were normal.",
        "Call 999 now and wait until the ambulance arrives.",
    ],
)
def test_review_regressions_left_alone(answer):
    guard = AnswerGuard(NUMBER, red_flagged=True)
    shown = stream(guard, answer)
    assert "a trusted health service" not in shown and REPLACEMENTS["phone"] not in shown
    assert not guard.report.cut_for_red_flag


def test_a_run_on_sentence_is_never_split_inside_a_phone_number():
    answer = "Hi, " + "you can ask about it " * 12 + "on +44 20 7946 0958 or at the clinic " + "during the week " * 6
    for seed in range(8):
        shown = stream(AnswerGuard(NUMBER), answer, seed)
        assert "7946" not in shown and "+44" not in shown and REPLACEMENTS["phone"] in shown


def test_a_loop_stops_at_the_first_repeated_sentence():
    line = "* Make sure she has plenty of sleep and rest if possible\n"
    answer = "Hi, thanks for your query. It is common.\n" + line + "* Keep ice on it\n" + line * 3
    guard = AnswerGuard(NUMBER)
    shown = stream(guard, answer)
    assert shown.count("plenty of sleep") == 1 and guard.stopped and guard.report.loop
    short = "Rest.\nRest.\nDrink water and rest well tonight."  # short lines may repeat
    assert stream(AnswerGuard(NUMBER), short) == short


@pytest.mark.parametrize(
    "reassurance",
    [
        "It is a common condition called conjunctivitis.",
        "Bacterial or viral conjunctivitis usually clears within one to two weeks.",
        "See your doctor soon for any eye problems.",
        "Clean crusts from the eyelids at home with cooled boiled water.",
    ],
)
def test_after_a_red_flag_reassurance_or_delayed_care_cuts_the_answer(reassurance):
    """Read in the chat: after the chemical-in-the-eye advice, every mode called it conjunctivitis."""
    answer = f"Hi, thanks for your query. {reassurance} Take care."
    flagged = AnswerGuard(NUMBER, red_flagged=True)
    shown = stream(flagged, answer)
    assert reassurance not in shown and shown.endswith(REDFLAG_CUT)
    assert stream(AnswerGuard(NUMBER), answer) == answer  # for an ordinary question it stands
    urgent = "Hi, thanks for your query. See a doctor now and keep rinsing the eye."
    assert stream(AnswerGuard(NUMBER, red_flagged=True), urgent) == urgent
