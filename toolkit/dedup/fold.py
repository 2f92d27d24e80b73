"""Bodies folded into tokens: by text passes, and the same fold read straight off UTF-8 bytes.

`folded` is the definition: NFKC, lower case, every run of non-word characters one space, each
character of a script written without spaces a token of its own. Most characters fold the same
whatever their neighbours: to a separator, to a word character of the same UTF-8 length, or to a
token of their own. `byte_tokens` finds the tokens of bodies made only of such characters with
array operations over the batch's bytes, learning each character's fold once, from `folded`
itself, so that both agree. Any other body (a combining mark, a character that changes length,
one outside the Basic Multilingual Plane) is left for `folded`.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import polars as pl
import pyarrow as pa

Bytes = npt.NDArray[np.uint8]
Index = npt.NDArray[np.int64]
Mask = npt.NDArray[np.bool_]

# Scripts written without spaces: every character is a token of its own.
_UNSPACED = r"([\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}])"
# How a character folds when it folds the same in every context.
UNKNOWN, OTHER, SEPARATOR, WORD, ALONE = range(5)
_PLANE = 0x10000  # code points learnt: the Basic Multilingual Plane, at most 3 UTF-8 bytes
_PROBES = (("", ""), ("a", "a"), ("a", ""), ("", "a"))
# Hangul vowels and final consonants: composition joins them to the syllable before them.
_JOINING_JAMO = ((0x1161, 0x1175), (0x11A8, 0x11C2))


@dataclass(frozen=True)
class Tokens:
    """Token spans over one buffer of folded bytes (only bytes inside a span are folded)."""

    data: Bytes
    starts: Index
    ends: Index
    doc: Index  # body of each token, nondecreasing
    per_doc: Index  # number of tokens of each body


def folded(bodies: Sequence[str] | pa.Array) -> pa.LargeStringArray:
    """Each body as folded tokens, each followed by one space: what two copies of a text share.

    One Arrow buffer holds the whole batch, so numpy reads it without a copy."""
    series = pl.Series(bodies, dtype=pl.String)
    series = (
        series.str.normalize("NFKC")
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


def buffers(text: pa.StringArray | pa.LargeStringArray) -> tuple[Bytes, Index]:
    """(bytes, offsets from 0) of a string array without nulls, read in place."""
    _, offsets_buffer, data_buffer = text.buffers()
    width = np.int64 if pa.types.is_large_string(text.type) else np.int32
    raw = np.frombuffer(offsets_buffer, dtype=width)[text.offset : text.offset + len(text) + 1]
    offsets = raw.astype(np.int64) - raw[0]
    if data_buffer is None:
        return np.zeros(0, dtype=np.uint8), offsets
    return np.frombuffer(data_buffer, dtype=np.uint8)[raw[0] : raw[-1]], offsets


class _Folds:
    """What each code point of the plane folds to, learnt on first sight."""

    def __init__(self) -> None:
        self.kind = np.full(_PLANE, UNKNOWN, dtype=np.uint8)
        self.bytes = np.zeros((_PLANE, 3), dtype=np.uint8)

    def kinds(self, codes: Index) -> npt.NDArray[np.uint8]:
        """The fold kind of each code point, learning the unknown ones."""
        kind = self.kind[codes]
        unknown = kind == UNKNOWN
        if unknown.any():
            self._learn(np.unique(codes[unknown]))
            kind = self.kind[codes]
        return kind

    def _learn(self, codes: Index) -> None:
        chars = [chr(int(code)) for code in codes]
        probes = [left + char + right for char in chars for left, right in _PROBES]
        seen = folded(probes).to_pylist()
        for i, char in enumerate(chars):
            kind, value = _fold_of(char, seen[4 * i : 4 * i + 4])
            self.kind[ord(char)] = kind
            self.bytes[ord(char), : len(value)] = np.frombuffer(value, dtype=np.uint8)


def _fold_of(char: str, seen: list[str]) -> tuple[int, bytes]:
    """(kind, folded bytes) of a character from its fold alone, between, after and before "a"."""
    if not all(_starter(c) for c in (char, unicodedata.normalize("NFKD", char)[:1])):
        return OTHER, b""
    if unicodedata.category(char) in ("Cn", "Cs"):
        return OTHER, b""  # unassigned here: the fold's own Unicode tables may know it
    if seen == [" ", "a a ", "a ", "a "]:
        return SEPARATOR, b""
    value = seen[0][:-1]
    if not value or " " in value or len(value.encode()) != len(char.encode()):
        return OTHER, b""
    if seen[1:] == [f"a{value}a ", f"a{value} ", f"{value}a "]:
        return WORD, value.encode()
    if seen[1:] == [f"a {value} a ", f"a {value} ", f"{value} a "]:
        return ALONE, value.encode()
    return OTHER, b""


def _starter(char: str) -> bool:
    """Whether NFKC cannot merge this character into the one before it."""
    code = ord(char)
    if any(low <= code <= high for low, high in _JOINING_JAMO):
        return False
    return unicodedata.combining(char) == 0 and not unicodedata.category(char).startswith("M")


_FOLDS = _Folds()


def byte_tokens(data: Bytes, offsets: Index) -> tuple[Tokens, Mask]:
    """(tokens of the bodies whose characters all fold alone, which bodies need `folded`)."""
    other = np.zeros(offsets.size - 1, dtype=np.bool_)
    # ASCII folds alone: letters and digits are words, lower case sets 0x20 (digits have it).
    out = data | np.uint8(0x20)
    word = (out - np.uint8(ord("a"))) < np.uint8(26)
    word |= (data - np.uint8(ord("0"))) < np.uint8(10)
    breaks = offsets[1:-1]
    lead = _sparse_nonzero(data >= 0xC0)
    if lead.size:
        codes, width = _code_points(data, lead)
        kind = _FOLDS.kinds(codes)
        bad = kind == OTHER
        if bad.any():
            other[np.searchsorted(offsets, lead[bad], side="right") - 1] = True
        keep = kind >= WORD
        at, codes, width, kind = lead[keep], codes[keep], width[keep], kind[keep]
        folds = _FOLDS.bytes[codes]
        for k in range(3):
            part = width > k
            word[at[part] + k] = True
            out[at[part] + k] = folds[part, k]
        alone = kind == ALONE
        breaks = np.concatenate([breaks, at[alone], at[alone] + width[alone]])
    tokens = spans(out, word, offsets, breaks)
    if other.any():
        tokens = _without(tokens, other)
    return tokens, other


def _sparse_nonzero(mask: Mask) -> Index:
    """np.flatnonzero of a mostly false mask, skipping 8 false bytes at a time."""
    whole = mask.size - mask.size % 8
    blocks = mask[:whole].reshape(-1, 8)
    hit = np.flatnonzero(blocks.view(np.uint64).ravel())
    found = (hit[:, None] * 8 + np.arange(8))[blocks[hit]]
    return np.concatenate([found, np.flatnonzero(mask[whole:]) + whole])


def _code_points(data: Bytes, lead: Index) -> tuple[Index, Index]:
    """(code point, byte length) of the characters starting at each lead byte; a 4-byte
    character gets U+FFFF, a noncharacter that is never learnt as folding alone."""
    last = data.size - 1
    first = data[lead].astype(np.int64)
    second = data[np.minimum(lead + 1, last)].astype(np.int64) & 0x3F
    third = data[np.minimum(lead + 2, last)].astype(np.int64) & 0x3F
    three = first >= 0xE0
    codes = np.where(
        three, ((first & 0x0F) << 12) | (second << 6) | third, ((first & 0x1F) << 6) | second
    )
    codes[first >= 0xF0] = 0xFFFF
    return codes, np.where(three, 3, 2)


def spans(out: Bytes, word: Mask, offsets: Index, breaks: Index) -> Tokens:
    """Tokens: runs of word bytes, also ended at each body's start and at each break."""
    size = word.size
    edge = np.zeros(size + 1, dtype=np.bool_)  # where a run starts, and just after it ends
    if size:
        edge[0], edge[-1] = word[0], word[-1]
        np.not_equal(word[1:], word[:-1], out=edge[1:-1])
    at = np.flatnonzero(edge)
    starts, ends = at[0::2], at[1::2]
    breaks = breaks[(breaks > 0) & (breaks < size)]
    breaks = np.unique(breaks[word[breaks] & word[breaks - 1]])  # inside a run
    if breaks.size:
        starts = np.insert(starts, np.searchsorted(starts, breaks), breaks)
        ends = np.insert(ends, np.searchsorted(ends, breaks), breaks)
    per_doc = np.diff(np.searchsorted(starts, offsets))
    doc = np.repeat(np.arange(per_doc.size, dtype=np.int64), per_doc)
    return Tokens(out, starts, ends, doc, per_doc)


def _without(tokens: Tokens, docs: Mask) -> Tokens:
    """The tokens of the bodies not in `docs`."""
    keep = ~docs[tokens.doc]
    per_doc = np.where(docs, 0, tokens.per_doc)
    return Tokens(tokens.data, tokens.starts[keep], tokens.ends[keep], tokens.doc[keep], per_doc)
