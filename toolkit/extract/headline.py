"""The headline: the title line(s) just above the byline, date and body."""

from __future__ import annotations

import re

from toolkit.extract.classify import Classified, is_byline, weight
from toolkit.extract.dates import find_dates

MAX_LOOKBACK = 8
_LABELLED_DATE = re.compile(
    r"^\s*(?:(?:date|published|posted|updated|on)\s*:?\s*)?$", re.IGNORECASE
)
_SUFFIX = re.compile(r"\s+(?:[|–—]|-|::)\s+(?P<site>[^|–—]{2,60})$")


def strip_date_prefix(text: str) -> str:
    """A title line that starts with a (labelled) date, without that date."""
    dates = find_dates(text)
    if dates and _LABELLED_DATE.match(text[: dates[0].start]):
        return text[dates[0].end :].lstrip(" |,:–—-")
    return text


def is_dateline(text: str) -> bool:
    """A line that is mostly a date (with labels, weekday or time around it)."""
    dates = find_dates(text)
    if not dates:
        return False
    rest = text[: dates[0].start] + text[dates[-1].end :]
    return weight(rest) <= 6


def title_like(text: str) -> bool:
    """Short, not a sentence, not a byline or a date: the shape of a headline."""
    text = text.strip()
    words = weight(text)
    if not 3 <= words <= 30 or is_byline(text) or is_dateline(text):
        return False
    if text.endswith((".", ",", ":", ";")) and not text.endswith("..."):
        return False
    letters = sum(ch.isalpha() for ch in text)
    return letters >= 0.6 * len(text.replace(" ", "")) and not text.islower()


def find_headline(units: list[Classified], body_start: int) -> tuple[int, int] | None:
    """[first, last] unit indexes of the headline above body_start, or None."""
    for i in range(body_start - 1, max(-1, body_start - 1 - MAX_LOOKBACK), -1):
        c = units[i]
        if c.furniture or is_byline(c.text) or is_dateline(c.text):
            continue
        text = strip_date_prefix(c.text)
        if c.prose or not title_like(text):
            if weight(text) <= 2:
                continue  # a section label or a stray word
            return None
        first = i
        while (
            first > 0
            and units[first - 1].unit.block == c.unit.block
            and not units[first - 1].furniture
            and title_like(units[first - 1].text)
            and weight(units[first - 1].text) + weight(text) <= 30
        ):
            first -= 1
        return first, i
    return None


def headline_text(units: list[Classified], span: tuple[int, int], known_sites: list[str]) -> str:
    """The headline's lines joined, without a leading date or a trailing ' | Site'."""
    text = " ".join(strip_date_prefix(units[i].text) for i in range(span[0], span[1] + 1))
    m = _SUFFIX.search(text)
    if m and any(m.group("site").strip().lower() == s.lower() for s in known_sites):
        text = text[: m.start()]
    return text.strip()
