"""`toolkit build --engine ray`: the same stages on a Ray cluster, the same bytes as locally.

The test starts a one-machine Ray cluster on 127.0.0.1 (`ray start --head`) and builds through
its address, as a user would with a real cluster."""

from __future__ import annotations

import secrets
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from toolkit.cli import app
from toolkit.synthetic.corpus import write_synthetic

runner = CliRunner()
RAY = Path(sys.executable).with_name("ray")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The address of a Ray head node on 127.0.0.1 with 2 CPUs, stopped afterwards. It
    requires a token (Ray's default since 2.59), which the build finds in its environment,
    as a user's would."""
    address = f"127.0.0.1:{free_port()}"
    temp = tmp_path_factory.mktemp("ray")
    patch = pytest.MonkeyPatch()
    patch.setenv("RAY_AUTH_MODE", "token")
    patch.setenv("RAY_AUTH_TOKEN", secrets.token_hex(16))
    start = [str(RAY), "start", "--head", "--node-ip-address=127.0.0.1",
             f"--port={address.rsplit(':', 1)[1]}", "--num-cpus=2", "--include-dashboard=false",
             "--disable-usage-stats", f"--temp-dir={temp}"]  # fmt: skip
    subprocess.run(start, check=True, capture_output=True)
    try:
        yield address
    finally:
        subprocess.run([str(RAY), "stop", "--force"], check=False, capture_output=True)
        patch.undo()


@pytest.fixture(scope="module")
def corpus(seeds_build: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """600 synthetic articles (copies and same-story articles: three batches), the seeds, and
    files the build quarantines."""
    base = tmp_path_factory.mktemp("corpus")
    write_synthetic(seeds_build, base / "synthetic", 600, seed=3, chars=1500)
    raw = base / "synthetic" / "raw"
    shutil.copytree(Path(__file__).parents[1] / "raw", raw / "seeds")
    (raw / "empty.txt").write_bytes(b"")
    (raw / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)))
    return raw


def files_of(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_the_ray_engine_writes_the_local_engines_bytes(
    cluster: str, corpus: Path, tmp_path: Path
) -> None:
    local, on_ray = tmp_path / "local", tmp_path / "ray"
    done = runner.invoke(app, ["build", str(corpus), "--out", str(local), "--no-cache", "-w", "2"])
    assert done.exit_code == 0, done.output
    done = runner.invoke(
        app,
        ["build", str(corpus), "--out", str(on_ray), "--no-cache", "--engine", "ray",
         "--address", cluster],
    )  # fmt: skip
    assert done.exit_code == 0, done.output
    assert "605 rows from 607 files, 2 quarantined" in done.output
    assert files_of(on_ray) == files_of(local)


def test_an_address_nobody_answers_at_is_one_line_and_exit_2(tmp_path: Path) -> None:
    address = f"127.0.0.1:{free_port()}"
    done = runner.invoke(
        app, ["build", "raw", "--out", str(tmp_path / "d"), "--engine", "ray", "--address", address]
    )
    assert done.exit_code == 2
    assert (
        done.output.strip()
        == f"error: {address}: cannot reach the Ray cluster (Connection refused)"
    )


def test_without_an_address_the_build_starts_its_own_ray(tmp_path: Path) -> None:
    """A new one-machine Ray, even when a cluster already runs here (as the fixture's may)."""
    raw = Path(__file__).parents[1] / "raw"
    local, on_ray = tmp_path / "local", tmp_path / "ray"
    done = runner.invoke(app, ["build", str(raw), "--out", str(local), "--no-cache", "-w", "1"])
    assert done.exit_code == 0, done.output
    done = runner.invoke(
        app, ["build", str(raw), "--out", str(on_ray), "--no-cache", "--engine", "ray", "-w", "1"]
    )
    assert done.exit_code == 0, done.output
    assert files_of(on_ray) == files_of(local)
