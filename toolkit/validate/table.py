"""Validation of a whole table against the contract, lazily: every failure, not the first."""

from __future__ import annotations

from typing import Any

import pandera.errors
import polars as pl
import pyarrow as pa

from toolkit.contract import Contract
from toolkit.errors import DataValidationError

SAMPLE = 5


def schema_failures(table: pa.Table, contract: Contract) -> list[dict[str, Any]]:
    """Columns whose Arrow type or nullability differ from the contract."""
    failures: list[dict[str, Any]] = []
    expected = contract.arrow_schema
    for field in expected:
        if field.name not in table.schema.names:
            failures.append({"column": field.name, "check": "column_present", "failure_case": None})
            continue
        actual = table.schema.field(field.name).type
        if actual != field.type:
            failures.append(
                {"column": field.name, "check": f"type {field.type}", "failure_case": str(actual)}
            )
    extra = [n for n in table.schema.names if n not in expected.names]
    failures += [{"column": n, "check": "column_in_contract", "failure_case": n} for n in extra]
    return failures


def check_failures(table: pa.Table, contract: Contract) -> list[dict[str, Any]]:
    """Every failure of the pandera schema's column and dataframe checks."""
    frame = pl.from_arrow(table)
    assert isinstance(frame, pl.DataFrame)
    try:
        contract.schema.validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as exc:
        cases = exc.failure_cases
        return [
            {
                "column": row.get("column"),
                "check": row.get("check"),
                "failure_case": row.get("failure_case"),
                "row": row.get("index"),
            }
            for row in cases.to_dicts()
        ]
    return []


def validate_table(table: pa.Table, contract: Contract) -> None:
    """Raise DataValidationError listing every way the table breaks the contract."""
    failures = schema_failures(table, contract)
    if not failures:
        failures = check_failures(table, contract)
    if failures:
        shown = "; ".join(
            f"{f['column']}: {f['check']} (e.g. {str(f['failure_case'])[:60]!r})"
            for f in failures[:SAMPLE]
        )
        raise DataValidationError(
            f"{len(failures)} contract failure(s): {shown}", failures=failures
        )
