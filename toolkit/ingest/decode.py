"""Bytes of unknown origin to text: BOMs, UTF-8, then detection; invalid bytes never raise."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Legacy single-byte codecs that detectors report for Western text; cp1252 is their
# printable superset and what such files almost always really are.
_WESTERN = {"latin_1", "iso8859_1", "iso8859_15", "ascii", "cp1252", "windows_1252"}


class BinaryContent(ValueError):
    """Raised for bytes that are not text in any encoding."""


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name); raise BinaryContent for non-text bytes."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace"), encoding
    if b"\x00" in data:
        raise BinaryContent("contains NUL bytes")
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, encoding = _utf8_with_strays(data) or _detect(data)
    else:
        if not _utf8_controls(data):
            return text, encoding
    if _control_ratio(text) > 0.05:
        raise BinaryContent("mostly control characters")
    return text, encoding


MIXED = "utf-8+cp1252"


def _stray_as_cp1252(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: a byte that is not UTF-8 read as cp1252 (latin-1 where undefined)."""
    assert isinstance(exc, UnicodeDecodeError)
    stray = exc.object[exc.start : exc.end]
    return "".join(_cp1252_char(b) for b in stray), exc.end


def _cp1252_char(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)


codecs.register_error("toolkit-cp1252-strays", _stray_as_cp1252)


def _utf8_with_strays(data: bytes) -> tuple[str, str] | None:
    """UTF-8 with a few single-byte characters pasted in (mixed encodings): detection would
    take the whole file for a single-byte code and garble every UTF-8 letter, so each stray
    byte is read as cp1252 and the rest as UTF-8; None when UTF-8 is not the main encoding."""
    kept = data.decode("utf-8", errors="ignore")
    strays = len(data) - len(kept.encode("utf-8"))
    if len(kept) - len(kept.encode("ascii", errors="ignore")) <= strays:  # non-ASCII letters
        return None
    return data.decode("utf-8", errors="toolkit-cp1252-strays"), MIXED


def _detect(data: bytes) -> tuple[str, str]:
    matches = list(from_bytes(data))
    if not matches:
        return data.decode("cp1252", errors="replace"), "cp1252"
    best = matches[0]
    encoding = best.encoding
    # Short texts fit several single-byte codecs equally well; Western is the likely one.
    for match in matches:
        fits_western = any(
            c.replace("-", "_").lower() in _WESTERN for c in match.could_be_from_charset
        )
        if match.chaos <= best.chaos + 0.01 and fits_western:
            encoding = "cp1252"
            break
    if encoding.replace("-", "_").lower() in _WESTERN:
        encoding = "cp1252"
    return data.decode(encoding, errors="replace"), encoding


# Unicode category Cc (C0, DEL, C1) without the whitespace controls a text file may hold.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


# The bytes of those characters in UTF-8: C0 and DEL are themselves, C1 is C2 80-9F.
_NOT_C0_BYTES = bytes(b for b in range(256) if not _CONTROL.match(chr(b)) or b >= 0x80)
_C1_BYTES = re.compile(b"\xc2[\x80-\x9f]")


def _utf8_controls(data: bytes) -> bool:
    """Whether UTF-8 bytes hold a _CONTROL character: byte searches, far faster than a scan."""
    if data.translate(None, _NOT_C0_BYTES):  # (deleting all else leaves the C0 and DEL bytes)
        return True
    return b"\xc2" in data and _C1_BYTES.search(data) is not None


def _control_ratio(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    return len(_CONTROL.findall(sample)) / len(sample)
