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


@dataclass(frozen=True)
class RawBytes:
    """A raw file's bytes and their hash, before decoding (which a cached file does without)."""

    rel_path: str
    sha256: str
    data: bytes
    reason: str | None = None
    detail: str = ""


def read_raw(raw: RawFile, max_bytes: int = MAX_FILE_BYTES) -> RawDoc:
    """Read and decode one file; never raises for a bad file."""
    return decode_raw(read_bytes(raw, max_bytes))


def read_bytes(raw: RawFile, max_bytes: int = MAX_FILE_BYTES) -> RawBytes:
    """Read one file and hash its bytes; never raises for a bad file."""
    if raw.refused:
        return RawBytes(raw.rel_path, "", b"", "refused", raw.refused)
    try:
        size, data = _read_bytes(raw, max_bytes)
    except OSError as exc:
        return RawBytes(raw.rel_path, "", b"", "unreadable", exc.strerror or str(exc))
    if data is None:
        return RawBytes(raw.rel_path, "", b"", "too_large", f"{size} bytes > {max_bytes}")
    return RawBytes(raw.rel_path, hashlib.sha256(data).hexdigest(), data)


def decode_raw(raw: RawBytes) -> RawDoc:
    """Decode the bytes read, or pass on why there are none."""
    if raw.reason is not None:
        return RawDoc(raw.rel_path, raw.sha256, "", "", raw.reason, raw.detail)
    try:
        text, encoding = decode_bytes(raw.data)
    except BinaryContent as exc:
        return RawDoc(raw.rel_path, raw.sha256, "", "", "binary", str(exc))
    if not text or text.isspace():
        return RawDoc(raw.rel_path, raw.sha256, "", encoding, "empty", "no text in the file")
    return RawDoc(raw.rel_path, raw.sha256, text, encoding)


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
