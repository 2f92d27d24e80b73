from __future__ import annotations

from toolkit.extract.body import scores
from toolkit.extract.classify import classify
from toolkit.extract.knowledge import knowledge
from toolkit.extract.segment import Unit
from toolkit.extract.void import densest_part

PROSE = (
    "The council voted on Tuesday to expand the program, and officials said the change would "
    "reach thousands of families who had waited for months to hear back about their requests."
)


def _units(texts: list[str]) -> list:
    return classify([Unit(t, i, i) for i, t in enumerate(texts)], knowledge())


def test_a_long_widget_with_buttons_splits_the_block() -> None:
    widget = [f"Option {k}" for k in range(45)] + ["Close", "Subscribe"]
    units = _units([PROSE, *widget, PROSE, PROSE.replace("council", "board")])
    assert densest_part(units, scores(units), 0, len(units)) == (48, 50)


def test_a_long_chart_without_furniture_does_not() -> None:
    chart = [f"{k}%" for k in range(60)]
    units = _units([PROSE, *chart, PROSE, PROSE.replace("council", "board")])
    assert densest_part(units, scores(units), 0, len(units)) == (0, len(units))
