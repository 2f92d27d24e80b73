from __future__ import annotations

from toolkit.extract.body import article_span
from toolkit.extract.classify import Classified, classify
from toolkit.extract.knowledge import knowledge
from toolkit.extract.segment import Unit
from toolkit.extract.trim import trim_span

ARTICLE = [
    "The council voted on Tuesday to expand the program, and officials said the change would "
    "reach thousands of families who had waited for months to hear back about their requests.",
    "Critics said the plan was rushed, but the mayor told reporters that the city could not "
    "afford to wait another year while rents kept rising faster than wages in every district.",
    "The first payments are due in the spring, according to a schedule released by the office.",
    "Families who applied last year do not need to apply again, the office said, and those who "
    "missed the deadline will be able to send their forms by post or at any public library.",
]
PLACES = ["the coast", "the harbour", "the old town", "the airport", "the valley", "the port"]
# A live feed: a time, a short headline, and now and then a paragraph of its own.
FEED = ["Live"]
for n, place in enumerate(PLACES):
    FEED += [
        f"14:{50 - 5 * n}",
        f"Storm warning for {place}",
        f"Heavy rain forced the police to close the road to {place} on Monday evening, and "
        "drivers were told to take the inland route until the water goes down, the regional "
        "office said in a statement.",
        f"13:{50 - 5 * n}",
        f"Museum near {place} reopens",
    ]


def _units(texts: list[str]) -> list[Classified]:
    return classify([Unit(t, i, i) for i, t in enumerate(texts)], knowledge())


def test_a_feed_after_the_share_row_is_cut() -> None:
    units = _units([*ARTICLE, "Share Tweet Email", *FEED])
    span = article_span(units)
    assert span is not None and span[1] > len(ARTICLE) + 1  # the feed outweighs the share row
    assert trim_span(units, span) == (0, len(ARTICLE))


def test_article_paragraphs_after_a_newsletter_box_are_kept() -> None:
    more = [t.replace("council", "board") for t in ARTICLE]
    units = _units([*ARTICLE, "Subscribe to our newsletter", *more])
    assert trim_span(units, (0, len(units))) == (0, len(units))


def test_a_related_box_inside_the_article_does_not_end_it() -> None:
    box = ["Lire aussi", "Storm warning for the coast", "Museum reopens", "Train strike called off"]
    more = [t.replace("council", "board") for t in ARTICLE[:2]]
    units = _units([*ARTICLE, *box, *more])
    assert units[len(ARTICLE)].furniture == "related_heading"
    assert trim_span(units, (0, len(units))) == (0, len(units))


def test_a_related_heading_ends_a_trailing_teaser_list() -> None:
    teasers = [f"Storm warning for {place}" for place in PLACES]
    units = _units([*ARTICLE, "Lire aussi", *teasers, FEED[3]])
    assert units[len(ARTICLE)].furniture == "related_heading"
    assert trim_span(units, (0, len(units))) == (0, len(ARTICLE))
