"""A guard on what the model says, applied while it streams (a sentence at a time) and to the whole
answer at the end.

- Contact details the model invents are harms: a phone number, email, URL or a named person that
  is not in the sources shown is replaced by a neutral phrase, and counted.
- Emergency instructions always point to the configured emergency number: "call 911" or
  "emergency services at 203-…" become "call <emergency_number>".
- When the question was red-flagged, a sentence telling the patient to wait, rest at home or that
  there is no need to see anyone cuts the answer there; a pointer to the advice above replaces it.

Text is released a sentence at a time so that nothing is shown and then taken back; a sentence
that runs on is released in pieces, always keeping a tail long enough to hold a phone number.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

EMERGENCY_CALL = re.compile(
    r"\b(call|dial|ring|phone|contact|text)( up)?( the| your local)?( emergency services| emergency| ambulance| "
    r"paramedics)?( (at|on|number|line))? ?\(?\+?\d[\d\s().-]{1,16}\d\b",
    re.IGNORECASE,
)
PHONE = re.compile(r"(?<![\w.])(\+?\(?\d{1,4}\)?[\s.-]?){2,5}\d{2,4}(?![\w])")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
# Web addresses; a bare domain only in lower case ("infection.In most cases" is a missing space).
URL = re.compile(
    r"\b(?:[Hh][Tt][Tt][Pp][Ss]?://|[Ww][Ww][Ww]\.)\S+|\b[a-z0-9-]{2,}\.(?:com|org|net|co\.uk|gov|info|io)\b(?:/\S*)?"
)
PERSON = re.compile(
    r"\b(?:Dr|Doctor|Prof|Professor|Mr|Mrs|Ms|Nurse)\.? (?:[A-Z][a-z]+)(?: [A-Z][a-z]+)?"
    r"|\b(?:[Mm]y name is|I am|I'm|[Rr]egards|[Ss]incerely|[Tt]hanks)[,.]? (?:(?:Dr|Doctor|Prof)\.? )?"
    r"(?=(?:Dr|Doctor|Prof|[A-Z][a-z]+ [A-Z]))[A-Z][a-z]+\.?(?: [A-Z][a-z]+){0,2}"
)
CONTACT_WORD = re.compile(r"\b(call|phone|ring|dial|tel|telephone|mobile|number|contact|whatsapp|text)\b[^.]*$", re.I)
# Placeholders a base model copies from forum data.
PLACEHOLDER = re.compile(
    r"\[(?:email|e-mail|phone|number|name|link|url|address|dob|record)[^\]]{0,20}\]", re.IGNORECASE
)

# After a red flag, a sentence that delays care or reassures cuts the answer: waiting, home care,
# "see your doctor soon", "usually clears in two weeks", "it is a common condition". Read in the
# chat: after the chemical-in-the-eye advice every mode went on to call it conjunctivitis that clears
# by itself. A small model's guess must not talk a patient out of the advice above it.
DELAYS_CARE = re.compile(
    r"\b(wait (and see|a (few|couple of) (days|hours)|for it to (pass|settle|go|get better)|it out)|"
    r"rest at home|stay at home|at home|sleep it off|(no|not any) need to (see|go|call|worry|visit|rush)|"
    r"nothing to worry about|nothing serious|not serious|harmless|good sign|"
    r"(don'?t|do not|doesn'?t|does not) need to (see|go to|call|visit)|"
    r"(usually|often|normally|should|will|may|can) (clear|clears|settle|settles|resolve|resolves|heal|heals|"
    r"go away|goes away|pass|passes|get better|improve)|"
    r"(clear|clears|settle|settles|resolve|resolves|heal|heals|go away|goes away) (within|in|by|on its own)|"
    r"(see|visit|consult|contact|book|ask) (your|a|an) (doctor|gp|physician|pharmacist|optician|optometrist|"
    r"specialist|dentist)(?! (now|immediately|urgently|straight away|today|at once|right away))|"
    r"(try|use) (some )?home remed|not (an|a medical) emergency|"
    r"(is|it'?s) (a |an |very |quite )?(common|normal|typical|usual|minor|mild)|"
    r"is (usually|probably|likely) (nothing|harmless|not serious))(?![a-z])",
    re.IGNORECASE,
)
# A sentence ends at . ! ? and a space, but not after a title or "e.g.": "Dr. Anil Kumar" is released
# whole, so the guard sees the name.
SENTENCE_END = re.compile(
    r"(?<=[.!?])(?<!\bDr\.)(?<!\bMr\.)(?<!\bMrs\.)(?<!\bMs\.)(?<!\bProf\.)(?<!\bSt\.)(?<!e\.g\.)(?<!i\.e\.)\s+|\n+"
)
REDFLAG_CUT = "Do not wait or treat this at home: follow the emergency advice above now."
# After the general advice of a learned flag alone (no category is known), the cut says what that
# advice says: urgent help if it is severe, otherwise a doctor today; not "emergency now".
GENERAL_CUT = (
    "Rather than waiting to see, follow the advice above: urgent help if it is severe, otherwise a doctor today."
)
REPLACEMENTS = {
    "phone": "your doctor or local health service",
    "email": "your doctor's practice",
    "url": "a trusted health service",
    "person": "a doctor",
    "placeholder": "your doctor",
}
HOLD_CHARS = 48  # the longest phone number or URL a run-on sentence may be split inside
LOOP_MIN_WORDS = 5  # a short line may repeat ("Rest."); a repeated sentence of five words is a loop


@dataclass
class GuardReport:
    replaced: Counter = field(default_factory=Counter)  # kind -> count
    cut_for_red_flag: bool = False
    loop: bool = False  # a sentence came again: the model was looping, generation stopped

    def to_json(self) -> dict:
        return {"replaced": dict(self.replaced), "cut_for_red_flag": self.cut_for_red_flag, "loop": self.loop}


class AnswerGuard:
    def __init__(
        self,
        emergency_number: str,
        sources: Sequence[str] = (),
        red_flagged: bool = False,
        cut_text: str = REDFLAG_CUT,
    ) -> None:
        self.emergency_number = emergency_number
        self.cut_text = cut_text
        # Contact details the sources themselves show may be repeated (they are the user's own data).
        self.allowed = "\n".join(sources)
        self.red_flagged = red_flagged
        self.report = GuardReport()
        self._pending = ""
        self.dropped = ""  # a sentence cut off by the length limit, not shown
        self.stopped = False  # a red-flag cut or a loop ended the answer: the caller stops generating
        self._seen: set[str] = set()  # sentences already released, normalised

    # -- whole text ------------------------------------------------------------------------------
    def clean(self, text: str) -> str:
        """The guarded version of one stretch of text (a sentence or a whole answer)."""
        if self.red_flagged and DELAYS_CARE.search(text):
            self.report.cut_for_red_flag = True
            self.stopped = True
            return self.cut_text
        text = EMERGENCY_CALL.sub(self._emergency, text)
        for kind, pattern in (("email", EMAIL), ("url", URL), ("placeholder", PLACEHOLDER), ("person", PERSON)):
            text = pattern.sub(lambda m, k=kind: self._replace(k, m), text)
        return PHONE.sub(self._phone, text)

    def _emergency(self, match: re.Match) -> str:
        self.report.replaced["emergency_number"] += 1
        return f"{match.group(1)} {self.emergency_number}"

    def _replace(self, kind: str, match: re.Match) -> str:
        if match.group(0) in self.allowed:
            return match.group(0)
        self.report.replaced[kind] += 1
        return REPLACEMENTS[kind]

    def _phone(self, match: re.Match) -> str:
        text = match.group(0)
        digits = re.sub(r"\D", "", text)
        # Doses, ages, years and ranges ("2 to 3", "500 mg", "2024") are not phone numbers, and a bare
        # run of digits is a count ("a sperm count of 20000000") unless it starts like a phone number
        # or follows a word that introduces one.
        introduced = CONTACT_WORD.search(match.string[max(0, match.start() - 24) : match.start()])
        # Digits run together or apart by spaces and dots only ("250 500 1000 mg", "12.03.2024") are
        # counts, doses and dates unless they start like a phone number or a contact word leads in.
        plain = re.fullmatch(r"[\d\s.]+", text) is not None
        if len(digits) < 7 or (plain and not (text.startswith(("0", "+")) or introduced)):
            return text
        if text in self.allowed or digits in re.sub(r"\D", "", self.allowed):
            return text
        self.report.replaced["phone"] += 1
        return REPLACEMENTS["phone"]

    # -- streaming -------------------------------------------------------------------------------
    def _release(self, sentence: str) -> str:
        """A sentence, guarded; or nothing, and a stop, when it repeats one already shown: a loop
        (seen in the chat: Base repeating the same bullet lines until the length limit)."""
        key = " ".join(re.findall(r"[a-z0-9']+", sentence.lower()))
        if len(key.split()) >= LOOP_MIN_WORDS and key in self._seen:
            self.report.loop = True
            self.stopped = True
            return ""
        self._seen.add(key)
        return self.clean(sentence)

    def feed(self, text: str) -> str:
        """Text safe to show now: whole sentences, guarded; a run-on sentence in guarded pieces."""
        if self.stopped:
            return ""
        self._pending += text
        out = []
        while not self.stopped:
            match = SENTENCE_END.search(self._pending)
            if not match:
                break
            sentence, self._pending = self._pending[: match.end()], self._pending[match.end() :]
            out.append(self._release(sentence))
        if not self.stopped and len(self._pending) > 4 * HOLD_CHARS and not self.red_flagged:
            cut = self._pending.rfind(" ", 0, len(self._pending) - HOLD_CHARS)
            for pattern in (PHONE, EMAIL, URL, EMERGENCY_CALL):  # never split a contact detail
                for found in pattern.finditer(self._pending):
                    if found.start() <= cut < found.end():
                        cut = self._pending.rfind(" ", 0, found.start())
            if cut > 0:
                out.append(self.clean(self._pending[: cut + 1]))
                self._pending = self._pending[cut + 1 :]
        return "".join(out)

    def finish(self, drop_partial: bool = False) -> str:
        """The rest, guarded. `drop_partial` (generation hit its length limit): a sentence the limit
        cut off is dropped, so the answer ends where its last sentence does; `dropped` keeps it."""
        if self.stopped:
            return ""
        rest, self._pending = self._pending, ""
        if drop_partial and rest.strip() and not rest.rstrip().endswith((".", "!", "?", ")", "]")):
            self.dropped = rest
            return ""
        return self._release(rest)
