"""Outputs are built in a hidden sibling folder and swapped in only when complete.

A build killed at any point leaves the output folder as the previous complete build (or, in
the instant between the two renames of the swap, set aside where the next build puts it
back); the hidden `.NAME.tmp-PID`, `.NAME.old-PID` and `.NAME.spill-PID` (intermediate files)
siblings it leaves are deleted by the next build once their process is gone.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from toolkit.errors import OutputError
from toolkit.output.killpoints import reached
from toolkit.output.report import REPORT_FILE

MARKER = REPORT_FILE  # a folder with this file was written by a build


def _staging_name(target: Path, kind: str) -> Path:
    return target.parent / f".{target.name}.{kind}-{os.getpid()}"


def process_alive(pid: int) -> bool:
    """Whether a process of this id runs (a leftover's owner may still be writing it)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # (someone else's process)
    return True


def orphans(folder: Path, pattern: str) -> list[Path]:
    """Entries of folder whose whole name matches pattern, its group 1 the id of the process
    that made them, and that process gone (what a killed build left)."""
    if not folder.is_dir():
        return []
    compiled = re.compile(pattern)
    found = (compiled.fullmatch(p.name) for p in folder.iterdir())
    return sorted(folder / m.group() for m in found if m and not process_alive(int(m.group(1))))


def _leftovers(target: Path, *kinds: str) -> list[Path]:
    """Hidden siblings of target of these kinds whose build process is gone."""
    return orphans(target.parent, rf"\.{re.escape(target.name)}\.(?:{'|'.join(kinds)})-(\d+)")


def sweep_leftovers(target: Path) -> None:
    """Delete the hidden siblings of target that builds killed before their cleanup left."""
    for path in _leftovers(target, "tmp", "old", "spill"):
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


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
    for old in _leftovers(target, "old"):
        if (old / MARKER).is_file():
            old.rename(target)
            return


def recover_output(target: Path) -> None:
    """Before anything else, undo what a killed build left: the previous output set aside is
    put back (even if this build fails later) and the hidden leftovers are deleted."""
    target = target.absolute()
    try:
        if target.parent.is_dir():
            recover(target)
            sweep_leftovers(target)
    except OSError as exc:
        raise OutputError(f"{target}: cannot tidy the output folder ({exc.strerror})") from exc


def _hidden_folder(target: Path, kind: str) -> Path:
    """A new empty hidden sibling of target (after tidying what killed builds left)."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        recover(target)
        sweep_leftovers(target)
        check_replaceable(target)
        folder = _staging_name(target, kind)
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
    except PermissionError as exc:
        raise OutputError(f"{target}: output folder is not writable ({exc.strerror})") from exc
    except OSError as exc:
        raise OutputError(f"{target}: cannot create the output folder ({exc.strerror})") from exc
    return folder


@contextmanager
def _writing(target: Path) -> Iterator[None]:
    try:
        yield
    except OSError as exc:
        raise OutputError(f"{target}: writing the build failed ({exc.strerror or exc})") from exc


@contextmanager
def scratch_folder(target: Path) -> Iterator[Path]:
    """Yield an empty hidden folder beside target for the build's intermediate files; it is
    removed when the build ends, or by the next build if this one is killed."""
    target = target.absolute()
    scratch = _hidden_folder(target, "spill")
    try:
        with _writing(target):
            yield scratch
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


@contextmanager
def staged_output(target: Path) -> Iterator[Path]:
    """Yield an empty staging folder; on success it replaces target, on failure it is removed."""
    target = target.absolute()
    staging = _hidden_folder(target, "tmp")
    try:
        with _writing(target):
            yield staging
        _swap(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _swap(staging: Path, target: Path) -> None:
    old = _staging_name(target, "old")
    try:
        if target.exists():
            target.rename(old)
        reached("set_aside")
        staging.rename(target)
        reached("swapped")
    except OSError as exc:
        if old.exists() and not target.exists():
            old.rename(target)
        raise OutputError(
            f"{target}: cannot move the new build into place ({exc.strerror})"
        ) from exc
    shutil.rmtree(old, ignore_errors=True)


def write_atomically(target: Path, data: bytes) -> None:
    """Write a file through a hidden temporary sibling, so target is either old or whole."""
    target = target.absolute()
    temporary = _staging_name(target, "tmp")
    try:
        sweep_leftovers(target)
        with temporary.open("wb") as file:
            file.write(data[: len(data) // 2])
            file.flush()
            reached("card_copy")
            file.write(data[len(data) // 2 :])
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
