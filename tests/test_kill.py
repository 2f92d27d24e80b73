"""Kill tests: `toolkit build` SIGKILLed at every named point never leaves a half-written output.

Each build runs as a real process that kills itself (TOOLKIT_KILL_AT, see
toolkit/output/killpoints.py) over a previous complete build: afterwards the output folder is
the previous build, or the new one, or (between the two renames of the swap only) set aside
whole; the card copy is old or new, never torn; the next build succeeds and leaves no hidden
leftovers.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import RAW, ROOT
from tests.corpus import ARTICLE
from toolkit.build import BuildOptions, build
from toolkit.errors import QuarantineError
from toolkit.output.killpoints import ENV, POINTS

Snapshot = dict[str, bytes]
CONCURRENT = 3  # builds killed at once (each is a fresh interpreter)


def snapshot(folder: Path) -> Snapshot:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def hidden_siblings(out: Path) -> list[Path]:
    return sorted(p for p in out.parent.iterdir() if p.name.startswith(f".{out.name}."))


@dataclass
class Killed:
    """One build killed at `point` over a copy of the previous build."""

    point: str
    out: Path
    card: Path
    returncode: int = 0
    stderr: str = ""


@dataclass
class Builds:
    """The previous and the new build's contents, and every killed build."""

    raw: Path
    previous: Path
    old: Snapshot
    new: Snapshot
    killed: dict[str, Killed]


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> Builds:
    base = tmp_path_factory.mktemp("kill")
    previous = base / "previous"
    build(BuildOptions(RAW, previous, progress=False))
    raw = base / "raw"  # the new build has one more article
    shutil.copytree(RAW, raw)
    (raw / "005_extra.txt").write_text(ARTICLE, encoding="utf-8")
    reference = base / "reference"
    build(BuildOptions(raw, reference, progress=False))
    killed = {}
    for point in POINTS:
        folder = base / point
        folder.mkdir()
        shutil.copytree(previous, folder / "dist")
        shutil.copyfile(previous / "README.md", folder / "CARD.md")
        killed[point] = Killed(point, folder / "dist", folder / "CARD.md")
    _kill_all(raw, list(killed.values()))
    return Builds(raw, previous, snapshot(previous), snapshot(reference), killed)


def _kill_all(raw: Path, builds: list[Killed]) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HF_DATASETS_OFFLINE": "1"}
    for start in range(0, len(builds), CONCURRENT):
        running = []
        for k in builds[start : start + CONCURRENT]:
            argv = ["build", str(raw), "--out", str(k.out), "--card", str(k.card), "-w", "1"]
            running.append(
                subprocess.Popen(
                    [sys.executable, "-m", "toolkit", *argv],
                    env={**env, ENV: k.point},
                    cwd=k.out.parent,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.PIPE,
                    text=True,
                )
            )
        for k, process in zip(builds[start : start + CONCURRENT], running, strict=True):
            _, k.stderr = process.communicate()
            k.returncode = process.returncode


@pytest.mark.parametrize("point", POINTS)
def test_a_killed_build_leaves_the_previous_or_the_new_build_whole(
    builds: Builds, point: str
) -> None:
    k = builds.killed[point]
    assert k.returncode == -signal.SIGKILL, k.stderr  # it died at the point, not before
    card = k.card.read_bytes()
    if point == "set_aside":  # between the swap's two renames: the previous build, put aside
        assert not k.out.exists()
        aside = [p for p in hidden_siblings(k.out) if ".old-" in p.name]
        assert len(aside) == 1 and snapshot(aside[0]) == builds.old
    elif point in ("swapped", "card_copy"):
        assert snapshot(k.out) == builds.new
    else:
        assert snapshot(k.out) == builds.old
    assert card in (builds.old["README.md"], builds.new["README.md"])  # never torn
    # The next build puts everything right and leaves nothing hidden behind.
    build(BuildOptions(builds.raw, k.out, card_copy=k.card, progress=False))
    assert snapshot(k.out) == builds.new
    assert k.card.read_bytes() == builds.new["README.md"]
    assert hidden_siblings(k.out) == [] and hidden_siblings(k.card) == []


def test_a_build_failing_after_a_kill_mid_swap_still_puts_the_previous_one_back(
    builds: Builds, tmp_path: Path
) -> None:
    shutil.copytree(builds.previous, tmp_path / ".dist.old-999999999")  # a killed build's
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    with pytest.raises(QuarantineError):
        build(BuildOptions(bad, tmp_path / "dist", strict=True, progress=False))
    assert snapshot(tmp_path / "dist") == builds.old
    assert hidden_siblings(tmp_path / "dist") == []
