"""Golden tests: what ../shared/seeds/EXPECTED.md says a careful annotator reads in each seed.

The expected values below were typed from EXPECTED.md by hand, not produced by the code.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import RAW
from toolkit.extract.article import Extraction, extract_article

HEADLINE_TMT = "Putin Speaks to Netanyahu Over Conflict with Hamas – Kremlin"
URL_000 = (
    "https://www.themoscowtimes.com/2023/10/16/"
    "putin-speaks-to-netanyahu-over-conflict-with-hamas-kremlin-a82783"
)


def seed(prefix: str) -> Extraction:
    (path,) = RAW.glob(f"{prefix}_*.txt")
    return extract_article(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("prefix", "headline", "source", "agency", "date", "url"),
    [
        ("000", HEADLINE_TMT, "The Moscow Times", ["AFP"], dt.date(2023, 10, 16), URL_000),
        ("001", HEADLINE_TMT, "The Moscow Times", [], None, None),
        (
            "002",
            "Putin, Netanyahu speak by phone on Israel’s neighbors’ reaction to war after "
            "Hamas attack",
            "Fox News",
            ["Reuters"],
            None,
            None,
        ),
        (
            "003",
            "Putin speaks to Netanyahu about Gaza conflict, promises measures to prevent "
            "escalation",
            None,
            ["ANI"],
            dt.date(2023, 10, 17),
            None,
        ),
        ("004", None, None, [], None, None),
    ],
)
def test_seed_fields(
    prefix: str,
    headline: str | None,
    source: str | None,
    agency: list[str],
    date: dt.date | None,
    url: str | None,
) -> None:
    got = seed(prefix)
    assert got.headline == headline
    assert got.source == source
    assert got.agency == agency
    assert got.byline == []
    assert got.date == date
    assert got.url == url
    assert got.language == "en"


def test_wrapped_paragraphs_are_joined_and_chrome_dropped() -> None:
    body = seed("000").body
    assert "Benjamin Netanyahu for the first time since the deadly Hamas attack" in body
    assert body.startswith("Russian President Vladimir Putin on Monday called")
    assert body.endswith("such as Syria, Egypt and Iran.")
    for chrome in ("kremlin.ru", "Original url", "https://", "By AFP", "October 16, 2023"):
        assert chrome not in body
    assert len(body.split("\n\n")) == 8


def test_newsletter_and_donation_appeal_are_not_body() -> None:
    body = seed("001").body
    assert body.endswith("such as Syria, Egypt and Iran.")
    for chrome in (
        "Support The Moscow Times",
        "newsletter",
        "Dear readers",
        "Monthly",
        "Remind me later",
        "Read more",
        "kremlin.ru",
    ):
        assert chrome not in body


def test_share_row_credit_and_endnotes_are_not_body() -> None:
    body = seed("002").body
    assert body.startswith("Russian President Vladimir Putin called Israeli Prime Minister")
    assert body.endswith("Raisi said, according to Iranian state media.")
    for chrome in ("Politics", "Pinterest", "contributed to this report", "appeared first"):
        assert chrome not in body


def test_dateline_lines_are_not_body() -> None:
    body = seed("003").body
    assert body.startswith("Moscow: Russian President Vladimir Putin on Monday spoke")
    assert "Published Date" not in body and "2023-10-17" not in body


def test_embedded_post_is_not_body() -> None:
    body = seed("004").body
    assert body.startswith("Russian President Vladimir Putin engaged in discussions")
    assert "NEWSMAX" not in body and "t.co" not in body
    assert "flurry of calls to key regional players" not in body  # the post's own text
    assert body.endswith("the conflict spiraling out of control.")
    assert len(body.split("\n\n")) == 10  # 12 lines less the post and its signature
