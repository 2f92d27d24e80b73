"""The strong furniture patterns over a whole file (a unit a line), each tried only where a
match can be: a regex scan costs about a hundred instructions a character, a substring test
or a failed match at a line start far less."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from toolkit.extract.prefilter import (
    Needles,
    Present,
    first_chars,
    line_anchored,
    line_local,
    lines_holding,
    needles,
    within_line,
)


@dataclass(frozen=True)
class Strong:
    """One pattern with the facts about it that spare scanning."""

    name: str
    pattern: re.Pattern[str]
    needed: Needles | None  # literals every match holds
    anchored: bool  # every match starts a line
    first: frozenset[str] | None  # the ASCII characters a match can start with
    within: bool  # no match holds a newline
    local: bool  # a search confined to a line finds what a whole-text search finds there


def strong(name: str, pattern: re.Pattern[str]) -> Strong:
    return Strong(
        name=name,
        pattern=pattern,
        needed=needles(pattern),
        anchored=line_anchored(pattern),
        first=first_chars(pattern),
        within=within_line(pattern),
        local=line_local(pattern),
    )


def strong_reasons(
    patterns: Iterable[Strong], texts: list[str], text: str, starts: list[int], present: Present
) -> list[str | None]:
    """The first pattern (in their order) matching within each line of text, the lines joined
    from texts at starts, as if each pattern's finditer ran over the whole text: a match
    holding a newline names no line but hides the line starts it covers."""
    reasons: list[str | None] = [None] * len(texts)
    heads = [t[:1] or "\n" for t in texts]  # an empty line starts with its newline
    low = present.low
    for s in patterns:
        found: Iterable[re.Match[str]]
        if s.anchored and s.first is not None:
            # a failed match at a line start costs less than looking for the needles
            first = s.first
            tried = [at for at, h in zip(starts, heads, strict=True) if h in first or h >= "\x80"]
            found = _at_line_starts(s.pattern, text, tried)
        elif not present.may_match(s.needed):
            continue
        elif s.needed and low is not None and (s.within if s.anchored else s.local):
            lines = sorted(lines_holding(s.needed, low, starts))  # the others cannot hold one
            if s.anchored:
                found = _at_line_starts(s.pattern, text, [starts[i] for i in lines])
            else:
                found = _in_lines(s.pattern, text, starts, texts, lines)
        elif s.anchored:
            found = _at_line_starts(s.pattern, text, starts)
        else:
            found = s.pattern.finditer(text)
        for m in found:
            if "\n" not in m.group():
                i = bisect.bisect_right(starts, m.start()) - 1
                reasons[i] = reasons[i] or s.name
    return reasons


def _at_line_starts(
    pattern: re.Pattern[str], text: str, tried: list[int]
) -> Iterator[re.Match[str]]:
    """What pattern.finditer(text) yields when the pattern only matches at line starts and
    never empty, and only the line starts `tried` can start a match: one match() per line
    start, skipping those inside the previous match."""
    resume = 0
    for start in tried:
        if start < resume:
            continue
        m = pattern.match(text, start)
        if m:
            resume = m.end()
            yield m


def _in_lines(
    pattern: re.Pattern[str], text: str, starts: list[int], texts: list[str], lines: list[int]
) -> Iterator[re.Match[str]]:
    """What finditer over the whole text yields for a line-local pattern that can match only
    in these lines (in order)."""
    for i in lines:
        yield from pattern.finditer(text, starts[i], starts[i] + len(texts[i]))
