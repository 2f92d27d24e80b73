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
_TRAILING = re.compile(r"[ ]+$", re.MULTILINE)
# UTF-8 read as a Western single-byte code leaves a lead byte (Ã, Â, â, ...) before a
# continuation byte; only text with such a pair is worth ftfy's (slower) repair.
_MOJIBAKE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a"
    "\u20ac\u2122]"
)
_SPACE_RUN = re.compile(r" {2,}")
_ENTITY = re.compile(r"&(?:#\d{2,6}|#x[0-9a-fA-F]{2,5}|[a-zA-Z]{2,8});")


def normalize_text(text: str) -> str:
    """Repaired text with LF line ends, plain spaces and no trailing blanks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    if _MOJIBAKE.search(text):
        text = ftfy.fix_text(text, _FTFY)
    else:
        text = unicodedata.normalize("NFC", text)
    if _ENTITY.search(text):
        text = html.unescape(text)
    text = _INVISIBLE.sub("", text)
    text = _SPACES.sub(" ", text)
    return _TRAILING.sub("", text)


def clean_inline(text: str) -> str:
    """One unit's text with runs of spaces collapsed."""
    return _SPACE_RUN.sub(" ", text).strip() if "  " in text else text.strip()
