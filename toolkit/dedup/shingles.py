"""Word shingles of a batch of bodies, hashed with numpy over the batch's bytes at once.

Python touches each body once (case folding and marking word boundaries, both in C); hashing
every token and every shingle is array arithmetic over the whole batch. The hashes are plain
modular arithmetic, so they are the same on every machine and every library version.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import polars as pl
import pyarrow as pa

U64 = np.uint64
SHINGLE_WORDS = 3  # short enough that a few % of OCR-confused characters leave most intact

# Scripts written without spaces: every character is a token of its own.
_UNSPACED = r"([\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}])"
_BASE = U64(0x100000001B3)  # odd, so it has an inverse modulo 2**64
_BASE_INV = U64(pow(int(_BASE), -1, 2**64))
_MIX = (U64(0xBF58476D1CE4E5B9), U64(0x94D049BB133111EB))
_POSITION = U64(0x9E3779B97F4A7C15)


@dataclass(frozen=True)
class Shingled:
    """Every shingle hash of a batch, with the index of the body it came from."""

    doc: npt.NDArray[np.int64]
    hash: npt.NDArray[np.uint64]
    exact: npt.NDArray[np.uint64]  # one hash per body of its whole token sequence
    count: int  # number of bodies


def folded(bodies: Sequence[str]) -> pa.LargeStringArray:
    """Each body as folded tokens, each followed by one space: what two copies of a text share.

    One Arrow buffer holds the whole batch, so numpy reads it without a copy."""
    series = (
        pl.Series(bodies, dtype=pl.String)
        .str.normalize("NFKC")
        .str.to_lowercase()
        .str.replace_all(r"[\W_]+", " ")
        .str.replace_all(_UNSPACED, " $1 ")
        .str.replace_all(" +", " ")
        .str.strip_chars(" ")
        + " "
    )
    text = series.to_arrow().cast(pa.large_string())
    assert isinstance(text, pa.LargeStringArray)
    return text


def mix(values: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
    """splitmix64's finaliser: spreads every input bit over the whole word."""
    with np.errstate(over="ignore"):
        z = values ^ (values >> U64(30))
        z = z * _MIX[0]
        z = z ^ (z >> U64(27))
        z = z * _MIX[1]
        out: npt.NDArray[np.uint64] = z ^ (z >> U64(31))
        return out


def _powers(base: np.uint64, n: int) -> npt.NDArray[np.uint64]:
    out = np.full(n, base, dtype=U64)
    out[0] = 1
    with np.errstate(over="ignore"):
        return np.cumprod(out, dtype=U64)


def shingle_batch(bodies: Sequence[str], size: int = SHINGLE_WORDS) -> Shingled:
    """Hashes of every run of `size` consecutive tokens in each body (fewer when shorter)."""
    text = folded(bodies)
    _, offsets_buffer, data_buffer = text.buffers()
    raw = np.frombuffer(offsets_buffer, dtype=np.int64)[text.offset : text.offset + len(text) + 1]
    data = np.frombuffer(data_buffer, dtype=np.uint8)[raw[0] : raw[-1]]
    offsets = raw - raw[0]
    n = data.size
    with np.errstate(over="ignore"):
        prefix = np.zeros(n + 1, dtype=U64)
        np.cumsum(data.astype(U64) * _powers(_BASE, n), dtype=U64, out=prefix[1:])
        inverse = _powers(_BASE_INV, n + 1)

        def span_hash(
            starts: npt.NDArray[np.int64], ends: npt.NDArray[np.int64]
        ) -> npt.NDArray[np.uint64]:
            return mix((prefix[ends] - prefix[starts]) * inverse[starts])

        exact = span_hash(offsets[:-1], offsets[1:] - 1)
        spaces = np.flatnonzero(data == ord(" "))
        token_starts = np.concatenate(([0], spaces[:-1] + 1))
        real = spaces > token_starts  # an empty body leaves an empty token
        token_starts, token_ends = token_starts[real], spaces[real]
        token_doc = np.searchsorted(offsets, token_starts, side="right") - 1
        tokens = span_hash(token_starts, token_ends)
        doc, hashes = _shingles(tokens, token_doc, size)
    return Shingled(doc=doc, hash=hashes, exact=exact, count=len(bodies))


def _shingles(
    tokens: npt.NDArray[np.uint64], token_doc: npt.NDArray[np.int64], size: int
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.uint64]]:
    """Combine each token with the next size-1 of the same body, order-sensitively."""
    m = tokens.size
    if m == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=U64)
    per_doc = np.bincount(token_doc)
    doc_first = np.concatenate(([0], np.cumsum(per_doc)[:-1]))
    # A body shorter than `size` tokens gets one shingle of all its tokens.
    width = np.minimum(per_doc, size)[token_doc]
    last = doc_first[token_doc] + per_doc[token_doc] - width
    starts = np.flatnonzero(np.arange(m) <= last)
    combined = np.zeros(starts.size, dtype=U64)
    weight = U64(1)
    with np.errstate(over="ignore"):
        for offset in range(size):
            take = offset < width[starts]
            index = np.minimum(starts + offset, m - 1)
            combined += np.where(take, tokens[index] * weight, U64(0))
            weight = weight * _POSITION
    return token_doc[starts], mix(combined)
