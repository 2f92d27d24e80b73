"""Shared fixtures: the project's raw seeds and a session-wide build of them."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

# Tests use local data only; `datasets` never reaches for a hub (publish tests use a fake one).
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")

from toolkit.build import BuildOptions, build

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "raw"


@pytest.fixture(autouse=True)
def own_working_folder(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each test runs in a folder of its own: the CLI's default cache (`.toolkit-cache` in the
    working folder) must not carry one test's records into another, or into the checkout."""
    monkeypatch.chdir(tmp_path_factory.mktemp("cwd"))


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """dist/ built once from the project's raw/ (the seeds)."""
    out = tmp_path_factory.mktemp("seeds") / "dist"
    build(BuildOptions(RAW, out, progress=False))
    return out


@pytest.fixture
def raw_copy(tmp_path: Path) -> Path:
    """A writable copy of raw/ to drop extra files into."""
    target = tmp_path / "raw"
    shutil.copytree(RAW, target)
    return target
