"""Words of text whose word characters are all Latin-1 (nearly all text here), read by one
bytes.translate instead of a regex match per word, which costs far more than the bytes do.

Encoding such text to Latin-1 with '?' for the other characters keeps every word character
and turns the rest into non-word ones, so word boundaries stay where they were.
"""

from __future__ import annotations

import functools
import re

_WIDE_WORD = re.compile(r"[^\W\x00-\xff]")  # a word character beyond Latin-1
_WORD = re.compile(r"\w")
_LETTER = re.compile(r"[^\W_]")
_SPACE = 0x20
_MARK = 0x61  # 'a': any word character
# Per byte: 'a' for a word character, ' ' for any other (as re itself classes each one).
_WORD_MARKS = bytes(_MARK if _WORD.match(chr(b)) else _SPACE for b in range(256))
# Per byte: the byte itself when it is a letter or digit, else ' ' (so words split on spaces).
_LETTERS = bytes(b if _LETTER.match(chr(b)) else _SPACE for b in range(256))


@functools.lru_cache(maxsize=8192)  # asked of each unit by weight, then by classify
def narrow(text: str) -> bool:
    """Whether every word character of text is Latin-1, so the functions below are exact."""
    return text.isascii() or not _WIDE_WORD.search(text)


def word_count(text: str) -> int:
    """len(re.findall(r"\\w+", text)) for narrow text: one word starts at each word byte
    that follows a non-word byte, or starts the text."""
    marks = text.encode("latin-1", "replace").translate(_WORD_MARKS)
    return marks.count(b" a") + marks.startswith(b"a")


def letter_runs(text: str) -> list[str]:
    """re.findall(r"[^\\W_]+", text) for narrow text."""
    return text.encode("latin-1", "replace").translate(_LETTERS).decode("latin-1").split()
