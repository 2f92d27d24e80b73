"""Duplicate groups: union-find over pairs, one canonical row per group, facts carried over."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar


@dataclass(slots=True)  # (a million of them in a 1M build: no __dict__ each)
class Member:
    """What choosing the canonical copy and carrying facts over need to know of a row."""

    id: str
    word_count: int  # the longest clean body is the most complete copy
    headline: str | None
    date: dt.date | None
    date_source: str | None
    source: str | None
    carried_over: list[str] | None = None

    # Fields a copy may inherit, with the columns that change along with them.
    CARRIED: ClassVar[tuple[str, ...]] = ("date", "source")
    UPDATED: ClassVar[tuple[str, ...]] = ("date", "date_source", "source", "carried_over")


def components(n: int, pairs: Sequence[tuple[int, int]]) -> list[int]:
    """Root index of each item's connected component."""
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return [find(i) for i in range(n)]


def _completeness(m: Member) -> tuple[int, int, int, int, str]:
    # Most complete first; the id breaks ties so the choice never depends on input order.
    return (
        -(m.headline is not None),
        -(m.date is not None and m.date_source != "carried_over"),
        -(m.source is not None),
        -m.word_count,
        m.id,
    )


def assign_groups(members: list[Member], pairs: Sequence[tuple[int, int]]) -> list[str]:
    """The duplicate_group of each member (its canonical member's id); facts carried over."""
    roots = components(len(members), pairs)
    by_root: dict[int, list[int]] = {}
    for i, root in enumerate(roots):
        by_root.setdefault(root, []).append(i)
    group = [""] * len(members)
    for indexes in by_root.values():
        canonical = min((members[i] for i in indexes), key=_completeness)
        for i in indexes:
            group[i] = canonical.id
            m = members[i]
            m.carried_over = [f for f in Member.CARRIED if _inherit(m, canonical, f)]
            if "date" in m.carried_over:
                m.date_source = "carried_over"
    return group


def _inherit(copy: Member, canonical: Member, name: str) -> bool:
    """Give the copy the canonical copy's value of a field it lacks; whether it did."""
    if getattr(copy, name) is not None or getattr(canonical, name) is None:
        return False
    setattr(copy, name, getattr(canonical, name))
    return True
