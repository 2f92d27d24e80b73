"""Record batches kept on disk between stages, so the build holds a batch, not the corpus.

A spill is an Arrow IPC file written batch by batch and read back through ordinary file reads
(not memory-mapped: mapped pages would count as the process's memory). `rechunk` turns the
batches of whatever size an engine delivers into chunks of a fixed number of rows, so what is
computed per chunk never depends on how the engine cut the work.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa


class SpillWriter:
    """Appends tables to an IPC file; `close` makes it readable as a `Spill`."""

    def __init__(self, path: Path, schema: pa.Schema) -> None:
        self.path, self.schema = path, schema
        self._sink = pa.OSFile(str(path), "wb")
        self._writer = pa.ipc.new_file(self._sink, schema)
        self._sizes: list[int] = []

    def write(self, table: pa.Table) -> None:
        """Append the table's rows (as one record batch, when it has one chunk)."""
        for batch in table.to_batches():
            if batch.num_rows:
                self._writer.write_batch(batch)
                self._sizes.append(batch.num_rows)

    def close(self) -> Spill:
        self._writer.close()
        self._sink.close()
        return Spill(self.path, self.schema, tuple(self._sizes))

    def abort(self) -> None:
        """Close without finishing and remove the file, when the build failed."""
        self._sink.close()
        self.path.unlink(missing_ok=True)


@dataclass(frozen=True)
class Spill:
    """A finished spill: its rows in order, read back a batch at a time."""

    path: Path
    schema: pa.Schema
    sizes: tuple[int, ...]  # rows of each record batch

    @property
    def num_rows(self) -> int:
        return sum(self.sizes)

    def batches(self) -> Iterator[pa.RecordBatch]:
        """Every batch, each read when asked for and dropped after."""
        return self.rows(0, self.num_rows)

    def take(self, rows: np.ndarray) -> pa.Table:
        """The rows with these numbers (at least one), in that order."""
        ends = np.cumsum(self.sizes, dtype=np.int64)
        batch = np.searchsorted(ends, rows, side="right")
        at = np.stack([batch, rows - (ends[batch] - np.asarray(self.sizes)[batch])], axis=1)
        with pa.OSFile(str(self.path)) as source:
            return gather(pa.ipc.open_file(source).get_batch, at)

    def rows(self, start: int, stop: int) -> Iterator[pa.RecordBatch]:
        """Rows start..stop, as (slices of) the batches that hold them."""
        ends = list(itertools.accumulate(self.sizes))
        first = bisect.bisect_right(ends, start)
        with pa.OSFile(str(self.path)) as source:
            reader = pa.ipc.open_file(source)
            for i in range(first, len(self.sizes)):
                begin = ends[i] - self.sizes[i]
                if begin >= stop:
                    break
                batch = reader.get_batch(i)
                yield batch.slice(max(0, start - begin), min(stop, ends[i]) - max(start, begin))


def gather(batch: Callable[[int], pa.RecordBatch], at: np.ndarray) -> pa.Table:
    """The rows at (batch number, row) pairs, in that order (at least one), each batch they
    need got once: one take over those batches (one over all of them would cost a pass)."""
    used, local = np.unique(at[:, 0], return_inverse=True)
    held = [batch(int(b)) for b in used]
    starts = np.cumsum([0] + [b.num_rows for b in held[:-1]], dtype=np.int64)
    return pa.Table.from_batches(held).take(pa.array(starts[local.ravel()] + at[:, 1]))


def rechunk(
    tables: Iterable[pa.Table | pa.RecordBatch], rows: int, contiguous: bool = True
) -> Iterator[pa.Table]:
    """The same rows in order, as tables of exactly `rows` rows (the last may hold fewer),
    each one contiguous chunk (or, for a caller that copies them anyway, as they come)."""
    cutter = Rechunker(rows, contiguous)
    for table in tables:
        yield from cutter.add(table)
    last = cutter.rest()
    if last is not None:
        yield last


class Rechunker:
    """rechunk fed a table at a time, for a writer whose rows are pushed to it."""

    def __init__(self, rows: int, contiguous: bool = True) -> None:
        self.rows, self.contiguous = rows, contiguous
        self._pending: list[pa.Table] = []
        self._held = 0

    def add(self, table: pa.Table | pa.RecordBatch) -> list[pa.Table]:
        """The chunks of `rows` rows that this table completes."""
        if isinstance(table, pa.RecordBatch):
            table = pa.Table.from_batches([table])
        done = []
        while table.num_rows:
            take = min(self.rows - self._held, table.num_rows)
            self._pending.append(table.slice(0, take))
            table, self._held = table.slice(take), self._held + take
            if self._held == self.rows:
                done.append(self._joined())
        return done

    def rest(self) -> pa.Table | None:
        """The rows left over, fewer than a chunk (None when there are none)."""
        return self._joined() if self._held else None

    def _joined(self) -> pa.Table:
        table = pa.concat_tables(self._pending)
        self._pending, self._held = [], 0
        return table.combine_chunks() if self.contiguous else table
