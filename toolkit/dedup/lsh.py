"""Locality-sensitive hashing over MinHash signatures: candidate pairs, then verified pairs.

Bands of ROWS slots: two bodies become candidates when all slots of one band agree. ROWS = 3
makes a pair whose Jaccard similarity is 0.4 a candidate with probability 0.94 (1 - (1 - 0.4**3)
** 42), which the containment goal needs: half an article inside the whole has Jaccard 0.5, a
noisy copy about 0.45. Candidates are then kept only when their estimated containment is high.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from toolkit.dedup.minhash import SLOTS
from toolkit.dedup.shingles import mix

ROWS = 3
BANDS = SLOTS // ROWS
CONTAINMENT = 0.6  # share of the shorter body's shingles the longer one must have
MIN_SHINGLES = 8  # below this a body is too short to call a copy of anything but itself
_VERIFY_CHUNK = 1 << 18
_KEY_CHUNK = 1 << 16

Pairs = npt.NDArray[np.int64]  # shape (k, 2), i < j


def band_keys(sig: npt.NDArray[np.uint32]) -> npt.NDArray[np.uint64]:
    """One 64-bit key per (body, band): equal keys mean the band's slots all agree."""
    keys = np.empty((sig.shape[0], BANDS), dtype=np.uint64)
    for start in range(0, sig.shape[0], _KEY_CHUNK):  # (64-bit copies of a chunk, not of all)
        part = sig[start : start + _KEY_CHUNK, : BANDS * ROWS]
        rows = part.astype(np.uint64).reshape(part.shape[0], BANDS, ROWS)
        with np.errstate(over="ignore"):
            key = np.zeros(rows.shape[:2], dtype=np.uint64)
            for r in range(ROWS):
                key = mix(key + rows[:, :, r] + np.uint64(r + 1))
        keys[start : start + part.shape[0]] = key
    return keys


def candidate_pairs(keys: npt.NDArray[np.uint64]) -> Pairs:
    """Pairs of bodies sharing a band key: each with its bucket's first and previous member."""
    n = keys.shape[0]
    found: list[Pairs] = []
    for band in range(keys.shape[1]):
        column = keys[:, band]
        order = np.argsort(column, kind="stable")  # ties stay in index order
        ordered = column[order]
        same = ordered[1:] == ordered[:-1]
        if not same.any():
            continue
        run_start = np.concatenate(([True], ~same))
        first = order[np.maximum.accumulate(np.where(run_start, np.arange(n), 0))]
        later = np.flatnonzero(~run_start)
        found.append(np.stack([first[later], order[later]], axis=1))
        found.append(np.stack([order[later - 1], order[later]], axis=1))
    if not found:
        return np.zeros((0, 2), dtype=np.int64)
    pairs = np.concatenate(found)
    return unique_pairs(pairs, n)


def unique_pairs(pairs: Pairs, n: int) -> Pairs:
    """Distinct (i < j) pairs, sorted; a 1-D sort of i * n + j, far faster than unique(axis=0)."""
    low, high = np.minimum(pairs[:, 0], pairs[:, 1]), np.maximum(pairs[:, 0], pairs[:, 1])
    apart = low != high  # (a sort along axis 1 costs ten times these two passes)
    codes = np.sort(low[apart] * n + high[apart])
    # (np.unique is 20x slower than this on millions of int64 with numpy 2.3+)
    codes = codes[np.concatenate(([True], codes[1:] != codes[:-1]))] if codes.size else codes
    return np.stack([codes // n, codes % n], axis=1) if codes.size else pairs[:0]


def estimated_containment(
    sig: npt.NDArray[np.uint32], sizes: npt.NDArray[np.int32], pairs: Pairs
) -> npt.NDArray[np.float64]:
    """|A ∩ B| / min(|A|, |B|) from the signatures' Jaccard estimate and the shingle counts."""
    out = np.zeros(pairs.shape[0], dtype=np.float64)
    for start in range(0, pairs.shape[0], _VERIFY_CHUNK):
        chunk = pairs[start : start + _VERIFY_CHUNK]
        a, b = chunk[:, 0], chunk[:, 1]
        jaccard = (sig[a] == sig[b]).mean(axis=1)
        size_a, size_b = sizes[a].astype(np.float64), sizes[b].astype(np.float64)
        shared = jaccard * (size_a + size_b) / (1.0 + jaccard)
        out[start : start + chunk.shape[0]] = shared / np.maximum(1.0, np.minimum(size_a, size_b))
    return out


def verified_pairs(
    sig: npt.NDArray[np.uint32],
    sizes: npt.NDArray[np.int32],
    threshold: float = CONTAINMENT,
) -> Pairs:
    """Candidate pairs whose shorter body is (almost) wholly inside the longer one."""
    pairs = candidate_pairs(band_keys(sig))
    if pairs.size == 0:
        return pairs
    smaller = np.minimum(sizes[pairs[:, 0]], sizes[pairs[:, 1]])
    pairs = pairs[smaller >= MIN_SHINGLES]
    return pairs[estimated_containment(sig, sizes, pairs) >= threshold]
