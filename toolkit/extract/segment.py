"""Lines to units: hard-wrapped lines re-joined into paragraphs, wrapped urls made whole."""

from __future__ import annotations

import re
from dataclasses import dataclass

from toolkit.extract.cjkwrap import CjkWrap, cjk_chars, cjk_wrap, glue
from toolkit.extract.normalize import clean_inline

_URL_START = re.compile(r"https?://\S+$")
_URL_PIECE = re.compile(r"^[A-Za-z0-9\-._~/?#\[\]@!$&'()*+,;=%]+$")
_URL_CHAR = re.compile(r"[-/._=?&%0-9]")
_BULLET = re.compile(r"^\s*(?:[-*•·▪◦]|\d{1,3}[.)])\s+")
_FOUR_WORDS = re.compile(r"\w+(?:\W+\w+){3}")  # four words or more


@dataclass(frozen=True)
class Unit:
    """A paragraph-sized piece of the file: one line, or wrapped lines joined."""

    text: str
    block: int  # index of the blank-line separated block it sits in
    line: int  # first line number in the file


def rejoin_urls(lines: list[str]) -> list[str]:
    """Join a url cut at the line end with the piece that continues it on the next line."""
    out: list[str] = []
    for line in lines:
        piece = line.strip()
        if (
            out
            and _URL_START.search(out[-1])
            and len(out[-1].strip()) >= 40
            and piece
            and not piece.lower().startswith(("http://", "https://", "www."))
            and _URL_PIECE.match(piece)
            and _URL_CHAR.search(piece)
        ):
            out[-1] = out[-1].rstrip() + piece
        else:
            out.append(line)
    return out


def wrap_width(lines: list[str]) -> int | None:
    """The column the file was hard-wrapped at, or None when lines are whole paragraphs."""
    lines = [s for s in lines if not cjk_chars(s)]  # their length is not their width
    lengths = sorted(len(s.rstrip()) for s in lines if " " in s.strip() and _FOUR_WORDS.search(s))
    if len(lengths) < 5:
        return None
    width = lengths[int(len(lengths) * 0.9)]
    if width > 200:
        return None
    near = [s.strip() for s in lines if width * 0.75 <= len(s.rstrip()) <= width + 2 and " " in s]
    if len(near) < 3 or len(near) < 0.3 * len(lengths):
        return None
    open_ended = sum(1 for s in near if not s.endswith((".", "!", "?", '"', "”", "’", ":")))
    return width if open_ended >= 0.5 * len(near) else None


def double_spaced(lines: list[str]) -> bool:
    """Every line followed by a blank one: blank lines then say nothing about paragraphs."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    if len(filled) < 10:
        return False
    single = sum(1 for a, b in zip(filled, filled[1:], strict=False) if b - a == 2)
    return single >= 0.8 * (len(filled) - 1)


def _goes_on(current: str, nxt: str) -> bool:
    return not current.rstrip().endswith(_ENDS) or nxt.lstrip()[:1].islower()


_ENDS = (".", "!", "?", '"', "”", "’", ":", ")")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _joins(current: str, nxt: str, width: int) -> bool:
    first = nxt.split(None, 1)  # (the cheapest test first)
    if not first or len(current.rstrip()) + 1 + len(first[0]) <= width - 8:
        return False
    if _BULLET.match(nxt):
        return False
    bullet = _BULLET.match(current)
    text_column = bullet.end() if bullet else _indent(current)
    return _indent(nxt) <= text_column  # an indented line starts a paragraph


def _wrapped(current: str, nxt: str, width: int | None, cjk: CjkWrap | None) -> bool:
    if cjk is not None and cjk.joins(current, nxt):
        return True
    return width is not None and _joins(current, nxt, width)


def segment(text: str) -> list[Unit]:
    """Split normalised text into units, re-joining wrapped lines when the file is wrapped."""
    lines = rejoin_urls(text.split("\n"))
    width = wrap_width(lines)
    cjk = cjk_wrap(lines)
    spaced = (width is not None or cjk is not None) and double_spaced(lines)
    units: list[Unit] = []
    block = 0
    current: list[str] = []
    start = 0
    blanks = 0
    for number, line in enumerate(lines):
        if not line.strip():
            blanks += 1
            continue
        # Across a blank line only a line that visibly goes on is joined.
        gap_ok = blanks == 0 or (
            spaced and blanks == 1 and bool(current) and _goes_on(current[-1], line)
        )
        if current and gap_ok and _wrapped(current[-1], line, width, cjk):
            current.append(line)
            blanks = 0
            continue
        if current:
            units.append(Unit(_join(current), block, start))
        if blanks and not spaced:
            block += 1
        elif spaced and units:
            block += 1
        current, start, blanks = [line], number, 0
    if current:
        units.append(Unit(_join(current), block, start))
    return units


def _join(lines: list[str]) -> str:
    text = lines[0].strip()
    for line in lines[1:]:
        piece = line.strip()
        text = (
            text + piece
            if text.endswith("-") and piece[:1].islower()
            else text + glue(text, piece) + piece
        )
    return clean_inline(text)
