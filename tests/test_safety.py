"""Red-flag triage: planted emergencies are caught, ordinary questions are not alarmed."""

import pytest

from bedside.core.safety import DISCLAIMER, RED_FLAGS, triage

PLANTED = [
    ("I have crushing chest pain and I am short of breath", "chest_pain"),
    ("My dad has pain in his chest going down his left arm and he is sweating", "chest_pain"),
    ("Chest tightness and I feel faint, what should I do?", "chest_pain"),
    ("My mother's face is drooping on one side and her speech is slurred", "stroke"),
    ("Suddenly weak on the left side and can't lift my arm", "stroke"),
    ("I cut my hand and it won't stop bleeding", "severe_bleeding"),
    ("I cannot stop the bleeding from a deep cut on my thigh", "severe_bleeding"),
    ("I have been vomiting blood since this morning", "severe_bleeding"),
    ("After eating peanuts my lips are swelling and my throat is closing", "anaphylaxis"),
    ("I think I am having anaphylaxis from a bee sting", "anaphylaxis"),
    ("I want to kill myself", "suicide"),
    ("Lately I feel life is not worth living and everyone would be better off without me", "suicide"),
    ("I have been self-harming again", "suicide"),
    ("My 4 year old has a high fever and a stiff neck", "meningitis"),
    ("Fever and a rash that doesn't fade when I press a glass on it", "meningitis"),
    ("I just had the worst headache of my life, it came on in seconds", "thunderclap_headache"),
    ("My son can't breathe properly and his lips are blue", "breathing"),
    ("My grandfather is unresponsive and won't wake up", "unresponsive"),
    ("My 6 week old baby has a temperature of 38.2", "young_baby_fever"),
    ("My newborn feels hot and has a fever", "young_baby_fever"),
    ("My toddler swallowed some bleach", "overdose"),
    ("I took too many paracetamol tablets an hour ago", "overdose"),
]

ORDINARY = [
    "I have had a dull headache every evening for a week",
    "I get a burning feeling in my chest after big meals, worse lying down",
    "No chest pain, just a cough with yellow phlegm for five days",
    "My neck is stiff after sleeping in an awkward position",
    "My 5 month old has a runny nose and a mild cold",
    "My 2 year old has a fever of 38.5 but is playing and drinking",
    "My gums bleed a little when I brush my teeth",
    "I am stressed at work but not suicidal, how can I sleep better?",
    "What is a normal blood sugar level?",
    "I twisted my ankle playing football and it is swollen",
    "I have acne on my chin before my periods",
    "Is it safe to take ibuprofen for back pain?",
    "My arm is sore after the vaccine yesterday",
    "I feel breathless when I run up the stairs since I gained weight",
    "My lips are dry and cracked in winter",
    "I have had a mild sore throat for two days",
    "How much salt should I eat with high blood pressure?",
    "I get heavy periods with some clots",
    "My child has eczema on his elbows",
    "Can I exercise while pregnant?",
]


@pytest.mark.parametrize(("question", "key"), PLANTED)
def test_planted_emergencies_are_flagged(question, key):
    result = triage(question)
    assert result.urgent
    assert key in {flag.key for flag in result.flags}
    assert result.advice.startswith("⚠")


@pytest.mark.parametrize("question", ORDINARY)
def test_ordinary_questions_are_not_alarmed(question):
    result = triage(question)
    assert not result.urgent, [flag.key for flag in result.flags]
    assert result.advice == ""


def test_every_red_flag_is_covered_by_a_planted_prompt():
    assert {flag.key for flag in RED_FLAGS} == {key for _, key in PLANTED}


def test_advice_names_an_action_and_the_disclaimer_is_one_line():
    for flag in RED_FLAGS:
        assert any(word in flag.advice.lower() for word in ("call", "emergency", "urgently")), flag.key
    assert "\n" not in DISCLAIMER and len(DISCLAIMER) < 100
