"""A block that spans a long stretch of page chrome holds two things: keep the one with more
prose (a stream teaser or comments above a video widget, the article below it)."""

from __future__ import annotations

from toolkit.extract.classify import Classified

MIN_VOID_UNITS = 40  # a chart's or table's labels are weak; this many with real furniture is chrome
MIN_VOID_FURNITURE = 2
WEAK_COST = 10


def _voids(
    units: list[Classified], values: list[int], start: int, end: int
) -> list[tuple[int, int]]:
    """[a, b) stretches without prose, long and holding real furniture (values: unit scores,
    real furniture costing more than WEAK_COST)."""
    found: list[tuple[int, int]] = []
    i = start
    while i < end:
        if units[i].prose:
            i += 1
            continue
        j = i
        while j < end and not units[j].prose:
            j += 1
        furniture = sum(1 for v in values[i:j] if v < -WEAK_COST)
        if j - i >= MIN_VOID_UNITS and furniture >= MIN_VOID_FURNITURE:
            found.append((i, j))
        i = j
    return found


def densest_part(
    units: list[Classified], values: list[int], start: int, end: int
) -> tuple[int, int]:
    """The part of [start, end) between long chrome stretches that holds the most prose."""
    edges = [start, *[x for void in _voids(units, values, start, end) for x in void], end]
    parts = list(zip(edges[::2], edges[1::2], strict=True))
    return max(parts, key=lambda p: sum(c.words for c in units[p[0] : p[1]] if c.prose))
