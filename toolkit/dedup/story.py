"""Story groups: articles about the same event, linked by the names they share, close in time.

Each body is reduced to the TF-IDF weights of its name-like words (capitalised, not opening a
sentence; every word in scripts without case). Two articles are one story when the cosine of
their top names reaches THRESHOLD and their dates, when both known, are at most WINDOW apart.
Words that many articles share (a country, a weekday) get little weight and no join.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

import numpy as np
import numpy.typing as npt
import polars as pl
import pyarrow as pa

from toolkit.dedup.groups import components

THRESHOLD = 0.3
WINDOW = dt.timedelta(days=7)
TOP_TERMS = 50
LINK_DF = 100  # a name in more articles than this proposes no pair (it still weighs)
LINK_NAMES = 2  # rare names two articles must share to be compared at all
DOC_CHUNK = 1 << 17  # articles per pass of the per-article steps
_UPPER = "A-ZÀ-ÖØ-ÞА-ЯЁΑ-Ω"
_CAP = rf"[{_UPPER}][\w’'-]*\w"
# A run of capitalised words, with what precedes it: a sentence start, a word, or a comma.
_RUN = rf"(?m)(?:^|[.!?:\"“”]\s+|\w |[,;] ){_CAP}(?: {_CAP})*"
# What a run loses: the word or comma before it, else (opening a sentence) its first word.
_LEAD = rf"^(?:\w |[,;] |[.!?:\"“”]?\s*{_CAP} ?)"
_WORD = r"[^\W\d_]{2,}"
_MIN_NAMES = 5
_SEED = 20261122
TERMS_TYPE = pa.list_(pa.uint64())


def story_terms(bodies: Sequence[str] | pa.Array) -> pl.DataFrame:
    """(doc, term) for every name-like word of each body, folded; every word of a body with
    fewer than a handful (scripts without case)."""
    frame = pl.DataFrame(
        [
            pl.Series("doc", np.arange(len(bodies), dtype=np.int64)),
            pl.Series("body", bodies, dtype=pl.String),
        ]
    )
    runs = frame.select("doc", run=pl.col("body").str.extract_all(_RUN)).explode("run")
    names = (
        runs.drop_nulls()
        .select(
            "doc",
            term=pl.col("run").str.replace(_LEAD, "").str.split(" "),
        )
        .explode("term")
        .filter(pl.col("term").str.len_chars() > 0)
    )
    enough = names.group_by("doc").len().filter(pl.col("len") >= _MIN_NAMES)["doc"]
    words = (
        frame.filter(~pl.col("doc").is_in(enough.implode()))
        .select("doc", term=pl.col("body").str.extract_all(_WORD))
        .explode("term")
        .drop_nulls()
    )
    return pl.concat([names.filter(pl.col("doc").is_in(enough.implode())), words]).select(
        "doc", term=pl.col("term").str.replace(r"['’]s?$", "").str.to_lowercase()
    )


def term_lists(bodies: Sequence[str] | pa.Array) -> pa.Array:
    """Each body's story terms as 64-bit hashes (list<uint64>): computed per batch, kept for
    the global pass at 8 bytes a term instead of the text."""
    terms = story_terms(bodies)
    doc = terms["doc"].to_numpy()
    hashes = terms["term"].hash(seed=_SEED).to_numpy()
    # A body's terms are together and in order, but bodies come in two runs: make it one.
    order = np.argsort(doc, kind="stable")
    offsets = np.zeros(len(bodies) + 1, dtype=np.int32)
    np.cumsum(np.bincount(doc, minlength=len(bodies)), out=offsets[1:])
    return pa.ListArray.from_arrays(pa.array(offsets), pa.array(hashes[order]), type=TERMS_TYPE)


def terms_frame(lists: pa.Array | pa.ChunkedArray, offset: int = 0) -> pl.DataFrame:
    """(doc, term) rows of a term_lists column, doc numbered by row from offset."""
    frame = pl.from_arrow(pa.table({"term": lists}))
    assert isinstance(frame, pl.DataFrame)
    return frame.with_row_index("doc", offset=offset).explode("term").drop_nulls()


def story_pairs(bodies: Sequence[str], dates: Sequence[dt.date | None]) -> list[tuple[int, int]]:
    """Index pairs (i < j) of articles about the same event."""
    return term_pairs(term_lists(bodies), dates)


def term_pairs(
    lists: pa.Array | pa.ChunkedArray, dates: Sequence[dt.date | None]
) -> list[tuple[int, int]]:
    """Story pairs from a term_lists column: scored pairs within the date window."""
    return within_window(scored_pairs(lists), dates)


def scored_pairs(lists: pa.Array | pa.ChunkedArray) -> npt.NDArray[np.int64]:
    """Pairs (i < j, sorted) of articles whose top names are alike, whatever their dates:
    TF-IDF of the top terms, cosine. The per-article steps run DOC_CHUNK articles at a time:
    their working memory (hash tables over every term occurrence) follows a chunk, not the
    corpus. (Dates are left to within_window: they may change once duplicates are grouped.)"""
    n = len(lists)
    if n < 2:
        return np.zeros((0, 2), dtype=np.int64)

    def counts() -> Iterator[pl.DataFrame]:
        for start in range(0, n, DOC_CHUNK):
            terms = terms_frame(lists.slice(start, DOC_CHUNK), offset=start)
            yield terms.group_by("doc", "term").len("tf")

    # (one chunk is counted once; more are counted again rather than all kept)
    first = [next(counts())] if n <= DOC_CHUNK else None
    df = (
        pl.concat([c.group_by("term").len("df") for c in first or counts()])
        .group_by("term")
        .agg(pl.col("df").sum().cast(pl.UInt32))
    )
    weights = pl.concat([_top_weights(c, df, n) for c in first or counts()])
    # Candidates share a rare name: the join stays small however common the common names are.
    rare = weights.join(df.filter(pl.col("df") <= LINK_DF), on="term").select("doc", "term")
    candidates = (
        rare.join(rare, on="term", suffix="_b")
        .filter(pl.col("doc") < pl.col("doc_b"))
        .group_by("doc", "doc_b")
        .len()
        .filter(pl.col("len") >= LINK_NAMES)
        .select("doc", "doc_b")
    )
    pairs = (
        candidates.join(weights, on="doc")
        .join(weights.rename({"doc": "doc_b", "w": "w_b"}), on=["doc_b", "term"])
        .group_by("doc", "doc_b")
        .agg(cos=(pl.col("w") * pl.col("w_b")).sum())
        .filter(pl.col("cos") >= THRESHOLD)
        .sort("doc", "doc_b")
    )
    return pairs.select("doc", "doc_b").to_numpy().astype(np.int64).reshape(-1, 2)


def within_window(
    pairs: npt.NDArray[np.int64], dates: Sequence[dt.date | None]
) -> list[tuple[int, int]]:
    """The pairs whose dates, when both known, are at most WINDOW apart."""
    found: list[tuple[int, int]] = []
    for a, b in pairs.tolist():
        da, db = dates[a], dates[b]
        if da is None or db is None or abs(da - db) <= WINDOW:
            found.append((a, b))
    return found


def _top_weights(counts: pl.DataFrame, df: pl.DataFrame, n: int) -> pl.DataFrame:
    """(doc, term, w): each article's TOP_TERMS terms by TF-IDF, weights of unit length."""
    return (
        counts.join(df, on="term")
        .with_columns(
            w=(1 + pl.col("tf").cast(pl.Float64).log())
            * ((1 + n) / (1 + pl.col("df").cast(pl.Float64))).log().add(1)
        )
        .sort(["doc", "w", "term"], descending=[False, True, False])
        .group_by("doc", maintain_order=True)
        .head(TOP_TERMS)
        .with_columns(w=pl.col("w") / (pl.col("w") ** 2).sum().over("doc").sqrt())
        .select("doc", "term", "w")
    )


def story_groups(
    ids: Sequence[str],
    lists: pa.Array | pa.ChunkedArray,
    dates: Sequence[dt.date | None],
    duplicate_pairs: Sequence[tuple[int, int]],
) -> list[str]:
    """The story_group of each article (lists: its term_lists): the id of its story's
    first-published member."""
    return first_published(ids, dates, [*duplicate_pairs, *term_pairs(lists, dates)])


def first_published(
    ids: Sequence[str], dates: Sequence[dt.date | None], pairs: Sequence[tuple[int, int]]
) -> list[str]:
    """The id of the first-published member of each article's story (its component of the
    pairs: duplicates and story pairs)."""
    roots = components(len(ids), pairs)
    members: dict[int, list[int]] = {}
    for i, root in enumerate(roots):
        members.setdefault(root, []).append(i)
    group = [""] * len(ids)
    for indexes in members.values():
        first = min(indexes, key=lambda i: (dates[i] is None, dates[i] or dt.date.min, ids[i]))
        for i in indexes:
            group[i] = ids[first]
    return group
