"""MinHash signatures by one-permutation hashing: each shingle is hashed once, not once per slot.

The top bits of a shingle's hash pick one of SLOTS bins, the rest is its value, and a body's
signature keeps each bin's minimum (Li, Owen and Zhang 2012). Bins a short body leaves empty are
filled from the next filled bin, as densified one-permutation hashing does (Shrivastava 2017), so
two signatures can be compared slot by slot like classic MinHash.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from toolkit.dedup.shingles import Shingled, mix

SLOTS = 128
_SLOT_BITS = 7  # log2(SLOTS)
EMPTY = np.iinfo(np.uint32).max


def signatures(batch: Shingled) -> tuple[npt.NDArray[np.uint32], npt.NDArray[np.int32]]:
    """(signature per body, number of distinct shingles per body) of one shingled batch."""
    n = batch.count
    flat = np.full(n * SLOTS, EMPTY, dtype=np.uint32)
    slot = (batch.hash >> np.uint64(64 - _SLOT_BITS)).astype(np.int64)
    value = (batch.hash & np.uint64(0xFFFFFFFF)).astype(np.uint32)
    value = np.minimum(value, np.uint32(EMPTY - 1))  # EMPTY marks a bin nothing fell into
    np.minimum.at(flat, batch.doc * SLOTS + slot, value)
    return _densify(flat.reshape(n, SLOTS)), _distinct(batch)


def _distinct(batch: Shingled) -> npt.NDArray[np.int32]:
    """Distinct shingles per body: sizes turn a Jaccard estimate into containment."""
    # 44 bits of the hash with the body's index above them: unique per (body, shingle).
    keys = np.sort((batch.doc.astype(np.uint64) << np.uint64(44)) | (batch.hash >> np.uint64(20)))
    bodies = np.searchsorted(keys, np.arange(batch.count + 1, dtype=np.uint64) << np.uint64(44))
    repeats = np.flatnonzero(keys[1:] == keys[:-1]) + 1
    return (np.diff(bodies) - np.diff(np.searchsorted(repeats, bodies))).astype(np.int32)


def _densify(sig: npt.NDArray[np.uint32]) -> npt.NDArray[np.uint32]:
    """Fill each empty bin from the nearest filled bin to its right (circularly), re-hashed."""
    rows = np.flatnonzero((sig == EMPTY).any(axis=1))
    values = sig[rows]
    filled = values != EMPTY
    rows, values, filled = (
        rows[filled.any(axis=1)],
        values[filled.any(axis=1)],
        filled[filled.any(axis=1)],
    )
    # The first filled bin at or after each bin, looking around the row twice.
    slots = np.arange(2 * SLOTS)
    at = np.where(np.concatenate([filled, filled], axis=1), slots, 2 * SLOTS)
    at = np.minimum.accumulate(at[:, ::-1], axis=1)[:, ::-1][:, :SLOTS]
    distance = (at - slots[:SLOTS]).astype(np.uint64)
    source = np.take_along_axis(values, at % SLOTS, axis=1).astype(np.uint64)
    rehashed = mix(source + distance * np.uint64(0x9E37)) & np.uint64(0xFFFFFFFE)
    sig[rows] = np.where(filled, values, rehashed.astype(np.uint32))
    return sig
