"""Outputs are built in a hidden sibling folder and swapped in only when complete."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from toolkit.errors import OutputError
from toolkit.output.report import REPORT_FILE

MARKER = REPORT_FILE  # a folder with this file was written by a build


def _staging_name(target: Path, kind: str) -> Path:
    return target.parent / f".{target.name}.{kind}-{os.getpid()}"


def check_replaceable(target: Path) -> None:
    """Refuse to replace a folder that is not an earlier build (it may hold the user's files)."""
    if target.exists() and not target.is_dir():
        raise OutputError(f"{target}: output exists and is not a folder")
    if target.is_dir() and any(target.iterdir()) and not (target / MARKER).is_file():
        raise OutputError(f"{target}: not empty and not a toolkit build; refusing to replace it")


def recover(target: Path) -> None:
    """Put back a previous output left aside by a build that was killed mid-swap."""
    if target.exists():
        return
    for old in sorted(target.parent.glob(f".{target.name}.old-*")):
        if (old / MARKER).is_file():
            old.rename(target)
            return


@contextmanager
def staged_output(target: Path) -> Iterator[Path]:
    """Yield an empty staging folder; on success it replaces target, on failure it is removed."""
    target = target.absolute()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        recover(target)
        check_replaceable(target)
        staging = _staging_name(target, "tmp")
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir()
    except PermissionError as exc:
        raise OutputError(f"{target}: output folder is not writable ({exc.strerror})") from exc
    except OSError as exc:
        raise OutputError(f"{target}: cannot create the output folder ({exc.strerror})") from exc
    try:
        try:
            yield staging
        except OSError as exc:
            raise OutputError(
                f"{target}: writing the build failed ({exc.strerror or exc})"
            ) from exc
        _swap(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _swap(staging: Path, target: Path) -> None:
    old = _staging_name(target, "old")
    try:
        if target.exists():
            target.rename(old)
        staging.rename(target)
    except OSError as exc:
        if old.exists() and not target.exists():
            old.rename(target)
        raise OutputError(
            f"{target}: cannot move the new build into place ({exc.strerror})"
        ) from exc
    shutil.rmtree(old, ignore_errors=True)
