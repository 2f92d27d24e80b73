"""How to read one file's dates: numeric order, the year of a bare "Mar 27", the print time."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from toolkit.extract.classify import Classified
from toolkit.extract.dates import DateMatch, DateText, date_from_url, find_dates

# Browser print header: "11/28/23, 3:45 PM  Page title" at the top of each printed page.
PRINT_STAMP = r"^\s*\d{1,2}[/.]\d{1,2}[/.]\d{2,4},\s*\d{1,2}:\d{2}"
_PRINT_STAMP = re.compile(PRINT_STAMP)
STAMP_LOOKAHEAD = 3  # the first page's stamp is the file's first line
_COPYRIGHT = re.compile(
    r"(?:©|copyright)\s*(?:(?:19|20)\d{2}\s*[-–]\s*)?(?P<year>(?:19|20)\d{2})", re.I
)
_MONTH_FIRST = frozenset({"en", "zh", "ja", "ko"})  # "9/11/13" is September; "3/9(木)" March


@dataclass
class DateCues:
    """What the file says about how to read its dates."""

    units: list[Classified]
    day_first: bool  # read "04.05.2015" as 4 May
    url_date: dt.date | None
    stamp: dt.date | None  # the print time stamp: nothing printed was published after it

    @functools.cached_property
    def years(self) -> tuple[int, ...]:
        """Years for a date printed without one, best first (looked up only when needed)."""
        years: list[int] = []
        if self.url_date is not None:
            years.append(self.url_date.year)
        if self.stamp is not None:
            years += [self.stamp.year, self.stamp.year - 1]
        years += _copyright_year(self.units)
        return tuple(dict.fromkeys(years))

    def read(self, text: DateText) -> list[DateMatch]:
        """The line's full dates; an ambiguous numeric one read as the url's date if it is."""
        found = text.dates(self.day_first)
        if self.url_date is None or any(m.date == self.url_date for m in found):
            return found
        if not text.reads_both_ways():
            return found  # read the other way, the same dates
        other = text.dates(not self.day_first)
        return other if any(m.date == self.url_date for m in other) else found

    def with_year(self, month: int, day: int) -> dt.date | None:
        """A month and day in the year the file points to; None without such evidence."""
        for year in self.years:
            try:
                date = dt.date(year, month, day)
            except ValueError:
                continue
            if self.stamp is None or date <= self.stamp:
                return date
        return None


def date_cues(units: list[Classified], url: str | None, language: str | None) -> DateCues:
    """Cues from the url's date, the print stamp, the copyright line and the page's language."""
    return DateCues(
        units=units,
        day_first=language is not None and language not in _MONTH_FIRST,
        url_date=date_from_url(url) if url else None,
        stamp=_print_stamp(units),
    )


def _print_stamp(units: list[Classified]) -> dt.date | None:
    """The date of the print time stamp that opens the file (month first, as in en-US)."""
    for c in units[:STAMP_LOOKAHEAD]:
        if _PRINT_STAMP.match(c.text):
            dates = find_dates(c.text[:10])
            if dates:
                return dates[0].date
    return None


def _copyright_year(units: list[Classified]) -> list[int]:
    """The latest '© 2015' year: a page prints 'Mar 27' without a year only in its own year."""
    years = [
        int(m["year"])
        for c in units
        if "©" in c.text or "opyright" in c.text
        for m in [_COPYRIGHT.search(c.text)]
        if m
    ]
    return [max(years)] if years else []
