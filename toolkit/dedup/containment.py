"""Near-duplicate pairs: copies whose shorter body is almost wholly inside the longer one."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence

SHINGLE_WORDS = 5
THRESHOLD = 0.7
MIN_SHINGLES = 8
MAX_POSTING = 200
_TOKEN = re.compile(r"\w+")


def shingles(body: str, size: int = SHINGLE_WORDS) -> set[int]:
    """Hashes of the body's overlapping word n-grams (lower-cased, NFKC)."""
    tokens = _TOKEN.findall(unicodedata.normalize("NFKC", body).casefold())
    if len(tokens) < size:
        tokens = tokens + [""] * (size - len(tokens))
    return {
        int.from_bytes(
            hashlib.blake2b(" ".join(tokens[i : i + size]).encode(), digest_size=8).digest()
        )
        for i in range(len(tokens) - size + 1)
    }


def containment(a: set[int], b: set[int]) -> float:
    """|A ∩ B| / min(|A|, |B|): 1.0 when the shorter text is wholly inside the longer."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def near_duplicate_pairs(
    bodies: Sequence[str], threshold: float = THRESHOLD
) -> list[tuple[int, int]]:
    """Index pairs (i < j) of bodies that are copies of one article."""
    sets = [shingles(b) for b in bodies]
    exact: dict[str, int] = {}
    pairs: set[tuple[int, int]] = set()
    postings: dict[int, list[int]] = defaultdict(list)
    for i, body in enumerate(bodies):
        key = " ".join(_TOKEN.findall(body.casefold()))
        if key in exact:
            pairs.add((exact[key], i))
        else:
            exact[key] = i
        for h in sets[i]:
            postings[h].append(i)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for members in postings.values():
        # A shingle shared by very many bodies is furniture, not evidence of copying.
        if 1 < len(members) <= MAX_POSTING:
            for x in range(len(members)):
                for y in range(x + 1, len(members)):
                    shared[(members[x], members[y])] += 1
    for (i, j), count in shared.items():
        smaller = min(len(sets[i]), len(sets[j]))
        if smaller >= MIN_SHINGLES and count / smaller >= threshold:
            pairs.add((i, j))
    return sorted(pairs)
