"""Faults of the machine, not of the data: full disk, unwritable output, a corrupted shard."""

from __future__ import annotations

import errno
import json
import os
import resource
import shutil
import signal
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from tests.conftest import RAW
from toolkit.cli import app

runner = CliRunner()
SHARD = "data/train-00000-of-00001.parquet"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


@pytest.fixture
def previous(seeds_build: Path, tmp_path: Path) -> Path:
    """A complete earlier build in tmp_path/dist, the one a failed build must leave alone."""
    out = tmp_path / "dist"
    shutil.copytree(seeds_build, out)
    return out


def build_fails_cleanly(out: Path, *fragments: str) -> None:
    """The build exits 2 with one line naming the output folder, and changes nothing."""
    before = snapshot(out) if out.exists() else None
    # (no cache: its own faults are tested with it; these are the output's)
    result = runner.invoke(app, ["build", str(RAW), "--out", str(out), "-w", "1", "--no-cache"])
    assert result.exit_code == 2, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith(f"error: {out}"), result.output
    for fragment in fragments:
        assert fragment in lines[0]
    assert (snapshot(out) if out.exists() else None) == before
    assert [p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}.")] == []


def test_a_full_disk_while_writing_the_shards(
    previous: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_space(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(pq.ParquetWriter, "write_table", no_space)
    build_fails_cleanly(previous, "writing the build failed", "No space left on device")


def test_the_file_size_limit_hit_inside_the_parquet_writer(previous: Path) -> None:
    # The kernel refuses the write (EFBIG) inside Arrow's own C++ writer, as a full disk would.
    with file_size_limit(4096):
        build_fails_cleanly(previous, "writing the build failed", "File too large")


def test_a_cache_that_cannot_be_written(previous: Path, tmp_path: Path) -> None:
    """The cache's own write fails as the output's would: one line naming the cache folder and
    the way round it, exit 2, the previous build untouched and no part left behind."""
    before = snapshot(previous)
    cache = tmp_path / "cache"
    with file_size_limit(4096):
        result = runner.invoke(
            app, ["build", str(RAW), "--out", str(previous), "-w", "1", "--cache", str(cache)]
        )
    assert result.exit_code == 2, result.output
    (line,) = [line for line in result.output.splitlines() if line.strip()]
    assert line.startswith(f"error: {cache}/extract-"), line
    assert "cannot write the extraction cache" in line and "--no-cache" in line
    assert snapshot(previous) == before
    assert not [p for p in cache.rglob("*") if p.is_file()]


@contextmanager
def file_size_limit(size: int) -> Iterator[None]:
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # an error, not a killed process
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, handler)


@contextmanager
def unwritable(folder: Path) -> Iterator[None]:
    """folder refuses new entries: mode 555 for a user; root ignores modes, so immutable."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)
        return
    if shutil.which("chattr") is None:
        pytest.skip("running as root without chattr: no way to make a folder unwritable")
    done = subprocess.run(["chattr", "+i", str(folder)], capture_output=True, check=False)
    if done.returncode:
        pytest.skip(f"running as root and chattr +i failed: {done.stderr.decode().strip()}")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)


@pytest.mark.parametrize("with_previous", [True, False])
def test_an_unwritable_output_location(tmp_path: Path, previous: Path, with_previous: bool) -> None:
    if not with_previous:
        shutil.rmtree(previous)
    with unwritable(tmp_path):
        build_fails_cleanly(previous, "output folder is not writable")


def test_validate_names_a_corrupted_parquet_file(seeds_build: Path, tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    shutil.copytree(seeds_build, dist)
    data = (dist / SHARD).read_bytes()
    (dist / SHARD).write_bytes(data[:4] + bytes(len(data) - 8) + data[-4:])  # PAR1 ... PAR1
    (dist / "data" / "extra.parquet").write_bytes(os.urandom(3000))
    result = runner.invoke(app, ["validate", str(dist), "--format", "json"])
    assert result.exit_code == 1
    report = json.loads(result.output)
    unreadable = sorted(f["file"] for f in report["failures"] if f["code"] == "file_unreadable")
    assert unreadable == ["data/extra.parquet", SHARD]
    assert not [f for f in report["failures"] if f["code"] == "shard_missing"]  # it is there
    github = runner.invoke(app, ["validate", str(dist), "--format", "github"])
    assert f"::error file={dist / SHARD}," in github.output


def test_an_output_path_that_is_not_utf8_is_one_line(tmp_path: Path) -> None:
    out = tmp_path / os.fsdecode(b"d\xefst")  # Arrow writes UTF-8 paths only: it crashed
    result = runner.invoke(app, ["build", str(RAW), "--out", str(out)])
    assert result.exit_code == 2
    assert result.output.strip().endswith(
        "d\\xefst: the output folder's path is not UTF-8; rename it"
    )
    assert len(result.output.strip().splitlines()) == 1 and not out.exists()
