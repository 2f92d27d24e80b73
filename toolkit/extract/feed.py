"""A story stream: a block of teasers, each under its own comment counter, around the article."""

from __future__ import annotations

from toolkit.extract.classify import Classified

FEED_MARKERS = 3  # one comments heading ends an article; several in a row mark a feed's items


def feed_item(units: list[Classified], start: int, end: int) -> tuple[int, int] | None:
    """The stretch of [start, end) between comments headings that holds the most prose, when
    the block is a feed (a teaser under each heading, the article under one of them)."""
    marks = [i for i in range(start, end) if units[i].furniture == "comments_end"]
    if len(marks) < FEED_MARKERS:
        return None
    edges = [start - 1, *marks, end]
    pieces = [(a + 1, b) for a, b in zip(edges, edges[1:], strict=False) if b > a + 1]
    return max(pieces, key=lambda p: sum(c.words for c in units[p[0] : p[1]] if c.prose))
