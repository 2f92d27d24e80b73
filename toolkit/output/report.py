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
    groups: dict[str, list[str]] = {}
    for group, path in zip(
        rows.column("duplicate_group").to_pylist(), rows.column("raw_path").to_pylist(), strict=True
    ):
        groups.setdefault(group, []).append(path)
    copies = {g: sorted(paths) for g, paths in sorted(groups.items()) if len(paths) > 1}
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
        "duplicate_groups": {
            "groups": len(groups),
            "groups_with_copies": len(copies),
            "rows_in_groups_with_copies": sum(len(p) for p in copies.values()),
            "members": copies,
        },
        "shards": shards,
    }


def write_report(report: dict[str, Any], path: Path) -> None:
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
