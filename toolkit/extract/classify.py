"""What each unit is: prose, a title candidate, or page furniture (with the reason)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from toolkit.extract.knowledge import Knowledge
from toolkit.extract.segment import Unit

_TOKEN = re.compile(r"\w+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_URL = re.compile(r"(?:https?://|www\.)\S+")
_DOMAIN_ONLY = re.compile(r"^(?:[a-z0-9-]+\.)+[a-z]{2,}(?:/\S*)?$", re.IGNORECASE)
_TERMINAL = (".", "!", "?", "…", '"', "”", "’", "'", ")", "»", "。", "！", "？", ":", ";")
_BYLINE = re.compile(r"^(?:by|from)\s+\S", re.IGNORECASE)


def weight(text: str) -> int:
    """Words in text, counting two CJK characters as one word."""
    cjk = len(_CJK.findall(text))
    latin = len(_TOKEN.findall(_CJK.sub(" ", text)))
    return latin + cjk // 2


@dataclass(frozen=True)
class Classified:
    """A unit with the signals the body, headline and metadata finders share."""

    unit: Unit
    words: int
    furniture: str | None  # reason when the unit is page furniture
    prose: bool

    @property
    def text(self) -> str:
        return self.unit.text


@dataclass(frozen=True)
class _Compiled:
    """The knowledge's many patterns folded into a few regexes, so each unit is searched once."""

    strong: tuple[tuple[str, re.Pattern[str]], ...]
    publisher: re.Pattern[str] | None
    appeals: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]


_COMPILED: dict[int, _Compiled] = {}


def _alternation(named: list[tuple[str, re.Pattern[str]]]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?P<{name}>{p.pattern})" for name, p in named), re.IGNORECASE)


def compiled(kb: Knowledge) -> _Compiled:
    """Compile once per Knowledge object."""
    found = _COMPILED.get(id(kb))
    if found is None:
        lines = [p for pub in kb.publishers for p in (*pub.markers, *pub.boilerplate)]
        found = _Compiled(
            strong=kb.strong,
            publisher=_alternation([(f"pub{i}", p) for i, p in enumerate(lines)])
            if lines
            else None,
            appeals=tuple(a for pub in kb.publishers for a in pub.appeals),
        )
        _COMPILED[id(kb)] = found
    return found


_NON_WORD = re.compile(r"[\W_]+")


def cta_hits(text: str, phrases: frozenset[str]) -> int:
    """How many call-to-action phrases the text has (whole words, any case)."""
    padded = f" {_NON_WORD.sub(' ', text.lower())} "
    hits = 0
    for phrase in phrases:
        if f" {phrase} " in padded:
            hits += 1
            if hits >= 2:
                break
    return hits


def furniture_reason(text: str, words: int, kb: Knowledge) -> str | None:
    """Why this unit is page furniture, or None."""
    patterns = compiled(kb)
    for name, pattern in patterns.strong:
        if pattern.search(text):
            return name
    lower = text.lower().strip()
    if len(text) >= MARKUP_CHARS and len(kb.markup.findall(text)) >= MARKUP_TAGS:
        return "markup"
    bare = re.sub(r"[\s|·•/,;:!()\[\]-]+", " ", lower).strip()
    if bare and words <= 12 and all(w in kb.share_words for w in bare.split()):
        return "share_buttons"
    if bare.rstrip(".") in kb.button_phrases:
        return "button"
    if _DOMAIN_ONLY.match(lower) and not lower.startswith("http"):
        return "credit_domain"
    urls = _URL.findall(text)
    if urls and sum(len(u) for u in urls) >= 0.6 * len(text.strip()):
        return "links"
    if words <= 80:
        hits = cta_hits(text, kb.cta)
        if (hits >= 1 and words <= 15) or hits >= 2:
            return "call_to_action"
    return None


_TRUNCATED = re.compile(r"\w(?:…|\.\.\.)$")
REPEATS = 3
MARKUP_CHARS, MARKUP_TAGS = 150, 3


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
    out = []
    in_appeal: re.Pattern[str] | None = None
    counts = Counter(u.text.casefold() for u in units)
    patterns = compiled(kb)
    for unit in units:
        text = unit.text
        words = weight(text)
        reason = furniture_reason(text, words, kb)
        if reason is None and counts[text.casefold()] >= REPEATS and words < 25:
            reason = "repeated_in_file"  # menus, footers and teaser labels repeat; prose does not
        if in_appeal is not None:
            reason = "publisher_appeal"
            if in_appeal.search(text):
                in_appeal = None
        if patterns.publisher is not None and patterns.publisher.search(text):
            reason = reason or "publisher_furniture"
        for start, end in patterns.appeals:
            if start.search(text) and _has_end(units, unit, end):
                reason, in_appeal = "publisher_appeal", end
        out.append(Classified(unit, words, reason, reason is None and is_prose(text, words)))
    return out


def _has_end(units: list[Unit], start: Unit, end: re.Pattern[str]) -> bool:
    return any(u.line > start.line and end.search(u.text) for u in units)
