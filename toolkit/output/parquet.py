"""Parquet shards the way the Hub reads best: explicit schema, CDC pages, page index."""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from toolkit.pipeline.spill import Rechunker

MAX_SHARD_BYTES = 256 * 1024 * 1024  # in-memory Arrow size per shard
ROW_GROUP_BYTES = 32 * 1024 * 1024  # keeps row groups well under the Hub's 100 MB advice


def shard_name(split: str, index: int, count: int) -> str:
    """The Hub's shard naming: data/{split}-{i:05d}-of-{n:05d}.parquet."""
    return f"data/{split}-{index:05d}-of-{count:05d}.parquet"


class ShardWriter:
    """Shards written as the rows come, in order, so no copy of the rows waits on disk: a
    shard is closed once it holds MAX_SHARD_BYTES of rows (their in-memory Arrow size), in
    row groups of about ROW_GROUP_BYTES (a row count set by the first rows' average size),
    and the files take the Hub's names once their count is known (`close`). Encoding and
    compression run in a thread (Arrow does them without the GIL) while the caller makes the
    next rows."""

    def __init__(self, folder: Path, schema: pa.Schema, split: str) -> None:
        self.folder, self.schema, self.split = folder, schema, split
        (folder / "data").mkdir(parents=True, exist_ok=True)
        self._groups: Rechunker | None = None  # row groups, once the first rows set their size
        self._shards: list[int] = []  # rows of each closed shard
        self._open: tuple[pq.ParquetWriter, int, int] | None = None  # writer, rows, bytes
        self._thread = ThreadPoolExecutor(1)
        self._queue: deque[Future[None]] = deque()

    def write(self, rows: pa.Table) -> None:
        """Add rows after those written so far."""
        if self._groups is None:
            if not rows.num_rows:
                return
            per_row = max(1, rows.nbytes // rows.num_rows)
            self._groups = Rechunker(max(1, ROW_GROUP_BYTES // per_row))
        for group in self._groups.add(rows):
            self._flush(group)

    def close(self) -> dict[str, int]:
        """Finish every shard and name it; return {relative path: rows}."""
        last = self._groups.rest() if self._groups is not None else None
        if last is not None:
            self._flush(last)
        self._submit(self._finish)
        while self._queue:
            self._queue.popleft().result()
        self._thread.shutdown()
        count = len(self._shards)
        names = [shard_name(self.split, i, count) for i in range(count)]
        for i, name in enumerate(names):
            os.replace(self._temporary(i), self.folder / name)
        return dict(zip(names, self._shards, strict=True))

    def abort(self) -> None:
        """Stop writing (the build failed; the caller removes the folder)."""
        for future in self._queue:
            future.cancel()
        self._thread.shutdown()
        if self._open is not None:
            self._open[0].close()

    def _flush(self, group: pa.Table) -> None:
        self._submit(lambda: self._write_group(group))
        while len(self._queue) > 2:  # (a row group or two wait in memory, not the corpus)
            self._queue.popleft().result()

    def _submit(self, task: Callable[[], None]) -> None:
        self._queue.append(self._thread.submit(task))

    def _write_group(self, group: pa.Table) -> None:
        if self._open is None:
            writer = pq.ParquetWriter(
                self._temporary(len(self._shards)),
                self.schema,
                compression="zstd",
                write_statistics=True,
                write_page_index=True,
                use_content_defined_chunking=True,
            )
            self._open = (writer, 0, 0)
        writer, rows, nbytes = self._open
        size = self._groups.rows if self._groups is not None else None
        writer.write_table(group, row_group_size=size)
        self._open = (writer, rows + group.num_rows, nbytes + group.nbytes)
        if nbytes + group.nbytes >= MAX_SHARD_BYTES:
            self._finish()

    def _finish(self) -> None:
        """Close the open shard (with no rows at all, write one empty shard)."""
        if self._open is None and not self._shards:
            self._write_group(self.schema.empty_table())
        if self._open is not None:
            writer, rows, _ = self._open
            writer.close()
            self._shards.append(rows)
            self._open = None

    def _temporary(self, index: int) -> Path:
        return self.folder / "data" / f".shard-{index}.parquet"
