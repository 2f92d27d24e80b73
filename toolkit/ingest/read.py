"""Reading raw files into records, turning every problem into a quarantine reason."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass

from toolkit.ingest.decode import BinaryContent, decode_bytes
from toolkit.ingest.discover import RawFile

MAX_FILE_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class RawDoc:
    """A raw file read and decoded; `reason` is set when it cannot become a row."""

    rel_path: str
    sha256: str
    text: str
    encoding: str
    reason: str | None = None
    detail: str = ""


def read_raw(raw: RawFile, max_bytes: int = MAX_FILE_BYTES) -> RawDoc:
    """Read and decode one file; never raises for a bad file."""
    if raw.refused:
        return RawDoc(raw.rel_path, "", "", "", "refused", raw.refused)
    try:
        size, data = _read_bytes(raw, max_bytes)
    except OSError as exc:
        return RawDoc(raw.rel_path, "", "", "", "unreadable", exc.strerror or str(exc))
    if data is None:
        return RawDoc(raw.rel_path, "", "", "", "too_large", f"{size} bytes > {max_bytes}")
    sha = hashlib.sha256(data).hexdigest()
    try:
        text, encoding = decode_bytes(data)
    except BinaryContent as exc:
        return RawDoc(raw.rel_path, sha, "", "", "binary", str(exc))
    if not text or text.isspace():
        return RawDoc(raw.rel_path, sha, "", encoding, "empty", "no text in the file")
    return RawDoc(raw.rel_path, sha, text, encoding)


def _read_bytes(raw: RawFile, max_bytes: int) -> tuple[int, bytes | None]:
    """The file's size and bytes (None when it is over max_bytes).

    One open, fstat and read: the path is looked up once instead of twice (stat, then open)."""
    fd = os.open(raw.path, os.O_RDONLY)
    try:
        size = os.fstat(fd).st_size
        if size > max_bytes:
            return size, None
        data = os.read(fd, size + 1)
        if len(data) != size:  # (a short read, or a file that changed size: read to the end)
            data += b"".join(iter(lambda: os.read(fd, 1 << 16), b""))
        return size, data
    finally:
        os.close(fd)
