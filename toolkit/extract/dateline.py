"""The publication date: the dateline next to the article's start, not a date in a list or prose.

Rules that hold on any news page: the date the page was published is printed on a short
line near the headline and byline, just before the body; dates further away belong to
related-story lists, comments or the story itself. "Updated" dates, print time stamps and
embedded-post signatures are never the publication date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from toolkit.extract.classify import Classified, weight
from toolkit.extract.dates import (
    DateMatch,
    date_from_url,
    find_dates,
    find_month_days,
    latest_date,
)

AFTER_START = 15  # header lines the article block may have swallowed
FOOTER = 2  # a blog's "Posted on ..." line just after the body
LIST_GAP = 4  # dated units this close together form a list (related stories, comments)
LIST_SIZE = 3
MAX_REST = 12  # words besides the date on a dateline ("By X | Published ... | 3 min read")
MAX_BEFORE = 6  # words before the date when the line is longer
MAX_LINE = 30
FOOTER_COST = 1000

_SKIP = frozenset({"embed_signature", "credit", "credit_agency", "links"})
_DIGIT = re.compile(r"\d")
# Browser print header: "11/28/23, 3:45 PM  Page title" at the top of each printed page.
_PRINT_STAMP = re.compile(r"^\s*\d{1,2}[/.]\d{1,2}[/.]\d{2,4},\s*\d{1,2}:\d{2}")
_UPDATED = re.compile(
    r"updated|modified|aktualisiert|mis à jour|actualizado|atualizado|更新", re.IGNORECASE
)
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:(?:19|20)\d{2}\s*[-–]\s*)?(?P<year>(?:19|20)\d{2})", re.I
)
_DAY_FIRST_EXCEPT = frozenset({"en", "zh", "ja", "ko"})  # month first, or year first


@dataclass(frozen=True)
class _Cues:
    """What the file says about how to read its dates."""

    day_first: bool
    url_date: dt.date | None
    years: tuple[int, ...]  # candidate years for a date printed without one, best first
    stamp: dt.date | None  # the print time stamp: nothing was published after it


@dataclass(frozen=True)
class _Candidate:
    index: int
    date: dt.date


def publication_date(
    units: list[Classified], span: tuple[int, int], url: str | None, language: str | None
) -> tuple[dt.date | None, str | None]:
    """The date printed next to the article's start, and where it came from ('text')."""
    start, end = span
    cues = _cues(units, start, url, language)
    found = [c for c in _candidates(units, start, end, cues) if c.date <= latest_date()]
    if cues.stamp is not None:
        found = [c for c in found if c.date <= cues.stamp]
    found = _without_lists(found)
    if not found:
        return None, None
    best = min(found, key=lambda c: _cost(c.index, start, end))
    return best.date, "text"


def _cost(index: int, start: int, end: int) -> int:
    """Distance from the article's start; lines above it are the likelier header."""
    if index <= start:
        return start - index
    if index <= start + AFTER_START:
        return 2 * (index - start)
    return FOOTER_COST + abs(index - end)


def _zone(start: int, end: int, size: int) -> Iterator[int]:
    """Indexes of units that may hold the dateline: above the body, its head, its foot."""
    yield from range(0, min(size, start + AFTER_START + 1))
    yield from range(max(start + AFTER_START + 1, end - 1), min(size, end + FOOTER + 1))


def _candidates(
    units: list[Classified], start: int, end: int, cues: _Cues
) -> Iterator[_Candidate]:
    for i in _zone(start, end, len(units)):
        c = units[i]
        if c.furniture in _SKIP or not _DIGIT.search(c.text) or _PRINT_STAMP.match(c.text):
            continue
        for date in _line_dates(c.text, cues):
            yield _Candidate(i, date)


def _line_dates(text: str, cues: _Cues) -> list[dt.date]:
    """The publication-date candidates on one line: dates that are not 'updated' or in prose."""
    full = _read_numeric(text, cues)
    partial = find_month_days(text, full)
    spans: list[tuple[int, int, dt.date | None]] = [(m.start, m.end, m.date) for m in full]
    spans += [(p.start, p.end, _with_year(p.month, p.day, cues)) for p in partial]
    spans.sort(key=lambda s: s[0])
    if not spans or not _dateline_shape(text, spans[0][0], [(s, e) for s, e, _ in spans]):
        return []
    out: list[dt.date] = []
    previous = 0
    for s, e, date in spans:
        if date is not None and not _UPDATED.search(text[previous:s]):
            out.append(date)
        previous = e
    return out


def _dateline_shape(text: str, first: int, spans: list[tuple[int, int]]) -> bool:
    """Mostly a date, or a short line that starts with one: not a sentence mentioning it."""
    rest = text
    for s, e in reversed(spans):
        rest = rest[:s] + " " + rest[e:]
    if weight(rest) <= MAX_REST:
        return True
    return weight(text[:first]) <= MAX_BEFORE and weight(text) <= MAX_LINE


def _read_numeric(text: str, cues: _Cues) -> list[DateMatch]:
    """The line's dates, reading an ambiguous numeric one as the url's date when it is that."""
    found = find_dates(text, cues.day_first)
    if cues.url_date is None or any(m.date == cues.url_date for m in found):
        return found
    other = find_dates(text, not cues.day_first)
    return other if any(m.date == cues.url_date for m in other) else found


def _with_year(month: int, day: int, cues: _Cues) -> dt.date | None:
    """A month and day in the year the file points to, or None without such evidence."""
    for year in cues.years:
        try:
            date = dt.date(year, month, day)
        except ValueError:
            continue
        if cues.stamp is None or date <= cues.stamp:
            return date
    return None


def _without_lists(found: list[_Candidate]) -> list[_Candidate]:
    """Drop runs of several dated units close together with different dates: lists."""
    kept: list[_Candidate] = []
    run: list[_Candidate] = []
    for c in sorted(found, key=lambda c: c.index):
        if run and c.index - run[-1].index > LIST_GAP:
            kept += _unless_list(run)
            run = []
        run.append(c)
    return kept + _unless_list(run)


def _unless_list(run: list[_Candidate]) -> list[_Candidate]:
    units = {c.index for c in run}
    dates = {c.date for c in run}
    return [] if len(units) >= LIST_SIZE and len(dates) >= 2 else run


def _cues(units: list[Classified], start: int, url: str | None, language: str | None) -> _Cues:
    url_date = date_from_url(url) if url else None
    stamp = _print_stamp(units)
    years: list[int] = []
    if url_date is not None:
        years.append(url_date.year)
    if stamp is not None:
        years += [stamp.year, stamp.year - 1]
    years += _copyright_years(units)
    return _Cues(
        day_first=language is not None and language not in _DAY_FIRST_EXCEPT,
        url_date=url_date,
        years=tuple(dict.fromkeys(years)),
        stamp=stamp,
    )


def _print_stamp(units: list[Classified]) -> dt.date | None:
    """The date of the first print time stamp (month first, as browsers print it in en-US)."""
    for c in units:
        if _PRINT_STAMP.match(c.text):
            dates = find_dates(c.text[:10])
            if dates:
                return dates[0].date
    return None


def _copyright_years(units: list[Classified]) -> list[int]:
    """Years in '© 2015' lines: the page was rendered then, so a bare 'Mar 27' is that year."""
    years = []
    for c in units:
        m = _COPYRIGHT.search(c.text) if "©" in c.text or "opyright" in c.text else None
        if m:
            years.append(int(m["year"]))
    return sorted(set(years), reverse=True)[:1]
