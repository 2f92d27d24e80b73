from __future__ import annotations

import hashlib
from pathlib import Path

from toolkit.ingest.discover import RawFile
from toolkit.ingest.read import read_raw


def _raw(tmp_path: Path, data: bytes) -> RawFile:
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    return RawFile("a.txt", path)


def test_a_text_file_is_read_whole_with_its_hash(tmp_path: Path) -> None:
    data = "Un café, s’il vous plaît.\n".encode() * 5000
    doc = read_raw(_raw(tmp_path, data))
    assert (doc.text, doc.encoding, doc.reason) == (data.decode(), "utf-8", None)
    assert doc.sha256 == hashlib.sha256(data).hexdigest()


def test_problems_become_reasons(tmp_path: Path) -> None:
    assert read_raw(_raw(tmp_path, b"x" * 11), max_bytes=10).detail == "11 bytes > 10"
    assert read_raw(_raw(tmp_path, b" \n\t\n")).reason == "empty"
    assert read_raw(_raw(tmp_path, b"\x1b" * 100)).reason == "binary"
    assert read_raw(RawFile("gone.txt", tmp_path / "gone.txt")).reason == "unreadable"
    assert read_raw(RawFile("dir", tmp_path)).reason == "unreadable"
