"""Signing a batch with array arithmetic gives what the definitions give body by body."""

from __future__ import annotations

import unicodedata

import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.dedup import fold
from toolkit.dedup.minhash import EMPTY, SLOTS
from toolkit.dedup.near import sign
from toolkit.dedup.shingles import SHINGLE_WORDS

MASK = (1 << 64) - 1
BASE, POSITION = 0x100000001B3, 0x9E3779B97F4A7C15
# Characters that fold alone and characters that do not: case, compatibility forms, combining
# marks, composing jamo, final sigma, scripts without spaces, astral characters.
CHARS = (
    [chr(c) for c in range(0x80)]
    + list("éÉßẞİıſĳǅŉ ªµ½™¨‾ﬁ’“”—…•─│")
    + list("ΣσςΑά")
    + list("ЖжЁё")
    + list("日本語のカタカナ，。")
    + list("가\u1100\u1161\u11a8ㄱㅏ")
    + list("\u0301\u0308\u093f\u200d\u00ad\ufeff\uffff")
    + list("😀𝐀")
)
texts = st.text(alphabet=st.sampled_from(CHARS), max_size=40)


def mix(z: int) -> int:
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9 & MASK
    z = (z ^ (z >> 27)) * 0x94D049BB133111EB & MASK
    return z ^ (z >> 31)


def poly(data: bytes) -> int:
    return sum(b * pow(BASE, i, 1 << 64) for i, b in enumerate(data)) & MASK


def reference(body: str) -> tuple[list[int], int, int]:
    """(signature, distinct shingles, exact hash) of one body, straight from the definitions."""
    text = fold.folded([body]).to_pylist()[0][:-1]
    tokens = [mix(poly(t.encode())) for t in text.split(" ")] if text else []
    windows = [tokens[i : i + SHINGLE_WORDS] for i in range(len(tokens) - SHINGLE_WORDS + 1)]
    shingles = [
        mix(sum(t * pow(POSITION, k, 1 << 64) for k, t in enumerate(w)) & MASK)
        for w in windows or ([tokens] if tokens else [])
    ]
    bins = [int(EMPTY)] * SLOTS
    for h in shingles:
        bins[h >> 57] = min(bins[h >> 57], min(h & 0xFFFFFFFF, int(EMPTY) - 1))
    filled = [i for i, v in enumerate(bins) if v != EMPTY]
    signature = list(bins)
    for i in range(SLOTS):
        if bins[i] == EMPTY and filled:
            source = min(filled, key=lambda f: (f - i) % SLOTS)
            rehashed = mix(bins[source] + ((source - i) % SLOTS) * 0x9E37)
            signature[i] = rehashed & 0xFFFFFFFE
    return signature, len({h >> 20 for h in shingles}), mix(poly(text.encode()))


@settings(max_examples=300, deadline=None)
@given(st.lists(texts, min_size=1, max_size=6))
def test_batch_signatures_equal_the_definition_per_body(bodies: list[str]) -> None:
    signed = sign(pa.array(bodies))
    for i, body in enumerate(bodies):
        signature, size, exact = reference(body)
        assert signed.sig[i].tolist() == signature
        assert (signed.sizes[i], signed.exact[i]) == (size, exact)


def test_a_lone_character_rule_never_lets_composition_cross_it() -> None:
    # Every second half of a canonical pair must be refused, or a body could fold differently
    # from its characters one by one.
    for code in range(0x30000):
        parts = unicodedata.decomposition(chr(code)).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            assert not fold._starter(chr(int(parts[1], 16)))
