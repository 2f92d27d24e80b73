"""What each unit is: prose, a title candidate, or page furniture (with the reason)."""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from toolkit.extract.knowledge import Knowledge
from toolkit.extract.latin1 import narrow, word_count
from toolkit.extract.prefilter import (
    Needles,
    first_chars,
    line_anchored,
    lines_holding,
    lowered,
    may_match,
    needles,
    trie,
    within_line,
)
from toolkit.extract.segment import Unit

_TOKEN = re.compile(r"\w+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_URL = re.compile(r"(?:https?://|www\.)\S+")
_LONG_CHARS = 40
_LONG_TOKEN = re.compile(rf"[!-~]{{{_LONG_CHARS},}}")
_DOMAIN_ONLY = re.compile(r"^(?:[a-z0-9-]+\.)+[a-z]{2,}(?:/\S*)?$", re.IGNORECASE)
_TERMINAL = (".", "!", "?", "…", '"', "”", "’", "'", ")", "»", "。", "！", "？", ":", ";")
_BYLINE = re.compile(r"^(?:by|from)\s+\S", re.IGNORECASE)
_SEPARATORS = re.compile(r"[\s|·•/,;:!()\[\]-]+")


def cjk_count(text: str) -> int:
    """Chinese, Japanese and Korean characters in text (they carry no spaces to count)."""
    return len(_CJK.findall(text))


@functools.lru_cache(maxsize=8192)
def weight(text: str) -> int:
    """Words in text, counting two CJK characters as one word (cached: every finder asks)."""
    if text.isascii():
        return word_count(text)
    if not _CJK.search(text):
        return word_count(text) if narrow(text) else len(_TOKEN.findall(text))
    return len(_TOKEN.findall(_CJK.sub(" ", text))) + cjk_count(text) // 2


def joined_weight(texts: list[str]) -> int:
    """weight() of the texts joined by blank lines, summed from their cached weights (words
    never run across a line); text with CJK, whose half-words round, is counted whole."""
    if any(_CJK.search(t) for t in texts):
        return weight("\n\n".join(texts))
    return sum(weight(t) for t in texts)


@dataclass(frozen=True)
class Classified:
    """A unit with the signals the body, headline and metadata finders share."""

    unit: Unit
    words: int
    furniture: str | None  # reason when the unit is page furniture
    prose: bool
    text: str = field(init=False, repr=False, compare=False)  # the unit's: read in every loop

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", self.unit.text)


@dataclass(frozen=True)
class _Compiled:
    """The knowledge's many patterns folded into a few regexes, so each unit is searched once."""

    strong: tuple[tuple[str, re.Pattern[str]], ...]  # multi-line: run once over all units
    cta: dict[str, list[tuple[str, ...]]]  # first word -> the phrases starting with it
    cta_start: re.Pattern[str] | None  # any phrase's first word, as a whole word
    publisher: re.Pattern[str] | None
    appeals: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]
    # literals each pattern needs (prefilter): a file without them is not scanned
    strong_needles: tuple[Needles | None, ...]
    publisher_needles: Needles | None
    appeal_needles: tuple[Needles | None, ...]
    markup_needles: Needles | None
    line_anchored: frozenset[str]  # strong patterns that only match at a line's start
    button_chars: int  # the longest button phrase
    first_chars: tuple[frozenset[str] | None, ...]  # the ASCII characters a match starts with
    within_line: frozenset[str]  # strong patterns whose matches never hold a newline


_COMPILED: dict[int, _Compiled] = {}


def _alternation(named: list[tuple[str, re.Pattern[str]]]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?P<{name}>{p.pattern})" for name, p in named), re.IGNORECASE)


def _phrase_index(phrases: frozenset[str]) -> dict[str, list[tuple[str, ...]]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in sorted(phrases):
        words = tuple(_WORDS.findall(phrase))
        if words:
            index.setdefault(words[0], []).append(words)
    return index


_WORDS = re.compile(r"[^\W_]+")
CTA_MAX_WORDS = 80  # a longer unit is prose even with a 'sign up' or two in it


def _first_words(index: dict[str, list[tuple[str, ...]]]) -> re.Pattern[str] | None:
    """One pattern finding the words a phrase can start with, so other words cost nothing."""
    if not index:
        return None
    # The character before the word is matched, not looked behind at: re then tries only
    # the positions of such characters (the text must start with one). A whole word matches
    # at most one of the words, so their order is free: a trie is tried letter by letter.
    return re.compile(rf"[\W_]({trie(sorted(index))})(?![^\W_])")


def compiled(kb: Knowledge) -> _Compiled:
    """Compile once per Knowledge object."""
    found = _COMPILED.get(id(kb))
    if found is None:
        index = _phrase_index(kb.cta)
        lines = [p for pub in kb.publishers for p in (*pub.markers, *pub.boilerplate)]
        strong = tuple(
            (name, re.compile(p.pattern, re.IGNORECASE | re.MULTILINE)) for name, p in kb.strong
        )
        publisher = _alternation([(f"pub{i}", p) for i, p in enumerate(lines)]) if lines else None
        appeals = tuple(a for pub in kb.publishers for a in pub.appeals)
        found = _Compiled(
            strong=strong,
            cta=index,
            cta_start=_first_words(index),
            publisher=publisher,
            appeals=appeals,
            strong_needles=tuple(needles(p) for _, p in strong),
            publisher_needles=needles(publisher) if publisher else None,
            appeal_needles=tuple(needles(start) for start, _ in appeals),
            markup_needles=needles(kb.markup),
            line_anchored=frozenset(name for name, p in strong if line_anchored(p)),
            button_chars=max(map(len, kb.button_phrases), default=0),
            first_chars=tuple(first_chars(p) for _, p in strong),
            within_line=frozenset(name for name, p in strong if within_line(p)),
        )
        _COMPILED[id(kb)] = found
    return found


def _scan(units: list[Unit], patterns: _Compiled) -> tuple[list[str | None], list[int]]:
    """Strong reasons and call-to-action counts of every unit, one regex pass per pattern over
    the whole file instead of one per unit (a unit is one line of the joined text)."""
    text = "\n".join(u.text for u in units)
    starts = [0]
    for u in units[:-1]:
        starts.append(starts[-1] + len(u.text) + 1)
    reasons: list[str | None] = [None] * len(units)
    low = lowered(text)
    heads = [u.text[:1] for u in units]
    for (name, pattern), needed, first in zip(
        patterns.strong, patterns.strong_needles, patterns.first_chars, strict=True
    ):
        if not may_match(needed, low):
            continue
        if name in patterns.line_anchored:
            tried = _possible(starts, heads, first)
            if needed and low is not None and name in patterns.within_line:
                holding = lines_holding(needed, low, starts)  # the others cannot hold a match
                tried = [s for s in tried if s in holding]
            found = _at_line_starts(pattern, text, starts, tried)
        else:
            found = pattern.finditer(text)
        for m in found:
            if "\n" not in m.group():
                i = bisect.bisect_right(starts, m.start()) - 1
                reasons[i] = reasons[i] or name
    return reasons, _cta_counts(units, patterns)


def _possible(starts: list[int], heads: list[str], first: frozenset[str] | None) -> list[int]:
    """The line starts whose first character a match can start with (an ASCII character
    outside `first` cannot; an empty line starts with its newline)."""
    if first is None:
        return starts
    return [
        s for s, h in zip(starts, heads, strict=True) if (h or "\n") in first or not h.isascii()
    ]


def _at_line_starts(
    pattern: re.Pattern[str], text: str, starts: list[int], tried: list[int] | None = None
) -> Iterator[re.Match[str]]:
    """What pattern.finditer(text) yields when the pattern only matches at line starts and
    never empty: one match() per line start, skipping those inside the previous match
    (`tried`: the line starts where a match is possible, by default all of them)."""
    resume = 0
    for start in starts if tried is None else tried:
        if start < resume:
            continue
        m = pattern.match(text, start)
        if m:
            resume = m.end()
            yield m


def _cta_counts(units: list[Unit], patterns: _Compiled) -> list[int]:
    """How many distinct call-to-action phrases each unit's words contain (0 for units too
    long for a call to action, which are not read)."""
    phrases: list[set[tuple[str, ...]]] = [set() for _ in units]
    if patterns.cta_start is None:
        return [0] * len(units)
    lines = [u.text.lower() if weight(u.text) <= CTA_MAX_WORDS else "" for u in units]
    text = "\n" + "\n".join(lines)
    starts = [1]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    longest = max(len(p) for ps in patterns.cta.values() for p in ps)
    for m in patterns.cta_start.finditer(text):
        at = m.start(1)
        i = bisect.bisect_right(starts, at) - 1
        found = _WORDS.finditer(text, at, starts[i] + len(lines[i]))
        words = tuple(w.group() for w in itertools.islice(found, longest))
        for phrase in patterns.cta[m.group(1)]:
            if words[: len(phrase)] == phrase:
                phrases[i].add(phrase)
    return [len(p) for p in phrases]


def furniture_reason(
    text: str, words: int, kb: Knowledge, strong: str | None = None, cta: int | None = None
) -> str | None:
    """Why this unit is page furniture, or None (strong/cta: precomputed by _scan)."""
    if cta is None:
        found, counts = _scan([Unit(text, 0, 0)], compiled(kb))
        strong, cta = found[0], counts[0]
    if strong:
        return strong
    lower = text.lower().strip()
    if len(text) >= MARKUP_CHARS and _tags(text, kb) >= MARKUP_TAGS:
        return "markup"
    # (the words are at most the characters the separators leave, so longer units skip this)
    if words <= max(SHARE_WORDS, compiled(kb).button_chars):
        bare = _SEPARATORS.sub(" ", lower).strip()
        if bare and words <= SHARE_WORDS and all(w in kb.share_words for w in bare.split()):
            return "share_buttons"
        if bare.rstrip(".") in kb.button_phrases:
            return "button"
    if _DOMAIN_ONLY.match(lower) and not lower.startswith("http"):
        return "credit_domain"
    # (cheap tests first: an address has '://' or 'www.', a long token 40 characters)
    urls = ("://" in text or "www." in text) and _URL.findall(text)
    urls = urls or (len(text) >= _LONG_CHARS and _LONG_TOKEN.findall(text))
    if urls and sum(len(u) for u in urls) >= 0.6 * len(text.strip()):
        return "links"  # addresses, or image and tracking references (no word runs that long)
    if words <= CTA_MAX_WORDS and ((cta >= 1 and words <= 15) or cta >= 2):
        return "call_to_action"
    return None


SHARE_WORDS = 12  # a longer unit is not a row of share buttons
_TRUNCATED = re.compile(r"\w(?:…|\.\.\.)$")
REPEATS = 3
MARKUP_CHARS, MARKUP_TAGS = 150, 3


def _tags(text: str, kb: Knowledge) -> int:
    """How many markup tags or attributes the unit holds (none without the literals they need)."""
    if not may_match(compiled(kb).markup_needles, lowered(text)):
        return 0
    return len(kb.markup.findall(text))


def is_prose(text: str, words: int) -> bool:
    """A sentence-like unit: long enough and ending like a sentence, or long regardless."""
    text = text.rstrip()
    if words < 25 and _TRUNCATED.search(text):
        return False  # a teaser cut mid-word links to another story
    return words >= 25 or (words >= 8 and text.endswith(_TERMINAL))


def is_byline(text: str) -> bool:
    return bool(_BYLINE.match(text.strip())) and weight(text) <= 25


def classify(units: list[Unit], kb: Knowledge) -> list[Classified]:
    """Classify every unit, applying the publishers' own furniture and appeal spans."""
    if not units:
        return []  # a file of only invisible characters normalizes to nothing
    out = []
    in_appeal: re.Pattern[str] | None = None
    counts = Counter(u.text.casefold() for u in units)
    patterns = compiled(kb)
    strong, cta = _scan(units, patterns)
    low = lowered("\n".join(u.text for u in units))
    publisher = patterns.publisher if may_match(patterns.publisher_needles, low) else None
    appeals = [
        a
        for a, n in zip(patterns.appeals, patterns.appeal_needles, strict=True)
        if may_match(n, low)
    ]
    for index, unit in enumerate(units):
        text = unit.text
        words = weight(text)
        reason = furniture_reason(text, words, kb, strong[index], cta[index])
        if reason is None and words < 25 and counts[text.casefold()] >= REPEATS:
            reason = "repeated_in_file"  # menus, footers and teaser labels repeat; prose does not
        if in_appeal is not None:
            reason = "publisher_appeal"
            if in_appeal.search(text):
                in_appeal = None
        if publisher is not None and publisher.search(text):
            reason = reason or "publisher_furniture"
        for start, end in appeals:
            if start.search(text) and _has_end(units, unit, end):
                reason, in_appeal = "publisher_appeal", end
        out.append(Classified(unit, words, reason, reason is None and is_prose(text, words)))
    return out


def _has_end(units: list[Unit], start: Unit, end: re.Pattern[str]) -> bool:
    return any(u.line > start.line and end.search(u.text) for u in units)
