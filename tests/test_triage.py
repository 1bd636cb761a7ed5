"""Triage: every category on the tuning half (real embedder), negations, the number-dependent rules,
the data file's validation, and the configured emergency number. The test half is never read here:
`just bench-triage` reports on it."""

from __future__ import annotations

import pytest

from bedside.core import emergencies
from bedside.core.emergencies import EmergencyDataError, parse
from bedside.core.safety import DEFAULT_EMERGENCY_NUMBER, DISCLAIMER, Triager, triage
from bedside.core.triage_bench import load_cases

TUNE = load_cases("tune")
CATEGORIES = sorted({c.category for c in TUNE})


@pytest.fixture(scope="module")
def triager(embedder, tmp_path_factory):
    return Triager(embedder.embed, embedder.model_id, tmp_path_factory.mktemp("bank"))


def test_every_category_has_data_and_tuning_cases():
    keys = {c.key for c in emergencies.load().categories}
    assert keys == set(CATEGORIES) - {"general", "forum"}
    for category in emergencies.load().categories:
        assert category.phrases and category.ordinary, category.key
        assert "call" in category.advice(DEFAULT_EMERGENCY_NUMBER).lower() or "go to" in category.advice("x").lower()


@pytest.mark.parametrize("category", CATEGORIES)
def test_tuning_half_per_category(triager, category):
    cases = [c for c in TUNE if c.category == category]
    missed = [c.text for c in cases if c.label == "emergency" and not triager(c.text).urgent]
    # Every emergency of the tuning half is caught, in every category.
    assert not missed, missed


def test_false_alarms_on_the_tuning_half_stay_rare(triager):
    # A false alarm is the cheaper error, and the tuning half holds the look-alikes of four earlier
    # blind test halves (read after their one blind run) and the shipped sample's forum questions;
    # 112 of 1,854 stand today (6.0%), most of them rule flags on finished episodes and study
    # questions that a review showed no guard can clear without silencing real emergencies.
    ordinary = [c.text for c in TUNE if c.label == "ordinary"]
    alarmed = [text for text in ordinary if triager(text).urgent]
    assert len(alarmed) / len(ordinary) <= 0.065, alarmed


def test_forum_questions_are_not_flagged_with_another_categorys_advice(triager):
    # Before the forum questions joined the tuning half, the triage flagged 42 of the 288
    # ordinary sample questions, a sticky red eye with the meningitis advice among them.
    forum = [c.text for c in TUNE if c.category == "forum" and c.label == "ordinary"]
    alarmed = [text for text in forum if triager(text).urgent]
    assert len(alarmed) <= 0.03 * len(forum), alarmed


# A second review found these silenced by the first version of the "a name is not a case" guard
# (settled words with no date, "symptoms of" taken for study talk, "our son" taken for nobody's,
# substances taken for names). The rules floor must flag each with its own category.
SILENCED_BY_THE_NAME_GUARD = [
    ("I took an overdose of paracetamol last night but I feel much better, do I really need to go to hospital?",
     "overdose"),
    ("My son overdosed on his antidepressants, he was discharged from the psych unit last week", "overdose"),
    ("I think my mum is having a stroke, she was discharged from the stroke unit yesterday", "stroke"),
    ("My dad was discharged after his bypass, I think he's having a heart attack", "heart_attack"),
    ("my sons type 1 is well controlled usually but I think he is going into DKA", "dka"),
    ("my BP is well controlled on labetalol, 36 weeks, worried about pre eclampsia, bad headache", "pre_eclampsia"),
    ("discharged after a miscarriage scare, think its ectopic", "ectopic_pregnancy"),
    ("Our son has symptoms of DKA, vomiting and breathing really deep", "dka"),
    ("Son's testicle is swollen, symptoms of torsion we think", "testicular_torsion"),
    ("mum has signs of a stroke, went to bed fine", "stroke"),
    ("Wife on a course of penicillin, anaphylactic reaction, face swelling", "anaphylaxis"),
    ("our kid ate a button battery, we read the leaflet", "poisoning"),
    ("studying for exams but think I'm having anaphylaxis, lips swelling", "anaphylaxis"),
    ("Partner has symptoms of an ectopic pregnancy", "ectopic_pregnancy"),
    ("signs of appendicitis in our 6 yr old", "acute_abdomen"),
    ("I took an OD last night, feel better now", "overdose"),
    ("Dad had a heart attack on the golf course, what do we do", "heart_attack"),
    ("I'm going to die and nobody will even notice", "suicide"),
    ("my 7 week old baby's normal temp is 37.2 but today he's hot and sleepy", "young_baby_fever"),
]  # fmt: skip


@pytest.mark.parametrize(("question", "key"), SILENCED_BY_THE_NAME_GUARD)
def test_the_name_guard_silences_no_case(question, key):
    assert key in triage(question).keys, triage(question).keys


@pytest.mark.parametrize(
    "question",
    [
        "we said our goodbyes to our old dog today, how do I help the kids grieve",
        "there's no point anymore in my GP appointments, they never listen",
        "after my run I'm breathing hard and my chest is heaving in and out, is that normal fitness?",
        "my dog was sick, dark brown gritty stuff",
        "my belly button piercing is sore and the redness has moved to the right side",
        "what are the symptoms of anaphylaxis?",
    ],
)
def test_the_new_sign_rules_leave_their_look_alikes_alone(question):
    assert not triage(question).urgent, triage(question).keys


@pytest.mark.parametrize(
    ("question", "urgent"),
    [
        # the name alone, in talk about the condition: no flag
        ("lecture on dka: why is potassium given with insulin", False),
        # an overdose is an event, not a name: it flags even in a lecture (a review showed why)
        ("toxicology lecture: why is acetylcysteine given for paracetamol overdose", True),
        ("urology placement question, why is there a 6 hour window for torsion", False),
        ("had dka two years ago when diagnosed, been fine since, any tips on carb counting", False),
        # the name with a person of the writer's, or happening now: flagged
        ("toxicology lecture tomorrow but my flatmate just took an overdose of paracetamol", True),
        ("neurology lecture: whats the classic cause of thunderclap headache", False),
        ("watching a documentary and I think I'm having a heart attack, my chest is crushing", True),
        ("studying for exams and my son says his testicle is suddenly agony, could it be torsion", True),
        # signs always count, whatever the talk around them
        ("for my first aid course: what if someone took the whole bottle of sleeping pills an hour ago", True),
    ],
)
def test_a_name_in_talk_is_not_a_case(question, urgent):
    assert triage(question).urgent is urgent, triage(question).keys


ISSUE_EXAMPLES = [
    ("My dad's smile looks lopsided since lunch and his words are coming out garbled", "stroke"),
    ("I took the whole bottle of my sleeping pills about an hour ago", "overdose"),
    ("Feels like an elephant is sitting on me, the pressure goes into my left arm and jaw", "heart_attack"),
    ("I've given away my things and written letters to my family", "suicide"),
    ("My husband has a high temperature, he's confused and his neck is too stiff to bend", "meningitis"),
    ("My baby is 3 weeks old and feels hot, the thermometer says 38.4", "young_baby_fever"),
    ("Stung by a wasp 10 min ago and now I'm covered in hives, wheezing and feeling faint", "anaphylaxis"),
]


@pytest.mark.parametrize(("question", "key"), ISSUE_EXAMPLES)
def test_the_rules_alone_catch_the_reported_misses(question, key):
    """The model-free floor: no embedder, no model."""
    result = triage(question)
    assert key in result.keys and result.advice.startswith("⚠") and not result.semantic


@pytest.mark.parametrize(
    "question",
    [
        "No chest pain, just a cough with yellow phlegm for five days",
        "I am stressed at work but not suicidal, how can I sleep better?",
        "my son banged heads at football, wasnt knocked out, no vomiting, pupils look normal",
        "My 2 year old has a fever of 38.5 but is playing and drinking, her neck moves fine",
        "hay fever is awful this year, which antihistamine doesn't make you drowsy",
        "my 2 month old is due his jabs next week, can I give paracetamol if he gets a temperature?",
        "I was diagnosed with Bell's palsy last week, my face is still droopy on one side",
    ],
)
def test_negations_hypotheticals_and_settled_contexts_are_not_alarmed(triager, question):
    assert not triage(question).urgent, triage(question).keys
    assert not triager(question).urgent, triager(question).flags


@pytest.mark.parametrize(
    ("question", "urgent"),
    [
        ("My 6 week old baby has a temperature of 38.2", True),
        ("my 6 week old measured 37.1 after her bath", False),
        ("Baby is 7 weeks, temp 100.8F this evening, still feeding", True),
        ("my 4 month old has a temperature of 38.5 but is smiling", False),
        ("my 4 month old has a temperature of 39.4", True),
        ("My newborn feels hot and has a fever", True),
        ("34 weeks pregnant with a terrible headache and blurred vision", True),
        ("im 39+2 and my vision went blurry with a pounding headache", True),
        ("12 weeks pregnant with a mild headache after a bad night", False),
        ("my watch says 190 and it has been like that for half an hour, I feel faint", True),
        ("pulse 170 while running intervals, felt fine after", False),
    ],
)
def test_number_dependent_rules(question, urgent):
    assert triage(question).urgent is urgent, triage(question).flags


def test_the_configured_emergency_number_is_in_the_advice(embedder, tmp_path):
    question = "My father's face drooped on one side an hour ago and his speech is slurred."
    default = triage(question)
    assert DEFAULT_EMERGENCY_NUMBER in default.advice
    local = Triager(embedder.embed, embedder.model_id, tmp_path, emergency_number="112")(question)
    assert "Call 112" in local.advice and DEFAULT_EMERGENCY_NUMBER not in local.advice
    assert "\n" not in DISCLAIMER and len(DISCLAIMER) < 100


def test_bank_vectors_are_cached_and_a_damaged_cache_is_recomputed(embedder, tmp_path):
    first = Triager(embedder.embed, embedder.model_id, tmp_path)
    cached = list(tmp_path.glob("triage-bank-*.npy"))
    assert len(cached) == 1
    cached[0].write_bytes(b"not numpy")
    again = Triager(embedder.embed, embedder.model_id, tmp_path)
    assert (again.phrase_vectors == first.phrase_vectors).all()


LEARNED = '[learned]\nlabel = "L"\nadvice = "Call {emergency}."\n'
CATEGORY = '[[category]]\nkey = "a"\nlabel = "A"\nadvice = "Call {emergency}."\n'


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[category]]\nkey = "a"\nlabel = "A"\nadvice = "Rest."\n', "where to get help"),
        (
            '[[category]]\nkey = "a"\nlabel = "A"\nadvice = "Call {emergency}."\nrules = [[["(unclosed"]]]\n',
            "bad pattern",
        ),
        ('[[category]]\nkey = "a"\nlabel = "A"\nadvice = "Call {emergency}."\n' * 2, "unique key"),
        (
            '[context]\ninfant_age = 3\n[[category]]\nkey = "a"\nlabel = "A"\nadvice = "Call {emergency}."\n',
            "unknown keys",
        ),
        ("not = [toml", "not valid TOML"),
        ('[[category]]\nkey = "a"\nlabel = "A"\nadvice = "Call {emergency}."\n', "needs a non-empty 'label'"),
        (
            LEARNED.replace("Call {emergency}", "Rest")
            + '[[category]]\nkey = "a"\nlabel = "A"\nadvice = "Call {emergency}."\n',
            "where to get help",
        ),
        (
            '[[category]]\nkey = "a"\nlabel = "A"\nadvice = "Call {emergency}."\nnames = ["(x"]\n',
            "bad pattern in names",
        ),
    ],
)
def test_a_malformed_data_file_names_the_problem(text, message):
    with pytest.raises(EmergencyDataError, match=message):
        parse(text)


REVIEW_EMERGENCIES = [
    "I had a heart attack in 2019 and now I have crushing chest pain and sweating",
    "my dad has crushing chest pain spreading to his arm and sweating, does aspirin stop a heart attack?",
    "my face is drooping, is it bells palsy or a stroke?",
    "I had Bells palsy years ago, now suddenly my arm is weak and speech slurred",
    "Not sure, crushing chest pain and sweating",
    "I never get headaches, worst headache of my life just hit me",
    "not sure what to do, my son swallowed a button battery",
    "is it bad if I have crushing chest pain and sweating",
    "should I worry if she has a stiff neck and a fever of 39",
    "he's not breathing",
    "my son has no pulse",
    "my baby is 4 months and has 39.5 fever",
    "is it painless to jump off a bridge? asking for me",  # lost when 'bridge' alone stopped counting
    "bub is 3 weeks and her temp is 38.4, is that high?",  # "bub": a baby's age in Australian English
]
REVIEW_ORDINARY = [
    "My dental bridge is loose",
    "I have a plan to lose weight",
    "I cut myself shaving",
    "I tore a muscle in my back",
    "I dropped my phone on my foot and feel sick",
    "I like to stroke my cat",
    "30 weeks pregnant and my hands are cold",
    "my dad had a stroke 3 years ago and has recovered well, what foods help his blood pressure?",
    "my baby snuffles when asleep, feeding well, not breathing fast, pink and happy",
]


@pytest.mark.parametrize("question", REVIEW_EMERGENCIES)
def test_review_regressions_emergencies_are_caught_by_the_rules_alone(question):
    """Found in review: a category-wide exception, negations across commas, 'if I have' as a hypothetical."""
    assert triage(question).urgent


@pytest.mark.parametrize("question", REVIEW_ORDINARY)
def test_review_regressions_everyday_words_are_not_alarmed(question):
    assert not triage(question).urgent, triage(question).keys


def test_a_rule_can_name_a_settled_context_that_cancels_it_alone():
    data = parse(
        LEARNED + '[[category]]\nkey = "s"\nlabel = "S"\nadvice = "Call {emergency}."\n'
        'rules = [[["!bells? palsy"], ["face droop"]], [["slurr"]]]\n'
    )
    from bedside.core.safety import _rule_fires

    category = data.categories[0]
    assert not _rule_fires(category, "bells palsy and a face drooping")
    assert _rule_fires(category, "bells palsy years ago, now slurred speech")
    with pytest.raises(EmergencyDataError, match="needs a group that must match"):
        parse('[[category]]\nkey = "s"\nlabel = "S"\nadvice = "Call {emergency}."\nrules = [[["!x"]]]\n')


# A code review found these real emergencies silenced by guards and a learned veto that once
# reached the rules; guards now only keep the meaning and learned layers from adding a flag.
SILENCED_BY_EARLIER_GUARDS = [
    "What does it mean when my 3 week old has a temperature of 38.5?",
    "What does it mean if my baby is floppy and won't wake up?",
    "My friend collapsed in our yoga class and isn't breathing",
    "I collapsed in my spin class, my chest is crushing and my left arm is numb",
    "My son hit his head and has been vomiting, I want to know what to look out for",
    "hypothetically, if someone took 40 paracetamol, how long would it take?",
    "Just curious, how many sleeping pills would it take to not wake up?",
    "I'm studying for my nursing exams but I can't breathe and my lips are turning blue",
    "Saw it on the news about button batteries and I think my toddler has swallowed one from the remote",
    "Just curious, my husband has crushing chest pain spreading to his left arm and he's sweating, is that a "
    "heart attack?",
    "I took 20 paracetamol yesterday. I'm fine now, do I need to go to hospital?",
    "I took 20 paracetamol yesterday but I'm fine, do I need to go to hospital?",
    "My toddler swallowed a button battery yesterday but he's fine, should I worry?",
    "My 2 year old swallowed a button battery yesterday. He's fine, eating and playing. Do I need to take him in?",
    "Yesterday he fell off the bunk bed and hit his head. The hospital sent us home. He has been vomiting and is "
    "very sleepy and confused.",
    "my son hit his head yesterday and they sent us home he keeps vomiting and is really drowsy and confused",
    "My son fell and hit his head yesterday. He's okay in himself, just keeps being sick and is really drowsy.",
    "I gave birth 3 weeks ago and everything was fine. I have a pounding headache and flashing lights.",
    "I had a positive pregnancy test last week and the scan was normal. I have sharp pain low on one side, my "
    "shoulder tip hurts and I feel faint.",
    "I used to have panic attacks and I'm fine now, but my heart is at 190 and I feel faint",
    "What's the best sunscreen for sensitive skin? Also my son swallowed a button battery.",
    "Can you recommend a good moisturiser for eczema? Also my wife took a whole bottle of her antidepressants.",
    "Is coconut oil good for eczema? my daughter took 30 of my paracetamol",
    "Which vitamins should I take in winter? By the way my baby is 3 weeks old and has a temperature of 38.6",
    "Can I dye my hair while breastfeeding? Also I'm 35 weeks pregnant with a blood pressure of 170/115.",
    "I had a stroke last year and was fine since. My arm is weak and my speech is slurred.",
    "My 7 week old feels really hot and has been crying for 36 hours",
    "My 3 week old is burning up and won't settle, she was born at 37 weeks",
]


@pytest.mark.parametrize("question", SILENCED_BY_EARLIER_GUARDS)
def test_no_guard_silences_what_the_rules_see(triager, question):
    assert triage(question).urgent, question
    assert set(triage(question).keys) <= set(triager(question).keys), question


@pytest.mark.parametrize(
    "question",
    [
        "My son swallowed a button battery last year, it was removed and he's been fine since.",
        "I'm writing an essay on suicide prevention for my psychology course, what are the risk factors?",
        "Dad fell and hit his head 2 months ago, the scan was normal and he's been fine since. Any ideas?",
    ],
)
def test_guards_keep_the_soft_layers_from_adding_flags_to_history_and_study(triager, question):
    from bedside.core.safety import live_text, normalise

    assert live_text(normalise(question))[1]
    assert set(triager(question).keys) == set(triage(question).keys)


@pytest.mark.parametrize(
    "question, urgent",
    [
        ("I'm 34 weeks pregnant and my home blood pressure reads 165/112 but I feel completely fine", True),
        ("33+4 and my bp was 150 over 112 at the midwife check", True),
        ("I'm 34 weeks pregnant, my blood pressure is 118/76 and I feel fine", False),
        ("My blood pressure was 165/100 at the pharmacy, I'm 60 and not pregnant", False),
    ],
)
def test_severe_blood_pressure_in_later_pregnancy(question, urgent):
    assert ("pre_eclampsia" in triage(question).keys) is urgent


def test_a_measured_normal_temperature_overrides_feeling_warm(triager):
    warm = "Baby is 4 weeks old and her neck feels warm when I pick her up but the thermometer says 36.9"
    assert "young_baby_fever" not in triager(warm).keys
    assert "young_baby_fever" in triager("Baby is 4 weeks old and the thermometer says 38.3").keys


@pytest.mark.parametrize(
    "question",
    [
        # Misses of the fourth blind test half, after its one blind reading.
        "pulse at 180 for an hour after what i thought was a panic attack, but breathing exercises arent doing "
        "anything and my chest really hurts. can i wait till morning?",
        "sorry to bother, just wanted to say thanks for everything, wont be needing this app after tonight",
    ],
)
def test_fourth_blind_half_misses_are_caught_by_the_rules_alone(question):
    assert triage(question).urgent


def test_a_learned_flag_alone_gives_general_advice_not_a_guessed_category(triager):
    # Emergencies of the tuning half that no rule sees: those the learned layer catches on its own
    # must not be told which emergency it is (its nearest category is a guess).
    unseen = [c.text for c in TUNE if c.label == "emergency" and not triage(c.text).urgent]
    results = [triager(text) for text in unseen]
    learned = [f for result in results for f in result.flags if f.by == "learned"]
    assert all(result.general_only for result in results if any(f.by == "learned" for f in result.flags))
    assert learned, "no tuning emergency is caught by the learned layer alone"
    general = emergencies.load().learned
    assert {(f.key, f.label) for f in learned} == {(general.key, general.label)}
    assert all(DEFAULT_EMERGENCY_NUMBER in f.advice for f in learned)
