"""Text repair before any rule looks at it: mojibake, Unicode forms, line ends, odd spaces."""

from __future__ import annotations

import re

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


def normalize_text(text: str) -> str:
    """Repaired text with LF line ends, plain spaces and no trailing blanks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    text = ftfy.fix_text(text, _FTFY)
    text = _INVISIBLE.sub("", text)
    text = _SPACES.sub(" ", text)
    return _TRAILING.sub("", text)


def clean_inline(text: str) -> str:
    """One unit's text with runs of spaces collapsed."""
    return re.sub(r" {2,}", " ", text).strip()
