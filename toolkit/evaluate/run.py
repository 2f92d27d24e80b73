"""Rows to score: read from a built dataset, or built from the raw folder on the spot."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from toolkit.build import BuildOptions, build
from toolkit.errors import UsageError

CARRIED = "carried_over"


def dataset_rows(folder: Path) -> dict[str, dict[str, Any]]:
    """Rows of a built dataset by raw_path; dates carried over from a copy do not count."""
    files = sorted(folder.glob("data/*.parquet"))
    if not files:
        raise UsageError(f"{folder}: no data/*.parquet files to evaluate")
    rows: dict[str, dict[str, Any]] = {}
    for path in files:
        for row in pq.read_table(path).to_pylist():
            if row.get("date_source") == CARRIED:
                row["date"] = None  # eval scores what each file itself says
            rows[row["raw_path"]] = row
    return rows


def built_rows(raw_dir: Path) -> dict[str, dict[str, Any]]:
    """Build raw_dir into a temporary folder and read its rows back."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "dist"
        build(BuildOptions(raw_dir, out))
        return dataset_rows(out)
