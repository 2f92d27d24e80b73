from __future__ import annotations

from toolkit.extract.bios import drop_closing_bios

STORY = [
    "The museum reopened on Saturday after a two-year renovation that cost more than expected.",
    "Visitors queued for hours, and staff said the new galleries had drawn record crowds.",
]


def test_an_author_note_at_the_end_is_dropped() -> None:
    bio = "Jane Roe is a Metro reporter covering transit and housing. Follow her on Twitter."
    assert drop_closing_bios([*STORY, bio]) == STORY
    assert drop_closing_bios([*STORY, "John Poe covers the city council."]) == STORY


def test_the_same_words_early_in_the_story_are_kept() -> None:
    early = "Ann Lee is a former reporter who has volunteered at the museum for decades."
    paragraphs = [early, *STORY, *STORY]
    assert drop_closing_bios(paragraphs) == paragraphs
