from __future__ import annotations

from toolkit.extract.classify import classify
from toolkit.extract.feed import feed_item
from toolkit.extract.knowledge import knowledge
from toolkit.extract.segment import Unit

SUMMARY = (
    "Officials said on Friday that the new bridge would open next spring, two years later than "
    "planned, after engineers found cracks in several of the steel beams delivered last year."
)
ARTICLE = [
    "The city council approved the budget late on Thursday after a long debate about whether the "
    "parks department should keep the money it had been promised for new playgrounds this year.",
    "Several members said the vote was closer than they had expected, and the mayor promised to "
    "revisit the question of library hours once the state had settled its own spending plans.",
    "Residents who spoke at the meeting mostly asked for more buses on the routes that serve the "
    "hospital, which have been cut twice since the start of the pandemic three years ago.",
]


def _units(texts: list[str]) -> list:
    return classify([Unit(t, i, i) for i, t in enumerate(texts)], knowledge())


def test_the_article_is_the_feed_item_with_the_most_prose() -> None:
    texts = ["12 Comments", "Bridge delayed", SUMMARY, "40 Comments", "Budget passes", *ARTICLE]
    texts += ["7 Comments", "Bridge delayed again", SUMMARY]
    units = _units(texts)
    assert feed_item(units, 0, len(units)) == (4, 8)


def test_a_single_comments_heading_is_not_a_feed() -> None:
    units = _units([*ARTICLE, "3 Comments", SUMMARY])
    assert feed_item(units, 0, len(units)) is None
