"""The validation report for a person (a table), for machines (JSON), for GitHub Actions."""

from __future__ import annotations

import json

from rich.console import Console
from rich.table import Table

from toolkit.validate.failures import ValidationReport

FORMATS = ("human", "json", "github")


def render_human(report: ValidationReport, console: Console) -> None:
    files = f"{len(report.files)} file{'s' if len(report.files) != 1 else ''}"
    if report.valid:
        console.print(
            f"{report.target}: valid ({report.rows} rows in {files}, "
            f"contract version {report.contract_version})",
            markup=False,
        )
        return
    console.print(
        f"{report.target}: INVALID, {len(report.failures)} failure(s) in "
        f"{report.rows} rows ({files})",
        markup=False,
    )
    table = Table(show_lines=False)
    table.add_column("rule", no_wrap=True)
    for header in ("column", "file", "count", "rows", "sample"):
        table.add_column(header, overflow="fold")
    for f in report.failures:
        table.add_row(
            f.code,
            f.column or "",
            f.file or "",
            str(f.count),
            ", ".join(map(str, f.rows)),
            "; ".join(f.values[:3]) or f.message,
        )
    console.print(table)


def render_json(report: ValidationReport) -> str:
    return json.dumps(report.to_json(), indent=2, ensure_ascii=False)


def _escape(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _escape(text).replace(":", "%3A").replace(",", "%2C")


def render_github(report: ValidationReport) -> str:
    """One `::error` workflow command per failure, and a closing notice line."""
    lines = []
    for f in report.failures:
        params = [f"title=toolkit validate {f.code}"]
        if f.file:
            path = f"{report.target}/{f.file}" if report.folder else f.file
            params.insert(0, f"file={_property(path)}")
        rows = f" (rows {', '.join(map(str, f.rows))})" if f.rows else ""
        detail = f"{f.column}: {f.message}" if f.column else f.message
        lines.append(f"::error {','.join(params)}::{_escape(detail + rows)}")
    state = "valid" if report.valid else f"invalid, {len(report.failures)} failure(s)"
    lines.append(
        f"::notice title=toolkit validate::{_escape(report.target)}: {state}, {report.rows} rows"
    )
    return "\n".join(lines)
