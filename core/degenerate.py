"""Degenerate answers from a small base model: caught after the fact (eval) and while streaming.

Gemma 3 270M is a base model: asked to answer as a doctor it often keeps writing the prompt
instead (the instructions, the numbered doctor answers, the patient's question, a new turn),
loops, or drifts into another language. `detect` judges a finished answer; `StreamGuard` stops
generation as soon as the model starts reproducing the prompt, before the copy reaches the user.

Words are lower-cased tokens of letters and digits (punctuation ignored), so "[1]" is the word
"1" and "patient's" one word. Every threshold below was tuned on the planted examples in
tests/test_degenerate.py; the comment on each says what it separates.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from bedside.core.metrics import lcs_length

KINDS = ("prompt_leak", "source_dump", "question_echo", "repetition", "junk", "empty", "cut_off")
# Openings primed into the model's turn: not part of what the model said.
GREETINGS = ("Hi, thanks for your query.",)

# prompt_leak: 6 consecutive instruction words is a copy; 5 ("a careful and kind doctor") can be chance.
LEAK_WORDS = 6
# Advice a good answer gives in the prompt's own words: its words do not count towards a leak run, so
# "you should see a doctor or get emergency help" passes while "always say when the patient should
# see a doctor ..." (6 words outside it) is a leak.
SHARED_PHRASES = ("see a doctor or get emergency help",)
# source_dump: a source is "covered" by verbatim runs of 8+ words (shorter runs are stock phrases such
# as "hope this helps you"). Half of a source covered, and at least 25 words of it, is a dump; one
# quoted sentence (12-20 words) is not, even from a short source.
COVERAGE_RUN = 8
DUMP_COVERAGE = 0.5
DUMP_COVERAGE_WORDS = 25
# ... or one run of 25+ words making up 60%+ of the answer: the answer *is* the copy.
DUMP_COPY_RATIO = 0.6
DUMP_RUN_WORDS = 25
# question_echo: a verbatim run of 70% of a 6+ word question. 60% flagged the natural opener "A mild
# headache since this morning is ..." (6 of 10 words); the echoes seen copy the whole question.
ECHO_MIN_QUESTION = 6
ECHO_RUN_SHARE = 0.7
ECHO_MIN_RUN = 5
# ... or a first sentence that is the question with a word or two changed (LCS over the longer of the two).
ECHO_FIRST_SENTENCE = 0.8
# repetition: a sentence 3 times; 4-grams seen 3+ times covering 30% of the answer; one token 8 times
# in a row. A good answer repeats "see a doctor" twice at most, well under 30%.
REPEAT_SENTENCE = 3
REPEAT_NGRAM = 4
REPEAT_NGRAM_COUNT = 3
REPEAT_SHARE = 0.3
REPEAT_TOKEN = 8
# junk: Greek letters are medical symbols (β-blocker, μg) up to 2 in a row; a Greek word is junk.
GREEK_SYMBOL_RUN = 2
FOREIGN_MIN = 2  # one stray word can be a name or a quote; two is a drift into another language
# empty: fewer content words than this once the primed greeting is removed.
EMPTY_WORDS = 5
# StreamGuard never holds fewer words: the longest marker ("<start_of_turn>") spans 3 words.
MIN_HOLD_WORDS = 4

# Frequent function words of the languages a multilingual base model drifts into (Indonesian / Malay
# first: "mendatang" is what Gemma 270M was seen to write). None is an English word; they count only
# written in lower case, since capitalised forms are often names (Dan, Los Angeles, Della).
_FOREIGN = (
    "mendatang yang dan untuk dengan adalah tidak ini itu akan dari pada juga atau bisa sudah karena dalam saya anda",
    "para que los não pero muy usted también está você muito porque",  # Spanish, Portuguese
    "und nicht wir ich auch sehr oder aber",  # German
    "avec vous nous dans très être della anche molto perché niet een",  # French, Italian, Dutch
)
FOREIGN_WORDS = frozenset(word for language in _FOREIGN for word in language.split())

WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?", re.IGNORECASE)
LETTERS = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")  # hyphenated words stay whole: "para-aortic"
CITATION = re.compile(r"\[(\d+(?:\s*[,;]\s*\d+)*)\]")
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|\n+")
# After a sentence's final mark, not an abbreviation's ("e.g. [1] suggests" cites inside a sentence).
AFTER_SENTENCE = r"(?<=[.!?])(?<!e\.g\.)(?<!i\.e\.)(?<!Dr\.)(?<!vs\.)"
# The model writing the next turn of a transcript, or the chat template's own tokens.
ROLE_MARKER = re.compile(
    r"(?P<m><start_of_turn>|<end_of_turn>|<bos>)"
    rf"|(?:^|{AFTER_SENTENCE})[ \t]*(?P<r>(?:Patient|User|Question|Q)[ \t]*:|Q\.)",
    re.MULTILINE,
)
# "[2] ..." opening a line or a sentence, with text after it: the prompt's numbered list, not a
# citation. A trailing "[1]" after the full stop ends a line and still cites the sentence before it.
LIST_MARKER = re.compile(
    rf"(?:^|{AFTER_SENTENCE})[ \t]*(?P<m>\[\d+(?:\s*[,;]\s*\d+)*\])(?=[ \t]*[^\s\[])", re.MULTILINE
)
LINE_LIST_MARKER = re.compile(r"^[ \t]*(?P<m>\[\d+\])(?=[ \t]*[^\s\[])", re.MULTILINE)  # the guard's
# The prompt's item heading: "[1] (Q. title)".
TITLE_MARKER = re.compile(r"(?P<m>\[\d+\][ \t]*\(Q\.|\(Q\.[ \t])")
MARKUP = re.compile(
    r"```|</?(?:div|span|p|br|a|b|i|html|body|script|table|tr|td|li|ul|ol|h[1-6])\b[^<>]{0,80}>"
    r"|https?://|www\.|<unused\d*|<pad>|<eos>|<mask>|<start_of_image>|[{}][^{}]{0,80}[{}]",
    re.IGNORECASE,
)
SENTENCE_FINAL = re.compile(r"(?<!\.\.)[.!?][\"'”’)\]]*(?:[ \t]*\[\d+(?:\s*[,;]\s*\d+)*\])*[\"'”’)]*\s*$")


@dataclass(frozen=True)
class Finding:
    kind: str  # one of KINDS
    detail: str  # short human explanation, e.g. "copied 14 words of the instructions"
    start: int = -1  # char offset in the answer where the degenerate span starts, if known


@dataclass(frozen=True)
class Verdict:
    findings: tuple[Finding, ...]
    copy_ratio: float  # longest verbatim run from any single source, as a share of the answer's words
    source_coverage: float  # share of the most-copied source's words reproduced by runs of COVERAGE_RUN+ words

    @property
    def usable(self) -> bool:
        return not self.findings

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f.kind for f in self.findings))


# ---- words and verbatim runs ------------------------------------------------------------------


def _tokens(text: str) -> tuple[list[str], list[int]]:
    """Lower-cased words and their char offsets."""
    found = [(m.group().lower().replace("’", "'"), m.start()) for m in WORD.finditer(text)]
    return [w for w, _ in found], [s for _, s in found]


def _runs(a: Sequence[str], b: Sequence[str], min_len: int = 1) -> list[tuple[int, int, int]]:
    """Maximal verbatim runs (start in a, start in b, length) of at least `min_len` words.
    Cost is the number of matching word pairs, not len(a) * len(b)."""
    where: dict[str, list[int]] = defaultdict(list)
    for j, w in enumerate(b):
        where[w].append(j)
    runs = []
    previous: dict[int, int] = {}
    for i in range(len(a) + 1):  # one step past the end closes the runs still open
        current = {j: previous.get(j - 1, 0) + 1 for j in where.get(a[i], ())} if i < len(a) else {}
        for j, n in previous.items():
            if j + 1 not in current and n >= min_len:
                runs.append((i - n, j - n + 1, n))
        previous = current
    return runs


class _Reference:
    """An instruction text as words, indexed for run matching, with its shared-advice words marked."""

    def __init__(self, text: str) -> None:
        self.words, _ = _tokens(text)
        self.where: dict[str, list[int]] = defaultdict(list)
        for j, w in enumerate(self.words):
            self.where[w].append(j)
        self.shared = [False] * len(self.words)
        for phrase in SHARED_PHRASES:
            phrase_words, _ = _tokens(phrase)
            for j in range(len(self.words) - len(phrase_words) + 1):
                if self.words[j : j + len(phrase_words)] == phrase_words:
                    self.shared[j : j + len(phrase_words)] = [True] * len(phrase_words)

    def own_words(self, start: int, length: int) -> int:
        """Words of a run that are not shared advice."""
        return length - sum(self.shared[start : start + length])


def _content_start(answer: str) -> int:
    """Char offset where the model's own words begin: after a primed greeting, if it opens the answer."""
    words, starts = _tokens(answer)
    for greeting in GREETINGS:
        greeting_words, _ = _tokens(greeting)
        n = len(greeting_words)
        if n and words[:n] == greeting_words:
            end = starts[n - 1] + len(words[n - 1])
            while end < len(answer) and answer[end] in ".!,;:":
                end += 1
            return end
    return 0


def _list_spans(answer: str) -> list[tuple[int, int]]:
    """Reproduced list items: from a list marker or "[n] (Q." heading to the end of its line."""
    spans = []
    for pattern in (LIST_MARKER, TITLE_MARKER):
        for m in pattern.finditer(answer):
            end = answer.find("\n", m.start("m"))
            spans.append((m.start("m"), len(answer) if end < 0 else end))
    return spans


# ---- the detectors ----------------------------------------------------------------------------


def _prompt_leak(answer: str, words: list[str], starts: list[int], instructions: Sequence[str]) -> Finding | None:
    found: list[Finding] = []
    for text in instructions:
        reference = _Reference(text)
        for i, j, n in _runs(words, reference.words, LEAK_WORDS):
            if reference.own_words(j, n) >= LEAK_WORDS:
                found.append(Finding("prompt_leak", f"copied {n} words of the instructions", starts[i]))
    m = ROLE_MARKER.search(answer)
    if m:
        group = "m" if m.group("m") else "r"
        found.append(Finding("prompt_leak", f"started a new turn with {m.group(group)!r}", m.start(group)))
    return min(found, key=lambda f: f.start, default=None)


def _source_copy(words: list[str], sources: Sequence[str]) -> tuple[float, float, int, int, int]:
    """(copy_ratio, source_coverage, longest run, its source index, most-covered source index)."""
    longest = longest_source = best_source = 0
    coverage = 0.0
    for index, source in enumerate(sources):
        source_words, _ = _tokens(source)
        if not source_words:
            continue
        covered: set[int] = set()
        for _, j, n in _runs(words, source_words):
            if n > longest:
                longest, longest_source = n, index
            if n >= COVERAGE_RUN:
                covered.update(range(j, j + n))
        share = len(covered) / len(source_words) if len(covered) >= DUMP_COVERAGE_WORDS else 0.0
        if share > coverage:
            coverage, best_source = share, index
    return (longest / len(words) if words else 0.0), coverage, longest, longest_source, best_source


def _source_dump(answer: str, copy: tuple[float, float, int, int, int]) -> Finding | None:
    markers = [m for pattern in (LIST_MARKER, TITLE_MARKER) if (m := pattern.search(answer))]
    if markers:
        first = min(markers, key=lambda m: m.start("m"))
        return Finding("source_dump", f"reproduced the numbered sources list ({first.group('m')!r})", first.start("m"))
    copy_ratio, coverage, longest, longest_source, best_source = copy
    if coverage >= DUMP_COVERAGE:
        return Finding("source_dump", f"copied {coverage:.0%} of source [{best_source + 1}] verbatim")
    if copy_ratio >= DUMP_COPY_RATIO and longest >= DUMP_RUN_WORDS:
        return Finding("source_dump", f"{copy_ratio:.0%} of the answer is one run of source [{longest_source + 1}]")
    return None


def _question_echo(answer: str, words: list[str], starts: list[int], question: str) -> Finding | None:
    question_words, _ = _tokens(question)
    if len(question_words) >= ECHO_MIN_QUESTION:
        need = max(ECHO_MIN_RUN, math.ceil(ECHO_RUN_SHARE * len(question_words)))
        runs = _runs(words, question_words, need)
        if runs:
            i, _, n = max(runs, key=lambda r: r[2])
            return Finding("question_echo", f"repeats {n} of the question's {len(question_words)} words", starts[i])
    if len(question_words) >= 3:
        begin = _content_start(answer)
        rest = answer[begin:]
        first = next((s for s in SENTENCE_BREAK.split(rest) if WORD.search(s)), "")
        first_words, _ = _tokens(first)
        if first_words and lcs_length(first_words, question_words) >= ECHO_FIRST_SENTENCE * max(
            len(first_words), len(question_words)
        ):
            return Finding("question_echo", "the first sentence restates the question", begin + rest.find(first))
    return None


def _repetition(answer: str, words: list[str], starts: list[int]) -> Finding | None:
    seen: dict[str, list[int]] = defaultdict(list)
    position = 0
    for sentence in SENTENCE_BREAK.split(answer):
        position = answer.find(sentence, position)
        key = " ".join(_tokens(sentence)[0])
        if len(key.split()) >= 2:
            seen[key].append(position)
        position += len(sentence)
    for key, where in seen.items():
        if len(where) >= REPEAT_SENTENCE:
            return Finding("repetition", f"the sentence {key[:40]!r} appears {len(where)} times", where[1])
    grams = [tuple(words[i : i + REPEAT_NGRAM]) for i in range(len(words) - REPEAT_NGRAM + 1)]
    counts = Counter(grams)
    covered: set[int] = set()
    for i, gram in enumerate(grams):
        if counts[gram] >= REPEAT_NGRAM_COUNT:
            covered.update(range(i, i + REPEAT_NGRAM))
    if words and len(covered) >= REPEAT_SHARE * len(words):
        gram, count = counts.most_common(1)[0]
        second = [i for i, g in enumerate(grams) if g == gram][1]
        return Finding("repetition", f"{' '.join(gram)!r} repeated {count} times", starts[second])
    for tokens, offsets in ((words, starts), _raw_tokens(answer)):
        run = 1
        for k in range(1, len(tokens)):
            run = run + 1 if tokens[k] == tokens[k - 1] else 1
            if run >= REPEAT_TOKEN:
                return Finding("repetition", f"{tokens[k]!r} {run} times in a row", offsets[k - run + 1])
    return None


def _raw_tokens(text: str) -> tuple[list[str], list[int]]:
    """Whitespace-separated tokens, for loops of punctuation ("- - - -") that have no words."""
    found = [(m.group(), m.start()) for m in re.finditer(r"\S+", text)]
    return [t for t, _ in found], [s for _, s in found]


def _foreign_script(text: str) -> Finding | None:
    i = 0
    while i < len(text):
        ch = text[i]
        code = ord(ch)
        if code < 0x250:  # ASCII, Latin-1 and Latin Extended A/B: English text and its symbols (µ, °)
            i += 1
            continue
        if ch == "\ufffd" or 0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFFEF:
            return Finding("junk", f"stray character {ch!r}", i)  # broken bytes, CJK punctuation, fullwidth
        script = unicodedata.name(ch, "").split(" ")[0]
        if not ch.isalpha() or script in ("LATIN", "MODIFIER"):
            i += 1
            continue
        end = i
        while end < len(text) and text[end].isalpha() and unicodedata.name(text[end], "").startswith(script):
            end += 1
        if script == "GREEK" and end - i <= GREEK_SYMBOL_RUN:
            i = end
            continue
        return Finding("junk", f"{script.title()} text {text[i:end][:12]!r}", i)
    return None


def _junk(answer: str) -> Finding | None:
    script = _foreign_script(answer)
    if script:
        return script
    foreign = [m for m in LETTERS.finditer(answer) if m.group() in FOREIGN_WORDS]
    if len(foreign) >= FOREIGN_MIN:
        listed = ", ".join(dict.fromkeys(m.group() for m in foreign))
        return Finding("junk", f"{len(foreign)} non-English words ({listed})", foreign[0].start())
    m = MARKUP.search(answer)
    if m:
        return Finding("junk", f"markup or code {m.group()[:20]!r}", m.start())
    return None


def _empty(answer: str) -> Finding | None:
    begin = _content_start(answer)
    content, _ = _tokens(answer[begin:])
    if len(content) < EMPTY_WORDS:
        return Finding("empty", f"{len(content)} words after the greeting", begin)
    return None


def _cut_off(answer: str, stop_reason: str, max_tokens_hit: bool) -> Finding | None:
    if (max_tokens_hit or stop_reason == "length") and not SENTENCE_FINAL.search(answer):
        return Finding("cut_off", "stopped at the token limit mid-sentence", len(answer.rstrip()))
    return None


def detect(
    answer: str,
    *,
    question: str,
    instructions: Sequence[str] = (),
    sources: Sequence[str] = (),
    stop_reason: str = "",
    max_tokens_hit: bool = False,
) -> Verdict:
    """Judge a finished answer. `instructions`: the prompt's fixed prose (system prompt, sources
    introduction); `sources`: the retrieved doctor answers in prompt order ([1]..[n])."""
    words, starts = _tokens(answer)
    copy = _source_copy(words, sources)
    candidates = (
        _prompt_leak(answer, words, starts, instructions),
        _source_dump(answer, copy),
        _question_echo(answer, words, starts, question),
        _repetition(answer, words, starts),
        _junk(answer),
        _empty(answer),
        _cut_off(answer, stop_reason, max_tokens_hit),
    )
    return Verdict(tuple(f for f in candidates if f), copy_ratio=copy[0], source_coverage=copy[1])


def dumps_source(answer: str, sources: Sequence[str]) -> bool:
    """Would `detect` call `answer` a source dump of these sources? (Training data uses it to keep
    every RAFT target clear of the copying the eval penalises.)"""
    words, _ = _tokens(answer)
    return _source_dump(answer, _source_copy(words, sources)) is not None


def in_sentence_citations(answer: str, n_sources: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """(valid, invalid) numbers cited inside a sentence, first mention first. A "[2]" opening a line
    or sentence is the prompt's list reproduced, and so is anything else on that item's line."""
    skip = _list_spans(answer)
    seen: list[int] = []
    for m in CITATION.finditer(answer):
        if any(start <= m.start() < end for start, end in skip):
            continue
        for number in re.split(r"\s*[,;]\s*", m.group(1)):
            if int(number) not in seen:
                seen.append(int(number))
    return tuple(n for n in seen if 1 <= n <= n_sources), tuple(n for n in seen if not 1 <= n <= n_sources)


# ---- the stream guard -------------------------------------------------------------------------


class StreamGuard:
    """Sits between the model's token stream and the user.

    `feed` returns what is safe to show now; it holds back the last `hold_words` words (and any
    instruction run still growing) so that when the model starts copying the instructions, writes a
    role marker or opens the numbered sources list, the copied span is dropped before it is shown.
    Then `stopped` turns True and the caller must stop generating. Only those three are guarded:
    a verbatim quote of a source or the question is judged after the fact by `detect`.
    """

    CONTEXT = 8  # emitted chars kept for the line-start and sentence-end look-behinds

    def __init__(
        self, *, question: str, instructions: Sequence[str] = (), sources: Sequence[str] = (), hold_words: int = 8
    ) -> None:
        self.question = question  # kept for symmetry with detect(); echoes are judged after the fact
        self.n_sources = len(sources)
        self.stopped = False
        self.reason = ""
        self.finding: Finding | None = None
        self._hold = max(hold_words, MIN_HOLD_WORDS)
        self._references = [_Reference(text) for text in instructions if text.strip()]
        # Per instruction text: its word index -> (run length, run start offset, own words) of the
        # runs ending at the last word seen: the row of _runs's table, kept across chunks.
        self._runs: list[dict[int, tuple[int, int, int]]] = [{} for _ in self._references]
        self._held = ""  # received, not yet emitted
        self._offset = 0  # offset of _held[0] in the whole stream
        self._context = "\n"  # the end of what was emitted; the stream start counts as a line start
        self._scan = 0  # index in _held from which words are not yet processed
        self._word_starts: list[int] = []  # stream offsets of the complete words still held

    def feed(self, text: str) -> str:
        if self.stopped or not text:
            return ""
        self._held += text
        held, leak = self._held, None
        for m in WORD.finditer(held, self._scan):
            end = m.end()
            # The last word may go on in the next chunk (a trailing apostrophe too: "patient'" + "s").
            if end == len(held) or (end == len(held) - 1 and held[end] in "'’"):
                self._scan = m.start()
                break
            self._scan = end
            leak = self._word(m.group(), self._offset + m.start())
            if leak:
                break
        else:
            self._scan = len(held)
        if self._judge(leak):
            return self._stop()
        return self._release()

    def finish(self) -> str:
        """The held text, at the end of generation; "" after a stop."""
        if self.stopped:
            return ""
        m = WORD.search(self._held, self._scan)
        if self._judge(self._word(m.group(), self._offset + m.start()) if m else None):
            return self._stop()
        out, self._held = self._held, ""
        self._offset += len(out)
        return out

    def _word(self, word: str, start: int) -> Finding | None:
        """Extend the instruction runs with one complete word; a Finding when one became a leak."""
        word = word.lower().replace("’", "'")
        self._word_starts.append(start)
        for k, reference in enumerate(self._references):
            previous = self._runs[k]
            current = {}
            for j in reference.where.get(word, ()):
                length, begin, own = previous.get(j - 1, (0, start, 0))
                current[j] = (length + 1, begin, own + (not reference.shared[j]))
                if current[j][2] >= LEAK_WORDS:
                    return Finding("prompt_leak", f"copied {length + 1} words of the instructions", begin)
            self._runs[k] = current
        return None

    def _judge(self, leak: Finding | None) -> bool:
        """Set `finding` to the earliest of a leak run and a marker in the held text, if any."""
        text = self._context + self._held
        base = self._offset - len(self._context)
        found = [leak] if leak else []
        patterns = ((ROLE_MARKER, "prompt_leak"), (LINE_LIST_MARKER, "source_dump"), (TITLE_MARKER, "source_dump"))
        for pattern, kind in patterns:
            for m in pattern.finditer(text):
                group = "m" if m.group("m") else "r"
                if m.start(group) >= len(self._context):  # not one already emitted
                    found.append(Finding(kind, f"started writing {m.group(group)!r}", base + m.start(group)))
                    break
        if not found:
            return False
        self.finding = min(found, key=lambda f: f.start)
        return True

    def _stop(self) -> str:
        """Drop the copied span; return what was still held before it."""
        assert self.finding is not None
        self.stopped, self.reason = True, "echo"
        keep = max(0, self.finding.start - self._offset)
        out, self._held = self._held[:keep], ""
        self._offset += len(out)
        return out

    def _release(self) -> str:
        """Emit all but the last `hold` words and any instruction run still growing."""
        self._word_starts = [s for s in self._word_starts if s >= self._offset]
        if len(self._word_starts) <= self._hold:
            return ""
        cut = self._word_starts[-self._hold]
        for runs in self._runs:
            for length, begin, _ in runs.values():
                if length >= 2:
                    cut = min(cut, begin)
        cut -= self._offset
        if cut <= 0:
            return ""
        out, self._held = self._held[:cut], self._held[cut:]
        self._offset += cut
        self._scan -= cut
        self._context = (self._context + out)[-self.CONTEXT :]
        return out
