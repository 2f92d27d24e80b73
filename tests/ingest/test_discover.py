"""Which files are inputs: the documented ignore rule, refusals, and reading's limits."""

from __future__ import annotations

import errno
import importlib
import os
import tracemalloc
from pathlib import Path

import pytest

from tests.corpus import reading_denied
from toolkit.errors import UsageError
from toolkit.ingest.discover import discover, is_ignored
from toolkit.ingest.read import MAX_FILE_BYTES, read_raw

ROOT = os.geteuid() == 0  # permissions do not stop root
discover_module = importlib.import_module("toolkit.ingest.discover")


def names(raw: Path) -> dict[str, str | None]:
    return {f.rel_path: f.refused for f in discover(raw)}


@pytest.mark.parametrize(
    "name",
    [".hidden.txt", ".DS_Store", "draft.txt~", ".draft.txt.swp", "a.swo", "a.bak", "a.tmp"]
    + ["a.orig", "#autosave#"],
)
def test_hidden_files_and_editor_leftovers_are_not_inputs(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text("An article that would otherwise be read.")
    (tmp_path / "kept.txt").write_text("An article.")
    assert is_ignored(name)
    assert names(tmp_path) == {"kept.txt": None}


def test_hidden_folders_are_not_walked(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("[core]")
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "deep.txt").write_text("x")
    assert names(tmp_path) == {"a/b/deep.txt": None}


def test_order_is_the_sorted_paths_whatever_the_creation_order(tmp_path: Path) -> None:
    for name in ["c.txt", "a.txt", "-dash.txt", "b b.txt", "é.txt", "z/a.txt"]:
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x")
    assert list(names(tmp_path)) == ["-dash.txt", "a.txt", "b b.txt", "c.txt", "z/a.txt", "é.txt"]


def test_symlinks_out_loops_and_dangling_are_refused(tmp_path: Path) -> None:
    raw, outside = tmp_path / "raw", tmp_path / "secret.txt"
    raw.mkdir()
    outside.write_text("not part of the corpus")
    (raw / "out.txt").symlink_to(outside)
    (raw / "out_dir").symlink_to(tmp_path)
    (raw / "loop.txt").symlink_to(raw / "loop.txt")
    (raw / "ping.txt").symlink_to(raw / "pong.txt")
    (raw / "pong.txt").symlink_to(raw / "ping.txt")
    (raw / "gone.txt").symlink_to(raw / "missing.txt")
    found = names(raw)
    assert found["out.txt"] == found["out_dir"] == "symlink leads outside the raw folder"
    for name in ("loop.txt", "ping.txt", "pong.txt", "gone.txt"):
        assert found[name] == "symlink loop or dangling symlink"


def test_a_folder_symlink_inside_is_not_walked_twice(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("x")
    (tmp_path / "sub" / "up").symlink_to(tmp_path)  # a loop through the folder itself
    (tmp_path / "same").symlink_to(tmp_path / "sub")
    assert names(tmp_path) == {"sub/a.txt": None}


def test_names_that_are_not_utf8_are_refused_by_a_printable_name(tmp_path: Path) -> None:
    (tmp_path / os.fsdecode(b"caf\xe9.txt")).write_text("An article.")
    (tmp_path / os.fsdecode(b"d\xefr")).mkdir()
    (tmp_path / os.fsdecode(b"d\xefr") / "a.txt").write_text("An article.")
    refused = "file name is not UTF-8; rename it"
    assert names(tmp_path) == {"caf\\xe9.txt": refused, "d\\xefr": refused}
    root = tmp_path / os.fsdecode(b"r\xe2w")
    root.mkdir()
    with pytest.raises(UsageError, match=r"r\\xe2w: the raw folder's path is not UTF-8"):
        discover(root)


def test_a_pipe_is_refused_not_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")  # reading it would wait forever
    assert names(tmp_path) == {"pipe.txt": "not a regular file (pipe, socket or device)"}
    doc = read_raw(discover(tmp_path)[0])
    assert (doc.reason, doc.detail) == ("refused", "not a regular file (pipe, socket or device)")


def test_an_unreadable_folder_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text("x")
    if ROOT:  # root lists any folder: fail the listing as the system does for anyone else
        scandir = os.scandir

        def denied(path: Path) -> object:
            if Path(path) == locked:
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
            return scandir(path)

        monkeypatch.setattr(discover_module.os, "scandir", denied)
    locked.chmod(0)
    try:
        assert names(tmp_path) == {"locked": "unreadable folder: Permission denied"}
    finally:
        locked.chmod(0o755)


def test_a_50_mb_file_is_refused_by_its_size_without_being_read(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as file:
        file.truncate(50 * 2**20)  # sparse: no disk space, no time
    tracemalloc.start()
    try:
        doc = read_raw(discover(tmp_path)[0])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert (doc.reason, doc.detail) == ("too_large", f"{50 * 2**20} bytes > {MAX_FILE_BYTES}")
    assert peak < 2**20  # memory stays bounded: the file is never loaded


def test_an_unreadable_file_is_quarantined(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("x")
    locked.chmod(0)
    with reading_denied(locked):
        doc = read_raw(discover(tmp_path)[0])
    assert (doc.reason, doc.detail) == ("unreadable", "Permission denied")
