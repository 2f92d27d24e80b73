"""Parquet shards the way the Hub reads best: explicit schema, CDC pages, page index."""

from __future__ import annotations

import math
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from toolkit.cores import default_workers
from toolkit.pipeline.spill import Spill, rechunk

MAX_SHARD_BYTES = 256 * 1024 * 1024  # in-memory Arrow size per shard
ROW_GROUP_BYTES = 32 * 1024 * 1024  # keeps row groups well under the Hub's 100 MB advice


def shard_name(split: str, index: int, count: int) -> str:
    """The Hub's shard naming: data/{split}-{i:05d}-of-{n:05d}.parquet."""
    return f"data/{split}-{index:05d}-of-{count:05d}.parquet"


def write_shards(
    rows: Spill, nbytes: int, schema: pa.Schema, folder: Path, split: str
) -> dict[str, int]:
    """Write the spilled rows (nbytes: their in-memory size) as shards under folder/data, each
    read from the spill a row group at a time; return {relative path: rows}."""
    total = rows.num_rows
    count = max(1, math.ceil(nbytes / MAX_SHARD_BYTES))
    rows_per_shard = max(1, math.ceil(total / count))
    row_group = max(1, ROW_GROUP_BYTES // max(1, nbytes // max(1, total)))
    (folder / "data").mkdir(parents=True, exist_ok=True)
    spans = [(i * rows_per_shard, min(total, (i + 1) * rows_per_shard)) for i in range(count)]
    names = [shard_name(split, i, count) for i in range(count)]

    def write(index: int) -> None:
        start, stop = spans[index]
        with pq.ParquetWriter(
            folder / names[index],
            schema,
            compression="zstd",
            write_statistics=True,
            write_page_index=True,
            use_content_defined_chunking=True,
        ) as writer:
            if start >= stop:  # (as pq.write_table does for an empty table)
                writer.write_table(schema.empty_table())
            for group in rechunk(rows.rows(start, stop), row_group):
                writer.write_table(group, row_group_size=row_group)

    # Arrow compresses without the GIL, so shards are written side by side (same bytes).
    with ThreadPoolExecutor(min(count, default_workers())) as pool:
        list(pool.map(write, range(count)))
    return {name: max(0, stop - start) for name, (start, stop) in zip(names, spans, strict=True)}
