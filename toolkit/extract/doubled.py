"""Text said twice in one unit ("Title Title"): a link's text next to its image's alt text."""

from __future__ import annotations

import dataclasses
import re

from toolkit.extract.segment import Unit

_BULLET = re.compile(r"^(?:[-*•·▪◦+]|\d{1,3}[.)])\s+")
MIN_WORDS = 3


def undouble(text: str) -> str:
    """One copy of a unit made of the same words twice (after any bullet), else the text."""
    bullet = _BULLET.match(text)
    head = bullet.group() if bullet else ""
    words = text[len(head) :].split()
    half = len(words) // 2
    if len(words) % 2 or half < MIN_WORDS or words[:half] != words[half:]:
        return text
    return head + " ".join(words[:half])


def undouble_units(units: list[Unit]) -> list[Unit]:
    """The units with doubled text said once, so a teaser does not weigh like a paragraph."""
    return [dataclasses.replace(u, text=undouble(u.text)) for u in units]
