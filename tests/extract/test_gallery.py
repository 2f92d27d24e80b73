from __future__ import annotations

from toolkit.extract.classify import classify
from toolkit.extract.gallery import mark_gallery
from toolkit.extract.knowledge import knowledge
from toolkit.extract.segment import Unit

CAPTION = "The harbour was busy again on Monday as the first ferries of the season arrived."


def _units(texts: list[str]) -> list:
    return mark_gallery(classify([Unit(t, i, i) for i, t in enumerate(texts)], knowledge()))


def test_numbered_slides_and_their_captions_are_gallery() -> None:
    slides = [
        line for k in (1, 2, 3) for line in (f"{k}/3 Ferries return", f"{CAPTION} ({k})", "Pier")
    ]
    units = _units(["Intro text.", *slides, "The article goes on."])
    assert all(c.furniture and not c.prose for c in units[1:9])
    assert units[2].furniture == "gallery"
    assert units[0].furniture is None
    assert units[-1].furniture is None


def test_page_numbers_far_apart_are_not_a_gallery() -> None:
    texts: list[str] = []
    for k in (1, 2, 3):
        texts += [f"{k}/3", *[CAPTION] * 12]
    assert not any(c.furniture == "gallery" for c in _units(texts))
