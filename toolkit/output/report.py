"""The build report: every input accounted for, as a row or as a quarantined file with a reason."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pyarrow as pa

from toolkit.contract import Contract

REPORT_FILE = "build_report.json"


def field_coverage(rows: pa.Table, contract: Contract) -> dict[str, float]:
    """Share of rows where each field is present (non-null, non-empty list)."""
    coverage = {}
    for f in contract.fields:
        values = rows.column(f.name).to_pylist()
        present = sum(1 for v in values if v is not None and v != [])
        coverage[f.name] = round(present / len(values), 4) if values else 0.0
    return coverage


def build_report(
    rows: pa.Table, quarantined: pa.Table, contract: Contract, shards: list[str]
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
        "field_coverage": field_coverage(rows, contract),
        "duplicate_groups": _groups(rows, "duplicate_group", "copies"),
        "story_groups": _groups(rows, "story_group", "articles", members=False),
        "shards": shards,
    }


def _groups(rows: pa.Table, column: str, what: str, members: bool = True) -> dict[str, Any]:
    """How many groups, how many hold several rows, and (optionally) those rows' paths."""
    groups: dict[str, list[str]] = {}
    if column in rows.column_names:
        for group, path in zip(
            rows.column(column).to_pylist(), rows.column("raw_path").to_pylist(), strict=True
        ):
            groups.setdefault(group, []).append(path)
    several = {g: sorted(paths) for g, paths in sorted(groups.items()) if len(paths) > 1}
    out: dict[str, Any] = {
        "groups": len(groups),
        f"groups_with_{what}": len(several),
        f"rows_in_groups_with_{what}": sum(len(p) for p in several.values()),
    }
    if members:
        out["members"] = several
    return out


def write_report(report: dict[str, Any], path: Path) -> None:
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
