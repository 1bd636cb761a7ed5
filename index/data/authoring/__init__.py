"""Hand-written material for the sample corpus, written for Bedside (see build_samples.py)."""

from authoring.markers import URGENT
from authoring.part1 import COMPLAINTS as PART1
from authoring.part2 import COMPLAINTS as PART2
from authoring.part3 import COMPLAINTS as PART3
from authoring.part4 import COMPLAINTS as PART4
from authoring.part5 import COMPLAINTS as PART5
from authoring.part6 import COMPLAINTS as PART6

__all__ = ["COMPLAINTS", "URGENT"]

COMPLAINTS = PART1 + PART2 + PART3 + PART4 + PART5 + PART6
