"""The rules pandera's YAML cannot express: row rules per batch, cross-row rules over all rows.

Everything is a polars expression, so a million rows take seconds.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

import polars as pl

from toolkit.contract import Contract
from toolkit.extract.knowledge import knowledge
from toolkit.validate import failures as codes
from toolkit.validate.failures import Failure, sample

ID, GROUP, BODY, DATE = "id", "duplicate_group", "body", "date"


SHORT_CTA_CHARS = 100


@functools.lru_cache(maxsize=1)
def cta_regex() -> str:
    """Calls to action: furniture when the paragraph is short (the extractor's own rule)."""
    return "(?i)" + "|".join(f"(?:{p.pattern})" for p in knowledge().cta)


def is_furniture(paragraph: pl.Expr) -> pl.Expr:
    """A paragraph that is wholly page furniture, as a vectorised expression."""
    short_cta = (paragraph.str.len_chars() <= SHORT_CTA_CHARS) & paragraph.str.contains(cta_regex())
    return paragraph.str.contains(furniture_regex()) | short_cta


@functools.lru_cache(maxsize=1)
def furniture_regex() -> str:
    """One regex for a paragraph that is wholly page furniture (the extractor's own signals)."""
    kb = knowledge()
    strong = [p.pattern for _, p in kb.strong]
    words = "|".join(sorted(map(re.escape, kb.share_words | kb.button_phrases), key=len)[::-1])
    buttons = rf"^(?:{words})(?:[\s|·•/,;:!.()\[\]-]+(?:{words}))*[.!]?$"
    return "(?i)" + "|".join(f"(?:{p})" for p in [*strong, buttons])


def _rows(frame: pl.DataFrame, mask: pl.Expr, column: str, offset: int) -> tuple[int, list[Any]]:
    hits = frame.with_row_index("_row").filter(mask)
    rows = [offset + r for r in hits["_row"].head(5).to_list()]
    return hits.height, [rows, hits[column].head(5).to_list()]


def row_rules(
    frame: pl.DataFrame, contract: Contract, today: dt.date, offset: int, file: str | None
) -> list[Failure]:
    """Rules each row must pass on its own: a real body, a plausible date."""
    out: list[Failure] = []
    floor = contract.rules.get("date_floor")
    checks: list[tuple[str, str, pl.Expr, str]] = []
    if BODY in frame.columns and frame.schema[BODY] == pl.String:
        paragraphs = pl.col(BODY).str.strip_chars().str.split("\n\n")
        only_furniture = paragraphs.list.eval(
            is_furniture(pl.element().str.strip_chars())
        ).list.all()
        empty = pl.col(BODY).str.strip_chars().str.len_chars() == 0
        checks.append(
            (
                codes.BODY_BOILERPLATE,
                BODY,
                only_furniture | empty,
                "body is empty or only page furniture",
            )
        )
    if DATE in frame.columns and frame.schema[DATE] == pl.Date:
        checks.append(
            (
                codes.DATE_IN_FUTURE,
                DATE,
                pl.col(DATE) > pl.lit(today),
                f"date is after today ({today})",
            )
        )
        if isinstance(floor, dt.date):
            checks.append(
                (
                    codes.DATE_BEFORE_FLOOR,
                    DATE,
                    pl.col(DATE) < pl.lit(floor),
                    f"date is before {floor}",
                )
            )
    for code, column, mask, message in checks:
        count, (rows, values) = _rows(frame, mask.fill_null(False), column, offset)
        if count:
            out.append(
                Failure(
                    code,
                    message,
                    column=column,
                    file=file,
                    count=count,
                    rows=tuple(rows),
                    values=sample(values),
                )
            )
    return out


def cross_row_rules(keys: pl.DataFrame, contract: Contract) -> list[Failure]:
    """Rules over all rows at once: unique columns, and groups that name their canonical row."""
    out: list[Failure] = []
    for field in contract.fields:
        if field.unique and field.name in keys.columns:
            count, (rows, values) = _rows(
                keys,
                pl.col(field.name).is_duplicated() & pl.col(field.name).is_not_null(),
                field.name,
                0,
            )
            if count:
                out.append(
                    Failure(
                        codes.NOT_UNIQUE,
                        f"{field.name} values are not unique",
                        column=field.name,
                        count=count,
                        rows=tuple(rows),
                        values=sample(values),
                    )
                )
    if ID in keys.columns and GROUP in keys.columns:
        canonical = keys.filter(pl.col(ID) == pl.col(GROUP))
        orphan_mask = pl.col(GROUP).is_not_null()
        orphan = orphan_mask & ~pl.col(GROUP).is_in(canonical[ID].implode())
        count, (rows, values) = _rows(keys, orphan, GROUP, 0)
        if count:
            out.append(
                Failure(
                    codes.GROUP_WITHOUT_CANONICAL,
                    "duplicate_group names no row of its group (no canonical member)",
                    column=GROUP,
                    count=count,
                    rows=tuple(rows),
                    values=sample(values),
                )
            )
        repeated = canonical[ID].is_duplicated()
        if repeated.any():
            ids = canonical.filter(repeated)[ID].to_list()
            out.append(
                Failure(
                    codes.GROUP_MULTIPLE_CANONICAL,
                    "a duplicate group has more than one canonical member",
                    column=GROUP,
                    count=len(ids),
                    values=sample(ids),
                )
            )
    return out
