from __future__ import annotations

from toolkit.extract.doubled import undouble


def test_a_title_said_twice_is_said_once() -> None:
    assert undouble("* Bank fined $28 million Bank fined $28 million") == "* Bank fined $28 million"
    assert undouble("Storm closes schools Storm closes schools") == "Storm closes schools"


def test_other_text_is_left_alone() -> None:
    assert undouble("Go go") == "Go go"
    for text in ("New York, New York, a city of cities", "The rain fell and the rain fell"):
        assert undouble(text) == text
