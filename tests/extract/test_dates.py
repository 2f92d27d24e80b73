from __future__ import annotations

import datetime as dt

import pytest

from toolkit.extract.dates import date_from_url, find_dates, find_month_days


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("October 16, 2023", dt.date(2023, 10, 16)),
        ("Oct. 7, 2023", dt.date(2023, 10, 7)),
        ("Published Date - 08:30 AM, Tue - 17 October 23", dt.date(2023, 10, 17)),
        ("date 2023-10-17 Putin", dt.date(2023, 10, 17)),
        ("Friday 25 December 2015", dt.date(2015, 12, 25)),
        ("21 de diciembre de 2018", dt.date(2018, 12, 21)),
        ("le 3 mars 2017 à 10h", dt.date(2017, 3, 3)),
        ("1st of May, 2020", dt.date(2020, 5, 1)),
    ],
)
def test_common_styles(text: str, expected: dt.date) -> None:
    assert [m.date for m in find_dates(text)] == [expected]


@pytest.mark.parametrize(
    "text", ["on Oct. 7 when", "2 days ago", "on Monday", "2023-13-45", "1,300"]
)
def test_not_dates(text: str) -> None:
    assert find_dates(text) == []


def test_url_dates() -> None:
    assert date_from_url("https://x.com/2023/10/16/a-story") == dt.date(2023, 10, 16)
    assert date_from_url("https://x.com/news/20190704/story") == dt.date(2019, 7, 4)
    assert date_from_url("https://x.com/news/story-123") is None


def test_a_future_date_is_never_a_publication_date() -> None:
    from toolkit.extract.article import extract_article

    text = (
        "A headline about a summit\n\nMarch 3, 2099\n\n"
        + "The leaders met and agreed on a plan that will be reviewed next year by all. " * 3
    )
    got = extract_article(text)
    assert got.headline == "A headline about a summit"
    assert got.date is None


@pytest.mark.parametrize(
    ("text", "day_first", "expected"),
    [
        ("21.dez.2018 às 12h55", False, dt.date(2018, 12, 21)),  # pt, abbreviated month
        ("Le Monde | 04.05.2015 à 13h36", True, dt.date(2015, 5, 4)),  # European order
        ("11.03.17 in Gadgetry", False, dt.date(2017, 11, 3)),  # US order, two-digit year
        ("9/11/13 10:00AM", False, dt.date(2013, 9, 11)),
        ("2/26/2015 7:11 AM PST", True, dt.date(2015, 2, 26)),  # 26 cannot be a month
        ("TNW中文站2016年10月14日07:17", False, dt.date(2016, 10, 14)),
        ("Yahoo FinanceOctober 13, 2016", False, dt.date(2016, 10, 13)),  # pasted together
        ("Dec 28 Sat 2013 00:28", False, dt.date(2013, 12, 28)),  # weekday before the year
        ("JAN. 13, 2017", False, dt.date(2017, 1, 13)),
    ],
)
def test_numeric_cjk_and_glued_styles(text: str, day_first: bool, expected: dt.date) -> None:
    assert [m.date for m in find_dates(text, day_first)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "version 3.10.12 released",  # a version number, not 12 March 2010
        "on Mar 27 14 min read",  # a reading time is not a two-digit year
        "Screen-Shot-2015-01-15-at-4.55.46-PM.png",
    ],
)
def test_numbers_that_are_not_full_dates(text: str) -> None:
    assert find_dates(text) == []


@pytest.mark.parametrize(
    ("text", "month_day"),
    [
        ("on Mar 27 14 min", (3, 27)),
        ("Mar 2714 min", (3, 27)),  # copy-paste glued the day to "14 min"
        ("By Steven Mufson March 18 at 12:22 PM", (3, 18)),
        ("CNET Japan 3/9(木) 18:45配信", (3, 9)),
    ],
)
def test_month_and_day_without_a_year(text: str, month_day: tuple[int, int]) -> None:
    found = find_month_days(text, find_dates(text))
    assert [(p.month, p.day) for p in found] == [month_day]


def test_compact_url_date_in_a_query() -> None:
    url = "http://headlines.example.jp/hl?a=20170309-35097838-cnetj-sci"
    assert date_from_url(url) == dt.date(2017, 3, 9)


def _page(*lines: str) -> str:
    prose = "The council met on Tuesday and agreed a plan that will be reviewed by all members. "
    return "\n\n".join([*lines, prose * 3, prose * 2, prose * 2])


def test_the_dateline_under_the_headline_is_taken() -> None:
    from toolkit.extract.article import extract_article

    got = extract_article(_page("Menu", "A council agrees a plan", "By Ann Lee", "March 3, 2021"))
    assert (got.date, got.date_source) == (dt.date(2021, 3, 3), "text")


def test_an_updated_date_alone_is_no_publication_date() -> None:
    from toolkit.extract.article import extract_article

    got = extract_article(_page("A council agrees a plan", "Last Updated: January 7, 2025"))
    assert got.date is None


def test_published_beats_updated_on_one_line() -> None:
    from toolkit.extract.article import extract_article

    line = "Dec. 6, 2024, 10:00 PM UTC / Updated Dec. 7, 2024, 12:43 PM UTC"
    assert extract_article(_page("A council agrees a plan", line)).date == dt.date(2024, 12, 6)


def test_print_stamp_and_related_list_are_skipped() -> None:
    from toolkit.extract.article import extract_article

    got = extract_article(
        _page(
            "1/10/16, 6:44 PM A council agrees a plan | The Daily",
            "Related",
            "Older story one",
            "2 January 2016",
            "Older story two",
            "1 January 2016",
            "Older story three",
            "31 December 2015",
            "A council agrees a plan",
        )
    )
    assert got.date is None  # only a print stamp and a list of other stories' dates


def test_a_bare_month_day_takes_the_print_year() -> None:
    from toolkit.extract.article import extract_article

    text = _page("3/9/15, 6:19 PM A council agrees a plan", "Ann Lee", "on Feb 24")
    assert extract_article(text).date == dt.date(2015, 2, 24)


def test_a_bare_month_day_without_year_evidence_is_no_date() -> None:
    from toolkit.extract.article import extract_article

    assert extract_article(_page("A council agrees a plan", "Ann Lee", "on Feb 24")).date is None


def test_a_date_in_the_story_text_is_not_its_dateline() -> None:
    from toolkit.extract.article import extract_article

    text = _page(
        "A council agrees a plan",
        "The council, which first met on March 3, 2021 in the old town hall, voted again.",
    )
    assert extract_article(text).date is None
