from __future__ import annotations

import datetime as dt

import pytest

from toolkit.extract.dates import date_from_url, find_dates


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
