"""An article cut in two by an embedded player or widget: two strong runs with only chrome
between them."""

from __future__ import annotations

from toolkit.extract.classify import Classified

MAX_GAP_UNITS = 100
WEAK_COST = 10
MAX_STRONG_SHARE = 0.25  # a widget is mostly weak labels; an article's end is calls to action
ENDINGS = frozenset({"comments_end", "section_end", "read_more", "rights", "contributed"})


def bridged_end(
    units: list[Classified],
    values: list[int],
    runs: list[tuple[int, int, int]],
    index: int,
    floor: float,
) -> int:
    """Where the article picked as runs[index] really ends: runs after it that score at least
    floor join it while the gap before each is short, prose-free, mostly weak chrome, and holds
    nothing that marks an article's end."""
    end = runs[index][2]
    for score, start, stop in runs[index + 1 :]:
        gap = units[end:start]
        if score < floor or len(gap) > MAX_GAP_UNITS:
            break
        if any(c.prose or c.furniture in ENDINGS for c in gap):
            break
        strong = sum(1 for v in values[end:start] if v < -WEAK_COST)
        if strong > MAX_STRONG_SHARE * len(gap):
            break
        end = stop
    return end
