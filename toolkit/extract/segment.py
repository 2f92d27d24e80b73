"""Lines to units: hard-wrapped lines re-joined into paragraphs, wrapped urls made whole."""

from __future__ import annotations

import re
from dataclasses import dataclass

from toolkit.extract.cjkwrap import CjkWrap, cjk_wrap, glue, has_cjk
from toolkit.extract.normalize import clean_inline

_URL_START = re.compile(r"https?://\S+$")
_URL_PIECE = re.compile(r"^[A-Za-z0-9\-._~/?#\[\]@!$&'()*+,;=%]+$")
_URL_CHAR = re.compile(r"[-/._=?&%0-9]")
_BULLET = re.compile(r"^\s*(?:[-*•·▪◦]|\d{1,3}[.)])\s+")
# A line (after its newline) with a space between two visible characters and four words
# or more, matched up to its last visible character: the lines whose length shows a wrap.
_WORDY_LINE = re.compile(
    r"\n(?=[^\S\n]*+\S[^ \n]*+ [^\S\n]*+\S)"
    r"(?=[^\w\n]*+\w++[^\w\n]++\w++[^\w\n]++\w++[^\w\n]++\w)[^\n]*\S"
)
# UTF-8 lead bytes of every character has_cjk looks for (U+3000-U+D7FF, U+FF00-U+FFEF).
_CJK_LEADS = tuple(bytes([b]) for b in (*range(0xE3, 0xEE), 0xEF))
_CLOSED = (".", "!", "?", '"', "”", "’", ":")  # a line ending so is not cut by a wrap


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
        if out and "://" in out[-1] and _continues_url(out[-1], line):
            out[-1] = out[-1].rstrip() + line.strip()
        else:
            out.append(line)
    return out


def _continues_url(previous: str, line: str) -> bool:
    piece = line.strip()
    return bool(
        _URL_START.search(previous)
        and len(previous.strip()) >= 40
        and piece
        and not piece.lower().startswith(("http://", "https://", "www."))
        and _URL_PIECE.match(piece)
        and _URL_CHAR.search(piece)
    )


def wrap_width(lines: list[str]) -> int | None:
    """The column the file was hard-wrapped at, or None when lines are whole paragraphs."""
    text = "\n".join(lines)
    return _wrap_width(lines, text, _has_cjk(text))


def _wrap_width(lines: list[str], text: str, cjk: bool) -> int | None:
    """wrap_width of lines whose join is text and has CJK characters when cjk is true."""
    if cjk:
        lines = [s for s in lines if not has_cjk(s)]  # their length is not their width
        text = "\n".join(lines)
    lengths = sorted([m.end() - m.start() - 1 for m in _WORDY_LINE.finditer("\n" + text)])
    if len(lengths) < 5:
        return None
    width = lengths[int(len(lengths) * 0.9)]
    if width > 200:
        return None
    low, high = width * 0.75, width + 2
    near = [s for s in lines if " " in s and low <= len(s.rstrip()) <= high]
    if len(near) < 3 or len(near) < 0.3 * len(lengths):
        return None
    open_ended = sum(1 for s in near if not s.rstrip().endswith(_CLOSED))
    return width if open_ended >= 0.5 * len(near) else None


def _has_cjk(text: str) -> bool:
    """has_cjk, ruled out first by a byte search for the characters' UTF-8 lead bytes."""
    if text.isascii():
        return False
    data = text.encode("utf-8", "surrogatepass")
    return any(lead in data for lead in _CJK_LEADS) and has_cjk(text)


def double_spaced(lines: list[str]) -> bool:
    """Every line followed by a blank one: blank lines then say nothing about paragraphs."""
    return _double_spaced([line.strip() for line in lines])


def _double_spaced(pieces: list[str]) -> bool:
    """double_spaced of the lines whose stripped texts are pieces."""
    filled = [i for i, piece in enumerate(pieces) if piece]
    if len(filled) < 10:
        return False
    single = sum(1 for a, b in zip(filled, filled[1:], strict=False) if b - a == 2)
    return single >= 0.8 * (len(filled) - 1)


_ENDS = (".", "!", "?", '"', "”", "’", ":", ")")
_BULLET_START = "-*•·▪◦"  # (or a digit) the first visible character of any _BULLET


def _bullet_end(line: str, piece: str) -> int | None:
    """Where the text after the line's bullet starts, or None; piece is the stripped line."""
    if piece[0] in _BULLET_START or piece[0].isdecimal():
        bullet = _BULLET.match(line)
        return bullet.end() if bullet else None
    return None


def _joins(current: str, done: str, nxt: str, piece: str, width: int) -> bool:
    """Whether nxt (stripped: piece) continues current (stripped: done) cut at width."""
    indent = len(current) - len(current.lstrip())
    end = indent + len(done)  # (the cheapest test first: a short line ended a paragraph)
    if end + 2 <= width - 8 and end + 1 + len(piece.split(None, 1)[0]) <= width - 8:
        return False
    if _bullet_end(nxt, piece) is not None:
        return False
    bullet = _bullet_end(current, done)
    text_column = indent if bullet is None else bullet
    return len(nxt) - len(nxt.lstrip()) <= text_column  # an indented line starts a paragraph


def segment(text: str) -> list[Unit]:
    """Split normalised text into units, re-joining wrapped lines when the file is wrapped."""
    lines = text.split("\n")
    if "://" in text:  # (no url, nothing to rejoin)
        joined = rejoin_urls(lines)
        if len(joined) < len(lines):
            lines, text = joined, "\n".join(joined)
    cjk_text = _has_cjk(text)
    width = _wrap_width(lines, text, cjk_text)
    cjk = cjk_wrap(lines) if cjk_text else None
    if width is None and cjk is None:
        return _line_units(lines)
    return _wrapped_units(lines, width, cjk)


def _line_units(lines: list[str]) -> list[Unit]:
    """The units of a file whose lines are whole: one per line that is not blank."""
    units: list[Unit] = []
    block = 0
    after_blank = False
    for number, line in enumerate(lines):
        piece = line.strip()
        if not piece:
            after_blank = True
            continue
        if after_blank:
            block += 1
            after_blank = False
        units.append(Unit(clean_inline(piece) if "  " in piece else piece, block, number))
    return units


def _wrapped_units(lines: list[str], width: int | None, cjk: CjkWrap | None) -> list[Unit]:
    """The units of a wrapped file: wrapped lines joined into one unit."""
    pieces = [line.strip() for line in lines]
    spaced = _double_spaced(pieces)
    units: list[Unit] = []
    block = 0
    current: list[int] = []  # numbers of the lines of the unit being built
    blanks = 0
    for number, piece in enumerate(pieces):
        if not piece:
            blanks += 1
            continue
        if current:
            last = current[-1]
            # Across a blank line only a line that visibly goes on is joined.
            if (
                blanks == 0
                or (
                    spaced
                    and blanks == 1
                    and (not pieces[last].endswith(_ENDS) or piece[:1].islower())
                )
            ) and (
                (cjk is not None and cjk.joins(lines[last], lines[number]))
                or (
                    width is not None
                    and _joins(lines[last], pieces[last], lines[number], piece, width)
                )
            ):
                current.append(number)
                blanks = 0
                continue
            units.append(Unit(_join([pieces[i] for i in current]), block, current[0]))
        if blanks and not spaced:
            block += 1
        elif spaced and units:
            block += 1
        current, blanks = [number], 0
    if current:
        units.append(Unit(_join([pieces[i] for i in current]), block, current[0]))
    return units


def _join(pieces: list[str]) -> str:
    """The stripped lines of one unit as one text: a word cut at a hyphen is made whole."""
    parts = [pieces[0]]
    for left, right in zip(pieces, pieces[1:], strict=False):
        if left.endswith("-") and right[:1].islower():
            parts.append(right)
        elif left[-1] < "\u3000" and right[0] < "\u3000":  # (no CJK character is below)
            parts.append(" ")
            parts.append(right)
        else:
            parts.append(glue(left, right))
            parts.append(right)
    return clean_inline("".join(parts))
