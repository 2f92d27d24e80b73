from __future__ import annotations

import textwrap

from toolkit.extract.segment import rejoin_urls, segment, wrap_width

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
