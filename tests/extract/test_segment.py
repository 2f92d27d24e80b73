from __future__ import annotations

import re
import textwrap

from hypothesis import given
from hypothesis import strategies as st

from toolkit.extract.cjkwrap import glue, has_cjk
from toolkit.extract.normalize import clean_inline
from toolkit.extract.segment import (
    _WORDY_LINE,
    _has_cjk,
    _join,
    _line_units,
    _wrapped_units,
    rejoin_urls,
    segment,
    wrap_width,
)

FIRST = (
    "The first paragraph is long enough that the renderer had to wrap it at about sixty "
    "columns, and it goes on for a while so that the wrap is visible in several lines."
)
SECOND = (
    "The second paragraph is also wrapped by the renderer at the very same width, so it ends open."
)
THIRD = "An indented line starts a new paragraph even without a blank line."
WRAPPED = f"Headline line\n\n{textwrap.fill(FIRST, 60)}\n\n{textwrap.fill(SECOND, 60)}\n {THIRD}\n"


def test_wrapped_lines_are_joined_into_paragraphs() -> None:
    assert [u.text for u in segment(WRAPPED)] == ["Headline line", FIRST, SECOND, THIRD]


def test_paragraph_per_line_files_are_not_joined() -> None:
    lines = [
        f"Sentence number {i} is a complete paragraph with an ending and more words."
        for i in range(8)
    ]
    assert wrap_width(lines) is None
    assert len(segment("\n".join(lines))) == 8


def test_wrapped_url_is_rejoined() -> None:
    lines = [
        "Original url:",
        "https://www.example.com/2023/10/16/a-long-story-about-something-kr",
        "emlin-a82783",
        "Next",
    ]
    assert (
        rejoin_urls(lines)[1]
        == "https://www.example.com/2023/10/16/a-long-story-about-something-kremlin-a82783"
    )
    assert rejoin_urls(lines)[2] == "Next"


def test_word_after_url_is_not_glued() -> None:
    lines = ["https://www.example.com/2023/10/16/a-long-story-about-something", "Continue"]
    assert rejoin_urls(lines) == lines


_PIECE = st.sampled_from(
    [
        "word",
        "Two words",
        "  indented line of four words",
        "- a bullet",
        "12) item",
        "cut-",
        "lower",
        "End.",
        "中文字",
        "é",
        "a\u3000b c d",
        "x  y",
        "",
        " ",
        "\t",
        "one, two; three four",
        "café au lait chaud",
        "x1 y_2 z3éw4 v",
        "“Quoted” words — and more",
    ]
)


@given(st.lists(_PIECE, max_size=30))
def test_whole_line_units_equal_the_general_loop(lines: list[str]) -> None:
    assert _line_units(lines) == _wrapped_units(lines, None, None, has_cjk("\n".join(lines)))


@given(st.lists(_PIECE, max_size=30))
def test_wordy_line_lengths_equal_the_per_line_rule(lines: list[str]) -> None:
    four_words = re.compile(r"\w+(?:\W+\w+){3}")
    expected = [len(s.rstrip()) for s in lines if " " in s.strip() and four_words.search(s)]
    found = [m.end() - m.start() - 1 for m in _WORDY_LINE.finditer("\n" + "\n".join(lines))]
    assert found == expected


@given(st.lists(_PIECE.filter(lambda s: bool(s.strip())).map(str.strip), min_size=1, max_size=8))
def test_join_equals_gluing_piece_by_piece(pieces: list[str]) -> None:
    text = pieces[0]
    for piece in pieces[1:]:
        glued = text.endswith("-") and piece[:1].islower()
        text = text + piece if glued else text + glue(text, piece) + piece
    assert _join(pieces, True) == _join(pieces, has_cjk("".join(pieces))) == clean_inline(text)


@given(
    st.text(alphabet=st.sampled_from("ab \n’é\u3000\u4e00\uac00\uff01\ud7af\ufeff"), max_size=40)
)
def test_cjk_byte_search_agrees_with_the_character_class(text: str) -> None:
    assert _has_cjk(text) == has_cjk(text)
