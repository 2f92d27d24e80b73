from __future__ import annotations

import polars as pl
import pytest

from toolkit.extract.classify import furniture_reason, weight
from toolkit.extract.knowledge import knowledge


@pytest.mark.parametrize(
    "text",
    ["Commentaires (12)", "Comentários", "我要评论(0)", "發表留言", "コメント一覧", "Kommentare"],
)
def test_comment_headings_in_other_languages_end_the_article(text: str) -> None:
    assert furniture_reason(text, weight(text), knowledge()) == "comments_end"


@pytest.mark.parametrize(
    "text", ["Sur le même sujet", "【関連記事】", "推荐阅读", "Leia também:", "Související články"]
)
def test_related_headings_in_other_languages_are_furniture(text: str) -> None:
    assert furniture_reason(text, weight(text), knowledge()) == "related_heading"


def test_a_sentence_that_mentions_comments_is_not_a_heading() -> None:
    text = "Le ministre a refusé tout commentaire sur les réactions des députés."
    assert furniture_reason(text, weight(text), knowledge()) is None


def test_a_bare_guestbook_link_is_not_a_comments_heading() -> None:
    assert furniture_reason("留言", 1, knowledge()) != "comments_end"


def test_every_heading_pattern_also_runs_in_the_validator() -> None:
    # The validator matches the same patterns with polars' engine (no look-around).
    for _, pattern in knowledge().strong:
        pl.select(pl.lit("x").str.contains(f"(?i){pattern.pattern}"))
