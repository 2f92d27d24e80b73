"""Which lines of a newline-joined text hold something: the text is searched at C speed and
only the lines found are counted up to, instead of indexing every line in Python first."""

from __future__ import annotations

import re
from collections.abc import Iterable


def lines_holding(needles: Iterable[str], low: str) -> dict[int, int]:
    """The lines of `low` holding one of the needles (none holds a newline): index -> start."""
    found: dict[int, int] = {}
    for needle in needles:
        line, pos = 0, 0
        at = low.find(needle)
        while at >= 0:
            line += low.count("\n", pos, at)
            found[line] = low.rfind("\n", 0, at) + 1
            end = low.find("\n", at)
            if end < 0:
                break
            line, pos = line + 1, end + 1
            at = low.find(needle, pos)
    return found


def lines_matching(pattern: re.Pattern[str], text: str) -> dict[int, int]:
    """The lines of `text` where the pattern finds a match starting: index -> start."""
    found: dict[int, int] = {}
    line, pos = 0, 0
    for m in pattern.finditer(text):
        at = m.start()
        line += text.count("\n", pos, at)
        pos = at
        if line not in found:
            found[line] = text.rfind("\n", 0, at) + 1
    return found


def previous_start(text: str, start: int) -> int:
    """Where the line before the one starting at `start` (not the first) starts."""
    return text.rfind("\n", 0, start - 1) + 1


def every_line(text: str) -> dict[int, int]:
    """Every line of `text`: index -> start."""
    found = {0: 0}
    at = text.find("\n")
    while at >= 0:
        found[len(found)] = at + 1
        at = text.find("\n", at + 1)
    return found
