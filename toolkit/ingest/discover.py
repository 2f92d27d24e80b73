"""Which files under the raw folder are inputs, and which are skipped or refused (and why)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from toolkit.errors import RawDirNotFound, UsageError

# Documented rule: names starting with "." (hidden files and folders) and editor leftovers
# are not inputs; they are skipped silently, like git does with ignored files.
_BACKUP_SUFFIXES = ("~", ".swp", ".swo", ".bak", ".tmp", ".orig")


@dataclass(frozen=True)
class RawFile:
    """One candidate input: its path relative to the raw folder, and a refusal if any."""

    rel_path: str
    path: str | Path  # (a str as discover finds it: a Path each costs more than the read)
    refused: str | None = None


def is_ignored(name: str) -> bool:
    """Hidden files and editor backups are never inputs."""
    return (
        name.startswith(".")
        or name.endswith(_BACKUP_SUFFIXES)
        or (name.startswith("#") and name.endswith("#"))
    )


def discover(raw_dir: Path) -> list[RawFile]:
    """Every input under raw_dir in a stable order (sorted relative paths)."""
    if not raw_dir.is_dir():
        raise RawDirNotFound(f"{shown(raw_dir)}: raw folder not found")
    root = raw_dir.resolve()
    if not is_utf8(str(root)):
        raise UsageError(f"{shown(root)}: the raw folder's path is not UTF-8; rename it")
    return sorted(_walk(root, str(root)), key=lambda f: f.rel_path)


def is_utf8(name: str) -> bool:
    """Whether a file name decoded from the system is text (not bytes of another encoding)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def shown(path: str | Path) -> str:
    """A path as printable text: bytes that are not UTF-8 as escapes (b'caf\\xe9')."""
    return os.fsencode(path).decode("utf-8", errors="backslashreplace")


def _walk(root: Path, folder: str, prefix: str = "") -> Iterator[RawFile]:
    """The inputs under folder, whose path relative to root is prefix (string joins, not
    pathlib: a folder of 100,000 files took a second more)."""
    try:
        entries = list(os.scandir(folder))
    except OSError as exc:
        yield RawFile(
            prefix[:-1] or ".", Path(folder), refused=f"unreadable folder: {exc.strerror}"
        )
        return
    for entry in entries:
        name = entry.name
        if is_ignored(name):
            continue
        rel = prefix + name
        if not is_utf8(name):  # (a row's raw_path, the report and the card are text)
            rel = shown(rel)
            yield RawFile(rel, root / rel, refused="file name is not UTF-8; rename it")
            continue
        if entry.is_symlink():
            path = Path(entry.path)
            target = _resolve(path)
            if target is None:
                yield RawFile(rel, path, refused="symlink loop or dangling symlink")
                continue
            if not target.is_relative_to(root):
                yield RawFile(rel, path, refused="symlink leads outside the raw folder")
                continue
            if target.is_dir():
                continue  # its files are reached through their real place in the folder
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(root, entry.path, rel + "/")
        elif entry.is_file():
            yield RawFile(rel, entry.path)
        else:  # reading a pipe would wait forever, a device could be endless
            yield RawFile(rel, entry.path, refused="not a regular file (pipe, socket or device)")


def _resolve(path: Path) -> Path | None:
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    return target
