"""Lines to units: hard-wrapped lines re-joined into paragraphs, wrapped urls made whole."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import compress
from operator import sub

from toolkit.extract.cjkwrap import CjkWrap, cjk_wrap, glue, has_cjk
from toolkit.extract.normalize import clean_inline

_URL_START = re.compile(r"https?://\S+$")
_URL_PIECE = re.compile(r"^[A-Za-z0-9\-._~/?#\[\]@!$&'()*+,;=%]+$")
_URL_CHAR = re.compile(r"[-/._=?&%0-9]")
_BULLET = re.compile(r"^\s*(?:[-*•·▪◦]|\d{1,3}[.)])\s+")
# A line (after its newline) with a space between two visible characters and four words
# or more, matched up to its last visible character: the lines whose length shows a wrap.
# The first branch is the usual prose line (ASCII words, the first two spaced), checked
# faster than the two general conditions after it.
_WORDY_LINE = re.compile(
    r"\n(?:(?=[^\S\n]*+[A-Za-z0-9_]++ ++[A-Za-z0-9_]++[^\w\n]++[A-Za-z0-9_]++[^\w\n]++\w)"
    r"|(?=[^\S\n]*+\S[^ \n]*+ [^\S\n]*+\S)"
    r"(?=[^\w\n]*+\w++[^\w\n]++\w++[^\w\n]++\w++[^\w\n]++\w))[^\n]*\S"
)
# All bytes but the UTF-8 lead bytes of the characters has_cjk looks for (U+3000-U+D7FF,
# U+FF00-U+FFEF): deleting them leaves nothing from text without such a character.
_NOT_CJK_LEADS = bytes(b for b in range(256) if not (0xE3 <= b <= 0xED or b == 0xEF))
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
    """has_cjk, ruled out first by the absence of the characters' UTF-8 lead bytes."""
    if text.isascii():
        return False
    leads = text.encode("utf-8", "surrogatepass").translate(None, _NOT_CJK_LEADS)
    return bool(leads) and has_cjk(text)


def double_spaced(lines: list[str]) -> bool:
    """Every line followed by a blank one: blank lines then say nothing about paragraphs."""
    return _double_spaced([line.strip() for line in lines])


def _double_spaced(pieces: list[str]) -> bool:
    """double_spaced of the lines whose stripped texts are pieces."""
    filled = list(compress(range(len(pieces)), pieces))
    if len(filled) < 10:
        return False
    single = list(map(sub, filled[1:], filled)).count(2)
    return single >= 0.8 * (len(filled) - 1)


_ENDS = (".", "!", "?", '"', "”", "’", ":", ")")
_BULLET_START = "-*•·▪◦"  # (or a digit) the first visible character of any _BULLET


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
    return _wrapped_units(lines, width, cjk, cjk_text)


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


def _wrapped_units(
    lines: list[str], width: int | None, cjk: CjkWrap | None, cjk_text: bool
) -> list[Unit]:
    """The units of a wrapped file (with a CJK character if cjk_text): wrapped lines joined."""
    pieces = [line.strip() for line in lines]
    spaced = _double_spaced(pieces)
    limit = -1 if width is None else width - 8  # a line this short (with the next word) ended
    units: list[Unit] = []
    block = 0
    current: list[str] = []  # the stripped lines of the unit being built
    start = blanks = 0
    last = ""  # the unit's last line, where its text ends and the column its text starts at
    last_end = last_column = 0
    for number, piece in enumerate(pieces):
        if not piece:
            blanks += 1
            continue
        line = lines[number]
        indent = len(line) - len(line.lstrip())
        bullet = None  # where the text after the line's bullet starts
        if piece[0] in _BULLET_START or piece[0].isdecimal():  # (else _BULLET cannot match)
            found = _BULLET.match(line)
            bullet = found.end() if found else None
        if (
            current
            # Across a blank line only a line that visibly goes on is joined.
            and (
                blanks == 0
                or (
                    spaced
                    and blanks == 1
                    and (not current[-1].endswith(_ENDS) or piece[:1].islower())
                )
            )
            and (
                (cjk is not None and cjk.joins(last, line))
                or (
                    width is not None
                    and (
                        last_end + 2 > limit or last_end + 1 + len(piece.split(None, 1)[0]) > limit
                    )
                    and bullet is None
                    and indent <= last_column  # an indented line starts a paragraph
                )
            )
        ):
            current.append(piece)
        else:
            if current:
                units.append(Unit(_join(current, cjk_text), block, start))
            if blanks and not spaced:
                block += 1
            elif spaced and units:
                block += 1
            current, start = [piece], number
        blanks = 0
        last, last_end = line, indent + len(piece)
        last_column = indent if bullet is None else bullet
    if current:
        units.append(Unit(_join(current, cjk_text), block, start))
    return units


def _join(pieces: list[str], cjk_text: bool) -> str:
    """The stripped lines of one unit as one text: a word cut at a hyphen is made whole."""
    if not cjk_text:  # then every glue is a space
        text = " ".join(pieces)
        if "- " not in text:  # (no piece but the last ends with a hyphen)
            return clean_inline(text)
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
