from __future__ import annotations

import codecs
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from toolkit.ingest.decode import (
    _CONTROL,
    BinaryContent,
    _control_ratio,
    _utf8_controls,
    decode_bytes,
)

TEXT = "Le président a dit « non » — café, naïve, 1 000 €."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("cp1252"), "cp1252"),
    ],
)
def test_encodings(data: bytes, encoding: str) -> None:
    text, found = decode_bytes(data)
    assert text == TEXT
    assert found == encoding


def test_utf8_with_a_few_cp1252_bytes_keeps_both() -> None:
    # Text pasted from two sources: detection took such files for cp1250 and garbled every
    # UTF-8 letter ("ZĂĽrich"); now only the stray bytes are read as cp1252.
    data = (TEXT + " Zürich").encode("utf-8") + b" \x93quoted\x94 \x81"
    text, found = decode_bytes(data)
    assert text == TEXT + " Zürich “quoted” \x81"
    assert found == "utf-8+cp1252"


def test_invalid_bytes_never_raise() -> None:
    text, _ = decode_bytes(b"caf\xc3 ok \xff\xfe broken \x80 utf-8 " * 20)
    assert "ok" in text and "broken" in text


@pytest.mark.parametrize(
    "data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"abc\x00def", bytes(range(1, 32)) * 50]
)
def test_binary_is_refused(data: bytes) -> None:
    with pytest.raises(BinaryContent):
        decode_bytes(data)


@given(st.text(max_size=200))
def test_control_ratio_counts_exactly_the_non_whitespace_cc_characters(text: str) -> None:
    expected = sum(1 for ch in text if ch not in "\n\r\t\f\v" and unicodedata.category(ch) == "Cc")
    assert _control_ratio(text) == (expected / len(text) if text else 0.0)


@given(st.text(alphabet=st.sampled_from("a\n\t\x00\x01\x1b\x7f\x80\x85\x9f\xa0é’"), max_size=60))
def test_utf8_control_byte_search_agrees_with_the_character_class(text: str) -> None:
    assert _utf8_controls(text.encode("utf-8")) == bool(_CONTROL.search(text))
