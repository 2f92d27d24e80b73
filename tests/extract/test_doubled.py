from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from toolkit.extract.doubled import _BULLET, MIN_WORDS, undouble


def test_a_title_said_twice_is_said_once() -> None:
    assert undouble("* Bank fined $28 million Bank fined $28 million") == "* Bank fined $28 million"
    assert undouble("Storm closes schools Storm closes schools") == "Storm closes schools"


def test_other_text_is_left_alone() -> None:
    assert undouble("Go go") == "Go go"
    for text in ("New York, New York, a city of cities", "The rain fell and the rain fell"):
        assert undouble(text) == text


def _undouble_reference(text: str) -> str:
    """The plain rule: strip a bullet, split the rest, compare the two halves."""
    bullet = _BULLET.match(text)
    head = bullet.group() if bullet else ""
    words = text[len(head) :].split()
    half = len(words) // 2
    if len(words) % 2 or half < MIN_WORDS or words[:half] != words[half:]:
        return text
    return head + " ".join(words[:half])


_WORD = st.sampled_from(["a", "b", "go", "-", "+", "•", "1.", "12)", "1234.", "٣."])
_SPACE = st.sampled_from([" ", "  ", "\t", "\u3000", "\n", "\x0b"])


@given(st.lists(st.tuples(_WORD, _SPACE), max_size=9), st.booleans(), st.booleans())
def test_undouble_equals_the_plain_rule(
    pairs: list[tuple[str, str]], twice: bool, bullet: bool
) -> None:
    pairs = [("-", " "), *pairs] if bullet else pairs
    pairs = pairs + pairs[bullet:] if twice else pairs
    text = "".join(word + space for word, space in pairs)
    for variant in (text, text.strip()):
        assert undouble(variant) == _undouble_reference(variant)
