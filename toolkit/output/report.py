"""The build report: every input accounted for, as a row or as a quarantined file with a reason."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import polars as pl
import pyarrow as pa

from toolkit.contract import Contract
from toolkit.output.summary import RowSummary

REPORT_FILE = "build_report.json"


def build_report(
    rows: RowSummary, quarantined: pa.Table, contract: Contract, shards: list[str]
) -> dict[str, Any]:
    """The report as a JSON-ready dict; deterministic for the same input."""
    q = quarantined.select(["raw_path", "reason", "detail"]).sort_by("raw_path").to_pylist()
    return {
        "contract_version": contract.version,
        "counts": {
            "files": rows.num_rows + quarantined.num_rows,
            "rows": rows.num_rows,
            "quarantined": quarantined.num_rows,
        },
        "quarantined": q,
        "quarantine_reasons": dict(sorted(Counter(r["reason"] for r in q).items())),
        "field_coverage": rows.coverage(),
        "duplicate_groups": _groups(rows.index, "duplicate_group", "copies"),
        "story_groups": _groups(rows.index, "story_group", "articles", members=False),
        "shards": shards,
    }


def _groups(rows: pa.Table, column: str, what: str, members: bool = True) -> dict[str, Any]:
    """How many groups, how many hold several rows, and (optionally) those rows' paths."""
    if column not in rows.column_names:
        frame = pl.DataFrame(
            {"group": [], "paths": []}, schema={"group": pl.String, "paths": pl.List(pl.String)}
        )
    else:
        table = pl.from_arrow(rows.select([column, "raw_path"]))
        assert isinstance(table, pl.DataFrame)
        frame = table.group_by(pl.col(column).alias("group")).agg(paths=pl.col("raw_path"))
    several = frame.filter(pl.col("paths").list.len() > 1)
    out: dict[str, Any] = {
        "groups": frame.height,
        f"groups_with_{what}": several.height,
        f"rows_in_groups_with_{what}": int(several["paths"].list.len().sum()),
    }
    if members:
        several = several.sort("group").with_columns(pl.col("paths").list.sort())
        out["members"] = dict(
            zip(several["group"].to_list(), several["paths"].to_list(), strict=True)
        )
    return out


def write_report(report: dict[str, Any], path: Path) -> None:
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
