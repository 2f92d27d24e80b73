"""The first global step: extracted batches, as an engine delivers them, split into what the
grouping needs (kept in memory: mostly the MinHash signature and the story terms, no text) and
the rest of each row (spilled to disk, or left in the extraction cache for a cached file), so
memory follows the dedup index, not the corpus text."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from toolkit.pipeline.cache import ExtractionCache, used_keys
from toolkit.pipeline.interleave import interleave
from toolkit.pipeline.spill import Spill, SpillWriter, rechunk
from toolkit.pipeline.stages import GROUPED, GROUPING_INPUTS, split_quarantine

QUARANTINE_COLUMNS = ("raw_path", "reason", "detail")
SORT_KEY = "raw_path"  # the output's order, which every engine delivers batches in


@dataclass(frozen=True)
class Collected:
    """Every record of a build, split three ways, each in input order."""

    rows: Spill  # the kept rows' columns that grouping neither reads nor sets (cached: below)
    keys: pa.Table  # the kept rows' grouping columns (GROUPING_INPUTS, GROUPED, SORT_KEY)
    quarantined: pa.Table  # QUARANTINE_COLUMNS of every quarantined file
    located: Located | None = None  # where the rows are, when not all in `rows` in order

    def chunks(self, size: int) -> Iterator[pa.Table]:
        """Every kept row's `rows` columns, in order, `size` rows at a time: taken from the
        spill, and a cached row's from the cache, whose text was never copied (the cache
        holds it already)."""
        if self.located is None:
            yield from rechunk(self.rows.batches(), size, contiguous=False)
            return
        (where, cache), names = self.located, self.rows.schema.names
        for start in range(0, len(where), size):
            at = where[start : start + size]
            fresh = at[:, 0] < 0
            parts = []
            if fresh.any():
                parts.append((self.rows.take(at[fresh, 1]), np.flatnonzero(fresh)))
            if not fresh.all():
                assert cache is not None  # (only the cache holds rows outside the spill)
                held = cache.rows(at[~fresh], names)
                parts.append((held, np.flatnonzero(~fresh)))
            yield interleave(parts, self.rows.schema)


class Located(NamedTuple):
    """Where each kept row is: (part batch, row) in the extraction cache, or (-1, n) for the
    n-th row of the spill."""

    where: np.ndarray
    cache: ExtractionCache | None


def collect(
    passes: Iterable[Iterable[pa.Table]],
    schema: pa.Schema,
    folder: Path,
    cache: ExtractionCache | None = None,
) -> Collected:
    """Consume extracted batches (record schema), pass by pass (each pass sorted by raw_path;
    the passes together hold each file once): cached records filled in (the columns grouping
    needs; the rest stay in the cache) and fresh ones added to the cache, quarantined records
    set apart, rows spilled to folder. Rows of several passes are put in raw_path order."""
    keep = [n for n in schema.names if n in {*GROUPING_INPUTS, *GROUPED, SORT_KEY}]
    spilled = [n for n in schema.names if n not in {*keep, *QUARANTINE_COLUMNS}]
    writer = SpillWriter(folder / "records.arrow", _select(schema, spilled))
    part = cache.writer(cache.keys()) if cache is not None else None
    used: set[str] = set()
    keys: list[pa.Table] = []
    quarantined: list[pa.Table] = []
    places: list[np.ndarray] = []
    passes_with_records, written, seen = 0, 0, 0
    try:
        for batches in passes:
            last: str | None = None
            before = seen
            for batch in batches:
                seen += batch.num_rows
                where = np.full((batch.num_rows, 2), -1, dtype=np.int64)
                if part is not None:
                    part.write(batch)  # (its fresh records: those marked cached are known)
                    used |= used_keys(batch)
                    where = part.cache.locate(batch)
                    batch = part.cache.fill(batch, where, later=spilled)
                last = _check_order(batch, last)
                rows, bad, kept_rows = split_quarantine(batch)
                where = where[kept_rows]
                fresh = where[:, 0] < 0
                where[fresh, 1] = np.arange(written, written + np.count_nonzero(fresh))
                written += int(np.count_nonzero(fresh))
                places.append(where)
                writer.write(
                    (rows if fresh.all() else rows.filter(pa.array(fresh))).select(spilled)
                )
                keys.append(_copied(rows.select(keep)))
                if bad.num_rows:
                    quarantined.append(_copied(bad.select(list(QUARANTINE_COLUMNS))))
            passes_with_records += seen > before
    except BaseException:
        writer.abort()
        if part is not None:
            part.abort()
        raise
    if part is not None:
        part.commit(used)
    kept = pa.concat_tables(keys) if keys else _select(schema, keep).empty_table()
    where = np.concatenate(places) if places else np.empty((0, 2), np.int64)
    gone = pa.concat_tables(quarantined) if quarantined else None
    if passes_with_records > 1:  # (each pass is in order; together they are not)
        order = pc.sort_indices(kept, [(SORT_KEY, "ascending")]).to_numpy()
        kept, where = _reordered(kept, order), where[order]
        gone = gone.sort_by(SORT_KEY) if gone is not None else None
    in_order = passes_with_records <= 1 and not (where[:, 0] >= 0).any()
    located = None if in_order else Located(where, cache)
    return Collected(
        writer.close(),
        kept,
        gone if gone is not None else _select(schema, list(QUARANTINE_COLUMNS)).empty_table(),
        located,
    )


def _reordered(table: pa.Table, order: np.ndarray) -> pa.Table:
    """table.take(order), as slices where the order runs on: a rebuild's new rows fall among
    long runs of cached ones, and slices copy nothing (a take of the signatures would)."""
    starts = np.flatnonzero(np.diff(order, prepend=-2) != 1)
    if not len(order) or len(starts) > len(order) // 16:
        return table.take(pa.array(order))
    ends = np.append(starts[1:], len(order))
    return pa.concat_tables(
        [table.slice(order[a], b - a) for a, b in zip(starts, ends, strict=True)]
    )


def _copied(table: pa.Table) -> pa.Table:
    """The table in buffers of its own: a batch from Ray's object store is one block, which
    any column kept by reference would pin whole, article text included."""
    return table.take(pa.array(np.arange(table.num_rows)))


def _select(schema: pa.Schema, names: list[str]) -> pa.Schema:
    return pa.schema([schema.field(n) for n in names])


def _check_order(batch: pa.Table, last: str | None) -> str | None:
    """Refuse batches out of raw_path order: rows are written as they come, never sorted."""
    paths = batch.column(SORT_KEY)
    if not len(paths):
        return last
    ordered = pc.all(pc.less_equal(paths.slice(0, len(paths) - 1), paths.slice(1))).as_py()
    first = paths[0].as_py()
    if ordered is False or (last is not None and first < last):
        raise RuntimeError("an engine delivered batches out of raw_path order")
    return str(paths[-1].as_py())
