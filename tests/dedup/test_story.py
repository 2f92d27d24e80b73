"""Story groups: shared names, close in time; copies always share their story."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from toolkit.dedup import story
from toolkit.dedup.story import story_groups, story_pairs, story_terms, term_lists, terms_frame

MAYOR = (
    "The city council of Springfield voted on Monday to approve the budget. Mayor Alice Dunmore "
    "said the vote, backed by council member Rafael Ortiz and opposed by Councilwoman Joan "
    "Whitaker, would fund the Riverside Library and the Elm Street bridge."
)
MAYOR_LATER = (
    "A day after the vote, Mayor Alice Dunmore defended the Springfield budget. Rafael Ortiz and "
    "Joan Whitaker traded barbs over the Riverside Library, while the Elm Street bridge money "
    "drew praise from residents."
)
STORM = (
    "Heavy rain flooded parts of Lisbon overnight, and the Portuguese civil protection agency "
    "said the Tagus river rose to its highest level since 1997. Prime Minister Duarte Moreira "
    "visited Alcântara in the morning with officials from Almada and Setúbal."
)
DAY = dt.date(2024, 3, 4)


def test_articles_naming_the_same_actors_are_one_story() -> None:
    assert story_pairs([MAYOR, STORM, MAYOR_LATER], [DAY, DAY, DAY + dt.timedelta(days=1)]) == [
        (0, 2)
    ]


def test_the_same_names_a_year_apart_are_another_story() -> None:
    assert story_pairs([MAYOR, MAYOR_LATER], [DAY, DAY + dt.timedelta(days=365)]) == []
    assert story_pairs([MAYOR, MAYOR_LATER], [DAY, None]) == [(0, 1)]  # unknown date: names decide


def test_sentence_openings_are_not_names() -> None:
    text = "Heavy rain fell on Lisbon. Officials said Monday that Porto, Braga and Faro flooded."
    terms = story_terms([text])["term"].to_list()
    assert terms == ["lisbon", "monday", "porto", "braga", "faro"]  # not "heavy", "officials"


def test_story_value_is_the_first_published_member_and_copies_share_it() -> None:
    ids = ["b", "a", "c"]
    bodies = [MAYOR_LATER, MAYOR, STORM]
    dates = [DAY + dt.timedelta(days=1), DAY, None]
    terms = term_lists(bodies)
    assert story_groups(ids, terms, dates, duplicate_pairs=[]) == ["a", "a", "c"]
    # A copy is in its original's story even when their names alone would not link them.
    assert story_groups(ids, terms, dates, duplicate_pairs=[(1, 2)]) == ["a", "a", "a"]


def test_text_without_case_uses_every_word() -> None:
    terms = terms_frame(term_lists(["東京 大阪 京都 名古屋 札幌 福岡"]))
    assert isinstance(terms, pl.DataFrame) and terms.height == 6


def test_story_pairs_do_not_depend_on_how_many_articles_a_pass_takes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bodies = [MAYOR, STORM, MAYOR_LATER, STORM, MAYOR] * 3
    dates = [DAY + dt.timedelta(days=i % 3) for i in range(len(bodies))]
    whole = story_pairs(bodies, dates)
    assert whole  # (the corpus has stories to find)
    for chunk in (1, 2, 7):
        monkeypatch.setattr(story, "DOC_CHUNK", chunk)
        assert story_pairs(bodies, dates) == whole, chunk
