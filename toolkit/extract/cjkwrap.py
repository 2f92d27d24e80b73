"""Hard wrapping of Chinese and Japanese text, which has no spaces to break lines at."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

# Ideographs, kana, hangul, and the full-width punctuation that sits between them.
_CJK = re.compile(
    "[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef]"
)
_VISIBLE = re.compile(r"\S")
MIN_CJK = 10  # characters a line needs before its length says anything about the wrap
MIN_LINES = 5
NEAR_SHARE = 0.15  # of the CJK lines that must end at the wrap column
MAX_ABOVE = 0.25  # lines longer than the wrap column, per line ending at it
SLACK = 3  # a double-width character that does not fit leaves the line a column or two short


def is_cjk(char: str) -> bool:
    """A character of a script written without spaces between words."""
    return _CJK.match(char) is not None


def cjk_chars(text: str) -> int:
    """How many CJK characters text has."""
    return len(_CJK.findall(text))


def display_width(text: str) -> int:
    """Terminal columns: wide and full-width characters take two (how w3m and print wrap)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def mostly_cjk(text: str) -> bool:
    """At least half the visible characters are CJK: the line's length counts differently."""
    visible = len(_VISIBLE.findall(text))
    return visible > 0 and 2 * cjk_chars(text) >= visible


@dataclass(frozen=True)
class CjkWrap:
    """The column a CJK text was wrapped at, in the measure its renderer counted in."""

    width: int
    measure: Callable[[str], int]

    def joins(self, current: str, nxt: str) -> bool:
        """A line filled to the wrap column goes on in the next line (CJK breaks anywhere)."""
        if not nxt.strip() or not current.rstrip() or not is_cjk(nxt.lstrip()[0]):
            return False
        return self.measure(current.rstrip()) >= self.width - SLACK


def cjk_wrap(lines: list[str]) -> CjkWrap | None:
    """The wrap of a file whose prose is mostly CJK, or None when its lines are whole.

    Renderers count either characters (lynx) or display columns (w3m, print): the measure
    under which most long lines end at one column is the one the file was wrapped in."""
    if not _CJK.search("\n".join(lines)):
        return None  # the common case, decided in one pass
    texts = [s.rstrip() for s in lines]
    cjk = [s for s in texts if cjk_chars(s) >= MIN_CJK and mostly_cjk(s)]
    if len(cjk) < MIN_LINES:
        return None
    best: CjkWrap | None = None
    best_near = 0
    for measure in (len, display_width):
        width, near = _wrap_column([measure(s) for s in cjk])
        if near >= max(3, NEAR_SHARE * len(cjk)) and near > best_near:
            best, best_near = CjkWrap(width, measure), near
    return best


def _wrap_column(lengths: list[int]) -> tuple[int, int]:
    """The column where lines pile up, and how many end there: wrapped lines end within a few
    columns of it, while paragraph ends spread evenly below it and few lines pass it."""
    best, best_near = 0, 0
    for width in set(lengths):
        near = sum(1 for n in lengths if width - SLACK <= n <= width)
        below = sum(1 for n in lengths if width - 2 * SLACK - 1 <= n < width - SLACK)
        above = sum(1 for n in lengths if n > width)
        if near >= 2 * below + 2 and above <= MAX_ABOVE * near and near > best_near:
            best, best_near = width, near
    return best, best_near


def glue(left: str, right: str) -> str:
    """The separator for joining two wrapped pieces: none between CJK characters."""
    if left and right and (is_cjk(left[-1]) or is_cjk(right[0])):
        return ""
    return " "
