"""Word shingles of a batch of bodies, hashed with numpy over the batch's bytes at once.

Bodies are folded into tokens (fold.py) straight from their UTF-8 bytes where every character
folds on its own, by text passes otherwise; hashing every token and every shingle is array
arithmetic over the whole batch. The hashes are plain modular arithmetic, so they are the same
on every machine and every library version.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pyarrow as pa

from toolkit.dedup.fold import Index, Tokens, buffers, byte_tokens, folded, spans

U64 = np.uint64
SHINGLE_WORDS = 3  # short enough that a few % of OCR-confused characters leave most intact

_BASE = U64(0x100000001B3)  # odd, so it has an inverse modulo 2**64
_BASE_INV = U64(pow(int(_BASE), -1, 2**64))
_MIX = (U64(0xBF58476D1CE4E5B9), U64(0x94D049BB133111EB))
_POSITION = U64(0x9E3779B97F4A7C15)
_SPACE = U64(ord(" "))
_KEPT_POWERS = 1 << 22  # powers tables up to this length are kept for the next batch


@dataclass(frozen=True)
class Shingled:
    """Every shingle hash of a batch, with the index of the body it came from."""

    doc: npt.NDArray[np.int64]  # a body's shingles are together, in text order
    hash: npt.NDArray[np.uint64]
    exact: npt.NDArray[np.uint64]  # one hash per body of its whole token sequence
    count: int  # number of bodies


def mix(values: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
    """splitmix64's finaliser: spreads every input bit over the whole word."""
    with np.errstate(over="ignore"):
        z = values ^ (values >> U64(30))
        z *= _MIX[0]
        z ^= z >> U64(27)
        z *= _MIX[1]
        z ^= z >> U64(31)
        return z


_tables: dict[int, npt.NDArray[np.uint64]] = {}


def _powers(base: np.uint64, n: int) -> npt.NDArray[np.uint64]:
    """base**0 .. base**(n-1) modulo 2**64, as a block of products of two short tables."""
    kept = _tables.get(int(base))
    if kept is not None and kept.size >= n:
        return kept[:n]
    side = int(np.ceil(np.sqrt(max(n, 1))))
    low = np.full(side, base, dtype=U64)
    low[0] = 1
    with np.errstate(over="ignore"):
        low = np.cumprod(low, dtype=U64)
        high = np.full(side, low[-1] * base, dtype=U64)
        high[0] = 1
        high = np.cumprod(high, dtype=U64)
        table = (high[:, None] * low[None, :]).ravel()[:n]
    if n <= _KEPT_POWERS:
        _tables[int(base)] = table
    return table


def shingle_batch(bodies: Sequence[str] | pa.Array, size: int = SHINGLE_WORDS) -> Shingled:
    """Hashes of every run of `size` consecutive tokens in each body (fewer when shorter)."""
    text = _strings(bodies)
    n = len(text)
    tokens, other = byte_tokens(*buffers(text))
    exact = np.zeros(n, dtype=U64)
    parts = [(np.arange(n), tokens)]
    if other.any():
        docs = np.flatnonzero(other)
        data, offsets = buffers(folded(text.filter(pa.array(other))))
        parts.append((docs, spans(data, data != ord(" "), offsets, offsets[1:-1])))
    doc_parts, hash_parts = [], []
    for docs, part in parts:
        token_hash, exact[docs] = _hashed(part)
        doc, shingles = _shingles(token_hash, part.doc, part.per_doc, size)
        doc_parts.append(docs[doc])
        hash_parts.append(shingles)
    return Shingled(np.concatenate(doc_parts), np.concatenate(hash_parts), exact, n)


def _strings(bodies: Sequence[str] | pa.Array) -> pa.StringArray | pa.LargeStringArray:
    """The bodies as one Arrow array, a null body as an empty one."""
    if isinstance(bodies, pa.ChunkedArray):
        bodies = bodies.combine_chunks()
    if not isinstance(bodies, pa.Array):
        bodies = pa.array(bodies, type=pa.large_string())
    if bodies.null_count:
        bodies = bodies.fill_null("")
    if not (pa.types.is_string(bodies.type) or pa.types.is_large_string(bodies.type)):
        bodies = bodies.cast(pa.large_string())
    return bodies


def _hashed(tokens: Tokens) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.uint64]]:
    """(hash of each token, hash of each body's tokens joined by single spaces)."""
    starts, ends, per_doc = tokens.starts, tokens.ends, tokens.per_doc
    size = tokens.data.size
    length = ends - starts
    # Where each token would start if all bodies' tokens were joined by single spaces.
    place = np.cumsum(length + 1)
    reach = max(size, int(place[-1]) if place.size else 0) + 1
    place -= length + 1
    powers, inverse = _powers(_BASE, reach), _powers(_BASE_INV, reach)
    with np.errstate(over="ignore"):
        prefix = np.empty(size + 1, dtype=U64)
        prefix[0] = 0
        np.multiply(tokens.data, powers[:size], out=prefix[1:], dtype=U64)
        np.cumsum(prefix[1:], out=prefix[1:])
        # Each token's bytes weighed from base**0, as if it started the buffer.
        raw = (prefix[ends] - prefix[starts]) * inverse[starts]
        # Each body's tokens at their places, a space after each, summed; then the last
        # token's space taken off and the body shifted to start at base**0.
        term = raw * powers[place] + _SPACE * powers[place + length]
        total = np.empty(raw.size + 1, dtype=U64)
        total[0] = 0
        np.cumsum(term, out=total[1:])
        last = np.cumsum(per_doc)
        first = last - per_doc
        joined = total[last] - total[first]
        some = np.flatnonzero(per_doc)
        end = last[some] - 1
        space = _SPACE * powers[place[end] + length[end]]
        joined[some] = (joined[some] - space) * inverse[place[first[some]]]
    return mix(raw), mix(joined)


def _shingles(
    tokens: npt.NDArray[np.uint64], token_doc: npt.NDArray[np.int64], per_doc: Index, size: int
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.uint64]]:
    """Combine each token with the next size-1 of the same body, order-sensitively; a body of
    fewer tokens gets one shingle of all of them."""
    m = tokens.size
    full = max(m - size + 1, 0)
    keep = np.zeros(m, dtype=np.bool_)
    np.equal(token_doc[:full], token_doc[size - 1 :], out=keep[:full])
    combined = np.zeros(m, dtype=U64)
    with np.errstate(over="ignore"):
        combined[:full] = tokens[:full]
        weight = _POSITION
        for offset in range(1, size):
            combined[:full] += tokens[offset : offset + full] * weight
            weight *= _POSITION
        # Bodies shorter than `size` tokens, at their first token.
        first = np.cumsum(per_doc) - per_doc
        short = (per_doc > 0) & (per_doc < size)
        at, width = first[short], per_doc[short]
        keep[at] = True
        combined[at] = 0
        weight = U64(1)
        for offset in range(size - 1):
            take = at[offset < width]
            combined[take] += tokens[take + offset] * weight
            weight *= _POSITION
    return token_doc[keep], mix(combined[keep])
