"""`just bench-pii`: how much personal data the scrubber removes, per kind, and how much else it eats.

The labelled sets (`index/data/pii_cases/`) were written for Bedside: forum-style questions and
answers with planted names, dates of birth, addresses, record numbers, phones, emails and links in
many countries' formats, and clean medical texts full of eponyms, drug names, doses and counts.
`tuning*.jsonl` are what the rules were tuned on (each written by a helper that never saw the rules;
the third and fourth were first blind test sets, read once each, then tuned on); `test3.jsonl` is
the blind one, written by a helper that never saw the rules or the other sets, and read only by
this benchmark.

An item counts as removed when none of its identifying tokens is left in the scrubbed text: every
token with a digit, and every word of three letters or more that is not a generic label or street
word ("Road", "Flat", "gmail"). Partial leaks ("[name]Connor", a house number left behind) count
as misses. A clean text counts as a false redaction when anything in it was replaced.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from bedside.index.clean import PLACEHOLDER, scrub_pii
from bedside.index.evaluate import wilson

CASES = Path(__file__).parent / "data" / "pii_cases"
KINDS = ("name", "dob", "address", "record", "phone", "email", "url")
TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
# Words that are part of a value without identifying anyone.
GENERIC = {
    *[
        "the",
        "and",
        "of",
        "des",
        "del",
        "de",
        "la",
        "le",
        "du",
        "da",
        "do",
        "dos",
        "das",
        "van",
        "von",
        "der",
        "den",
        "bin",
        "al",
        "el",
        "www",
        "http",
        "https",
        "com",
        "org",
        "net",
        "co",
        "uk",
        "in",
        "au",
        "ca",
        "de",
        "info",
        "html",
        "php",
        "index",
        "gmail",
        "yahoo",
        "hotmail",
        "outlook",
        "icloud",
        "mail",
        "email",
        "proton",
        "protonmail",
        "live",
        "rediffmail",
        "aol",
        "ymail",
        "msn",
        "flat",
        "apt",
        "apartment",
        "unit",
        "suite",
        "house",
        "floor",
        "no",
        "num",
        "number",
        "plot",
        "road",
        "street",
        "avenue",
        "lane",
        "drive",
        "close",
        "way",
        "place",
        "court",
        "crescent",
        "terrace",
        "gardens",
        "square",
        "boulevard",
        "highway",
        "nagar",
        "colony",
        "sector",
        "block",
        "phase",
        "near",
        "opp",
        "behind",
        "dist",
        "district",
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
    ]
}


@dataclass(frozen=True)
class Item:
    kind: str
    value: str
    where: str = ""


@dataclass(frozen=True)
class Case:
    id: str
    text: str
    items: tuple[Item, ...]


@dataclass
class Result:
    found: dict[str, int] = field(default_factory=dict)
    total: dict[str, int] = field(default_factory=dict)
    misses: list[tuple[str, Item, str]] = field(default_factory=list)
    clean: int = 0
    clean_changed: list[tuple[str, str, str]] = field(default_factory=list)
    clean_words: int = 0
    clean_words_lost: int = 0
    other_words: int = 0  # words of texts with PII outside every labelled value
    other_words_lost: int = 0


def read_cases(path: Path) -> list[Case]:
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            items = tuple(Item(p["kind"], p["value"], p.get("where", "")) for p in row["pii"])
            cases.append(Case(row["id"], row["text"], items))
    return cases


def identifying(value: str) -> list[str]:
    return [
        t for t in TOKEN.findall(value) if any(c.isdigit() for c in t) or (len(t) >= 3 and t.lower() not in GENERIC)
    ]


def left_in(token: str, text: str) -> bool:
    return re.search(rf"(?<![^\W_]){re.escape(token)}(?![^\W_])", text, re.IGNORECASE) is not None


def measure(cases: list[Case]) -> Result:
    result = Result()
    placeholders = tuple(PLACEHOLDER.values())
    for case in cases:
        scrubbed, _ = scrub_pii(case.text)
        if not case.items:
            result.clean += 1
            words = TOKEN.findall(case.text)
            result.clean_words += len(words)
            if scrubbed != case.text:
                result.clean_changed.append((case.id, case.text, scrubbed))
                result.clean_words_lost += sum(1 for w in set(words) if not left_in(w, scrubbed))
            continue
        rest = case.text
        for item in case.items:
            rest = rest.replace(item.value, " ")
        others = set(TOKEN.findall(rest))
        result.other_words += len(others)
        result.other_words_lost += sum(1 for word in others if not left_in(word, scrubbed))
        for item in case.items:
            key = f"name/{item.where}" if item.kind == "name" and item.where else item.kind
            for k in {item.kind, key}:
                result.total[k] = result.total.get(k, 0) + 1
            leaked = [t for t in identifying(item.value) if left_in(t, scrubbed)]
            if leaked or not any(p in scrubbed for p in placeholders):
                result.misses.append((case.id, item, scrubbed))
            else:
                for k in {item.kind, key}:
                    result.found[k] = result.found.get(k, 0) + 1
    return result


def report(name: str, result: Result, show: int = 0) -> list[str]:
    lines = [f"### {name}", "", "| kind | removed | recall [95% CI] |", "|---|---|---|"]
    keys = [k for k in KINDS if k in result.total]
    keys[1:1] = sorted(k for k in result.total if k.startswith("name/"))
    for key in keys:
        found, total = result.found.get(key, 0), result.total[key]
        low, high = wilson(found, total)
        lines.append(f"| {key} | {found}/{total} | {found / total:.3f} [{low:.2f}, {high:.2f}] |")
    all_found = sum(result.found.get(k, 0) for k in KINDS)
    all_total = sum(result.total.get(k, 0) for k in KINDS)
    lines.append(f"| **all** | {all_found}/{all_total} | {all_found / max(all_total, 1):.3f} |")
    changed = len(result.clean_changed)
    low, high = wilson(changed, result.clean)
    lines += [
        "",
        f"False redactions: {changed}/{result.clean} clean texts changed = {changed / max(result.clean, 1):.3f} "
        f"[{low:.3f}, {high:.3f}]; {result.clean_words_lost}/{result.clean_words} of their words lost.",
        f"Texts with PII: {result.other_words_lost}/{result.other_words} of their other words lost "
        f"({result.other_words_lost / max(result.other_words, 1):.3f}).",
    ]
    for case_id, item, scrubbed in result.misses[:show]:
        lines.append(f"- miss {case_id} {item.kind}/{item.where} {item.value!r}: {scrubbed[:220]}")
    for case_id, _, scrubbed in result.clean_changed[:show]:
        lines.append(f"- false {case_id}: {scrubbed[:220]}")
    return lines


def main(argv: list[str] | None = None) -> None:
    """`python -m bedside.index.bench_pii [--show N] [--set tuning|test]`."""
    args = list(sys.argv[1:] if argv is None else argv)
    show = int(args[args.index("--show") + 1]) if "--show" in args else 0
    tuning = sorted(path.stem for path in CASES.glob("tuning*.jsonl"))
    names = [args[args.index("--set") + 1]] if "--set" in args else [*tuning, "test3"]
    for name in names:
        print(
            "\n".join(
                report(f"{name} set ({CASES / (name + '.jsonl')})", measure(read_cases(CASES / f"{name}.jsonl")), show)
            )
        )
        print()


if __name__ == "__main__":
    main()
