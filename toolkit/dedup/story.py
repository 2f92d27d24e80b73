"""Story groups: articles about the same event, linked by the names they share, close in time.

Each body is reduced to the TF-IDF weights of its name-like words (capitalised, not opening a
sentence; every word in scripts without case). Two articles are one story when the cosine of
their top names reaches THRESHOLD and their dates, when both known, are at most WINDOW apart.
Words that many articles share (a country, a weekday) get little weight and no join.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

import numpy as np
import polars as pl

from toolkit.dedup.groups import components

THRESHOLD = 0.3
WINDOW = dt.timedelta(days=7)
TOP_TERMS = 50
# A capitalised word after a word or a comma: inside a sentence, so a name, not an opening.
_NAME = re.compile(r"(?:(?<=\w )|(?<=[,;] ))([A-ZÀ-ÖØ-ÞА-ЯЁΑ-Ω][\w’'-]*\w)")
_POSSESSIVE = re.compile(r"['’]s?$")
_WORD = re.compile(r"[^\W\d_]{2,}")
_MIN_NAMES = 5


def story_terms(body: str) -> list[str]:
    """The name-like words of a body, folded; every word when the script has no case."""
    names = _NAME.findall(body)
    if len(names) >= _MIN_NAMES:
        return [_POSSESSIVE.sub("", n).casefold() for n in names]
    return [w.casefold() for w in _WORD.findall(body)]


def story_pairs(bodies: Sequence[str], dates: Sequence[dt.date | None]) -> list[tuple[int, int]]:
    """Index pairs (i < j) of articles about the same event."""
    n = len(bodies)
    if n < 2:
        return []
    terms = (
        pl.DataFrame(
            {"doc": np.arange(n, dtype=np.int64), "term": [story_terms(b) for b in bodies]},
            schema={"doc": pl.Int64, "term": pl.List(pl.String)},
        )
        .explode("term")
        .drop_nulls()
    )
    counts = terms.group_by("doc", "term").len("tf")
    df = counts.group_by("term").len("df")
    cap = max(50, n // 20)  # a term in more docs than this links too much to mean one event
    weights = (
        counts.join(df, on="term")
        .with_columns(
            w=(1 + pl.col("tf").cast(pl.Float64).log())
            * ((1 + n) / (1 + pl.col("df").cast(pl.Float64))).log().add(1)
        )
        .sort(["doc", "w", "term"], descending=[False, True, False])
        .group_by("doc", maintain_order=True)
        .head(TOP_TERMS)
        .with_columns(w=pl.col("w") / (pl.col("w") ** 2).sum().over("doc").sqrt())
    )
    linking = weights.join(df.filter(pl.col("df") <= cap), on="term").select("doc", "term", "w")
    pairs = (
        linking.join(linking, on="term", suffix="_b")
        .filter(pl.col("doc") < pl.col("doc_b"))
        .group_by("doc", "doc_b")
        .agg(cos=(pl.col("w") * pl.col("w_b")).sum())
        .filter(pl.col("cos") >= THRESHOLD)
        .sort("doc", "doc_b")
    )
    found: list[tuple[int, int]] = []
    for a, b in pairs.select("doc", "doc_b").iter_rows():
        da, db = dates[a], dates[b]
        if da is None or db is None or abs(da - db) <= WINDOW:
            found.append((a, b))
    return found


def story_groups(
    ids: Sequence[str],
    bodies: Sequence[str],
    dates: Sequence[dt.date | None],
    duplicate_pairs: Sequence[tuple[int, int]],
) -> list[str]:
    """The story_group of each article: the id of its story's first-published member."""
    roots = components(len(ids), [*duplicate_pairs, *story_pairs(bodies, dates)])
    members: dict[int, list[int]] = {}
    for i, root in enumerate(roots):
        members.setdefault(root, []).append(i)
    group = [""] * len(ids)
    for indexes in members.values():
        first = min(indexes, key=lambda i: (dates[i] is None, dates[i] or dt.date.min, ids[i]))
        for i in indexes:
            group[i] = ids[first]
    return group
