"""Red-flag triage before any generation, and the one-line disclaimer every answer carries.

The check is deliberately simple and auditable: phrase patterns per emergency, with a negation
guard ("no chest pain", "not suicidal"). It errs towards flagging: a false alarm costs a
paragraph of advice, a miss can cost a life. It never replaces the answer; it goes first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

DISCLAIMER = "General information only, not a diagnosis: see a doctor for advice about you."

NEGATION = re.compile(r"\b(no|not|never|without|denies|deny|don't have|do not have|haven't had)\b[\w\s,']{0,25}$")


@dataclass(frozen=True)
class RedFlag:
    key: str
    label: str
    advice: str
    # Every group must match somewhere in the question (AND of ORs).
    groups: tuple[re.Pattern, ...] = field(repr=False)


def _any(*phrases: str) -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(phrases) + r")", re.IGNORECASE)


EMERGENCY_NUMBER = "your local emergency number (for example 911, 999 or 112)"

RED_FLAGS: tuple[RedFlag, ...] = (
    RedFlag(
        "chest_pain",
        "chest pain with warning signs",
        f"Chest pain with breathlessness, sweating, nausea, or pain spreading to the arm, jaw or back can be a "
        f"heart attack. Call {EMERGENCY_NUMBER} now. Do not drive yourself.",
        (
            _any(
                r"chest (?:pain|tightness|pressure|discomfort)",
                r"pain in (?:my|his|her|the) chest",
                r"(?:tight|heavy|crushing) chest",
                r"pressure in (?:my|his|her|the) chest",
            ),
            _any(r"breath", r"sweat", r"arm", r"jaw", r"faint", r"crushing", r"nause", r"clammy", r"collaps"),
        ),
    ),
    RedFlag(
        "stroke",
        "possible stroke",
        f"A drooping face, weakness or numbness on one side, slurred or lost speech, or sudden loss of vision "
        f"can be a stroke. Call {EMERGENCY_NUMBER} immediately and note the time the symptoms began.",
        (
            _any(
                r"face (?:is )?droop",
                r"drooping (?:face|mouth|eye)",
                r"slurr",
                r"can'?t (?:speak|talk)",
                r"cannot (?:speak|talk)",
                r"sudden(?:ly)? (?:weak|numb|confus|lost|loss)",
                r"(?:weak|numb)(?:ness)? (?:on|in) (?:one|the (?:left|right)) side",
                r"one side of (?:my|his|her) "
                r"(?:face|body)",
                r"can'?t (?:lift|move) (?:my|his|her) (?:arm|leg)",
            ),
        ),
    ),
    RedFlag(
        "severe_bleeding",
        "severe bleeding",
        f"Heavy bleeding that will not stop, or vomiting or coughing up blood, needs emergency care: press firmly "
        f"on any wound and call {EMERGENCY_NUMBER}.",
        (
            _any(
                r"bleed\w* (?:heavily|a lot|badly|profusely|non.?stop)",
                r"(?:won'?t|will not|doesn'?t|does not|can'?t|cannot|couldn'?t|could not|unable to) "
                r"stop (?:the |his |her |my |their |its )?bleeding",
                r"bleeding (?:won'?t|will not|doesn'?t|does not|hasn'?t|has not) stop",
                r"vomit\w* (?:up )?blood",
                r"(?:blood|bloody) vomit",
                r"cough\w* up (?:a lot of )?blood",
                r"spurting",
                r"soak\w* through",
            ),
        ),
    ),
    RedFlag(
        "anaphylaxis",
        "possible anaphylaxis",
        f"Swelling of the lips, tongue or throat, or trouble breathing after a food, sting or medicine, can be "
        f"anaphylaxis. Use an adrenaline auto-injector if there is one and call {EMERGENCY_NUMBER} now.",
        (
            _any(
                r"anaphyla",
                r"(?:lips?|tongue|throat|face) (?:is |are |has |have )?(?:swell|swollen|closing)",
                r"swell\w* (?:of|in) (?:my|his|her|the) (?:lips?|tongue|throat|face)",
                r"throat (?:is )?(?:closing|tight)",
            ),
        ),
    ),
    RedFlag(
        "suicide",
        "thoughts of suicide or self-harm",
        "You deserve support right now. If you might act on thoughts of ending your life or harming yourself, "
        f"call {EMERGENCY_NUMBER} or go to an emergency department; you can also call or text a suicide crisis "
        "line (988 in the US and Canada, 116 123 Samaritans in the UK and Ireland), any time, day or night.",
        (
            _any(
                r"kill(?:ing)? myself",
                r"suicid",
                r"end(?:ing)? (?:my|it) (?:life|all)",
                r"want(?:ing)? to die",
                r"(?:life is )?not worth living",
                r"better off without me",
                r"harm(?:ing)? myself",
                r"self.?harm",
                r"hurt(?:ing)? myself",
                r"take (?:all )?(?:my|the) (?:pills|tablets) at once",
            ),
        ),
    ),
    RedFlag(
        "meningitis",
        "fever with a stiff neck or a non-fading rash",
        f"Fever with a stiff neck, a rash that does not fade under a pressed glass, or unusual drowsiness can be "
        f"meningitis, especially in a child. Call {EMERGENCY_NUMBER} or go to an emergency department now.",
        (
            _any(r"fever", r"temperature", r"feverish", r"hot to (?:the )?touch"),
            _any(
                r"stiff neck",
                r"neck (?:is )?(?:very )?stiff",
                r"rash (?:that )?(?:does ?n[o']t|won'?t|doesn'?t) "
                r"fade",
                r"purple (?:spots|rash)",
                r"can'?t (?:bend|touch) (?:his|her|my) chin",
            ),
        ),
    ),
    RedFlag(
        "thunderclap_headache",
        "sudden severe headache",
        f"A sudden headache that reaches its worst within a minute, or the worst headache of your life, needs "
        f"emergency assessment. Call {EMERGENCY_NUMBER} or go to an emergency department now.",
        (
            _any(
                r"worst headache",
                r"thunderclap",
                r"sudden(?:ly)? (?:severe|excruciating|explosive) headache",
                r"headache (?:came on|started) (?:suddenly|in seconds)",
            ),
        ),
    ),
    RedFlag(
        "breathing",
        "severe difficulty breathing",
        f"Struggling to breathe, being unable to speak in full sentences, or blue lips is an emergency. Call "
        f"{EMERGENCY_NUMBER} now; if you have a reliever inhaler, use it while you wait.",
        (
            _any(
                r"can'?t breathe",
                r"cannot breathe",
                r"struggling to breathe",
                r"gasping",
                r"blue lips",
                r"lips (?:are |turning |went )?blue",
                r"turning blue",
                r"choking",
            ),
        ),
    ),
    RedFlag(
        "unresponsive",
        "unconscious, unresponsive or a long seizure",
        f"Someone who is unconscious, cannot be woken, or has a fit lasting more than five minutes needs an "
        f"ambulance: call {EMERGENCY_NUMBER}, lay them on their side and stay with them.",
        (
            _any(
                r"unconscious",
                r"unresponsive",
                r"won'?t wake",
                r"can'?t (?:be )?(?:wake|woken)",
                r"passed out and",
                r"seizure (?:for|lasting) (?:more than )?(?:[5-9]|\d\d)",
                r"fitting for",
            ),
        ),
    ),
    RedFlag(
        "young_baby_fever",
        "fever in a baby under 3 months",
        "Any baby under 3 months with a temperature of 38 C (100.4 F) or more must be seen by a doctor "
        f"urgently, tonight, even if they seem well. If the baby is floppy or hard to wake, call {EMERGENCY_NUMBER}.",
        (
            _any(
                r"(?:[1-9]|1[0-2]) ?(?:-| )?(?:week|wk|day)s?[- ]old",
                r"(?:newborn|new born)",
                r"(?:[12]|one|two) ?(?:-| )?months?[- ]old",
            ),
            _any(r"fever", r"temperature", r"38(?:\.\d)? ?c", r"hot to (?:the )?touch"),
        ),
    ),
    RedFlag(
        "overdose",
        "poisoning or overdose",
        f"If someone has swallowed too much of a medicine, or a poison or chemical, call {EMERGENCY_NUMBER} or a "
        "poison control centre now, even if they feel fine; keep the packet to show them.",
        (
            _any(
                r"overdos",
                r"swallowed (?:a |some )?(?:bleach|poison|chemical|battery|batteries|detergent)",
                r"took (?:too many|a whole (?:pack|bottle)|\d{2,} (?:pills|tablets))",
            ),
        ),
    ),
)


@dataclass(frozen=True)
class Triage:
    flags: tuple[RedFlag, ...]

    @property
    def urgent(self) -> bool:
        return bool(self.flags)

    @property
    def advice(self) -> str:
        """Emergency advice to show before anything else; empty when nothing was flagged."""
        return "\n\n".join(f"⚠ {flag.advice}" for flag in self.flags)


def _matches(pattern: re.Pattern, text: str) -> bool:
    return any(not NEGATION.search(text[: match.start()][-40:]) for match in pattern.finditer(text))


def triage(question: str) -> Triage:
    """Red flags in the user's words; each flag needs every one of its groups to match, un-negated."""
    text = " ".join(question.split())
    return Triage(tuple(flag for flag in RED_FLAGS if all(_matches(group, text) for group in flag.groups)))
