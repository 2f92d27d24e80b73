"""The lazy dateline picks equal the eager computation they replace: every dated unit of the
range read, lists dropped, full dates preferred, then the best of the window."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from toolkit.extract.dateline import _by_distance
from toolkit.extract.dateruns import LIST_GAP, LIST_SIZE, Candidate, DatedRange, pick

_DAY = dt.date(2020, 1, 1)


def _eager(table: dict[int, list[Candidate]], lo: int, hi: int) -> list[Candidate]:
    found = [c for i in range(lo, hi) for c in table.get(i, [])]
    kept: list[Candidate] = []
    run: list[Candidate] = []
    for c in found + [Candidate(10**9, _DAY, False)]:
        if run and c.index - run[-1].index > LIST_GAP:
            kept += [] if len({r.index for r in run}) >= LIST_SIZE else run
            run = []
        run.append(c)
    full = [c for c in kept if not c.partial]
    return full or kept


_tables = st.dictionaries(
    st.integers(0, 40),
    st.lists(st.booleans(), min_size=1, max_size=3),
    max_size=14,
).map(
    lambda d: {
        i: [Candidate(i, _DAY + dt.timedelta(k), partial) for k, partial in enumerate(flags)]
        for i, flags in d.items()
    }
)


@given(_tables, st.integers(0, 40), st.integers(0, 40), st.integers(0, 12), st.integers(0, 12))
def test_nearest_pick_equals_eager(
    table: dict[int, list[Candidate]], start: int, n: int, above: int, below: int
) -> None:
    lo, hi = max(0, start - above - 2 * LIST_GAP), min(n, start + below + 2 * LIST_GAP + 1)
    window = range(max(lo, start - above), min(hi, start + below + 1))

    def distance(i: int) -> int:
        return start - i if i <= start else 2 * (i - start)

    near = [c for c in _eager(table, lo, hi) if c.index in window]
    expected = min(near, key=lambda c: distance(c.index)) if near else None
    order = list(_by_distance(window, start))
    assert order == sorted(window, key=lambda i: (distance(i), i))
    dated = DatedRange(lambda i: table.get(i, []), lo, hi)
    others = [i for i in range(lo, hi) if i not in window]
    assert pick(dated, order, others) == expected


@given(_tables, st.integers(0, 40), st.integers(0, 12))
def test_first_pick_equals_eager(table: dict[int, list[Candidate]], stop: int, margin: int) -> None:
    hi = stop + margin
    window = range(0, stop)
    first = [c for c in _eager(table, 0, hi) if c.index in window]
    dated = DatedRange(lambda i: table.get(i, []), 0, hi)
    assert pick(dated, window, range(stop, hi)) == (first[0] if first else None)
