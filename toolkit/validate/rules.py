"""The rules pandera's YAML cannot express: row rules per batch, cross-row rules over all rows.

Everything is a polars expression, so a million rows take seconds.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
import re
from typing import TYPE_CHECKING, Any

import polars as pl

from toolkit.extract.knowledge import knowledge
from toolkit.validate import failures as codes
from toolkit.validate.failures import Failure, sample

if TYPE_CHECKING:
    from toolkit.contract import Contract

ID, BODY, DATE = "id", "body", "date"
GROUPS = ("duplicate_group", "story_group")  # each names its group's canonical row


SHORT_CTA_CHARS = 100


def _fast(pattern: str) -> str:
    # ASCII word boundaries keep Rust's regex on its DFA (50x faster than Unicode \b);
    # the furniture keywords are ASCII, so they match the same paragraphs.
    return pattern.replace(r"\b", r"(?-u:\b)")


@functools.lru_cache(maxsize=1)
def cta_regex() -> str:
    """Calls to action: furniture when the paragraph is short (the extractor's own rule)."""
    words = "|".join(re.escape(p).replace(r"\ ", r"[\W_]+") for p in sorted(knowledge().cta))
    return _fast(rf"(?i)\b(?:{words})\b")


def is_furniture(paragraph: pl.Expr) -> pl.Expr:
    """A paragraph that is wholly page furniture, as a vectorised expression."""
    short_cta = (paragraph.str.len_chars() <= SHORT_CTA_CHARS) & paragraph.str.contains(cta_regex())
    return _any_furniture(paragraph) | short_cta


def _any_furniture(text: pl.Expr) -> pl.Expr:
    # One contains() per pattern: their alternation outgrows Rust's DFA and runs 100x slower.
    return functools.reduce(operator.or_, (text.str.contains(rx) for rx in furniture_regexes()))


@functools.lru_cache(maxsize=1)
def furniture_regexes() -> tuple[str, ...]:
    """Regexes for a paragraph that is wholly page furniture (the extractor's own signals)."""
    kb = knowledge()
    strong = [p.pattern for _, p in kb.strong]
    words = "|".join(sorted(map(re.escape, kb.share_words | kb.button_phrases), key=len)[::-1])
    buttons = rf"^(?:{words})(?:[\s|·•/,;:!.()\[\]-]+(?:{words}))*[.!]?$"
    return tuple(_fast(f"(?i){p}") for p in [*strong, buttons])


def _rows(
    frame: pl.DataFrame, mask: pl.Expr | pl.Series, column: str, offset: int
) -> tuple[int, list[Any]]:
    hits = frame.with_row_index("_row").filter(mask)
    rows = [offset + r for r in hits["_row"].head(5).to_list()]
    return hits.height, [rows, hits[column].head(5).to_list()]


def boilerplate_bodies(bodies: pl.Series) -> pl.Series:
    """True where a body is empty or every paragraph of it is page furniture."""
    stripped = bodies.str.strip_chars()
    empty = stripped.str.len_chars() == 0
    # Only bodies with some furniture signal anywhere need the paragraph-by-paragraph look.
    suspects = pl.select(
        _any_furniture(pl.lit(stripped)) | pl.lit(stripped).str.contains(cta_regex())
    ).to_series()
    index = (suspects & ~empty).arg_true()
    if index.len() == 0:
        return empty.fill_null(False)
    paragraphs = stripped.gather(index).str.split("\n\n")
    only = paragraphs.list.eval(is_furniture(pl.element().str.strip_chars())).list.all()
    return empty.scatter(index, only).fill_null(False)


def row_rules(
    frame: pl.DataFrame,
    contract: Contract,
    today: dt.date,
    offset: int,
    file: str | None,
    boilerplate: pl.Series | None = None,
) -> list[Failure]:
    """Rules each row must pass on its own: a real body, a plausible date (boilerplate: the
    body rule's mask when the build already computed it in its parallel stage)."""
    floor = contract.rules.get("date_floor")
    checks: list[tuple[str, str, pl.Expr | pl.Series, str]] = []
    if BODY in frame.columns and frame.schema[BODY] == pl.String:
        if boilerplate is None:
            boilerplate = boilerplate_bodies(frame[BODY])
        checks.append(
            (codes.BODY_BOILERPLATE, BODY, boilerplate, "body is empty or only page furniture")
        )
    if DATE in frame.columns and frame.schema[DATE] == pl.Date:
        later = f"date is later than {today} (today in UTC, plus a day)"
        checks.append((codes.DATE_IN_FUTURE, DATE, pl.col(DATE) > pl.lit(today), later))
        if isinstance(floor, dt.date):
            before = f"date is before {floor}"
            checks.append((codes.DATE_BEFORE_FLOOR, DATE, pl.col(DATE) < pl.lit(floor), before))
    out: list[Failure] = []
    for code, column, mask, message in checks:
        mask = mask.fill_null(False) if isinstance(mask, pl.Expr) else mask
        count, (rows, values) = _rows(frame, mask, column, offset)
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
    for group in GROUPS:
        if ID in keys.columns and group in keys.columns:
            out += _group_failures(keys, group)
    return out


def _group_failures(keys: pl.DataFrame, group: str) -> list[Failure]:
    out: list[Failure] = []
    canonical = keys.filter(pl.col(ID) == pl.col(group))
    orphan = pl.col(group).is_not_null() & ~pl.col(group).is_in(canonical[ID].implode())
    count, (rows, values) = _rows(keys, orphan, group, 0)
    if count:
        out.append(
            Failure(
                codes.GROUP_WITHOUT_CANONICAL,
                f"{group} names no row of its group (no canonical member)",
                column=group,
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
                f"a {group} group has more than one canonical member",
                column=group,
                count=len(ids),
                values=sample(ids),
            )
        )
    return out
