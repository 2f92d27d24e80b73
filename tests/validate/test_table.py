from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from toolkit.contract import load_contract
from toolkit.errors import DataValidationError
from toolkit.validate.table import validate_table


def seeds_table(seeds_build: Path) -> pa.Table:
    return pq.read_table(next((seeds_build / "data").iterdir()))


def test_a_valid_build_passes(seeds_build: Path) -> None:
    validate_table(seeds_table(seeds_build), load_contract())


def test_every_failure_is_reported_not_only_the_first(seeds_build: Path) -> None:
    rows = seeds_table(seeds_build).to_pylist()
    rows[1]["id"] = rows[0]["id"]  # duplicated id
    rows[2]["word_count"] = 0  # below the contract's minimum
    rows[3]["language"] = "English"  # not an ISO code
    table = pa.Table.from_pylist(rows, schema=load_contract().arrow_schema)
    with pytest.raises(DataValidationError) as caught:
        validate_table(table, load_contract())
    failed = {(f["column"], f["check"]) for f in caught.value.failures}
    assert ("id", "field_uniqueness") in failed
    assert ("word_count", "greater_than_or_equal_to(1)") in failed
    assert any(column == "language" for column, _ in failed)


def test_a_wrong_column_type_is_named(seeds_build: Path) -> None:
    table = seeds_table(seeds_build)
    index = table.schema.get_field_index("word_count")
    table = table.set_column(index, "word_count", table.column("word_count").cast(pa.string()))
    with pytest.raises(DataValidationError, match="word_count"):
        validate_table(table, load_contract())
