"""Text said twice in one unit ("Title Title"): a link's text next to its image's alt text."""

from __future__ import annotations

import re

from toolkit.extract.segment import Unit

_BULLET = re.compile(r"^(?:[-*•·▪◦+]|\d{1,3}[.)])\s+")
MIN_WORDS = 3


def undouble(text: str) -> str:
    """One copy of a unit made of the same words twice (after any bullet), else the text."""
    tail = text.rsplit(None, 1)[-1:]  # (the cheapest test first: a doubled text's last word
    if not tail or text.find(tail[0]) == text.rfind(tail[0]):  # ends its first copy too)
        return text
    words = text.split()
    # A bullet is a word of its own, so only an odd count can be a bullet and a doubled text.
    first = len(words) % 2
    half = (len(words) - first) // 2
    if half < MIN_WORDS or words[first : first + half] != words[first + half :]:
        return text
    bullet = _BULLET.match(text)
    if (bullet is not None) != bool(first):
        return text
    head = bullet.group() if bullet else ""
    return head + " ".join(words[first : first + half])


def undouble_units(units: list[Unit]) -> list[Unit]:
    """The units with doubled text said once, so a teaser does not weigh like a paragraph."""
    out = []
    for u in units:
        text = undouble(u.text)
        out.append(u if text is u.text else Unit(text, u.block, u.line))  # most are not doubled
    return out
