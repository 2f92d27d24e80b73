"""The table validation the build runs before it writes (the same code `validate` uses)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from toolkit.contract import load_contract
from toolkit.errors import DataValidationError
from toolkit.validate.table import require_valid, validate_table

TODAY = dt.date(2026, 1, 1)


def seeds_table(seeds_build: Path) -> pa.Table:
    return pq.read_table(next((seeds_build / "data").iterdir()))


def test_a_valid_build_passes(seeds_build: Path) -> None:
    assert validate_table(seeds_table(seeds_build), load_contract(), TODAY) == []


def test_every_failure_is_reported_not_only_the_first(seeds_build: Path) -> None:
    rows = seeds_table(seeds_build).to_pylist()
    rows[1]["id"] = rows[0]["id"]  # duplicated id
    rows[2]["word_count"] = 0  # below the contract's minimum
    rows[3]["language"] = "English"  # not an ISO code
    rows[4]["date"] = dt.date(1700, 1, 1)  # before the contract's floor
    table = pa.Table.from_pylist(rows, schema=load_contract().arrow_schema)
    failures = validate_table(table, load_contract(), TODAY)
    found = {(f.code, f.column, f.rows) for f in failures}
    assert ("not_unique", "id", (0, 1)) in found
    assert ("column_check", "word_count", (2,)) in found
    assert ("column_check", "language", (3,)) in found
    assert ("date_before_floor", "date", (4,)) in found
    with pytest.raises(DataValidationError) as caught:
        require_valid(table, load_contract())
    assert len(caught.value.failures) == len(failures)


def test_a_wrong_column_type_is_named(seeds_build: Path) -> None:
    table = seeds_table(seeds_build)
    index = table.schema.get_field_index("word_count")
    table = table.set_column(index, "word_count", table.column("word_count").cast(pa.string()))
    (failure,) = validate_table(table, load_contract(), TODAY)
    assert (failure.code, failure.column) == ("column_type", "word_count")
