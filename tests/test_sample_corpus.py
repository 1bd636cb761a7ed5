"""The shipped corpora meet their contract, and are exactly what the authoring sources build."""

import importlib.util
import json
from collections import Counter
from pathlib import Path

import pytest

from bedside.index.sources import read_sample, sample_path

HELP_CUES = (
    "see a",
    "see your",
    "medical help",
    "book a check",
    "with a doctor",
    "urgent",
    "emergency",
    "get help",
    "get checked",
    "seek",
    "contact",
    "call ",
)


def rows(which):
    return [json.loads(line) for line in sample_path(which).read_text(encoding="utf-8").splitlines()]


def test_sample_covers_enough_dialogues_and_complaints():
    sample = rows("sample")
    assert len(sample) >= 300
    per_complaint = Counter(row["Complaint"] for row in sample)
    assert len(per_complaint) >= 40
    assert min(per_complaint.values()) >= 5
    assert {"Description", "Patient", "Doctor"} <= set(sample[0])


@pytest.mark.parametrize("which", ["sample", "heldout"])
def test_doctor_answers_have_the_promised_shape(which):
    for row in rows(which):
        words = len(row["Doctor"].split())
        assert 60 <= words <= 200, row["Description"]
        assert row["Doctor"].startswith(("Hi", "Hello")), row["Description"]
        # Every answer says when to get help.
        text = row["Doctor"].lower()
        assert any(cue in text for cue in HELP_CUES), row["Description"]


def test_heldout_is_separate_and_covers_the_same_complaints():
    sample, heldout = rows("sample"), rows("heldout")
    assert len(heldout) >= 60
    assert not {r["Patient"] for r in sample} & {r["Patient"] for r in heldout}
    assert not {r["Doctor"] for r in sample} & {r["Doctor"] for r in heldout}
    assert {r["Complaint"] for r in heldout} == {r["Complaint"] for r in sample}


def test_shipped_files_are_what_the_builder_produces():
    builder = Path(__file__).parents[1] / "index" / "data" / "build_samples.py"
    spec = importlib.util.spec_from_file_location("build_samples", builder)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    sample, heldout = module.build()
    assert sample == rows("sample")
    assert heldout == rows("heldout")


def test_read_sample_maps_the_reference_columns():
    dialogues = read_sample()
    assert len(dialogues) == len(rows("sample"))
    assert dialogues[0].doctor and dialogues[0].patient and dialogues[0].title.startswith("Q.")
