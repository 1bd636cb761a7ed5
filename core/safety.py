"""Red-flag triage before any generation, and the one-line disclaimer every answer carries.

Three layers, each able to flag on its own (a false alarm costs a paragraph of advice, a miss can
cost a life):
1. rules: auditable phrase patterns per category (core/data/emergencies.toml), with a negation
   guard ("no chest pain", "not suicidal");
2. context rules where meaning depends on a number: a baby's age with a temperature, a pregnancy
   week with headache or vision signs, a heart rate;
3. meaning: the message's sentence embedding (the one retrieval computes anyway) against a bank
   of emergency descriptions per category, with per-category thresholds tuned on the tuning half
   of a labelled set, and a bank of ordinary look-alikes that must not be closer.

Layers 1 and 2 need no model at all, so advice is given even when nothing else loads.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from bedside.core.emergencies import Category, Context, EmergencyData, load

if TYPE_CHECKING:  # imported by the meaning layer when it is built: the rules need no numpy
    import numpy as np

DISCLAIMER = "General information only, not a diagnosis: see a doctor for advice about you."
DEFAULT_EMERGENCY_NUMBER = "your local emergency number (for example 911, 999 or 112)"

# A negation shortly before a phrase cancels it, within its clause (a comma ends it: "not sure,
# crushing chest pain" is not a negation of the pain): "no chest pain", "not suicidal, just tired",
# "wasnt knocked out"; so does a future hypothetical ("if he gets a temperature", not "is it bad if
# you cough up blood", which patients write about what is happening). Auxiliaries ("wasnt",
# "isnt") reach two words only: in "his arm isnt working
# and he cant find his words" the speech sign must still count. "but" and "and he/she…" end a
# negation's reach ("no fever but his neck is stiff").
NEGATION = re.compile(
    r"(?<![a-z])(?:(?:no|not|never|without|denies|deny|dont have|do not have|havent had|hasnt had|free of|no sign of|"
    r"nobody|none|nothing|neither|nor)(?![a-z])[a-z\s]{0,25}"
    r"|(?:wasnt|isnt|arent|werent|hasnt|havent|didnt|doesnt|dont)(?: [a-z]+){0,2} "
    r"|(?:if|in case|what if|just in case) (?:he|she|they|the baby|baby|it|i|we) (?:ever )?"
    r"(?:gets|get|develops|develop|starts|start|runs|run)(?: a| an)? )$"
)
NEGATION_END = re.compile(r"(?<![a-z])(but|however|although|and (he|she|his|her|my|i|it|now|then|they|we))(?![a-z])")
# A semantic match must beat the nearest ordinary look-alike by this much (cosine).
LOOKALIKE_MARGIN = 0.0
# A bank match flags only when the learned layer half agrees: its logit within this of the learned
# threshold. Cross-validated on the tuning half, bank matches alone added 3.9 points of recall for
# 7.3 points of false alarms; confirmed this way, 2.6 points for 0.4.
CONFIRM_MARGIN = 0.5


@dataclass(frozen=True)
class Flag:
    key: str
    label: str
    advice: str
    by: str  # "rule", "context", "meaning" (bank similarity) or "learned"
    score: float = 1.0  # similarity for "meaning", the logit for "learned"


@dataclass(frozen=True)
class Triage:
    flags: tuple[Flag, ...]
    semantic: bool = False  # whether the meaning layer ran (False: rules only, e.g. no embedder)

    @property
    def urgent(self) -> bool:
        return bool(self.flags)

    @property
    def advice(self) -> str:
        """Emergency advice to show before anything else; empty when nothing was flagged."""
        return "\n\n".join(f"⚠ {flag.advice}" for flag in self.flags)

    @property
    def general_only(self) -> bool:
        """Flagged by the learned layer alone: the advice is the general one, no category is known."""
        return bool(self.flags) and all(flag.by == "learned" for flag in self.flags)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(flag.key for flag in self.flags)


# ---- text --------------------------------------------------------------------------------------


def normalise(text: str) -> str:
    """Lower case, apostrophes dropped ("can't" -> "cant"), spaces collapsed: what rules match on."""
    text = re.sub(r"[’‘'`´]", "", text.lower())
    return " ".join(text.split())


def _negated(text: str, start: int, signs: Sequence[tuple[int, int]] = ()) -> bool:
    """Whether a negation shortly before text[start] cancels what starts there. A negation that is
    part of another matched sign ("hasnt wet his nappy") describes a symptom, it cancels nothing."""
    before = text[max(0, start - 40) : start]
    negation = NEGATION.search(before)
    if not negation or NEGATION_END.search(negation.group(0)):
        return False
    at = start - len(before) + negation.start()
    return not any(begin <= at < end for begin, end in signs)


# A phrase that is itself negative ("no wet nappy", "cant breathe") is not cancelled by an earlier
# negation: "not really crying, no wet nappy since 6am" is two findings, not a double negative.
SELF_NEGATIVE = re.compile(r"(no|not|cant|cannot|wont|isnt|hasnt|doesnt|didnt|unable|never)(?![a-z])")


def _matches(pattern: re.Pattern, text: str, signs: Sequence[tuple[int, int]] = ()) -> bool:
    return any(
        SELF_NEGATIVE.match(match.group(0)) or not _negated(text, match.start(), signs)
        for match in pattern.finditer(text)
    )


def _rule_fires(category: Category, text: str) -> bool:
    for rule in category.rules:
        if any(group.negative and group.pattern.search(text) for group in rule):
            continue
        positive = [group.pattern for group in rule if not group.negative]
        signs = [m.span() for pattern in positive for m in pattern.finditer(text) if SELF_NEGATIVE.match(m.group(0))]
        if all(_matches(pattern, text, signs) for pattern in positive):
            return True
    return False


# ---- settled history and learning intent -------------------------------------------------------
# Two kinds of message name an emergency without being one, and were most of the false alarms on the
# tuning half: a past event that was treated and is over ("he swallowed a button battery last year,
# it was removed and he's been fine since"), and a question asked to learn ("how do I help a choking
# baby? I want to learn before he starts weaning"). The guards only ever keep the meaning and
# learned layers from ADDING a flag; the phrase and number rules always read the whole message, so
# no guard can silence what a rule sees (a review found real emergencies that rule-level guards
# silenced: "I took 20 paracetamol yesterday. I'm fine now, do I need to go to hospital?").
# Conservative even so:
# - a sentence is history only when it names a time long past (months or years, not "yesterday"
#   or "weeks ago") AND the message says the matter is over AND the sentence has no sign of now;
# - learning intent counts only when said outright and nothing in the message is happening now.
PAST = re.compile(
    r"(?<![a-z])(last (year|summer|winter|spring|autumn|christmas)|in (january|february|"
    r"march|april|june|july|august|september|october|november|december)|(\d+|a|an|one|two|three|four|five|six|"
    r"few|a few|couple of|a couple of|several) (years?|months?) ago|years ago|in the past|as a (child|kid|"
    r"teenager)|back in \d{4}|used to|when (i|he|she) was (younger|little|a (baby|child|kid|teenager)|\d+))(?![a-z])"
)
SETTLED = re.compile(
    r"(?<![a-z])((been|is|s|are|was|hes|shes|im|were|all|its) (fine|well|ok|okay|stable|back to normal)"
    r"( ever)? since|fine since|"
    r"stable now|fully recovered|recovered (well|fully)|(has|have|had) "
    r"recovered|no (problems|issues|symptoms) since|(much )?better place now|doing (much |a lot |really |very |so )?"
    r"(well|better)( now)?|(is |s |now )?in recovery|now (sober|clean)|"
    r"(havent|hasnt|not) (done|had|felt) (it|that|one|any)( since| in| for)|"
    r"(prevent|stop) (another|it (happening )?again|a repeat)|(when|how soon) can (he|she|i|they) "
    r"(go back|return|start)|gone now|feel(ing)? (much |a lot |loads )?better|(well |now )controlled|"
    r"recovered from|avoid it (happening )?again|(on|taking) [a-z]+ (after|since) (her|his|my|their|a)|"
    r"discharged|healed|back to normal|well managed|(now |well |is )controlled|all was (fine|clear|normal)|"
    r"in rehab|(fixed|removed) (both|it|them))(?![a-z])"
)
PRESENT = re.compile(
    r"(?<![a-z])(right now|just now|at the moment|currently|today|tonight|this (morning|afternoon|evening)|again|"
    r"(an?|\d+|few|couple of) (minutes?|mins?|hours?|hrs?) ago|since (this|last night|yesterday)|started|"
    r"suddenly|still|but now|now [a-z]+ing|now (he|she|i|my|his|her|its|has|have|is|cant))(?![a-z])"
)
# Stronger than PRESENT (no "still", no "again": "still anxious", "stop it happening again"): the
# live part of a message with history describes something happening now.
NOW = re.compile(
    r"(?<![a-z])(right now|just now|at the moment|currently|today|tonight|this (morning|afternoon|evening)|"
    r"(an?|\d+|few|couple of) (minutes?|mins?|hours?|hrs?) ago|suddenly|but now|now [a-z]+ing|"
    r"now (he|she|i|my|his|her|its|has|have|is|cant))(?![a-z])"
)
LEARNING = re.compile(
    r"(?<![a-z])(want(ed)? to (learn|be (ready|prepared))|"
    r"want to know what (to|i should) (be )?(look|watch)[a-z]* (out )?for|"
    r"for (my|a|our) [a-z]+ (course|exam|degree|module|project|assignment)|"
    r"(essay|assignment|dissertation|presentation|project) (on|about)|first aid (course|training|class)|"
    r"reading about it|(studying|revising) for|studying (medicine|nursing|pharmacology|"
    r"pharmacy|biology|physiology|anatomy|ophthalmology|paramedic[a-z]*)|(for|in) (my )?(finals|exams|boards)|"
    r"(want to|to) do (some )?training|writing (a|an) [a-z ]{0,20}(leaflet|essay|article|blog|talk|presentation|"
    r"report)|"
    r"before (our|my|the) (baby|son|daughter) (arrives|is born|"
    r"comes|starts))(?![a-z])"
)
# Under a stated wish to learn, any sign of now (even a bare "now") keeps the message live. The
# markers are explicit on purpose: "how do I check…" or "what is the difference between…" also
# open real emergencies ("…he's gone blue"), so they are not taken as a wish to learn.
LEARNING_BLOCK = re.compile(r"(?<![a-z])(now|ago)(?![a-z])")
SENTENCE = re.compile(r"(?<=[.!?;])\s+|\n+")


def live_text(text: str) -> tuple[str, bool]:
    """The normalised message without its settled history, and whether a guard applied (history set
    aside, or a question asked to learn with nothing happening now)."""
    if LEARNING.search(text) and not PRESENT.search(text) and not LEARNING_BLOCK.search(text):
        return "", True
    if not SETTLED.search(text):
        return text, False
    kept = [part for part in SENTENCE.split(text) if not (PAST.search(part) and not PRESENT.search(part))]
    live = " ".join(kept)
    if NOW.search(live):
        # Something is happening now: the history may be what makes it urgent ("he had surgery for a
        # twisted testicle last month. Today the other side is suddenly agony"), so read it all.
        return text, False
    return live, live != text


# ---- context rules (numbers) -------------------------------------------------------------------

_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        (
            *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight"),
            *("nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen"),
        )
    )
}
_NUM = r"(\d+(?:\.\d+)?|" + "|".join(_NUMBER_WORDS) + r"|a|an)"
_AGE = re.compile(
    _NUM
    + r" ?-? ?(day|days|week|weeks|wk|wks|month|months|mo|mos)(?: ?-? ?old| (?:old )?(?:baby|son|daughter|girl|boy|"
    r"little|infant|twins?|newborn))"
)
_NEWBORN = re.compile(r"(?<![a-z])(newborn|new born|new baby|just born|born (yesterday|last week|on|this week))")
# "baby is 7 weeks", "she's only 10 days", "born 3 weeks ago", "home a fortnight ago"
_AGE_STATED = re.compile(
    r"(?<![a-z])(?:baby|bub|bubs|bubba|son|daughter|he|she|hes|shes|lo|little one|newborn|twins)(?: (?:girl|boy))?"
    r"(?: is| was|s)? "
    r"(?:only |just |nearly |almost )?"
    + _NUM
    + r" ?(day|days|week|weeks|wk|wks|month|months|mo|mos)(?![a-z])"
    + r"|(?<![a-z])(?:born|delivered|home|had (?:him|her|them|the baby)) "
    + _NUM
    + r" ?(day|days|week|weeks)s? ago"
)
_FORTNIGHT = re.compile(r"(?<![a-z])(born|home|delivered|had (him|her|them|the baby))[a-z ]{0,12} a fortnight ago")
# "thermometer" alone is not a sign ("which thermometer for a newborn?"); a reading goes by its number.
# "hot" about the weather or a room is not a fever ("how should I dress my 6 week old in a hot room").
_FEVER_WORD = re.compile(
    r"(?<![a-z])(fever|feverish|(?<!normal )temperature|(?<!normal )temp|burning up|high temp|"
    r"hot(?! (room|weather|day|days|bath|car|summer|water|house|flat|nursery|bedroom|climate|country|spell)))(?![a-z])"
)
# A number followed by a unit of time, age, weight or dose, or a "+" (weeks + days), is not a
# temperature: "crying for 36 hours", "born at 37 weeks", "38+2".
_TEMPERATURE = re.compile(
    r"(?<![\d.])(\d{2,3}(?:[.,]\d{1,2})?)"
    r"(?! ?(?:hours?|hrs?|h|weeks?|wks?|w|days?|d|mins?|minutes?|months?|mo|years?|yrs?|y|kg|g|lbs?|ml|mg|%|bpm|\+))"
    r" ?(?:°|degrees?|deg)? ?(c|f|celsius|fahrenheit)?(?![a-z\d])"
)
_WEEKS_PREGNANT = re.compile(
    r"(\d{1,2}) ?(?:weeks?|wks?|w)(?: and \d days?)? ?(?:pregnant|along|gestation|into (?:my|the|her) pregnancy)"
    r"|pregnant[^.]{0,30}?(\d{1,2}) ?(?:weeks?|wks?)"
    r"|(?:at|im|i am|she is|shes|my wife is|my partner is) (\d{1,2}) ?(?:weeks?|wks?)(?![a-z])"
    r"|(?:at|im|i am|she is|shes|my wife is|my partner is) ([1-4]\d) ?\+ ?[0-6](?!\d)"
)
# Midwives' notation, "39+2" (weeks + days), counted only in a pregnancy context.
_WEEKS_PLUS_DAYS = re.compile(r"(?<![\d.])([1-4]\d) ?\+ ?[0-6](?![\d])")
# "38 weeks and I have a thumping headache": weeks stated first, alone, are a pregnancy's.
_WEEKS_FIRST = re.compile(r"^(?:hi |hello |help |please )?(\d{2}) ?(?:weeks?|wks?)(?![a-z])")
_PREGNANCY_CONTEXT = re.compile(r"(?<![a-z])(pregnan|midwife|bump|due date|labour|labor|antenatal|gestation)")
_POSTPARTUM = re.compile(
    r"(?<![a-z])(had (my|a|the|our|her) (baby|son|daughter|twins)|gave birth|given birth|delivered|postpartum|"
    r"post partum|after (the |my )?(birth|delivery|c.?section)|since (the )?birth)"
)
_PREGNANT = re.compile(r"(?<![a-z])pregnan")
_PREECLAMPSIA_SIGNS = (
    re.compile(
        r"(severe|terrible|bad|awful|pounding|splitting|worst|horrible|thumping|really bad|massive|blinding|wont go|"
        r"not going|wont shift|paracetamol (isnt|not|doesnt))[a-z ,]{0,20}head|head\w* (is )?(severe|terrible|awful|"
        r"pounding|splitting|wont go|wont shift|not going)"
    ),
    re.compile(
        r"(blurr|flashing|flashes|flicker|lost (part of )?(the |my |her )?(vision|sight)|blank patch|blind spot|"
        r"seeing (spots|stars|lights|sparkles|zigzags)|spots in (front of )?(my|her) (eyes|vision)|"
        r"sparkl|zig.?zag|double vision|vision (is |has gone |went )?(blurry|funny|strange|weird|fuzzy|dim)|"
        r"cant see (properly|clearly|straight))"
    ),
    re.compile(
        r"(face|hands|fingers|eyes|eyelids) (have |has |are |is |got |went )?(swelled|swollen|swelling|puffed|puffy)"
        r"|swell\w* (up )?(in |of )?(my |her )?(face|hands|fingers|eyes)|puffy (face|hands|fingers|eyes)"
        r"|(rings|ring) (dont|wont|doesnt) fit"
    ),
    re.compile(
        r"(under|below|beneath) (my |her |the )?(right )?(ribs|rib cage|boob|breast)|"
        r"upper (right )?(tummy|belly|stomach|abdomen)|"
        r"top of (my |her )?(tummy|belly|stomach)|(tummy|belly|stomach) on the right"
    ),
)
# In a message about the heart or pulse, a number from 100 to 300 not followed by a unit of
# something else is read as a rate ("its about 190", "over 200 a minute", "170 bpm").
_HEART_TOPIC = re.compile(r"(?<![a-z])(heart|pulse|racing|beat|palpitation|bpm|hr|watch says)")
_RATE = re.compile(
    r"(?<![\d.])([12]\d\d|300)(?![\d.])(?! ?(mg|ml|kg|g|lb|lbs|cal|calories|steps|m|metres|meters|miles|km|years|yrs|"
    r"days|mins?|minutes|hours|%|mmhg|/))"
)
# "breathing exercises" calm a racing heart; they are not exertion that explains it.
_EXERTION = re.compile(
    r"(?<![a-z])(run|running|ran|jog|sprint|(?<!breathing )exercis|workout|work out|gym|cycling|spin class|hiit)"
)
_HEART_WARNING = re.compile(
    r"(?<![a-z])(faint|pass(ed|ing)? out|black(ed|ing)? out|dizz|light.?head|"
    r"chest (really |so |very )?(pain|tight|pressure|hurts)|"
    r"breathless|short of breath|cant (breathe|catch)|collaps|grey|clammy|going to (pass|faint)|went (dark|black|grey)|"
    r"fell over|floppy|pale)"
)
_SUSTAINED = re.compile(
    r"(?<![a-z])(wont (stop|slow|settle|go down|come down)|not (stopping|slowing|settling|going down|coming down)|"
    r"still|hasnt (stopped|slowed|settled)|keeps going|at rest|sitting (still|down|on)|lying (down|in bed)|"
    r"for (\d+|an|half an|a|over an|twenty|thirty|forty) (min|hour|hr))"
)


def _number(token: str) -> float:
    if token in ("a", "an"):
        return 1.0
    return float(_NUMBER_WORDS.get(token, token))


# "her normal temperature is 37" is a baseline, not a reading.
_BASELINE = re.compile(r"(?<![a-z])normal (body )?(temp|temperature)s?( is| was| of|:)? ?(about |around )?\d+(\.\d+)?")


def _celsius(text: str) -> list[float]:
    """Body temperatures written in the text, in Celsius (35-43 C, or 95-110 F)."""
    values = []
    for match in _TEMPERATURE.finditer(_BASELINE.sub(" ", text)):
        value = float(match.group(1).replace(",", "."))
        unit = (match.group(2) or "")[:1]
        if unit == "f" or (not unit and 95 <= value <= 110):
            value = (value - 32) * 5 / 9
        if 35 <= value <= 43:
            values.append(value)
    return values


def baby_age_weeks(text: str) -> float | None:
    ages = []
    for match in _AGE.finditer(text):
        value, unit = _number(match.group(1)), match.group(2)
        ages.append(value / 7 if unit.startswith("d") else value * 4.35 if unit.startswith("mo") else value)
    for match in _AGE_STATED.finditer(text):
        value = _number(match.group(1) or match.group(3))
        unit = match.group(2) or match.group(4)
        ages.append(value / 7 if unit.startswith("d") else value * 4.35 if unit.startswith("mo") else value)
    if _FORTNIGHT.search(text):
        ages.append(2.0)
    if _NEWBORN.search(text):
        ages.append(1.0)
    return min(ages) if ages else None


def _infant_fever(text: str, context: Context) -> bool:
    weeks = baby_age_weeks(text)
    if weeks is None or weeks > context.older_infant_max_weeks:
        return False
    temperatures = _celsius(text)
    limit = context.infant_fever_c if weeks <= context.infant_max_weeks else context.older_infant_fever_c
    if temperatures:
        return max(temperatures) >= limit
    # No number: a fever or "hot" in a baby under 3 months is enough.
    return weeks <= context.infant_max_weeks and _matches(_FEVER_WORD, text)


def _measured_normal(text: str, data: EmergencyData) -> bool:
    """A temperature was measured and every reading is below a young baby's fever limit."""
    temperatures = _celsius(text)
    return bool(temperatures) and max(temperatures) < data.context.infant_fever_c


_BLOOD_PRESSURE = re.compile(r"(?<!\d)(\d{2,3}) ?(?:/|over) ?(\d{2,3})(?!\d)")


def _severe_blood_pressure(text: str, context: Context) -> bool:
    return any(
        int(top) >= context.severe_systolic or int(bottom) >= context.severe_diastolic
        for top, bottom in _BLOOD_PRESSURE.findall(text)
        if 60 <= int(top) <= 260 and 30 <= int(bottom) <= 160 and int(top) > int(bottom)
    )


def _pre_eclampsia(text: str, context: Context) -> bool:
    weeks = [int(w) for m in _WEEKS_PREGNANT.finditer(text) for w in m.groups() if w]
    weeks += [int(m.group(1)) for m in _WEEKS_FIRST.finditer(text)]
    if _PREGNANCY_CONTEXT.search(text):
        weeks += [int(m.group(1)) for m in _WEEKS_PLUS_DAYS.finditer(text)]
    late = any(context.pregnancy_min_weeks <= w <= 43 for w in weeks)
    postpartum = bool(_POSTPARTUM.search(text))
    signs = sum(_matches(sign, text) for sign in _PREECLAMPSIA_SIGNS)
    if (late or postpartum) and _severe_blood_pressure(text, context):
        return True  # severe-range pressure is urgent after 20 weeks even when she feels well
    if late or postpartum:
        return signs >= 1
    # Pregnant, week not given: two signs together (a headache alone is common early on).
    return bool(_PREGNANT.search(text)) and not weeks and signs >= 2


def _fast_heart_rate(text: str, context: Context) -> bool:
    if not _HEART_TOPIC.search(text):
        return False
    rate = max((int(m.group(1)) for m in _RATE.finditer(text)), default=0)
    if rate < context.fast_heart_rate:
        return False
    warning = _matches(_HEART_WARNING, text)
    if _EXERTION.search(text) and not warning:
        return False
    return warning or (rate >= context.very_fast_heart_rate and bool(_SUSTAINED.search(text)))


CONTEXT_RULES: dict[str, Callable[[str, Context], bool]] = {
    "young_baby_fever": _infant_fever,
    "pre_eclampsia": _pre_eclampsia,
    "fast_heart_rate": _fast_heart_rate,
}


# ---- the model-free layers ---------------------------------------------------------------------


# Talk about a condition rather than a case of it: study, teaching, fiction and the news. On the
# look-alikes these were many of the rule false alarms ("neurology exam: whats the classic cause of
# thunderclap headache"). They only ever cancel a rule that fired on the condition's NAME alone, and
# only when no one of the writer's is in the message and nothing is happening now. A review showed
# how easily a wider guard silences real emergencies ("our son has symptoms of DKA", "I think my mum
# is having a stroke, she was discharged from the stroke unit yesterday"), so the markers are few
# and explicit, and a name said as a suspicion ("think", "having", "signs of") always counts.
TALK = re.compile(
    r"(?<![a-z])(essays?|lectures?|exams?|coursework|placement|module|assignment|dissertation|studying|revising|"
    r"revision|textbook|med school|medical school|nursing school|quiz|podcast|film|movie|opera|novel|tv|"
    r"documentary|news|article|reddit|book|character|first aid|how common|read (about|up on)|curious)(?![a-z])"
)
# The writer or anyone near them: pronouns, "we"/"you", and the people patients write about.
PERSONAL = re.compile(
    r"(?<![a-z])(i|im|ive|id|me|my|mine|myself|he|hes|him|his|she|shes|her|we|were|us|our|ours|they|theyre|"
    r"them|their|you|your|youre|u|ur|someone|somebody|anyone|anybody|mum|mom|mam|mother|dad|father|son|"
    r"daughter|baby|babies|toddler|kid|kids|child|children|wife|husband|partner|brother|sister|grandma|"
    r"grandmother|grandad|granddad|grandpa|grandfather|gran|nan|nana|friend|colleague|boyfriend|girlfriend|"
    r"aunt|uncle|cousin|flatmate|roommate|neighbour|neighbor|patient)(?![a-z])"
)
# A name said as a suspicion or a fact about someone is a case: "think it is torsion", "having a
# stroke", "signs of DKA", "DKA symptoms".
SUSPECTED = re.compile(
    r"(?<![a-z])(think|thinks|thought|could|might|maybe|worried|scared|afraid|suspect|possible|possibly|"
    r"probably|is (this|it)|having|going into|gone into|(has|have|had|showing|shows|got|with|getting) (the )?"
    r"(signs|symptoms) of|(looks|sounds|feels|seems|felt|looked) like|has|have|got|getting)(?: [a-z]+){0,2} $"
)
# "DKA symptoms", "…coming on", "signs of appendicitis in our 6 yr old" ("what are the symptoms of
# anaphylaxis?" alone is a question, not a case).
SUSPECTED_AFTER = re.compile(
    r" ?(symptoms|signs|again|now|right now|coming on)(?![a-z])|(?: [a-z]+)? (in|for) " + PERSONAL.pattern
)


def talk_only(text: str) -> bool:
    """Whether a normalised message only talks about conditions: study or media with no one of the
    writer's in it, or history that is dated long ago and over. Nothing happening now."""
    if NOW.search(text) or PRESENT.search(text):
        return False
    if TALK.search(text) and not PERSONAL.search(text):
        return True
    return bool(SETTLED.search(text) and PAST.search(text))


def _suspected(category: Category, text: str) -> bool:
    """The condition is named as a suspicion or a fact about someone, not negated: "I think it's
    torsion", "our son has symptoms of DKA", "signs of appendicitis in our 6 yr old"."""
    if category.names is None:
        return False
    return any(
        (SUSPECTED.search(text[max(0, name.start() - 40) : name.start()]) or SUSPECTED_AFTER.match(text, name.end()))
        and not _negated(text, name.start())
        for name in category.names.finditer(text)
    )


def _named_only(category: Category, text: str) -> bool:
    """The category's rules fire on the text but not once its names are blanked out, and no name is
    said as a suspicion."""
    if category.names is None or _suspected(category, text):
        return False
    return not _rule_fires(category, category.names.sub(" ", text))


def rule_keys(question: str, data: EmergencyData | None = None) -> dict[str, str]:
    """key -> "rule" | "context" for every category the rules or context rules flag."""
    data = data or load()
    text = normalise(question)
    talk = talk_only(text)
    found: dict[str, str] = {}
    for category in data.categories:
        if _rule_fires(category, text):
            if talk and _named_only(category, text):
                continue  # the condition is named, not described, in talk about it
            found[category.key] = "rule"
        elif _suspected(category, text):
            found[category.key] = "rule"  # "Partner has symptoms of an ectopic pregnancy"
        elif category.key in CONTEXT_RULES and CONTEXT_RULES[category.key](text, data.context):
            found[category.key] = "context"
    return found


def _flags(found: dict[str, tuple[str, float]], data: EmergencyData, number: str) -> tuple[Flag, ...]:
    # In the data file's order: the most immediately life-threatening categories come first there.
    return tuple(Flag(c.key, c.label, c.advice(number), *found[c.key]) for c in data.categories if c.key in found)


def triage(question: str, emergency_number: str = DEFAULT_EMERGENCY_NUMBER) -> Triage:
    """Rules and context rules only: needs no model, so it is the floor every front end can rely on."""
    data = load()
    found = {key: (by, 1.0) for key, by in rule_keys(question, data).items()}
    return Triage(_flags(found, data, emergency_number or DEFAULT_EMERGENCY_NUMBER))


# ---- the meaning layer -------------------------------------------------------------------------

Embed = Callable[[Sequence[str]], "np.ndarray"]


class Triager:
    """All three layers. `embed` turns texts into unit vectors (the project's embedder); the bank's
    vectors are computed once and cached in `cache_dir`, keyed by the data and the embedder."""

    def __init__(
        self,
        embed: Embed,
        model_id: str,
        cache_dir: Path | None = None,
        emergency_number: str = DEFAULT_EMERGENCY_NUMBER,
        data: EmergencyData | None = None,
    ) -> None:
        import numpy as np

        self.data = data or load()
        self.embed = embed
        self.model_id = model_id
        self.emergency_number = emergency_number or DEFAULT_EMERGENCY_NUMBER
        phrases = [(c.key, p) for c in self.data.categories for p in c.phrases]
        ordinary = [p for c in self.data.categories for p in c.ordinary]
        vectors = self._bank_vectors([p for _, p in phrases] + ordinary, model_id, cache_dir)
        self.phrase_keys = np.asarray([k for k, _ in phrases])
        self.phrase_vectors = vectors[: len(phrases)]
        self.ordinary_vectors = vectors[len(phrases) :]
        self.keys = [c.key for c in self.data.categories]
        self.thresholds = {c.key: c.threshold for c in self.data.categories}
        from bedside.core.triage_model import load_layer

        self.learned = load_layer(model_id)

    def _bank_vectors(self, texts: list[str], model_id: str, cache_dir: Path | None) -> np.ndarray:
        import numpy as np

        digest = hashlib.sha256((model_id + "\n" + self.data.source_text).encode()).hexdigest()[:16]
        path = cache_dir / f"triage-bank-{digest}.npy" if cache_dir else None
        if path and path.exists():
            try:
                cached = np.load(path)
                if cached.shape[0] == len(texts):
                    return cached
            except (OSError, ValueError):
                pass  # a damaged cache is recomputed below
        vectors = _unit(np.asarray(self.embed(texts), dtype=np.float32))
        if path:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                temp = path.with_suffix(f".{os.getpid()}.tmp")
                with temp.open("wb") as handle:
                    np.save(handle, vectors)
                os.replace(temp, path)
            except OSError:
                pass  # a cache we cannot write only costs the recompute next time
        return vectors

    def similarities(self, vector: np.ndarray) -> tuple[dict[str, float], float]:
        """Best cosine per category, and to the nearest ordinary look-alike."""
        import numpy as np

        vector = _unit(np.asarray(vector, dtype=np.float32).reshape(1, -1))[0]
        scores = self.phrase_vectors @ vector
        best = {key: float(scores[self.phrase_keys == key].max(initial=-1.0)) for key in self.keys}
        ordinary = float((self.ordinary_vectors @ vector).max(initial=-1.0))
        return best, ordinary

    def __call__(self, question: str, vector: np.ndarray | None = None) -> Triage:
        found = {key: (by, 1.0) for key, by in rule_keys(question, self.data).items()}
        if vector is None:
            vector = self.embed([question])[0]
        best, ordinary = self.similarities(vector)
        text = normalise(question)
        # The bank thresholds and the learned layer were tuned with one embedder; with another (no
        # learned layer loads) neither is trusted and the rules stand alone.
        logit = None if self.learned is None else float(self.learned.scores([text], vector.reshape(1, -1))[0])
        confirmed = logit is not None and logit >= self.learned.threshold - CONFIRM_MARGIN
        if live_text(text)[1]:  # settled history or learning: only the rules, on the whole text, decide
            return Triage(_flags(found, self.data, self.emergency_number), semantic=True)
        for key, score in best.items():
            if key in found or not confirmed:
                continue
            if score >= self.thresholds[key] and score >= ordinary + LOOKALIKE_MARGIN:
                found[key] = ("meaning", round(score, 3))
        if found.get("young_baby_fever", ("rule",))[0] == "meaning" and _measured_normal(text, self.data):
            del found["young_baby_fever"]  # "feels warm" but the thermometer says otherwise
        flags = _flags(found, self.data, self.emergency_number)
        if not flags and logit is not None and logit >= self.learned.threshold:
            nearest = max(best, key=best.get)
            if not (nearest == "young_baby_fever" and _measured_normal(text, self.data)):
                # No rule and no bank phrase agrees, so the nearest category is only a guess (it once
                # gave a sticky red eye the meningitis advice): the advice is the general one.
                general = self.data.learned
                flags = (
                    Flag(general.key, general.label, general.advice(self.emergency_number), "learned", round(logit, 2)),
                )
        return Triage(flags, semantic=True)


def _unit(vectors: np.ndarray) -> np.ndarray:
    import numpy as np

    return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
