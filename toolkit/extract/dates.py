"""Calendar dates written in the common styles, found in a line of text."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    [
        "january jan janvier janv januar jänner enero ene janeiro gennaio leden",
        "february feb février fevrier févr fevr februar febrero febr fevereiro fev febbraio únor",
        "march mar mars märz maerz marzo março marco březen",
        "april apr avril abril aprile avr abr duben",
        "may mai mayo maio maggio mag květen",
        "june jun juin juni junio junho giugno giu červen",
        "july jul juillet juil juli julio julho luglio lug červenec",
        "august aug août aout agosto ago srpen",
        "september sep sept septembre septiembre setembro set settembre září",
        "october oct octobre oktober octubre okt outubro out ottobre ott říjen",
        "november nov novembre noviembre novembro listopad",
        "december dec décembre decembre dez dezember diciembre dic dezembro dicembre prosinec",
    ],
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name.rstrip(".")] = _number

_MONTH = r"(?P<month>" + "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th|er|\.)?"
_YEAR = r"(?P<year>\d{4}|'?\d{2})"
_PATTERNS = [
    re.compile(r"(?<!\d)(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})(?!\d)"),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}(?![\d:])", re.IGNORECASE),
    re.compile(rf"(?<!\d){_DAY}\s+(?:de\s+|of\s+)?{_MONTH},?\s+(?:de\s+)?{_YEAR}(?![\d:])", re.I),
]
_URL_DATE = re.compile(
    r"/(?P<year>(?:19|20)\d{2})[/-](?P<month>\d{1,2})[/-](?P<day>\d{1,2})(?:/|-|$)"
)
_URL_COMPACT = re.compile(r"/(?P<year>(?:19|20)\d{2})(?P<month>[01]\d)(?P<day>[0-3]\d)(?:/|-|$)")

MIN_YEAR = 1900
MAX_YEAR = 2100


def latest_date() -> dt.date:
    """The latest date an article can carry: today in UTC, with a day of grace for time zones."""
    return dt.datetime.now(dt.UTC).date() + dt.timedelta(days=1)


@dataclass(frozen=True)
class DateMatch:
    """A date found in text, with where it was."""

    date: dt.date
    start: int
    end: int


def _to_date(groups: dict[str, str]) -> dt.date | None:
    month_text = groups["month"].lower().rstrip(".")
    month = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text)
    year_text = groups["year"].lstrip("'")
    year = int(year_text)
    if len(year_text) == 2:
        year += 2000 if year < 70 else 1900
    if month is None or not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return dt.date(year, month, int(groups["day"]))
    except ValueError:
        return None


def find_dates(text: str) -> list[DateMatch]:
    """Every date in text, in order of position, without overlaps."""
    found: list[DateMatch] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < f.end and f.start < m.end() for f in found):
                continue
            date = _to_date(m.groupdict())
            if date is not None:
                found.append(DateMatch(date, m.start(), m.end()))
    return sorted(found, key=lambda f: f.start)


def date_from_url(url: str) -> dt.date | None:
    """The date in a url path such as /2023/10/16/ or /20231016/."""
    for pattern in (_URL_DATE, _URL_COMPACT):
        m = pattern.search(url)
        if m:
            date = _to_date(m.groupdict())
            if date is not None:
                return date
    return None
