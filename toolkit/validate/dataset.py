"""`toolkit validate`: Parquet files or a built folder, streamed batch by batch."""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
from pathlib import Path

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

from toolkit.contract import Contract
from toolkit.errors import UsageError
from toolkit.extract.dates import latest_date
from toolkit.validate import failures as codes
from toolkit.validate.card import card_failures
from toolkit.validate.failures import Failure, ValidationReport, merged
from toolkit.validate.rules import cross_row_rules
from toolkit.validate.table import (
    batch_failures,
    key_columns,
    schema_failures,
    version_failures,
)

BATCH_ROWS = 20_000  # ~80 MB of article text per batch at 4 KB an article
_DATA_STILL_CHECKED = {
    codes.COLUMN_NULLABILITY,
    codes.CONTRACT_VERSION_MISSING,
    codes.CONTRACT_VERSION_MISMATCH,
}


def parquet_files(paths: list[Path]) -> tuple[Path | None, list[Path]]:
    """(dataset folder or None, Parquet files) for the paths given on the command line."""
    missing = [p for p in paths if not p.exists()]
    if missing:
        raise UsageError(f"{missing[0]}: no such file or folder")
    if len(paths) == 1 and paths[0].is_dir():
        folder = paths[0]
        files = sorted(
            p
            for p in folder.rglob("*.parquet")
            if not any(part.startswith(".") for part in p.relative_to(folder).parts)
        )
        if not files and not (folder / "README.md").is_file():
            raise UsageError(f"{folder}: no Parquet files and no dataset card in this folder")
        return folder, files
    dirs = [p for p in paths if p.is_dir()]
    if dirs:
        raise UsageError(f"{dirs[0]}: give one dataset folder, or Parquet files")
    return None, sorted(paths)


def validate_paths(
    paths: list[Path], contract: Contract, today: dt.date | None = None
) -> ValidationReport:
    """Validate files (and the card, for a folder) lazily: every failure, not the first."""
    folder, files = parquet_files(paths)
    today = today or latest_date()
    target = str(folder) if folder else ", ".join(str(p) for p in files)
    report = ValidationReport(target, contract.version, folder=folder is not None)
    keys: list[pl.DataFrame] = []
    rows_by_file: dict[str, int] = {}
    starts: list[tuple[int, str]] = []
    for path in files:
        name = path.relative_to(folder).as_posix() if folder else str(path)
        report.files.append(name)
        starts.append((report.rows, name))
        rows = _validate_file(path, name, contract, today, report, keys)
        if rows is not None:
            rows_by_file[name] = rows
    if keys:
        for failure in cross_row_rules(pl.concat(keys), contract):
            report.failures.append(_attribute(failure, starts))
    if folder is not None:
        # (a corrupt shard is named as unreadable, not also as missing)
        report.failures += card_failures(folder, contract, rows_by_file, report.files)
    return report


def _attribute(failure: Failure, starts: list[tuple[int, str]]) -> Failure:
    """Name the file that holds a cross-row failure's first row."""
    if not failure.rows:
        return failure
    index = bisect.bisect_right([start for start, _ in starts], failure.rows[0]) - 1
    return dataclasses.replace(failure, file=starts[index][1])


def _validate_file(
    path: Path,
    name: str,
    contract: Contract,
    today: dt.date,
    report: ValidationReport,
    keys: list[pl.DataFrame],
) -> int | None:
    try:
        parquet = pq.ParquetFile(path)
    except (OSError, pa.ArrowException) as exc:
        report.failures.append(
            Failure(codes.FILE_UNREADABLE, f"not a readable Parquet file: {exc}", file=name)
        )
        return None
    schema = parquet.schema_arrow
    problems = version_failures(schema, contract, name) + schema_failures(schema, contract, name)
    report.failures += problems
    if any(f.code not in _DATA_STILL_CHECKED for f in problems):
        # Data checks need the contract's columns and types; keep row numbers aligned.
        count = int(parquet.metadata.num_rows)
        keys.append(
            pl.DataFrame(
                {k: [None] * count for k in key_columns(contract)},
                schema={k: pl.String for k in key_columns(contract)},
            )
        )
        report.rows += count
        return count
    offset = report.rows
    found: list[Failure] = []
    try:
        for batch in parquet.iter_batches(batch_size=BATCH_ROWS):
            table = pa.Table.from_batches([batch])
            found += batch_failures(table, contract, today, report.rows, name)
            frame = pl.from_arrow(table.select(key_columns(contract)))
            assert isinstance(frame, pl.DataFrame)
            keys.append(frame)
            report.rows += table.num_rows
    except (OSError, pa.ArrowException) as exc:
        found.append(Failure(codes.FILE_UNREADABLE, f"cannot read the data: {exc}", file=name))
    report.failures += merged(found)  # (one failure a rule, however the file was batched)
    return int(report.rows - offset)
