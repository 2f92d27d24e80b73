"""Validation of Arrow tables against the contract: schema, pandera checks, and the rules."""

from __future__ import annotations

import datetime as dt
from typing import Any

import polars as pl
import pyarrow as pa

from toolkit.contract import Contract
from toolkit.errors import DataValidationError
from toolkit.extract.dates import latest_date
from toolkit.validate import failures as codes
from toolkit.validate.failures import Failure, sample
from toolkit.validate.rules import GROUPS, cross_row_rules, row_rules

VERSION_KEY = b"toolkit.contract_version"
_PANDERA_CODES = {
    "not_nullable": codes.NULL_VALUE,
    "column_in_schema": codes.COLUMN_UNEXPECTED,
    "column_in_dataframe": codes.COLUMN_MISSING,
}


def schema_failures(schema: pa.Schema, contract: Contract, file: str | None) -> list[Failure]:
    """Columns whose presence, Arrow type or nullability differ from the contract."""
    out: list[Failure] = []

    def fail(code: str, message: str, column: str, values: tuple[str, ...] = ()) -> None:
        out.append(Failure(code, message, column=column, file=file, values=values))

    for field in contract.arrow_schema:
        if field.name not in schema.names:
            fail(codes.COLUMN_MISSING, f"column {field.name} is missing", field.name)
            continue
        actual = schema.field(field.name)
        if actual.type != field.type:
            message = f"{field.name} is {actual.type}, not {field.type}"
            fail(codes.COLUMN_TYPE, message, field.name, (str(actual.type),))
        elif actual.nullable and not field.nullable:
            fail(codes.COLUMN_NULLABILITY, f"{field.name} is declared nullable", field.name)
    for name in schema.names:
        if name not in contract.arrow_schema.names:
            fail(codes.COLUMN_UNEXPECTED, f"column {name} is not in the contract", name)
    return out


def version_failures(schema: pa.Schema, contract: Contract, file: str | None) -> list[Failure]:
    """Data written under another contract version is named plainly, not misreported."""
    found = (schema.metadata or {}).get(VERSION_KEY)
    if found is None:
        return [
            Failure(
                codes.CONTRACT_VERSION_MISSING,
                "no contract version in the Parquet metadata (not written by toolkit build)",
                file=file,
            )
        ]
    if found.decode() != str(contract.version):
        return [
            Failure(
                codes.CONTRACT_VERSION_MISMATCH,
                f"built with contract version {found.decode()}, incompatible with version "
                f"{contract.version}: rebuild it, or validate with that contract (--contract)",
                file=file,
                values=(found.decode(),),
            )
        ]
    return []


def check_failures(
    frame: pl.DataFrame, contract: Contract, offset: int, file: str | None
) -> list[Failure]:
    """Every failure of the contract's own column checks (uniqueness is checked globally)."""
    import pandera.errors  # (here: workers import this module's neighbours, never pandera)

    try:
        contract.schema.validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as exc:
        return _group(exc.failure_cases.to_dicts(), offset, file)
    return []


def _group(cases: list[dict[str, Any]], offset: int, file: str | None) -> list[Failure]:
    grouped: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for case in cases:
        check = str(case.get("check"))
        if check == "field_uniqueness":
            continue
        grouped.setdefault((str(case.get("column")), check), []).append(case)
    out = []
    for (column, check), items in grouped.items():
        code = _PANDERA_CODES.get(
            check, codes.COLUMN_TYPE if check.startswith("dtype(") else codes.COLUMN_CHECK
        )
        rows = tuple(offset + int(c["index"]) for c in items[:5] if c.get("index") is not None)
        out.append(
            Failure(
                code,
                f"{column} fails {check}",
                column=column,
                check=check,
                file=file,
                count=len(items),
                rows=rows,
                values=sample([c.get("failure_case") for c in items]),
            )
        )
    return out


def batch_failures(
    table: pa.Table,
    contract: Contract,
    today: dt.date,
    offset: int = 0,
    file: str | None = None,
    boilerplate: pl.Series | None = None,
) -> list[Failure]:
    """Per-row failures of one batch whose schema already matches the contract."""
    frame = pl.from_arrow(table)
    assert isinstance(frame, pl.DataFrame)
    return check_failures(frame, contract, offset, file) + row_rules(
        frame, contract, today, offset, file, boilerplate
    )


def key_columns(contract: Contract) -> list[str]:
    """The columns the cross-row rules need, kept for all rows while batches stream by."""
    keys = [f.name for f in contract.fields if f.unique]
    return keys + [c for c in GROUPS if c in contract.names and c not in keys]


def validate_table(
    table: pa.Table,
    contract: Contract,
    today: dt.date | None = None,
    boilerplate: pl.Series | None = None,
) -> list[Failure]:
    """All failures of one in-memory table: the build's check before it writes."""
    failures = schema_failures(table.schema, contract, None)
    if failures:
        return failures
    failures = batch_failures(table, contract, today or latest_date(), 0, None, boilerplate)
    keys = pl.from_arrow(table.select(key_columns(contract)))
    assert isinstance(keys, pl.DataFrame)
    return failures + cross_row_rules(keys, contract)


def require_valid(
    table: pa.Table, contract: Contract, boilerplate: pl.Series | None = None
) -> None:
    """Raise DataValidationError listing every way the table breaks the contract."""
    raise_failures(validate_table(table, contract, boilerplate=boilerplate))


def raise_failures(failures: list[Failure]) -> None:
    """Raise DataValidationError naming the first few failures, if there are any."""
    if failures:
        shown = "; ".join(f"{f.code} {f.column or ''} rows {list(f.rows)}" for f in failures[:5])
        raise DataValidationError(
            f"{len(failures)} contract failure(s): {shown}",
            failures=[f.to_json() for f in failures],
        )
