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
    """The extraction table (when the truth annotates fields) and the grouping table."""
    if scores["overall"] is not None:
        _render_extraction(scores, console)
    if "grouping" in scores:
        _render_grouping(scores["grouping"], console)


def _render_grouping(grouping: dict[str, dict[str, Any]], console: Console) -> None:
    keys = sorted({k for values in grouping.values() for k in values}, key=_grouping_order)
    table = Table(title="grouping scores")
    table.add_column("grouping", no_wrap=True)
    for key in keys:
        table.add_column(key.replace("_", " "), justify="right")
    for name, values in grouping.items():
        table.add_row(name, *(_cell(values.get(k)) for k in keys))
    console.print(table)


def _grouping_order(key: str) -> tuple[int, str]:
    order = ["items", "true_groups", "groups", "ari", "pair_precision", "pair_recall"]
    return (order.index(key), key) if key in order else (len(order), key)


def _render_extraction(scores: dict[str, Any], console: Console) -> None:
    table = Table(title="extraction scores")
    table.add_column("group", no_wrap=True)
    for header, _ in COLUMNS:
        table.add_column(header, justify="right")
    table.add_row("overall", *(_cell(scores["overall"][key]) for _, key in COLUMNS))
    for grouping, values in scores["by"].items():
        for value, summary in values.items():
            table.add_row(f"{grouping}={value}", *(_cell(summary[key]) for _, key in COLUMNS))
    console.print(table)
