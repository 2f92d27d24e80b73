from __future__ import annotations

from toolkit.extract.cjkwrap import cjk_wrap, display_width, glue
from toolkit.extract.segment import segment

# Six paragraphs of made-up Chinese, each long enough to wrap at 20 display columns
# (10 characters) the way w3m wraps: anywhere, with no space at the break.
PARAGRAPHS = [
    "今天天气很好我们一起去公园散步看见很多人在湖边钓鱼。",
    "下午我们在茶馆里喝茶聊天谈到了明年的旅行计划和安排。",
    "晚上回家以后大家一起做饭吃饭然后看了一部很长的电影。",
    "第二天早上我们很早就起床了准备去山上看日出和云海。",
    "山上的风景非常美丽空气也很新鲜让人感到心情很愉快。",
    "回程的路上我们买了一些当地的特产带回去送给家人朋友。",
]


def _wrap(text: str, chars: int) -> list[str]:
    return [text[i : i + chars] for i in range(0, len(text), chars)]


def _wrapped_file(chars: int) -> str:
    return "\n\n".join("\n".join(_wrap(p, chars)) for p in PARAGRAPHS)


def test_display_width_counts_wide_characters_twice() -> None:
    assert display_width("ab中文") == 6


def test_wrapped_cjk_paragraphs_are_joined_without_spaces() -> None:
    assert [u.text for u in segment(_wrapped_file(10))] == PARAGRAPHS


def test_whole_cjk_lines_of_varied_length_are_not_a_wrap() -> None:
    lines = [p[: 12 + (3 * i) % 13] for i, p in enumerate(PARAGRAPHS * 3)]
    assert cjk_wrap(lines) is None


def test_glue_adds_a_space_only_between_non_cjk_pieces() -> None:
    assert glue("中文", "文字") == ""
    assert glue("Wi-Fi", "接続") == ""
    assert glue("word", "next") == " "
