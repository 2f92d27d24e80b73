"""Reading raw files into records, turning every problem into a quarantine reason."""

from __future__ import annotations

import hashlib
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
        size = raw.path.stat().st_size
        if size > max_bytes:
            return RawDoc(raw.rel_path, "", "", "", "too_large", f"{size} bytes > {max_bytes}")
        data = raw.path.read_bytes()
    except OSError as exc:
        return RawDoc(raw.rel_path, "", "", "", "unreadable", exc.strerror or str(exc))
    sha = hashlib.sha256(data).hexdigest()
    try:
        text, encoding = decode_bytes(data)
    except BinaryContent as exc:
        return RawDoc(raw.rel_path, sha, "", "", "binary", str(exc))
    if not text.strip():
        return RawDoc(raw.rel_path, sha, "", encoding, "empty", "no text in the file")
    return RawDoc(raw.rel_path, sha, text, encoding)
