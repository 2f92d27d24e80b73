"""Calendar dates written in the common styles, found in a line of text."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from toolkit.extract.prefilter import lowered

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    [
        "january jan janvier janv januar jänner enero ene janeiro gennaio leden ledna januari",
        "february feb février fevrier févr fevr februar febrero febr fevereiro fev febbraio únor"
        " února februari",
        "march mar mars märz maerz marzo março marco březen března maart",
        "april apr avril abril aprile avr abr duben dubna",
        "may mai mayo maio maggio mag květen května mei",
        "june jun juin juni junio junho giugno giu červen června",
        "july jul juillet juil juli julio julho luglio lug červenec července",
        "august aug août aout agosto ago srpen srpna augustus",
        "september sep sept septembre septiembre setembro set settembre září",
        "october oct octobre oktober octubre okt outubro out ottobre ott říjen října",
        "november nov novembre noviembre novembro listopad listopadu",
        "december dec décembre decembre dez dezember diciembre dic dezembro dicembre prosinec"
        " prosince",
    ],
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name.rstrip(".")] = _number

# Any word of letters, checked against _MONTHS afterwards: far faster than an alternation.
_MONTH = r"(?P<month>[^\W\d_]{3,10})\.?"
# A month name starts at a word boundary, or right after a lower-case letter when two inline
# elements were pasted together ("Yahoo FinanceOctober 13, 2016").
_MONTH_START = r"(?:\b|(?-i:(?<=[a-z])(?=[A-Z])))"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th|er|\.)?"
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)"
# A two-digit year is not a reading time or an hour ("Mar 27 14 min", "May 5 10:30").
_YEAR = r"(?P<year>\d{4}|'?\d{2}(?!\s*(?:min|h\b|hrs?\b|hours?\b|sec|[ap]\.?m\b)))"
_CJK_YMD = r"(?P<year>\d{4})\s*[年년]\s*(?P<month>\d{1,2})\s*[月월]\s*(?P<day>\d{1,2})\s*[日일]?"
_PATTERNS = [
    # not inside a file name or slug ("Screen-Shot-2015-01-15-at-4.55.46-PM.png")
    re.compile(
        r"(?<![A-Za-z0-9_.-])(?P<year>\d{4})([-/.])(?P<month>\d{1,2})\2(?P<day>\d{1,2})"
        r"(?!\d|-[A-Za-z0-9])"
    ),
    re.compile(_CJK_YMD),
    re.compile(rf"{_MONTH_START}{_MONTH}\s+{_DAY},?\s+{_WEEKDAY}?{_YEAR}(?![\d:])", re.I),
    re.compile(
        rf"(?<!\d){_DAY}[\s.-]*(?:de\s+|of\s+)?{_MONTH}[,.\s-]*(?:de\s+)?{_YEAR}(?![\d:])", re.I
    ),
]
# 11.03.17, 9/11/13, 04.05.2015, 2/26/2015: month or day first depends on the page.
_NUMERIC = re.compile(
    r"(?<![\d/.:])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4}|\d{2})(?![\d/:]|\.\d)"
)
# "Mar 2714 min": a copy-paste glues the day to the reading time printed next to it.
_DAY_END = r"(?:(?=\d{1,2}\s?min)|(?!\d))"
_PARTIALS = [
    re.compile(rf"{_MONTH_START}{_MONTH}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?{_DAY_END}", re.I),
    re.compile(rf"(?<!\d)(?P<day>\d{{1,2}})(?:st|nd|rd|th|er|\.)?\s+{_MONTH}(?![a-z])", re.I),
    re.compile(r"(?<![\d/])(?P<month>\d{1,2})/(?P<day>\d{1,2})\s*[（(][月火水木金土日][）)]"),
    re.compile(r"(?<!\d)(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日"),
]
_URL_DATE = re.compile(
    r"/(?P<year>(?:19|20)\d{2})[/-](?P<month>\d{1,2})[/-](?P<day>\d{1,2})(?:/|-|$)"
)
_URL_COMPACT = re.compile(
    r"[/=_-](?P<year>(?:19|20)\d{2})(?P<month>[01]\d)(?P<day>[0-3]\d)(?:[/_.-]|$)"
)

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


@dataclass(frozen=True)
class MonthDay:
    """A month and day printed without a year ("Mar 27", "3/9(木)"), with where it was."""

    month: int
    day: int
    start: int
    end: int

    def in_year(self, year: int) -> dt.date | None:
        """This month and day in the given year; None for 29 February of a common year."""
        try:
            return dt.date(year, self.month, self.day)
        except ValueError:
            return None


def _month_number(text: str) -> int | None:
    text = text.lower().rstrip(".")
    return int(text) if text.isdigit() else _MONTHS.get(text)


def _full_year(text: str) -> int:
    text = text.lstrip("'")
    year = int(text)
    if len(text) == 2:
        year += 2000 if year < 70 else 1900
    return year


def _make(year: int, month: int | None, day: int) -> dt.date | None:
    if month is None or not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _to_date(groups: dict[str, str]) -> dt.date | None:
    return _make(_full_year(groups["year"]), _month_number(groups["month"]), int(groups["day"]))


def _numeric(m: re.Match[str], day_first: bool) -> dt.date | None:
    a, b = int(m["a"]), int(m["b"])
    if m["sep"] == "." and len(m["year"]) == 2 and (len(m["a"]) < 2 or len(m["b"]) < 2):
        return None  # "1.2.33" is a version number, not a date
    if a > 12 or (day_first and b <= 12):
        a, b = b, a
    return _make(_full_year(m["year"]), a, b)


# What a month-name pattern's month can be cut from: a whole word, or one behind a glued
# ordinal ("5thMay 2015") or before a glued "de" ("septiembrede 2015").
_NAMED_WORDS = frozenset(
    f"{before}{name}{after}"
    for name in _MONTHS
    for before in ("", "st", "nd", "rd", "th", "er")
    for after in ("", "de")
)
_LETTERS = re.compile(r"[^\W\d_]{3,}")
_GLUED = re.compile(r"[A-Z](?<=[a-z][A-Z])")  # where a month may start inside a word


class DateText:
    """One text's dates, each pattern run at most once and only on text holding what its
    dates need: most lines hold no month name, no CJK and no run of separated numbers."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.ascii = text.isascii()
        self.named = _may_name_month(text)
        self.separated = any(text.count(sep) >= 2 for sep in "-/.")  # "2015-05-04", "5/4/15"
        self._hits: list[tuple[int, int, dt.date]] | None = None
        self._numeric: list[re.Match[str]] | None = None

    def dates(self, day_first: bool) -> list[DateMatch]:
        """Every full date, in order of position, without overlaps (as find_dates)."""
        found: list[DateMatch] = []
        for start, end, date in self._fixed():
            if not _overlaps(start, end, found):
                found.append(DateMatch(date, start, end))
        for m in self._numbers():
            read = _numeric(m, day_first)
            if read is not None and not _overlaps(m.start(), m.end(), found):
                found.append(DateMatch(read, m.start(), m.end()))
        return sorted(found, key=lambda f: f.start)

    def reads_both_ways(self) -> bool:
        """Whether the numeric order can change what dates() finds."""
        return bool(self._numbers())

    def month_days(self, full: list[DateMatch]) -> list[MonthDay]:
        """Every month-and-day without a year, outside the full dates (as find_month_days)."""
        found: list[MonthDay] = []
        for pattern in self._partials():
            for m in pattern.finditer(self.text):
                month = _month_number(m["month"])
                day = int(m["day"])
                if month is None or not 1 <= month <= 12 or not 1 <= day <= 31:
                    continue
                if _overlaps(m.start(), m.end(), full) or any(
                    m.start() < f.end and f.start < m.end() for f in found
                ):
                    continue
                found.append(MonthDay(month, day, m.start(), m.end()))
        return sorted(found, key=lambda f: f.start)

    def _fixed(self) -> list[tuple[int, int, dt.date]]:
        """Spans and dates of the patterns whose order of reading is fixed, in pattern order."""
        if self._hits is None:
            self._hits = []
            for pattern in self._full_patterns():
                for m in pattern.finditer(self.text):
                    date = _to_date(m.groupdict())
                    if date is not None:
                        self._hits.append((m.start(), m.end(), date))
        return self._hits

    def _numbers(self) -> list[re.Match[str]]:
        if self._numeric is None:
            self._numeric = list(_NUMERIC.finditer(self.text)) if self.separated else []
        return self._numeric

    def _full_patterns(self) -> list[re.Pattern[str]]:
        text = self.text
        use = [
            self.separated,
            not self.ascii and ("年" in text or "년" in text),
            self.named,
            self.named,
        ]
        return [p for p, on in zip(_PATTERNS, use, strict=True) if on]

    def _partials(self) -> list[re.Pattern[str]]:
        text = self.text
        use = [
            self.named,
            self.named,
            not self.ascii and "/" in text and any(w in text for w in "月火水木金土日"),
            not self.ascii and "月" in text and "日" in text,
        ]
        return [p for p, on in zip(_PARTIALS, use, strict=True) if on]


def _may_name_month(text: str) -> bool:
    """Whether text holds a word a month-name pattern could read as a month."""
    low = lowered(text)  # letter for letter, unless a letter folds oddly
    if low is None or _GLUED.search(text):
        return True  # "Yahoo FinanceOctober 13, 2016"
    words = _LETTERS.findall(low)
    if not _NAMED_WORDS.isdisjoint(words):
        return True
    for word in words:
        if word.isascii():
            continue
        if any(map(str.isdigit, word)):
            return True  # "²" is a letter to the patterns, and a digit to _month_number
        # a month read before "5 " may end at any letter outside a-z ("5 mayé")
        for end in range(3, len(word)):
            if not word[end].isascii() and word[:end] in _MONTHS:
                return True
    return False


def _overlaps(start: int, end: int, found: list[DateMatch]) -> bool:
    return any(start < f.end and f.start < end for f in found)


def find_dates(text: str, day_first: bool = False) -> list[DateMatch]:
    """Every full date in text, in order of position, without overlaps.

    day_first says how to read a numeric date that fits both ways ("04.05.2015").
    """
    return DateText(text).dates(day_first)


def find_month_days(text: str, full: list[DateMatch]) -> list[MonthDay]:
    """Every month-and-day without a year in text, outside the full dates already found."""
    return DateText(text).month_days(full)


def date_from_url(url: str) -> dt.date | None:
    """The date in a url path such as /2023/10/16/, /20231016/ or ?a=20231016-."""
    for pattern in (_URL_DATE, _URL_COMPACT):
        m = pattern.search(url)
        if m:
            date = _to_date(m.groupdict())
            if date is not None:
                return date
    return None
