from __future__ import annotations

from toolkit.extract.classify import classify
from toolkit.extract.knowledge import knowledge
from toolkit.extract.segment import Unit
from toolkit.extract.tail import teaser_tail_start, trailing_chrome_start

LONG = (
    "The council voted on Tuesday to expand the program, and officials said the change would "
    "reach thousands of families who had waited for months to hear back about their requests, "
    "many of them in towns where the nearest office is an hour's drive away and closes early."
)
TEASERS = [
    "Why the river keeps flooding",
    "Engineers say the old levees were never meant to hold back this much water.",
    "A bakery that never closes",
    "The owners have kept the ovens lit every night for forty years, rain or shine.",
]


def _units(texts: list[str]) -> list:
    return classify([Unit(t, i, i) for i, t in enumerate(texts)], knowledge())


def test_short_summaries_under_a_related_heading_end_the_article() -> None:
    units = _units([LONG, LONG, LONG, "Related coverage", *TEASERS])
    assert teaser_tail_start(units, 0, len(units)) == 3


def test_a_mid_article_box_followed_by_long_paragraphs_is_kept() -> None:
    units = _units([LONG, LONG, "Related", TEASERS[0], LONG, LONG])
    assert teaser_tail_start(units, 0, len(units)) == len(units)


def test_a_heading_before_the_article_has_real_length_is_kept() -> None:
    units = _units(["Related", *TEASERS, LONG])
    assert teaser_tail_start(units, 0, len(units)) == len(units)


def test_a_link_list_after_the_last_paragraph_is_cut() -> None:
    links = ["Top Picks", "Insect Sting Allergies", "Cold or Allergy?", "Quizzes", "Videos"]
    units = _units([LONG, LONG, *links, "Breathe easier with these products.", "Reference"])
    assert trailing_chrome_start(units, 0, len(units)) == 2


def test_a_short_closing_list_is_kept() -> None:
    units = _units([LONG, LONG, "First step", "Second step", "Third step"])
    assert trailing_chrome_start(units, 0, len(units)) == len(units)
