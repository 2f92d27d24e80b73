"""Photo galleries: slides numbered "3/50" or "3 of 50", each with a title and a caption."""

from __future__ import annotations

import dataclasses
import re

from toolkit.extract.classify import Classified

_COUNTER = re.compile(r"^\W*(\d{1,3})\s*(?:/|of)\s*(\d{1,3})(?:\s+\S|$)", re.IGNORECASE)
MIN_SLIDES = 3
MAX_SLIDE_UNITS = 8  # a slide is a counter, a title, a caption and a credit; print pages run longer


def counter(text: str) -> re.Match[str] | None:
    """_COUNTER.match(text), skipping the regex for text that starts with a letter (nearly
    every unit): a letter is a word character but no digit, so the match fails there."""
    return None if text[:1].isalpha() else _COUNTER.match(text)


def _slides(units: list[Classified]) -> list[int]:
    """Indices of the longest run of nearby counters with one total and rising numbers (a
    print's bare page numbers rise too, but pages lie far apart)."""
    best: list[int] = []
    current: list[int] = []
    last = (0, 0)
    for i, c in enumerate(units):
        m = counter(c.text)
        if not m or (c.furniture == "print_page" and m.end() < len(c.text)):
            continue
        k, n = int(m.group(1)), int(m.group(2))
        if not 1 <= k <= n:
            continue
        near = bool(current) and i - current[-1] <= MAX_SLIDE_UNITS
        current = current + [i] if near and n == last[1] and k > last[0] else [i]
        last = (k, n)
        if len(current) > len(best):
            best = current
    return best


def mark_gallery(units: list[Classified]) -> list[Classified]:
    """Mark a gallery's slides, from its first counter to the caption under its last one, as
    furniture that costs nothing: the article often goes on below it."""
    slides = _slides(units)
    if len(slides) < MIN_SLIDES:
        return units
    end = slides[-1] + 1
    if end < len(units) and units[end].prose:
        end += 1
    return [
        dataclasses.replace(c, furniture=c.furniture or "gallery", prose=False)
        if slides[0] <= i < end
        else c
        for i, c in enumerate(units)
    ]
