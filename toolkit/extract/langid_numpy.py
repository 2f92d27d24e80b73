"""py3langid's classify over numpy arrays: the same bundled model and the same scores, bit for
bit, in a third of the time (its byte-at-a-time Python DFA walk, Counter and float16 cast were
most of a language guess)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np
from numpy.typing import NDArray
from py3langid import langid

# float32 bits of a negative normal float16 h are (h << 13) + this: the sign moves from bit 28
# to bit 31 and the exponent bias grows from 15 to 127
_NEGATIVE_HALF_TO_SINGLE = np.uint32((1 << 31) - (1 << 28) + (112 << 23))


@dataclass(frozen=True)
class Model:
    """py3langid's identifier as numpy arrays, plus what the windowed DFA walk needs."""

    nextmove: NDArray[np.uint32]  # row offset + byte -> next state (a view, not a copy)
    rowbase: NDArray[np.intp]  # state -> offset of its row in nextmove
    pairs: NDArray[np.intp]  # first byte << 8 | second byte -> row offset reached from the root
    output: NDArray[np.int32]  # state -> the feature it counts, or -1
    order: int  # a state depends on the last `order` bytes only (the deepest state's depth)
    pad: bytes  # order - 1 bytes that keep the walk at the root
    ptc: NDArray[np.float16]  # feature x class log-probabilities
    negative_halves: bool  # every ptc entry is a negative normal float16 (widened by bit shifts)
    pc: NDArray[np.float32]  # class log-priors
    classes: tuple[str, ...]
    alias_pairs: tuple[tuple[int, int], ...]  # (first, dupe) columns of a label listed twice


def _depth(nextmove: NDArray[np.uint32], rowbase: NDArray[np.intp]) -> int:
    """Most bytes from the root to any state (breadth first): the DFA's longest n-gram."""
    seen = np.zeros(len(rowbase), dtype=bool)
    seen[0] = True
    frontier, depth = np.zeros(1, dtype=np.intp), 0
    while True:
        rows = np.unique(rowbase[frontier])
        reached = np.zeros(len(rowbase), dtype=bool)
        reached[nextmove[rows[:, None] + np.arange(256)]] = True
        reached &= ~seen
        if not reached.any():
            return depth
        seen |= reached
        frontier = np.flatnonzero(reached)
        depth += 1


def _negative_halves(ptc: NDArray[np.float16]) -> bool:
    """Whether every entry is a negative normal float16 (sign set, exponent neither 0 nor 31)."""
    bits = ptc.view(np.uint16)
    exponent = (bits >> 10) & 0x1F
    return bool((bits >= 0x8000).all() and (exponent > 0).all() and (exponent < 0x1F).all())


@cache
def model() -> Model:
    """The identifier py3langid.classify uses (loaded once per process), as a Model."""
    ident = langid._get_identifier()
    if ident.min_confidence is not None or ident._norm_probs:
        raise RuntimeError("py3langid's identifier is not in its default raw-score mode")
    nextmove = np.frombuffer(ident.tk_nextmove, dtype=np.uint32)
    rowbase = np.frombuffer(ident.tk_row, dtype=np.dtype(ident.tk_row.typecode)).astype(np.intp)
    rowbase <<= 8
    order = _depth(nextmove, rowbase)
    root_row = nextmove[rowbase[0] : rowbase[0] + 256]
    stay = np.flatnonzero(root_row == 0)
    if order < 3 or not stay.size:
        raise RuntimeError("py3langid's DFA does not have the shape the windowed walk needs")
    after_two = nextmove[rowbase[root_row][:, None] + np.arange(256)].ravel()
    return Model(
        nextmove=nextmove,
        rowbase=rowbase,
        pairs=rowbase[after_two],
        output=np.asarray(ident.tk_output, dtype=np.int32),
        order=order,
        pad=bytes([int(stay[0])]) * (order - 1),
        ptc=ident.nb_ptc,
        negative_halves=_negative_halves(ident.nb_ptc),
        pc=ident.nb_pc,
        classes=tuple(ident.nb_classes),
        alias_pairs=tuple(ident._alias_pairs),
    )


def features(m: Model, data: bytes) -> NDArray[np.int32]:
    """Feature of each byte's DFA state (those that count one)."""
    return features_many(m, [data])[0]


def features_many(m: Model, datas: Sequence[bytes]) -> list[NDArray[np.int32]]:
    """features() of each data, all walked at once. Every position walks its own window of
    the last `order` bytes from the root, all positions a step at a time; each data sits
    behind its own padding, which starts its first windows at the root as the sequential walk
    does, and the windows that straddle two datas are dropped."""
    joined = m.pad + m.pad.join(datas)
    n = len(joined) - len(m.pad)  # one window ends at each byte after the first padding
    buf = np.frombuffer(joined, dtype=np.uint8)
    at = m.pairs[(buf[:n].astype(np.intp) << 8) | buf[1 : n + 1]]
    for step in range(2, m.order - 1):
        at = m.rowbase[m.nextmove[at + buf[step : n + step]]]
    found: NDArray[np.int32] = m.output[m.nextmove[at + buf[m.order - 1 :]]]
    out, start = [], 0
    for data in datas:
        mine = found[start : start + len(data)]
        out.append(mine[mine >= 0])
        start += len(data) + len(m.pad)
    return out


def first_seen_counts(found: NDArray[np.int32]) -> tuple[NDArray[np.int32], NDArray[np.float32]]:
    """Distinct features (of a non-empty array) in order of first occurrence, with their counts:
    Counter's order, which fixes the BLAS summation order and so the scores to the last bit."""
    n = len(found)
    keys = (found.astype(np.int64) << 32) | np.arange(n)  # feature, then position
    keys.sort()
    value = keys >> 32
    new = np.empty(n, dtype=bool)
    new[:1] = True
    np.not_equal(value[1:], value[:-1], out=new[1:])
    starts = np.flatnonzero(new)
    first = keys[starts] & 0xFFFFFFFF
    counts = np.empty(n, dtype=np.float32)  # each feature's count at its first position
    counts[first[:-1]] = starts[1:] - starts[:-1]
    counts[first[-1]] = n - starts[-1]
    firsts = np.zeros(n, dtype=bool)
    firsts[first] = True
    return found[firsts], counts[firsts]


def _rows(m: Model, idx: NDArray[np.int32]) -> NDArray[np.float32]:
    """ptc rows as float32, exactly as numpy's (slow) float16 cast gives them."""
    if not m.negative_halves:
        return m.ptc[idx].astype(np.float32)
    bits = np.take(m.ptc.view(np.uint16), idx, axis=0).astype(np.uint32)
    bits <<= 13
    bits += _NEGATIVE_HALF_TO_SINGLE
    return bits.view(np.float32)


def scores(text: str) -> NDArray[np.float32]:
    """Per-class scores, bit for bit those py3langid's classify takes the argmax of."""
    return scores_many([text])[0]


def scores_many(texts: Sequence[str]) -> list[NDArray[np.float32]]:
    """scores() of each text; one walk serves them all (for a short text its numpy calls
    cost more than the bytes they walk)."""
    m = model()
    walked = features_many(m, [langid.LanguageIdentifier._encode(t) for t in texts])
    return [_scores(m, found) for found in walked]


def _scores(m: Model, found: NDArray[np.int32]) -> NDArray[np.float32]:
    if found.size:
        idx, counts = first_seen_counts(found)
        result: NDArray[np.float32] = np.log1p(counts) @ _rows(m, idx) + m.pc
    else:
        result = np.full(len(m.classes), langid.RAW_FLOOR, dtype=np.float32)
    for first, dupe in m.alias_pairs:
        result[first] = max(result[first], result[dupe])
        result[dupe] = langid.RAW_FLOOR
    return result


def classify_code(text: str) -> str:
    """py3langid.classify(text)[0] for a str."""
    return classify_codes([text])[0]


def classify_codes(texts: Sequence[str]) -> list[str]:
    """classify_code() of each text, walked together."""
    m = model()
    return [m.classes[int(result.argmax())] for result in scores_many(texts)]
