"""Text repair before any rule looks at it: mojibake, Unicode forms, line ends, odd spaces."""

from __future__ import annotations

import html
import re
import unicodedata

import ftfy

_FTFY = ftfy.TextFixerConfig(
    uncurl_quotes=False,  # the publisher's typography is part of the text
    fix_character_width=False,  # full-width forms are normal in CJK text
    normalization="NFC",
    explain=False,
)
_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
# Every character of the two above: most text has none, and a membership test per
# character (a memory search each) rules them all out faster than one class scan.
_ODD_CHARS = (
    "\t\u00a0\u00ad" + "".join(map(chr, range(0x2000, 0x200E))) + "\u202f\u205f\u2060\u3000\ufeff"
)
# UTF-8 read as a Western single-byte code leaves a lead byte (Ã, Â, â, ...) before a
# continuation byte; only text with such a pair is worth ftfy's (slower) repair.
_MOJIBAKE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a"
    "\u20ac\u2122]"
)
_SPACE_RUN = re.compile(r" {2,}")
_ENTITY = re.compile(r"&(?:#\d{2,6}|#x[0-9a-fA-F]{2,5}|[a-zA-Z]{2,8});")


MAX_PASSES = 8  # repairs that expose more to repair settle in two or three passes


def normalize_text(text: str) -> str:
    """Repaired text with LF line ends, plain spaces and no trailing blanks; a fixed point, so
    normalizing again (or text already clean) changes nothing."""
    for _ in range(MAX_PASSES):
        fixed, settled = _normalize_once(text)
        if settled or fixed == text:
            return fixed
        text = fixed
    return text


def _normalize_once(text: str) -> tuple[str, bool]:
    """One pass, and whether its result is surely final: an entity can decode to a line end
    or to mojibake, composing can form an entity or mojibake, and a mojibake repair depends
    on neighbours that the later steps change; the other steps create nothing to repair."""
    settled = True
    odd = not text.isascii() and any(c in text for c in _ODD_CHARS)
    if odd:
        text = _INVISIBLE.sub("", text)
    if "&" in text:
        decoded = _unescape(text)
        settled = decoded == text
        text = decoded
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\f" in text:
        text = text.replace("\f", "\n\n")
    repair_input = None
    if text.isascii():  # (ASCII text has no mojibake, composes as it is, has no odd space)
        text = text.replace("\t", " ")  # the one ASCII character of _SPACES
    else:
        if _may_be_mojibake(text) and _MOJIBAKE.search(text):
            repair_input = text
            text = _INVISIBLE.sub("", ftfy.fix_text(text, _FTFY))  # it can decode to one
        elif not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
            settled = False
        if any(c in text for c in _ODD_CHARS):
            text = _SPACES.sub(" ", text)
    if " \n" in text or text.endswith(" "):
        text = "\n".join(line.rstrip(" ") for line in text.split("\n"))  # no trailing spaces
    # ftfy settles each line, so only a change after it can make it find more.
    return text, settled and (repair_input is None or text == repair_input)


def _unescape(text: str) -> str:
    """HTML entities decoded, those escaped twice by a CMS ("&amp;quot;") as well."""
    while _ENTITY.search(text):
        decoded = html.unescape(text)
        if decoded == text:
            break
        text = decoded
    return text


def _may_be_mojibake(text: str) -> bool:
    """Whether text has a mojibake lead character (U+00C2-U+00F4, all UTF-8 C3 xx).

    A byte search of the encoded text is several times faster than a character class scan."""
    return b"\xc3" in text.encode("utf-8", "surrogatepass")


def clean_inline(text: str) -> str:
    """One unit's text with runs of spaces collapsed."""
    return _SPACE_RUN.sub(" ", text).strip() if "  " in text else text.strip()
