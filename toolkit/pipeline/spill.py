"""Record batches kept on disk between stages, so the build holds a batch, not the corpus.

A spill is an Arrow IPC file written batch by batch and read back through ordinary file reads
(not memory-mapped: mapped pages would count as the process's memory). `rechunk` turns the
batches of whatever size an engine delivers into chunks of a fixed number of rows, so what is
computed per chunk never depends on how the engine cut the work.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

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


def rechunk(
    tables: Iterable[pa.Table | pa.RecordBatch], rows: int, contiguous: bool = True
) -> Iterator[pa.Table]:
    """The same rows in order, as tables of exactly `rows` rows (the last may hold fewer),
    each one contiguous chunk (or, for a caller that copies them anyway, as they come)."""
    return cut(tables, itertools.repeat(rows), contiguous)


def cut(
    tables: Iterable[pa.Table | pa.RecordBatch], sizes: Iterable[int], contiguous: bool = True
) -> Iterator[pa.Table]:
    """The same rows in order, as consecutive tables of the given (positive) sizes in turn;
    the last may hold fewer when the rows run out, and rows past the sizes are not read."""
    wanted = iter(sizes)
    want = next(wanted, 0)
    pending: list[pa.Table] = []
    held = 0
    for table in tables:
        if not want:
            return
        if isinstance(table, pa.RecordBatch):
            table = pa.Table.from_batches([table])
        while table.num_rows and want:
            take = min(want - held, table.num_rows)
            pending.append(table.slice(0, take))
            table, held = table.slice(take), held + take
            if held == want:
                yield _joined(pending, contiguous)
                pending, held, want = [], 0, next(wanted, 0)
    if held:
        yield _joined(pending, contiguous)


def _joined(tables: list[pa.Table], contiguous: bool) -> pa.Table:
    table = pa.concat_tables(tables)
    return table.combine_chunks() if contiguous else table
