"""Cleaning: normalisation, PII scrubbing (precision and recall on planted examples), dedupe."""

import pytest

from bedside.index.clean import scrub_pii

# (text, the PII strings planted in it, kind)
PLANTED = [
    ("Write to me at rahul.verma@gmail.com for reports.", ["rahul.verma@gmail.com"], "email"),
    ("My address is jane_doe+health@mail.example.co.uk thanks", ["jane_doe+health@mail.example.co.uk"], "email"),
    ("Call +91 98765 43210 any time.", ["+91 98765 43210"], "phone"),
    ("My clinic number is (555) 123-4567.", ["(555) 123-4567"], "phone"),
    ("Reach me on 020-7946-0958 after 5.", ["020-7946-0958"], "phone"),
    ("See https://www.example.com/health/page?id=3 for details.", ["https://www.example.com/health/page?id=3"], "url"),
    ("Read www.healthsite.org, it helps.", ["www.healthsite.org"], "url"),
    ("Hi Mr. Smith, thanks for the query.", ["Smith"], "name"),
    ("Hello Priya, your reports are normal.", ["Priya"], "name"),
    ("Dear Mrs Kapoor, I read your history.", ["Kapoor"], "name"),
    ("Take rest and fluids. Regards, Dr. Anil Kumar", ["Anil Kumar"], "name"),
    ("Hope this helps. Best wishes, Sarah Jones.", ["Sarah Jones"], "name"),
    ("Please follow up. Thanks and regards Dr Meena", ["Meena"], "name"),
    ("Good morning Arjun, the scan looks fine.", ["Arjun"], "name"),
]

# Ordinary medical text full of numbers, capitals and greetings that must survive untouched.
CLEAN = [
    "Hi, thanks for your query. Your BP of 140/90 is borderline; recheck in 2-3 weeks.",
    "Hello Doctor, I am 25 and weigh 60 kg. Take 500 mg twice daily for 5-7 days.",
    "Test dated 12.05.2019 showed Hb 12.5 g/dL and platelets 1,50,000 per microlitre.",
    "Hi there, HbA1c was 6.5% in 2021 and 7.1% in 2022; TSH 4.5 mIU/L.",
    "Dear Sir, my father is 72. Take care. Stay hydrated and rest.",
    "Hello, welcome to the forum. Thank you for writing. Hope this helps.",
    "Fasting sugar 110 mg/dl, LDL 3.2 mmol/L, total cholesterol 5.8, pulse 72/min.",
    "Hi, thanks for the query. Please get an MRI of the L4-L5 level and an ECG.",
    "Regards. Take paracetamol 1 g up to 4 times in 24 hours.",
]


def test_pii_recall_on_planted_examples():
    found_kinds = []
    for text, planted, kind in PLANTED:
        scrubbed, counts = scrub_pii(text)
        for secret in planted:
            assert secret not in scrubbed, (text, scrubbed)
        assert counts[kind] >= 1, (text, counts)
        found_kinds.append(kind)
    assert set(found_kinds) == {"email", "phone", "url", "name"}


def test_pii_precision_leaves_medical_text_alone():
    for text in CLEAN:
        scrubbed, counts = scrub_pii(text)
        assert scrubbed == text, (text, scrubbed)
        assert sum(counts.values()) == 0


def test_scrubbing_keeps_the_sentence_around_the_pii():
    scrubbed, _ = scrub_pii("See https://www.example.com/page. Regards, Dr. Anita Rao")
    assert scrubbed == "See [url]. Regards, Dr. [name]"  # the title stays: it says who wrote, not who they are
    scrubbed, _ = scrub_pii("Hi Mr. Smith, call 98765 43210.")
    assert scrubbed == "Hi Mr. [name], call [phone]."


def test_the_kinds_a_forum_leaks_are_found_in_several_countries_formats():
    text = (
        "Hello doctor, my name is Oluwaseun and my daughter Chloe (DOB 03/11/2019) keeps coughing. "
        "Her NHS number is 943 476 5919 and her MRN 00482913. We live at 14 Beechwood Grove, Leeds LS4 2QT, "
        "and my husband Luis was born on 21st October 1966. Cheers, Oluwaseun"
    )
    scrubbed, counts = scrub_pii(text)
    for secret in ("Oluwaseun", "Chloe", "03/11/2019", "943 476 5919", "00482913", "Beechwood", "LS4", "Luis", "1966"):
        assert secret not in scrubbed, scrubbed
    assert {"name", "dob", "record", "address"} <= set(counts)
    assert "[name]Connor" not in scrub_pii("Hi Connor, sorry to hear that.")[0]  # no partial leaks


def test_medical_words_that_look_like_names_or_numbers_stay():
    # Each of these was eaten by an earlier version: eponyms read as names, a count read as a phone number.
    for text in (
        "She has Graves Disease and Bell Palsy, and her father had Parkinson's.",
        "Sperm count 20000000 per ml with 40% motility is within the normal range.",
        "Hashimoto's thyroiditis and Addison's disease can occur together; ask about Cushing's too.",
        "He takes Diane-35, Augmentin 625 and Dolo 650; platelets 1,50,000 and WBC 11500.",
        "Sister Mary Joseph nodule and Tommy John surgery are named after people.",
        "I'm worried, I'm 45 and I'm on metformin. Hope you can help. Regards, Team",
        "Hi, thanks for your query about your knee, case 1234. Your report 2023 was normal.",
    ):
        scrubbed, counts = scrub_pii(text)
        assert scrubbed == text, (text, scrubbed)


@pytest.mark.parametrize("name", ["tuning", "tuning2", "tuning3", "tuning4"])
def test_recall_and_false_redactions_on_the_labelled_development_sets(name):
    """The sets the rules were tuned on (`just bench-pii` also reports the blind one): a regression guard
    at the level each reached, so a change that loses personal data or eats medical words fails."""
    from bedside.index.bench_pii import CASES, KINDS, measure, read_cases

    result = measure(read_cases(CASES / f"{name}.jsonl"))
    floor = 0.95 if name == "tuning" else 0.85  # tuning2 was written to be adversarial
    for kind in KINDS:
        assert result.found.get(kind, 0) / result.total[kind] >= floor, (kind, result.misses[:5])
    assert sum(result.found.get(k, 0) for k in KINDS) / sum(result.total[k] for k in KINDS) >= 0.94
    assert len(result.clean_changed) / result.clean <= 0.02, result.clean_changed[:5]


def test_scrubbing_never_fails_on_messy_text():
    """Names split over lines, stray titles, half addresses: the scrubber runs on every row of a user's
    corpus, so it must return for any text (a blind set once found a crash on a line-broken name)."""
    import random

    pieces = [
        "Hi",
        "Dr.",
        "Anna",
        "Smith",
        "\n",
        ",",
        ".",
        "Regards",
        "my",
        "son",
        "Jake",
        "born",
        "12/03/1987",
        "MRN",
        "00123",
        "Flat",
        "2",
        "Road",
        "London",
        "SW1A",
        "2AA",
        "@",
        "x.com/a",
        "O'Neil",
        "-",
        "(",
        ")",
        "Ó",
        "Briain",
        "Graves'",
        "disease",
        "'s",
        "Mc",
        "at",
        "dot",
        "gmail",
        "com",
        "Professor",
        "van",
        "der",
        "Berg",
        "I'm",
        "here",
        "said",
    ]
    rng = random.Random(7)
    for _ in range(3000):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 25)))
        scrubbed, counts = scrub_pii(text)
        assert isinstance(scrubbed, str) and all(n > 0 for n in counts.values())
