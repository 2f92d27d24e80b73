"""What each unit is: prose, a title candidate, or page furniture (with the reason)."""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field

from toolkit.extract.knowledge import Knowledge
from toolkit.extract.latin1 import letter_runs, narrow, word_count
from toolkit.extract.prefilter import Needles, Present, lowered, lowered_lines, may_match, needles
from toolkit.extract.segment import Unit
from toolkit.extract.strong import Strong, strong, strong_reasons

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


def has_cjk(text: str) -> bool:
    """_CJK.search(text) as a bool, sparing ASCII text (half the paragraphs) the regex scan."""
    return not text.isascii() and _CJK.search(text) is not None


def domain_only(lower: str) -> bool:
    """Whether a unit (stripped, lower-cased) is a bare domain: a dot first, then the regex
    (most units have no dot, and a failed `in` costs far less than a failed match)."""
    return "." in lower and _DOMAIN_ONLY.match(lower) is not None


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
    if any(has_cjk(t) for t in texts):
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

    strong: tuple[Strong, ...]  # multi-line: run once over all units
    cta: dict[str, list[tuple[str, ...]]]  # first word -> the phrases starting with it
    publisher: re.Pattern[str] | None
    appeals: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]
    # literals each pattern needs (prefilter): a file without them is not scanned
    publisher_needles: Needles | None
    appeal_needles: tuple[Needles | None, ...]
    markup_needles: Needles | None
    button_chars: int  # the longest button phrase


_COMPILED: dict[int, _Compiled] = {}


def _alternation(named: list[tuple[str, re.Pattern[str]]]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?P<{name}>{p.pattern})" for name, p in named), re.IGNORECASE)


def _phrase_index(phrases: frozenset[str]) -> dict[str, list[tuple[str, ...]]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for words in sorted({tuple(_WORDS.findall(phrase)) for phrase in phrases}):
        if words:
            index.setdefault(words[0], []).append(words)
    return index


_WORDS = re.compile(r"[^\W_]+")
CTA_MAX_WORDS = 80  # a longer unit is prose even with a 'sign up' or two in it


def compiled(kb: Knowledge) -> _Compiled:
    """Compile once per Knowledge object."""
    found = _COMPILED.get(id(kb))
    if found is None:
        index = _phrase_index(kb.cta)
        lines = [p for pub in kb.publishers for p in (*pub.markers, *pub.boilerplate)]
        strong_patterns = tuple(
            strong(name, re.compile(p.pattern, re.IGNORECASE | re.MULTILINE))
            for name, p in kb.strong
        )
        publisher = _alternation([(f"pub{i}", p) for i, p in enumerate(lines)]) if lines else None
        appeals = tuple(a for pub in kb.publishers for a in pub.appeals)
        found = _Compiled(
            strong=strong_patterns,
            cta=index,
            publisher=publisher,
            appeals=appeals,
            publisher_needles=needles(publisher) if publisher else None,
            appeal_needles=tuple(needles(start) for start, _ in appeals),
            markup_needles=needles(kb.markup),
            button_chars=max(map(len, kb.button_phrases), default=0),
        )
        _COMPILED[id(kb)] = found
    return found


@dataclass(frozen=True)
class _File:
    """One file's units as one text, a unit a line, with what several passes share."""

    texts: list[str]
    lows: list[str]  # each text lower-cased (once, for every test that needs it)
    text: str
    starts: list[int]  # where each line starts in text
    present: Present  # the needles the lower-cased text holds


def _file(units: list[Unit]) -> _File:
    texts = [u.text for u in units]
    text = "\n".join(texts)
    starts = list(itertools.accumulate((len(t) + 1 for t in texts), initial=0))[:-1]
    lows = [t.lower() for t in texts]
    return _File(texts, lows, text, starts, Present(lowered_lines(text, lows)))


def _scan(units: list[Unit], patterns: _Compiled) -> tuple[list[str | None], list[int]]:
    """Strong reasons and call-to-action counts of every unit."""
    f = _file(units)
    return _strong(f, patterns), _cta_counts(units, patterns, f.lows)


def _strong(f: _File, patterns: _Compiled) -> list[str | None]:
    return strong_reasons(patterns.strong, f.texts, f.text, f.starts, f.present)


def _cta_counts(units: list[Unit], patterns: _Compiled, lows: list[str] | None = None) -> list[int]:
    """How many distinct call-to-action phrases each unit's words contain (0 for units too
    long for a call to action, which are not read; lows: the texts lower-cased)."""
    if lows is None:
        lows = [u.text.lower() for u in units]
    return [
        _phrases(u.text, low, patterns.cta) if weight(u.text) <= CTA_MAX_WORDS else 0
        for u, low in zip(units, lows, strict=True)
    ]


def _phrases(text: str, low: str, index: dict[str, list[tuple[str, ...]]]) -> int:
    """How many distinct phrases of the index the words of text (lower-cased: low) hold."""
    # (narrow text lower-cases to narrow text: no character beyond Latin-1 lowers into it)
    words = letter_runs(low) if narrow(text) else _WORDS.findall(low)
    found = 0
    for first in index.keys() & words:  # (a set operation in C; few words start a phrase)
        for phrase in index[first]:
            at = words.index(first)
            while tuple(words[at : at + len(phrase)]) != phrase:
                at = _index(words, first, at + 1)
                if at < 0:
                    break
            else:
                found += 1
    return found


def _index(words: list[str], word: str, start: int) -> int:
    try:
        return words.index(word, start)
    except ValueError:
        return -1


def furniture_reason(
    text: str, words: int, kb: Knowledge, strong: str | None = None, cta: int | None = None
) -> str | None:
    """Why this unit is page furniture, or None (strong/cta: precomputed by _scan)."""
    patterns = compiled(kb)
    if cta is None:
        found, counts = _scan([Unit(text, 0, 0)], patterns)
        strong, cta = found[0], counts[0]
    if strong:
        return strong
    markup = may_match(patterns.markup_needles, lowered(text))
    return _reason(text, text.lower(), words, kb, patterns, cta, markup)


def _reason(
    text: str,
    low: str,
    words: int,
    kb: Knowledge,
    patterns: _Compiled,
    cta: int,
    markup: bool,
) -> str | None:
    """furniture_reason of a unit no strong pattern matched (low: the text lower-cased;
    markup: whether it holds a literal the markup pattern needs)."""
    lower = low.strip()
    if len(text) >= MARKUP_CHARS and markup and len(kb.markup.findall(text)) >= MARKUP_TAGS:
        return "markup"
    # (the words are at most the characters the separators leave, so longer units skip this)
    if words <= max(SHARE_WORDS, patterns.button_chars):
        bare = _SEPARATORS.sub(" ", lower).strip()
        if bare and words <= SHARE_WORDS and all(w in kb.share_words for w in bare.split()):
            return "share_buttons"
        if bare.rstrip(".") in kb.button_phrases:
            return "button"
    if domain_only(lower) and not lower.startswith("http"):
        return "credit_domain"
    # (cheap tests first: an address has '://' or 'www.', a long token 40 characters)
    urls = ("://" in text or "www." in text) and _URL.findall(text)
    urls = urls or (_unbroken(text, _LONG_CHARS) and _LONG_TOKEN.findall(text))
    if urls and sum(len(u) for u in urls) >= 0.6 * len(text.strip()):
        return "links"  # addresses, or image and tracking references (no word runs that long)
    if words <= CTA_MAX_WORDS and ((cta >= 1 and words <= 15) or cta >= 2):
        return "call_to_action"
    return None


def _unbroken(text: str, width: int) -> bool:
    """Whether some `width` characters in a row hold no space, as a token that long needs
    (a few substring searches instead of a regex tried at every character)."""
    start = 0
    while start + width <= len(text):
        space = text.rfind(" ", start, start + width)
        if space < 0:
            return True
        start = space + 1  # a window starting at or before the space holds it
    return False


SHARE_WORDS = 12  # a longer unit is not a row of share buttons
_TRUNCATED = re.compile(r"\w(?:…|\.\.\.)$")
_CUT = ("…", "...")  # how a match of _TRUNCATED ends (the text has no trailing newline)
REPEATS = 3
MARKUP_CHARS, MARKUP_TAGS = 150, 3


def _markup_lines(f: _File, needed: Needles | None) -> list[bool]:
    """Which units hold a literal the markup pattern needs (the others hold no tag)."""
    if needed is None or f.present.low is None:
        return [True] * len(f.lows)
    held = [n for n in needed if f.present.may_match((n,))]
    if not held:
        return [False] * len(f.lows)
    return [any(n in low for n in held) for low in f.lows]


def is_prose(text: str, words: int) -> bool:
    """A sentence-like unit: long enough and ending like a sentence, or long regardless."""
    text = text.rstrip()
    if words < 25 and text.endswith(_CUT) and _TRUNCATED.search(text):
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
    f = _file(units)
    strong = _strong(f, patterns)
    cta = _cta_counts(units, patterns, f.lows)
    publisher = patterns.publisher if f.present.may_match(patterns.publisher_needles) else None
    appeals = [
        a
        for a, n in zip(patterns.appeals, patterns.appeal_needles, strict=True)
        if f.present.may_match(n)
    ]
    markup = _markup_lines(f, patterns.markup_needles)
    for index, unit in enumerate(units):
        text = unit.text
        words = weight(text)
        reason = strong[index] or _reason(
            text, f.lows[index], words, kb, patterns, cta[index], markup[index]
        )
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
