from __future__ import annotations

from toolkit.extract.body import article_span
from toolkit.extract.classify import classify
from toolkit.extract.knowledge import knowledge
from toolkit.extract.segment import Unit

PROSE = (
    "The council voted on Tuesday to expand the program, and officials said the change would "
    "reach thousands of families who had waited for months to hear back about their requests."
)
PLAYER = [
    "Play Video",
    "Mute",
    "Current Time 0:00",
    "/",
    "Duration Time 0:00",
    "Loaded: 0%",
    "Progress: 0%",
    "Playback Rate",
]


def _units(texts: list[str]) -> list:
    return classify([Unit(t, i, i) for i, t in enumerate(texts)], knowledge())


def test_an_embedded_player_does_not_split_the_article() -> None:
    units = _units([PROSE, PROSE, *PLAYER, PROSE, PROSE])
    assert article_span(units) == (0, len(units))


def test_a_comments_heading_between_runs_still_ends_the_article() -> None:
    units = _units([PROSE, PROSE, *PLAYER, "Comments", PROSE, PROSE])
    assert article_span(units) == (0, 2)
