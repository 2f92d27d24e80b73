from __future__ import annotations

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
