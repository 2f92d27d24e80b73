"""Near-duplicate pairs over a stream of bodies: exact hash, then MinHash + LSH + containment.

Memory grows with the signatures (SLOTS uint32 per body), never with the text: bodies arrive in
batches, are shingled and signed, and dropped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import pyarrow as pa

from toolkit.dedup.lsh import Pairs, unique_pairs, verified_pairs
from toolkit.dedup.minhash import SLOTS, signatures
from toolkit.dedup.shingles import shingle_batch

BATCH = 2048


@dataclass(frozen=True)
class Signed:
    """What the duplicate search keeps of a batch of bodies: no text, a few hundred bytes each."""

    sig: npt.NDArray[np.uint32]  # (bodies, SLOTS)
    sizes: npt.NDArray[np.int32]  # distinct shingles
    exact: npt.NDArray[np.uint64]  # hash of the whole token sequence


def sign(bodies: Sequence[str] | pa.Array) -> Signed:
    """Shingle and sign bodies; runs per batch, in parallel, before the global search."""
    parts: list[Signed] = []
    for start in range(0, len(bodies), BATCH):
        shingled = shingle_batch(bodies[start : start + BATCH])
        sig, sizes = signatures(shingled)
        parts.append(Signed(sig, sizes, shingled.exact))
    if not parts:
        return Signed(
            np.zeros((0, SLOTS), np.uint32), np.zeros(0, np.int32), np.zeros(0, np.uint64)
        )
    return Signed(
        np.concatenate([p.sig for p in parts]),
        np.concatenate([p.sizes for p in parts]),
        np.concatenate([p.exact for p in parts]),
    )


class DuplicateIndex:
    """Signatures of every body added so far; `pairs()` answers which are copies."""

    def __init__(self) -> None:
        self._sigs: list[npt.NDArray[np.uint32]] = []
        self._sizes: list[npt.NDArray[np.int32]] = []
        self._exact: list[npt.NDArray[np.uint64]] = []

    def add(self, signed: Signed) -> None:
        """Add one batch's signatures, in the order their rows are numbered."""
        self._sigs.append(signed.sig)
        self._sizes.append(signed.sizes)
        self._exact.append(signed.exact)

    def pairs(self) -> list[tuple[int, int]]:
        """Index pairs (i < j) of bodies that are copies of one article, sorted."""
        return [(a, b) for a, b in self.pair_array().tolist()]

    def pair_array(self) -> Pairs:
        """The pairs as an array of shape (k, 2)."""
        if not self._sigs:
            return np.zeros((0, 2), dtype=np.int64)
        sig, sizes, exact = (_joined(p) for p in (self._sigs, self._sizes, self._exact))
        found = np.concatenate([_exact_pairs(exact), verified_pairs(sig, sizes)])
        return unique_pairs(found, sig.shape[0])


def _joined(parts: list[npt.NDArray[Any]]) -> npt.NDArray[Any]:
    """The parts as one array; one part is used as it is (a signature copy is 512 MB at 1M)."""
    return parts[0] if len(parts) == 1 else np.concatenate(parts)


def _exact_pairs(exact: npt.NDArray[np.uint64]) -> Pairs:
    """Each body with the first earlier body of the same token sequence."""
    order = np.argsort(exact, kind="stable")
    ordered = exact[order]
    same = np.flatnonzero(ordered[1:] == ordered[:-1]) + 1
    if same.size == 0:
        return np.zeros((0, 2), dtype=np.int64)
    run_start = np.concatenate(([True], ordered[1:] != ordered[:-1]))
    first = order[np.maximum.accumulate(np.where(run_start, np.arange(order.size), 0))]
    return np.sort(np.stack([first[same], order[same]], axis=1), axis=1)


def near_duplicate_pairs(bodies: Iterable[str]) -> list[tuple[int, int]]:
    """Index pairs (i < j) of bodies that are copies of one article."""
    index = DuplicateIndex()
    index.add(sign(list(bodies)))
    return index.pairs()
