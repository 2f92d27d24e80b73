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


def test_shards_written_from_a_spill_are_the_bytes_of_a_whole_table_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The streaming writer changes memory, not output: each shard, row group by row group,
    is the file pq.write_table makes of the same rows with the same settings."""
    table = numbered(1000)
    monkeypatch.setattr(parquet, "MAX_SHARD_BYTES", table.nbytes // 3)
    monkeypatch.setattr(parquet, "ROW_GROUP_BYTES", table.nbytes // 10)
    writer = SpillWriter(tmp_path / "rows.arrow", table.schema)
    for piece in cut(table, [7, 300, 1, 250]):
        writer.write(piece)
    shards = parquet.write_shards(writer.close(), table.nbytes, table.schema, tmp_path, "train")
    assert list(shards.values()) == [250, 250, 250, 250]
    start = 0
    for name, rows in shards.items():
        expected = tmp_path / "expected.parquet"
        pq.write_table(
            table.slice(start, rows),
            expected,
            row_group_size=1000 // 10,
            compression="zstd",
            write_statistics=True,
            write_page_index=True,
            use_content_defined_chunking=True,
        )
        assert pq.ParquetFile(tmp_path / name).metadata.num_row_groups == 3
        assert (tmp_path / name).read_bytes() == expected.read_bytes(), name
        start += rows
