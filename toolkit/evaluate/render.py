"""The eval scores as a table a person reads."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

COLUMNS = [
    ("files", "files"),
    ("body P", "body_precision"),
    ("body R", "body_recall"),
    ("body F1", "body_f1"),
    ("head exact", "headline_exact"),
    ("head exact (in text)", "headline_exact_in_text"),
    ("head F1", "headline_f1"),
    ("date exact", "date_exact"),
    ("date ±1d", "date_within_1_day"),
    ("date cover", "date_coverage"),
    ("false dates", "false_dates"),
    ("source", "source"),
    ("url", "url_exact"),
]


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def render_scores(scores: dict[str, Any], console: Console) -> None:
    table = Table(title="extraction scores")
    table.add_column("group", no_wrap=True)
    for header, _ in COLUMNS:
        table.add_column(header, justify="right")
    table.add_row("overall", *(_cell(scores["overall"][key]) for _, key in COLUMNS))
    for grouping, values in scores["by"].items():
        for value, summary in values.items():
            table.add_row(f"{grouping}={value}", *(_cell(summary[key]) for _, key in COLUMNS))
    console.print(table)
