"""`toolkit eval`: a dataset's rows scored against an annotated truth file, field by field."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from statistics import mean
from typing import Any

from toolkit.errors import UsageError
from toolkit.evaluate.grouping import grouping_scores
from toolkit.evaluate.metrics import norm_headline, norm_url, prf, source_matches

GROUPINGS = ("rendering", "english", "kind")


@dataclass(frozen=True)
class FileScore:
    """Every score of one file, with the truth's grouping labels."""

    file: str
    labels: dict[str, str]
    body: tuple[float, float, float]
    headline_exact: bool
    headline_f1: float
    headline_in_text: bool
    date_truth: bool
    date_exact: bool
    date_near: bool
    date_predicted: bool
    source: bool
    url_truth: bool
    url_exact: bool


def load_truth(path: Path) -> list[dict[str, Any]]:
    """The annotated truth, one JSON object per line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line.strip()]
    except (OSError, json.JSONDecodeError) as exc:
        raise UsageError(f"{path}: cannot read the truth file: {exc}") from exc


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def score_file(truth: dict[str, Any], row: dict[str, Any] | None) -> FileScore:
    """Scores of one prediction row (None when the file has no row) against its truth."""
    row = row or {}
    in_text = bool(truth.get("headline_in_text", truth.get("headline") is not None))
    expected_headline = truth.get("headline") if in_text else None
    headline = row.get("headline")
    date_truth, date_pred = _date(truth.get("date")), _date(row.get("date"))
    url_truth = truth.get("url")
    return FileScore(
        file=truth["file"],
        labels={g: str(truth.get(g)) for g in GROUPINGS if g in truth},
        body=prf(row.get("body"), truth.get("body")),
        headline_exact=norm_headline(headline) == norm_headline(expected_headline)
        and (headline is None) == (expected_headline is None),
        headline_f1=prf(headline, expected_headline)[2]
        if expected_headline
        else float(headline is None),
        headline_in_text=in_text,
        date_truth=date_truth is not None,
        date_exact=date_truth is not None and date_pred == date_truth,
        date_near=date_truth is not None
        and date_pred is not None
        and abs((date_pred - date_truth).days) <= 1,
        date_predicted=date_pred is not None,
        source=source_matches(
            row.get("source"), truth.get("source") or "", truth.get("source_aliases") or []
        ),
        url_truth=url_truth is not None,
        url_exact=url_truth is not None and norm_url(row.get("url")) == norm_url(url_truth),
    )


def _ratio(flags: Iterable[bool]) -> float | None:
    values = list(flags)
    return round(sum(values) / len(values), 4) if values else None


def summarize(scores: list[FileScore]) -> dict[str, Any]:
    """Averages over the files given (the README's metric definitions)."""
    with_date = [s for s in scores if s.date_truth]
    without_date = [s for s in scores if not s.date_truth]
    in_text = [s for s in scores if s.headline_in_text]
    return {
        "files": len(scores),
        "body_precision": round(mean(s.body[0] for s in scores), 4) if scores else None,
        "body_recall": round(mean(s.body[1] for s in scores), 4) if scores else None,
        "body_f1": round(mean(s.body[2] for s in scores), 4) if scores else None,
        "headline_exact": _ratio(s.headline_exact for s in scores),
        "headline_exact_in_text": _ratio(s.headline_exact for s in in_text),
        "headline_f1": round(mean(s.headline_f1 for s in scores), 4) if scores else None,
        "date_exact": _ratio(s.date_exact for s in with_date),
        "date_within_1_day": _ratio(s.date_near for s in with_date),
        "date_coverage": _ratio(s.date_predicted for s in with_date),
        "false_dates": sum(s.date_predicted for s in without_date),
        "null_date_files": len(without_date),
        "source": _ratio(s.source for s in scores),
        "url_exact": _ratio(s.url_exact for s in scores if s.url_truth),
    }


def evaluate(rows: dict[str, dict[str, Any]], truth: list[dict[str, Any]]) -> dict[str, Any]:
    """Overall scores, the same by each grouping label, each file's scores, and groupings."""
    result = _extraction(rows, [t for t in truth if "body" in t])
    labelled = [t for t in truth if "duplicate_label" in t]
    if labelled:
        result["grouping"] = grouping_scores(rows, labelled)
    return result


def _extraction(rows: dict[str, dict[str, Any]], truth: list[dict[str, Any]]) -> dict[str, Any]:
    if not truth:
        return {"overall": None, "by": {}, "files": []}
    scores = [score_file(t, rows.get(t["file"])) for t in truth]
    groups: dict[str, dict[str, Any]] = {}
    for grouping in GROUPINGS:
        by_value: dict[str, list[FileScore]] = defaultdict(list)
        for s in scores:
            if grouping in s.labels:
                by_value[s.labels[grouping]].append(s)
        if by_value:
            groups[grouping] = {v: summarize(items) for v, items in sorted(by_value.items())}
    return {
        "overall": summarize(scores),
        "by": groups,
        "files": [
            {
                "file": s.file,
                "body_precision": round(s.body[0], 4),
                "body_recall": round(s.body[1], 4),
                "body_f1": round(s.body[2], 4),
                "headline_exact": s.headline_exact,
                "date_exact": s.date_exact,
                "date_predicted": s.date_predicted,
                "source": s.source,
            }
            for s in scores
        ],
    }
