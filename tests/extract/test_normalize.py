from __future__ import annotations

import sys

from hypothesis import given
from hypothesis import strategies as st

from toolkit.extract.normalize import (
    _INVISIBLE,
    _MOJIBAKE,
    _ODD_CHARS,
    _SPACES,
    _may_be_mojibake,
    normalize_text,
)


def test_odd_chars_are_exactly_the_characters_the_substitutions_replace() -> None:
    every = (chr(c) for c in range(sys.maxunicode + 1))
    assert set(_ODD_CHARS) == {c for c in every if _SPACES.match(c) or _INVISIBLE.match(c)}


@given(st.text(alphabet=st.sampled_from("aé Ã©Â\u00a0\u2019\u20ac\ud800"), max_size=30))
def test_the_byte_search_never_misses_a_mojibake_pair(text: str) -> None:
    assert _may_be_mojibake(text) or not _MOJIBAKE.search(text)


def test_odd_spaces_and_trailing_blanks_go() -> None:
    assert normalize_text("a\u00a0b\u200b c \r\nd\t\u2019 \n") == "a b c\nd \u2019\n"
