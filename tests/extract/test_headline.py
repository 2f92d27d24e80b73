"""Headline finder: cue scoring on small hand-made pages; expected values checked by hand."""

from __future__ import annotations

import pytest

from toolkit.extract.article import extract_article
from toolkit.extract.classify import classify
from toolkit.extract.headline import find_headline, headline_text, title_like
from toolkit.extract.headline_cues import echoes_title, is_meta, print_title
from toolkit.extract.knowledge import knowledge
from toolkit.extract.segment import segment

BODY = (
    "The council voted on Tuesday to close the old bridge to cars after engineers found deep "
    "cracks in two of its supports, a decision that will add twenty minutes to many commutes.\n\n"
    "Repairs are expected to take at least a year, and the city has asked the state for help "
    "with the cost, which officials put at several million dollars over the next two budgets.\n\n"
    "Residents who spoke at the meeting were divided, with some calling the closure overdue "
    "and others asking why the problem had not been found during last spring's inspection.\n"
)


def headline(text: str) -> str | None:
    return extract_article(text).headline


def test_headline_under_a_menu_and_above_the_byline() -> None:
    text = (
        "Home\n\nNews\n\nSport\n\nWeather\n\n"
        "City closes old bridge after engineers find cracks\n\n"
        "By Jane Doe\n\nMarch 3, 2021\n\n" + BODY
    )
    assert headline(text) == "City closes old bridge after engineers find cracks"


def test_a_selection_that_starts_at_the_body_has_no_headline() -> None:
    assert headline(BODY) is None


def test_the_standfirst_under_the_headline_is_not_the_headline() -> None:
    text = (
        "Local\n\nCity closes old bridge after engineers find cracks\n\n"
        "Drivers face long detours while repairs go on for a year or more.\n\n"
        "By Jane Doe\n\nMarch 3, 2021\n\n" + BODY
    )
    assert headline(text) == "City closes old bridge after engineers find cracks"


def test_a_photo_caption_with_a_credit_is_not_the_headline() -> None:
    text = (
        "City closes old bridge after engineers find cracks\n\n"
        "By Jane Doe\n\nMarch 3, 2021\n\n"
        "The bridge seen from the east bank John Smith/Reuters\n\n" + BODY
    )
    assert headline(text) == "City closes old bridge after engineers find cracks"


def test_a_headline_wrapped_over_two_lines_is_joined() -> None:
    text = (
        "City closes old bridge after engineers find\n"
        "cracks in two of its supports\nBy Jane Doe\n\n" + BODY
    )
    assert (
        headline(text)
        == "City closes old bridge after engineers find cracks in two of its supports"
    )


def test_the_print_title_picks_the_h1_among_teasers() -> None:
    header = "3/5/21, 10:41 AM City closes old bridge after engineers find cracks | Daily Bugle\n\n"
    text = (
        header
        + "City closes old bridge after engineers find cracks\n\n"
        + "More stories\n\nMayor opens new library in the north end\n\n"
        + "School board delays vote on new calendar\n\n"
        + BODY
    )
    assert headline(text) == "City closes old bridge after engineers find cracks"


def test_a_teaser_label_loses_to_the_headline() -> None:
    text = (
        "City closes old bridge after engineers find cracks\n\n"
        "Up next Mayor opens new library in the north end\n\n" + BODY
    )
    assert headline(text) == "City closes old bridge after engineers find cracks"


def test_a_repeated_site_name_is_stripped_from_the_title() -> None:
    units = classify(
        segment("Daily Bugle\n\nCity closes old bridge - Daily Bugle\n\n" + BODY), knowledge()
    )
    assert headline_text(units, (1, 1), []) == "City closes old bridge"
    assert headline_text(units, (1, 1), ["Other Site"]) == "City closes old bridge"


def test_a_dash_in_the_title_is_kept_when_the_end_is_not_a_site() -> None:
    units = classify(segment("Putin speaks to Netanyahu – Kremlin\n\n" + BODY), knowledge())
    assert find_headline(units, 1) == (0, 0)
    assert headline_text(units, (0, 0), []) == "Putin speaks to Netanyahu – Kremlin"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("City closes old bridge after engineers find cracks", True),
        ("Von der Leyen wins confirmation vote in Parliament", True),  # not "von X", a byline
        ("Por qué el dólar sube otra vez", True),
        ("Manhole Fires: How Winter Wreaks Havoc on What’s Underneath N.Y.C.", True),
        ("海外留学生看两会：出国前后关注点大不同", True),
        ("转播到腾讯微博", False),  # seven characters: a share button, not a headline
        ("Credit Harry Campbell", False),
        ("By Jane Doe", False),
        ("Oct 18, 2019 · 8 min read", False),
        ("The council voted on Tuesday to close the old bridge.", False),
        ('reqHeaders.set("Content-Type", "text/html");', False),
        ("12 comments on “City closes old bridge”", False),
    ],
)
def test_title_like(text: str, expected: bool) -> None:
    assert title_like(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("James Akinaka • 8h", True),
        ("Par Alexandre Hervaud et Jérémy Piette", True),
        ("Alex Perry 1 day ago", True),
        ("21.dez.2018 às 12h55", True),
        ("TNW中文站 10月14日报道", True),
        ("Jane Doe, @janedoe", True),
        ("Your video will play in 00:25", False),
        ("City closes old bridge after engineers find cracks", False),
    ],
)
def test_is_meta(text: str, expected: bool) -> None:
    assert is_meta(text) is expected


def test_print_titles_cut_short_still_match() -> None:
    title = print_title(
        "1/8/25, 10:54 PM South Korean president’s impeachment fails after lawma..."
    )
    assert title == "South Korean president’s impeachment fails after lawma..."
    assert echoes_title(
        "south korean president s impeachment fails after lawmakers walk out", title
    )
    assert not echoes_title("south korean president", title)
    assert print_title("Posted 1/8/25 by Jane") is None
