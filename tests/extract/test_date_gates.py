"""DateText skips a pattern only where it cannot find a date: its dates equal those of every
pattern run on the text, as find_dates and find_month_days once did."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.extract import dates
from toolkit.extract.dates import DateMatch, DateText, MonthDay


def _every_pattern(text: str, day_first: bool) -> list[DateMatch]:
    found: list[DateMatch] = []
    matches = [
        (m, dates._to_date(m.groupdict())) for p in dates._PATTERNS for m in p.finditer(text)
    ]
    matches += [(m, dates._numeric(m, day_first)) for m in dates._NUMERIC.finditer(text)]
    for m, date in matches:
        if date is not None and not dates._overlaps(m.start(), m.end(), found):
            found.append(DateMatch(date, m.start(), m.end()))
    return sorted(found, key=lambda f: f.start)


def _every_partial(text: str, full: list[DateMatch]) -> list[MonthDay]:
    found: list[MonthDay] = []
    for pattern in dates._PARTIALS:
        for m in pattern.finditer(text):
            month, day = dates._month_number(m["month"]), int(m["day"])
            if month is None or not 1 <= month <= 12 or not 1 <= day <= 31:
                continue
            if dates._overlaps(m.start(), m.end(), full) or any(
                m.start() < f.end and f.start < m.end() for f in found
            ):
                continue
            found.append(MonthDay(month, day, m.start(), m.end()))
    return sorted(found, key=lambda f: f.start)


_NAMES = sorted(dates._MONTHS)
_word = st.one_of(
    st.sampled_from(_NAMES).flatmap(
        lambda w: st.sampled_from([w, w.upper(), w.title(), w[:2] + w[2:].upper()])
    ),
    st.sampled_from(["st", "th", "nd", "de", "of", "Mon", "Tue,", "By", "am", "pm", "min"]),
    st.sampled_from(
        ["about", "Finance", "iPhone", "news", "x", "Ab", "mayo", "maio", "mars", "abcdefgh"]
    ),
    st.sampled_from(["年", "月", "日", "(木)", "（月）", "년", "é", "İ", "ſt", "²"]),
    st.integers(0, 3000).map(str),
    st.builds(  # a day glued to its ordinal and the month, a month glued to "de"
        "{}{}{}{}".format,
        st.sampled_from(["5", "21", ""]),
        st.sampled_from(["st", "TH", "er", ""]),
        st.sampled_from(_NAMES),
        st.sampled_from(["de", "DE", "", "é", "ü", "aé"]),
    ),
    st.sampled_from(["2015", "15", "'16", "05", "1", "31", "12", "2099"]),
)
_glue = st.sampled_from(["", " ", "  ", ", ", ".", "-", "/", ". ", ":", "\n", "_"])


@st.composite
def _texts(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.tuples(_word, _glue), max_size=9))
    return "".join(w + g for w, g in parts)


@settings(max_examples=3000)
@given(_texts(), st.booleans())
def test_gated_dates_equal_every_pattern(text: str, day_first: bool) -> None:
    try:
        expected = _every_pattern(text, day_first)
        partials = _every_partial(text, expected)
    except ValueError:  # a run of superscript digits read as a month number
        return
    got = DateText(text)
    assert got.dates(day_first) == expected
    assert got.month_days(expected) == partials
    if not got.reads_both_ways():
        assert got.dates(not day_first) == expected


def test_a_glued_or_suffixed_month_is_still_read() -> None:
    for text in ["Yahoo FinanceOctober 13, 2016", "5thmay 2015", "5 septiembrede 2015"]:
        assert DateText(text).dates(False) == _every_pattern(text, False) != []
    text = "5 mayéabcdefgh"  # a word too long for a month, cut before its first odd letter
    assert DateText(text).month_days([]) == _every_partial(text, []) != []
