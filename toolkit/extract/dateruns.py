"""Which dated units of a range stand alone: dated units close together form a list (related
stories, comments, a table), whose dates are not datelines.

The picks below read units only as far as the answer needs: the dateline nearest the
article's start is usually a few units away, while a whole range holds dozens.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

LIST_GAP = 4  # dated units this close together form a list (related stories, comments)
LIST_SIZE = 3


@dataclass(frozen=True)
class Candidate:
    """A dateline date on one unit."""

    index: int
    date: dt.date
    partial: bool  # printed without a year


class DatedRange:
    """The units in [lo, hi) with their dateline dates, unless they belong to a list."""

    def __init__(self, dated: Callable[[int], list[Candidate]], lo: int, hi: int) -> None:
        self._dated = dated  # one unit's candidates in line order (cached by the caller)
        self.lo = lo
        self.hi = hi
        self._kept: dict[int, list[Candidate]] = {}

    def kept(self, i: int) -> list[Candidate]:
        """Unit i's candidates, or none when the unit is out of range or part of a list."""
        if not self.lo <= i < self.hi:
            return []
        if i not in self._kept:
            found = self._dated(i)
            self._kept[i] = found if found and self._run_size(i) < LIST_SIZE else []
        return self._kept[i]

    def _run_size(self, i: int) -> int:
        """Dated units chained to i by gaps of at most LIST_GAP, counted up to LIST_SIZE."""
        size = 1
        for step, bound in ((-1, self.lo - 1), (1, self.hi)):
            j = i
            while size < LIST_SIZE:
                nxt = self._next_dated(j, step, bound)
                if nxt is None:
                    break
                size += 1
                j = nxt
        return size

    def _next_dated(self, j: int, step: int, bound: int) -> int | None:
        """The nearest dated unit within LIST_GAP of j in one direction, inside the range."""
        stop = j + step * (LIST_GAP + 1)
        stop = max(stop, bound) if step < 0 else min(stop, bound)
        for k in range(j + step, stop, step):
            if self._dated(k):
                return k
        return None

    def has_full(self, indices: Iterable[int]) -> bool:
        """Whether any of these units keeps a date printed with its year."""
        return any(not c.partial for i in indices for c in self.kept(i))


def pick(dated: DatedRange, order: Iterable[int], others: Iterable[int]) -> Candidate | None:
    """The first kept date in the order of `order`, full dates first: a partial one only when
    no unit of the range (those in `order` and `others`) keeps a full date."""
    partial = None
    for i in order:
        kept = dated.kept(i)
        for c in kept:
            if not c.partial:
                return c
        if kept and partial is None:
            partial = kept[0]
    if partial is None or dated.has_full(others):
        return None
    return partial
