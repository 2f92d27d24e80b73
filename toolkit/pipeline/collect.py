"""The first global step: extracted batches, as an engine delivers them, split into what the
grouping needs (kept in memory: mostly the MinHash signature and the story terms, no text) and
the rest of each row (spilled to disk), so memory follows the dedup index, not the corpus text."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from toolkit.pipeline.cache import ExtractionCache, used_keys
from toolkit.pipeline.interleave import interleave
from toolkit.pipeline.spill import Spill, SpillWriter, cut, rechunk
from toolkit.pipeline.stages import GROUPED, GROUPING_INPUTS, split_quarantine

QUARANTINE_COLUMNS = ("raw_path", "reason", "detail")
SORT_KEY = "raw_path"  # the output's order, which every engine delivers batches in


@dataclass(frozen=True)
class Collected:
    """Every record of a build, split three ways, each in input order."""

    rows: Spill  # the kept rows' columns that grouping neither reads nor sets (cached: below)
    keys: pa.Table  # the kept rows' grouping columns (GROUPING_INPUTS, GROUPED, SORT_KEY)
    quarantined: pa.Table  # QUARANTINE_COLUMNS of every quarantined file
    cached: Cached | None = None  # where the rows left out of `rows` are in the cache

    def chunks(self, size: int) -> Iterator[pa.Table]:
        """Every kept row's `rows` columns, in order, `size` rows at a time: taken from the
        spill, and a cached row's from the cache, whose text was never copied (the cache
        holds it already)."""
        if self.cached is None:
            yield from rechunk(self.rows.batches(), size, contiguous=False)
            return
        where, names = self.cached.where, self.rows.schema.names
        spans = [(start, where[start : start + size]) for start in range(0, len(where), size)]
        counts = [int(np.count_nonzero(at[:, 0] < 0)) for _, at in spans]
        spilled = cut(self.rows.batches(), [c for c in counts if c], contiguous=False)
        for (_, at), count in zip(spans, counts, strict=True):
            fresh = at[:, 0] < 0
            parts = [(next(spilled), np.flatnonzero(fresh))] if count else []
            if count < len(at):
                held = self.cached.cache.rows(at[~fresh], names)
                parts.append((held, np.flatnonzero(~fresh)))
            yield interleave(parts, self.rows.schema)


@dataclass(frozen=True)
class Cached:
    """The kept rows' places in the extraction cache ((part batch, row), or (-1, -1) for a row
    extracted in this build, which is in the spill)."""

    cache: ExtractionCache
    where: np.ndarray


def collect(
    batches: Iterable[pa.Table],
    schema: pa.Schema,
    folder: Path,
    cache: ExtractionCache | None = None,
) -> Collected:
    """Consume extracted batches (record schema, sorted by raw_path): cached records filled in
    (the columns grouping needs; the rest stay in the cache) and fresh ones added to the cache,
    quarantined records set apart, rows spilled to folder."""
    keep = [n for n in schema.names if n in {*GROUPING_INPUTS, *GROUPED, SORT_KEY}]
    spilled = [n for n in schema.names if n not in {*keep, *QUARANTINE_COLUMNS}]
    writer = SpillWriter(folder / "records.arrow", _select(schema, spilled))
    part = cache.writer(cache.keys()) if cache is not None else None
    used: set[str] = set()
    keys: list[pa.Table] = []
    quarantined: list[pa.Table] = []
    located: list[np.ndarray] = []
    last: str | None = None
    try:
        for batch in batches:
            where = None
            if part is not None:
                part.write(batch)  # (its fresh records: those marked cached are known)
                used |= used_keys(batch)
                where = part.cache.locate(batch)
                batch = part.cache.fill(batch, where, later=spilled)
            last = _check_order(batch, last)
            rows, bad = split_quarantine(batch)
            if where is not None:
                where = where[batch.column("reason").is_null().to_numpy(zero_copy_only=False)]
                located.append(where)
                fresh = where[:, 0] < 0
                rows_fresh = rows if fresh.all() else rows.filter(pa.array(fresh))
                writer.write(rows_fresh.select(spilled))
            else:
                writer.write(rows.select(spilled))
            keys.append(_copied(rows.select(keep)))
            if bad.num_rows:
                quarantined.append(_copied(bad.select(list(QUARANTINE_COLUMNS))))
    except BaseException:
        writer.abort()
        if part is not None:
            part.abort()
        raise
    cached = None
    if part is not None:
        part.commit(used)
        where = np.concatenate(located) if located else np.empty((0, 2), np.int64)
        cached = Cached(part.cache, where) if (where[:, 0] >= 0).any() else None
    return Collected(
        writer.close(),
        pa.concat_tables(keys) if keys else _select(schema, keep).empty_table(),
        pa.concat_tables(quarantined)
        if quarantined
        else _select(schema, list(QUARANTINE_COLUMNS)).empty_table(),
        cached,
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
