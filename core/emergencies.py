"""The emergency categories, read from core/data/emergencies.toml (one file a clinician can review).

This module only loads and validates the data and compiles its rules; core/safety.py decides.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

DATA_FILE = "emergencies.toml"
DEFAULT_THRESHOLD = 0.65


class EmergencyDataError(ValueError):
    """emergencies.toml is malformed; the message names the category and the field."""


@dataclass(frozen=True)
class Group:
    pattern: re.Pattern
    negative: bool = False  # written "!…" in the data file: a settled context that cancels this rule only


@dataclass(frozen=True)
class Category:
    key: str
    label: str
    advice_template: str  # with {emergency}
    # Each rule: groups that must all match (a negative group: must not match anywhere).
    rules: tuple[tuple[Group, ...], ...] = field(repr=False)
    phrases: tuple[str, ...] = field(repr=False)
    ordinary: tuple[str, ...] = field(repr=False)
    threshold: float = DEFAULT_THRESHOLD
    # The condition's own names ("anaphylaxis", "dka"): a rule that fires only because the message
    # names the condition may be talk about it (an essay, a lecture, a film), see core/safety.py.
    names: re.Pattern | None = field(default=None, repr=False)

    def advice(self, emergency_number: str) -> str:
        return self.advice_template.format(emergency=emergency_number)


@dataclass(frozen=True)
class Context:
    """Limits of the number-dependent rules (see [context] in the data file)."""

    infant_max_weeks: float = 13
    infant_fever_c: float = 38.0
    older_infant_max_weeks: float = 26
    older_infant_fever_c: float = 39.0
    pregnancy_min_weeks: float = 20
    severe_systolic: float = 160
    severe_diastolic: float = 110
    fast_heart_rate: float = 150
    very_fast_heart_rate: float = 180


@dataclass(frozen=True)
class GeneralAdvice:
    """What a flag of the learned layer alone shows: no category's rules or phrases agree with it."""

    key: str
    label: str
    advice_template: str

    def advice(self, emergency_number: str) -> str:
        return self.advice_template.format(emergency=emergency_number)


@dataclass(frozen=True)
class EmergencyData:
    categories: tuple[Category, ...]
    context: Context
    learned: GeneralAdvice
    source_text: str = field(repr=False)  # the file's text: its hash keys the cached bank vectors

    def by_key(self, key: str) -> Category:
        for category in self.categories:
            if category.key == key:
                return category
        raise KeyError(key)


def _compile(key: str, rules: object) -> tuple[tuple[Group, ...], ...]:
    if not isinstance(rules, list):
        raise EmergencyDataError(f"category {key!r}: rules must be a list of rules (lists of groups)")
    compiled = []
    for number, rule in enumerate(rules, start=1):
        if not isinstance(rule, list) or not rule or not all(isinstance(g, list) and g for g in rule):
            raise EmergencyDataError(f"category {key!r}, rule {number}: a rule is a list of non-empty groups")
        groups = []
        for group in rule:
            negative = group[0].startswith("!")
            patterns = [group[0][1:], *group[1:]] if negative else group
            try:
                # (?<![a-z]) rather than \b: a pattern may start with a non-word character.
                groups.append(Group(re.compile(r"(?<![a-z])(?:" + "|".join(patterns) + r")"), negative))
            except re.error as error:
                raise EmergencyDataError(f"category {key!r}, rule {number}: bad pattern ({error})") from error
        if all(g.negative for g in groups):
            raise EmergencyDataError(f"category {key!r}, rule {number}: a rule needs a group that must match")
        compiled.append(tuple(groups))
    return tuple(compiled)


def _compile_names(key: str, names: object) -> re.Pattern | None:
    if not isinstance(names, list) or not all(isinstance(n, str) and n for n in names):
        raise EmergencyDataError(f"category {key!r}: names must be a list of non-empty patterns")
    if not names:
        return None
    try:
        return re.compile(r"(?<![a-z])(?:" + "|".join(names) + r")(?![a-z])")
    except re.error as error:
        raise EmergencyDataError(f"category {key!r}: bad pattern in names ({error})") from error


def parse(text: str) -> EmergencyData:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise EmergencyDataError(f"{DATA_FILE} is not valid TOML: {error}") from error
    categories, seen = [], set()
    for raw in data.get("category", []):
        key = raw.get("key", "")
        if not key or key in seen:
            raise EmergencyDataError(f"every category needs a unique key; got {key!r}")
        seen.add(key)
        for name in ("label", "advice"):
            if not isinstance(raw.get(name), str) or not raw[name].strip():
                raise EmergencyDataError(f"category {key!r}: '{name}' must be a non-empty string")
        if "{emergency}" not in raw["advice"]:
            raise EmergencyDataError(f"category {key!r}: the advice must say where to get help ({{emergency}})")
        categories.append(
            Category(
                key,
                raw["label"],
                raw["advice"],
                _compile(key, raw.get("rules", [])),
                tuple(raw.get("phrases", [])),
                tuple(raw.get("ordinary", [])),
                float(raw.get("threshold", DEFAULT_THRESHOLD)),
                _compile_names(key, raw.get("names", [])),
            )
        )
    if not categories:
        raise EmergencyDataError(f"{DATA_FILE} defines no [[category]]")
    known = {f.name for f in Context.__dataclass_fields__.values()}
    context_raw = data.get("context", {})
    unknown = set(context_raw) - known
    if unknown:
        raise EmergencyDataError(f"[context] has unknown keys {sorted(unknown)}; known: {sorted(known)}")
    learned = data.get("learned", {})
    for name in ("label", "advice"):
        if not isinstance(learned.get(name), str) or not learned[name].strip():
            raise EmergencyDataError(f"[learned] needs a non-empty '{name}' (the advice of a learned-layer flag)")
    if "{emergency}" not in learned["advice"]:
        raise EmergencyDataError("[learned]: the advice must say where to get help ({emergency})")
    general = GeneralAdvice("possible_emergency", learned["label"], learned["advice"])
    return EmergencyData(tuple(categories), Context(**{k: float(v) for k, v in context_raw.items()}), general, text)


@lru_cache(maxsize=1)
def load() -> EmergencyData:
    return parse(resources.files("bedside.core").joinpath("data", DATA_FILE).read_text(encoding="utf-8"))
