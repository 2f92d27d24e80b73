from __future__ import annotations

from toolkit.extract.body import GAP_CAP, article_span, scores
from toolkit.extract.classify import classify
from toolkit.extract.knowledge import knowledge
from toolkit.extract.segment import Unit

PROSE = (
    "The council voted on Tuesday to expand the program, and officials said the change would "
    "reach thousands of families who had waited for months to hear back about their requests."
)


def _units(texts: list[str]) -> list:
    return classify([Unit(t, i, i) for i, t in enumerate(texts)], knowledge())


def test_a_long_chart_between_paragraphs_costs_at_most_the_cap() -> None:
    # A chart drawn twice: its repeated axis labels are weak furniture, -6 apiece uncapped.
    labels = ["'17", "'18", "'19", "billion", "0"] * 6
    later = PROSE.replace("council", "board")
    units = _units([PROSE, PROSE, PROSE, *labels, later, later, later])
    values = scores(units)
    assert sum(values[3:-3]) == -GAP_CAP
    assert article_span(units) == (0, len(units))


def test_real_furniture_still_ends_the_article() -> None:
    units = _units([PROSE, "Subscribe", "Sign in", "Menu", PROSE.replace("council", "board")])
    assert scores(units)[1:4] == [-40, -40, -40]
    assert article_span(units) == (0, 1)


def test_comment_threads_and_share_links_are_furniture() -> None:
    units = _units(
        [
            "View comments (27)",
            "Reply",
            "Click to share on Twitter (Opens in new window)",
            "[INS: Say :INS] [INS: Goodbye :INS] [INS: To :INS] [INS: Snoring, :INS] "
            "[INS: Say :INS] [INS: Hello :INS] [INS: To :INS] [INS: Sleep :INS] [INS: Now :INS]",
        ]
    )
    assert [c.furniture for c in units] == ["comments_end", "button", "call_to_action", "markup"]


def test_image_references_and_comment_counts_are_furniture() -> None:
    units = _units(
        [
            "[dims?thumbnail=980%2C653&quality=80&image_uri=https%3A%2F%2Fs.blogcdn.com%2Fslide]",
            "13Comments. Click to view comments",
            "Chinese is one token: 这是一个很长的中文句子没有空格但它是正文的一部分所以",
        ]
    )
    assert [c.furniture for c in units] == ["links", "comments_end", None]


def test_a_headline_at_the_top_of_the_block_is_not_body() -> None:
    from toolkit.extract.article import _below_headline

    assert _below_headline((10, 40), (11, 12)) == (13, 40)
    assert _below_headline((10, 40), (5, 5)) == (10, 40)  # above the block: nothing to drop
    assert _below_headline((10, 40), (30, 30)) == (10, 40)  # deep inside: a subheading
    assert _below_headline((10, 12), (11, 11)) == (10, 12)  # never empties the block


def test_a_share_row_one_button_per_line_costs_as_one_row() -> None:
    buttons = ["Facebook", "Twitter", "Whatsapp", "Pinterest", "Linkedin"]
    later = PROSE.replace("council", "board")
    units = _units([PROSE, PROSE, PROSE, *buttons, later, later, later])
    assert [units[3 + k].furniture for k in range(5)] == ["share_buttons"] * 5
    assert scores(units)[3:8] == [-40, 0, 0, 0, 0]
    assert article_span(units) == (0, len(units))
