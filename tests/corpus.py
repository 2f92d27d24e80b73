"""A raw folder holding every kind of bad input a user's corpus can hold, generated at test time.

`write_hostile_corpus` returns what each input must become (a row, or a quarantine reason with
its detail) and which entries are not inputs at all (the documented ignore rule).
"""

from __future__ import annotations

import codecs
import errno
import os
import struct
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import ftfy.bad_codecs  # noqa: F401 - registers sloppy-windows-1252, to make real mojibake
import pytest

PARAGRAPH = (
    "The council of Zürich met on Monday at the Café Odeon to debate the “new” budget of "
    "€4 million, and the mayor said the city would review its plans for the old harbour "
    "after weeks of protests by residents of the district."
)
ARTICLE = "Harbour plan divides Zürich council\n\n" + "\n\n".join([PARAGRAPH] * 4) + "\n"
LATIN_1 = ARTICLE.replace("“", '"').replace("”", '"').replace("€", "EUR ")
BOILERPLATE = "Share\n\nSubscribe\n\nSign up for our newsletter\n\nAdvertisement\n\nRead more\n"
HUGE = 50 * 2**20
REFUSED_OUT = "symlink leads outside the raw folder"
REFUSED_LOOP = "symlink loop or dangling symlink"
REFUSED_SPECIAL = "not a regular file (pipe, socket or device)"
REFUSED_NAME = "file name is not UTF-8; rename it"
LATIN_1_NAME = os.fsdecode(b"caf\xe9.txt")  # a name from an old system: not UTF-8 (crashed)


def png() -> bytes:
    """A real 1x1 PNG image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
    pixels = chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
    return b"\x89PNG\r\n\x1a\n" + header + pixels + chunk(b"IEND", b"")


# Files that must become rows: name -> bytes (every one holds ARTICLE, or LATIN_1).
ROWS: dict[str, bytes] = {
    "plain.txt": ARTICLE.encode("utf-8"),
    "bom-utf8.txt": codecs.BOM_UTF8 + ARTICLE.encode("utf-8"),
    "utf16-le.txt": codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"),
    "utf16-be.txt": codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"),
    "cp1252.txt": ARTICLE.encode("cp1252"),
    "latin-1.txt": LATIN_1.encode("latin-1"),
    "mixed.txt": ARTICLE.encode("utf-8").replace("“new”".encode(), b"\x93new\x94"),
    "mojibake.txt": ARTICLE.encode("utf-8").decode("sloppy-windows-1252").encode("utf-8"),
    "crlf.txt": ARTICLE.replace("\n", "\r\n").encode("utf-8"),
    "cr.txt": ARTICLE.replace("\n", "\r").encode("utf-8"),
    "with spaces in name.txt": ARTICLE.encode("utf-8"),
    "ünïcødé 新闻.txt": ARTICLE.encode("utf-8"),
    "-leading-dash.txt": ARTICLE.encode("utf-8"),
    "--strict.txt": ARTICLE.encode("utf-8"),
    "nested/deeper/still/article.txt": ARTICLE.encode("utf-8"),
}
EMPTY = ("empty", "no text in the file")
NUL = ("binary", "contains NUL bytes")
NO_BODY = ("no_body", "no article text left after cleaning")
# Files that must be quarantined: name -> (bytes, (reason, detail)).
BAD: dict[str, tuple[bytes, tuple[str, str]]] = {
    "empty.txt": (b"", EMPTY),
    "whitespace.txt": (b" \n\t \r\n\n", EMPTY),
    "nul-bytes.txt": (ARTICLE.encode() + b"\x00\x00" + ARTICLE.encode(), NUL),
    "photo.png": (png(), NUL),
    "boilerplate.txt": (BOILERPLATE.encode(), NO_BODY),
    # only invisible characters: normalized to nothing (this crashed the whole build)
    "invisible.txt": ("\u200b\u200b\n\ufeff".encode(), NO_BODY),
}
IGNORED = [
    ".hidden.txt",
    ".git/HEAD",
    "article.txt~",
    ".article.txt.swp",
    "notes.bak",
    "#draft.txt#",
    "merge.orig",
    "upload.tmp",
    "nested/up",  # a folder symlink inside the raw folder: its files are reached where they are
]


@dataclass
class HostileCorpus:
    """The raw folder and what every entry in it must become."""

    raw: Path
    expected: dict[str, tuple[str, str] | None] = field(default_factory=dict)  # None: a row
    ignored: list[str] = field(default_factory=list)
    locked: str = "locked.txt"  # permission denied (000)


def write_hostile_corpus(base: Path) -> HostileCorpus:
    """Every bad input of issue 7 under base/raw, with a secret file outside it."""
    raw = base / "raw"
    corpus = HostileCorpus(raw)
    for name, data in ROWS.items():
        _write(raw / name, data)
        corpus.expected[name] = None
    for name, (data, outcome) in BAD.items():
        _write(raw / name, data)
        corpus.expected[name] = outcome
    with (raw / "huge.txt").open("wb") as file:
        file.truncate(HUGE)  # sparse: 50 MB that take no disk and no time to make
    corpus.expected["huge.txt"] = ("too_large", f"{HUGE} bytes > {10 * 2**20}")
    secret = base / "secret.txt"
    secret.write_text("A private file outside the raw folder. " * 20)
    (raw / "secret-link.txt").symlink_to(secret)
    (raw / "loop.txt").symlink_to(raw / "loop.txt")
    (raw / "dangling.txt").symlink_to(raw / "no-such-file.txt")
    os.mkfifo(raw / "pipe.txt")
    _write(raw / LATIN_1_NAME, ARTICLE.encode())
    corpus.expected.update(
        {
            "secret-link.txt": ("refused", REFUSED_OUT),
            "loop.txt": ("refused", REFUSED_LOOP),
            "dangling.txt": ("refused", REFUSED_LOOP),
            "pipe.txt": ("refused", REFUSED_SPECIAL),
            "caf\\xe9.txt": ("refused", REFUSED_NAME),
        }
    )
    _write(raw / corpus.locked, ARTICLE.encode())
    (raw / corpus.locked).chmod(0)
    corpus.expected[corpus.locked] = ("unreadable", "Permission denied")
    for name in IGNORED[:-1]:
        _write(raw / name, ARTICLE.encode())
    (raw / "nested" / "up").symlink_to(raw)
    corpus.ignored = IGNORED
    return corpus


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


@contextmanager
def reading_denied(locked: Path) -> Iterator[None]:
    """Root reads a mode-000 file anyway: then opening it fails as it does for anyone else."""
    try:
        locked.open("rb").close()
    except PermissionError:
        yield  # the real thing
        return
    real_open = os.open

    def denied(path: str | os.PathLike[str], flags: int, *args: int, **kwargs: int) -> int:
        if Path(path) == locked:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_open(path, flags, *args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "open", denied)
        yield
