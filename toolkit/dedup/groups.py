"""Duplicate groups: union-find over pairs, one canonical row per group, facts carried over
(over a list of members, or over the columns of a table of rows)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

import numpy as np
import numpy.typing as npt
import pyarrow as pa


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


def with_duplicate_groups(rows: pa.Table, pairs: npt.NDArray[np.int64]) -> pa.Table:
    """duplicate_group and the carried-over facts: a row in no pair is its own group and
    keeps what it has."""
    names = [f.name for f in dataclasses.fields(Member)]
    involved, (local,) = pairs_over_rows([pairs])
    some = rows.select(names).take(involved)
    columns = [some.column(n).to_pylist() for n in names]
    members = [
        Member(**dict(zip(names, values, strict=True))) for values in zip(*columns, strict=True)
    ]
    updates = {"duplicate_group": assign_groups(members, local.tolist())}
    updates.update({n: [getattr(m, n) for m in members] for n in Member.UPDATED})
    empty = pa.ListArray.from_arrays(
        pa.array(np.zeros(rows.num_rows + 1, np.int32)), pa.array([], pa.string())
    )
    for name, values in updates.items():
        kind = rows.schema.field(name).type
        base = {"duplicate_group": rows.column("id"), "carried_over": empty}.get(name)
        base = rows.column(name) if base is None else base
        rows = with_column(rows, name, scatter(base, involved, pa.array(values, kind)))
    return rows


def pairs_over_rows(
    pairs: list[npt.NDArray[np.int64]],
) -> tuple[npt.NDArray[np.int64], list[npt.NDArray[np.int64]]]:
    """The rows in any of the pairs, sorted, and the pairs renumbered over those rows."""
    rows = np.unique(np.concatenate([p.reshape(-1) for p in pairs]))
    return rows, [np.searchsorted(rows, p) for p in pairs]


def scatter(
    base: pa.Array | pa.ChunkedArray, at: npt.NDArray[np.int64], values: pa.Array
) -> pa.Array:
    """base with values put at the positions at."""
    whole = base.combine_chunks() if isinstance(base, pa.ChunkedArray) else base
    whole = whole.cast(values.type)
    if not len(at):
        return whole
    order = np.arange(len(whole))
    order[at] = len(whole) + np.arange(len(at))
    return pa.concat_arrays([whole, values]).take(pa.array(order))


def with_column(rows: pa.Table, name: str, values: pa.Array) -> pa.Table:
    """rows with the column `name` replaced by values (its field kept)."""
    where = rows.schema.get_field_index(name)
    return rows.set_column(where, rows.schema.field(name), values)
