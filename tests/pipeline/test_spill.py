"""Spills and re-chunking: the build's rows pass through disk in any cut, and come back whole."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.output import parquet
from toolkit.pipeline.spill import SpillWriter, rechunk


def numbered(rows: int) -> pa.Table:
    return pa.table(
        {
            "n": pa.array(range(rows), pa.int64()),
            "text": pa.array([f"row {i} " * (i % 7) if i % 5 else None for i in range(rows)]),
        }
    )


def cut(table: pa.Table, sizes: list[int]) -> list[pa.Table]:
    """The table in consecutive pieces of these sizes (the rest in a last piece)."""
    pieces, start = [], 0
    for size in sizes:
        pieces.append(table.slice(start, size))
        start += size
    return [*pieces, table.slice(start)]


@given(st.lists(st.integers(0, 40), max_size=8), st.integers(1, 30))
def test_rechunk_gives_the_same_rows_in_chunks_of_the_asked_size(
    sizes: list[int], rows: int
) -> None:
    table = numbered(sum(sizes) + 3)
    chunks = list(rechunk(cut(table, sizes), rows))
    assert pa.concat_tables(chunks).equals(table) if chunks else table.num_rows == 0
    assert all(c.num_rows == rows for c in chunks[:-1])
    assert all(c.column("n").num_chunks == 1 for c in chunks)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(1, 25), min_size=1, max_size=6), st.data())
def test_a_spill_reads_back_any_range_of_its_rows(
    tmp_path_factory: pytest.TempPathFactory, sizes: list[int], data: st.DataObject
) -> None:
    table = numbered(sum(sizes))
    writer = SpillWriter(tmp_path_factory.mktemp("spill") / "rows.arrow", table.schema)
    for piece in cut(table, sizes):
        writer.write(piece)
    spill = writer.close()
    assert spill.num_rows == table.num_rows
    start = data.draw(st.integers(0, table.num_rows))
    stop = data.draw(st.integers(start, table.num_rows))
    got = [pa.Table.from_batches([b]) for b in spill.rows(start, stop)]
    expected = table.slice(start, stop - start)
    assert (pa.concat_tables(got) if got else expected.slice(0, 0)).equals(expected)


def test_shards_written_as_rows_come_are_the_bytes_of_a_whole_table_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Writing as the rows come changes memory, not output: each shard, row group by row
    group, is the file pq.write_table makes of the same rows with the same settings, and a
    shard ends once it holds MAX_SHARD_BYTES."""
    table = numbered(1000).combine_chunks()
    monkeypatch.setattr(parquet, "MAX_SHARD_BYTES", table.nbytes // 3)
    monkeypatch.setattr(parquet, "ROW_GROUP_BYTES", table.nbytes // 10)
    writer = parquet.ShardWriter(tmp_path, table.schema, "train")
    for piece in cut(table, [7, 300, 1, 250]):
        writer.write(piece)
    shards = writer.close()
    first = table.slice(0, 7)  # rows per row group follow the first rows' average size
    group = (table.nbytes // 10) // (first.nbytes // first.num_rows)
    count = len(shards)
    assert count > 2 and list(shards) == [
        f"data/train-{i:05d}-of-{count:05d}.parquet" for i in range(count)
    ]
    assert sum(shards.values()) == 1000
    assert all(rows % group == 0 for rows in list(shards.values())[:-1])  # whole row groups
    start = 0
    for name, rows in shards.items():
        expected = tmp_path / "expected.parquet"
        pq.write_table(
            table.slice(start, rows),
            expected,
            row_group_size=group,
            compression="zstd",
            write_statistics=True,
            write_page_index=True,
            use_content_defined_chunking=True,
        )
        assert (tmp_path / name).read_bytes() == expected.read_bytes(), name
        start += rows
    assert sorted(p.name for p in (tmp_path / "data").iterdir()) == sorted(
        n.removeprefix("data/") for n in shards
    )


def test_no_rows_make_one_empty_shard(tmp_path: Path) -> None:
    """An empty dataset still has a file the Hub and `datasets` read, with the schema."""
    schema = numbered(0).schema
    writer = parquet.ShardWriter(tmp_path, schema, "train")
    assert writer.close() == {"data/train-00000-of-00001.parquet": 0}
    read = pq.read_table(tmp_path / "data/train-00000-of-00001.parquet")
    assert read.num_rows == 0 and read.schema.equals(schema)
