"""The build does not depend on the order files are found, created or batched in."""

from __future__ import annotations

import functools
import importlib
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import RAW
from tests.corpus import ARTICLE, LATIN_1
from toolkit.build import BuildOptions, build
from toolkit.ingest.discover import RawFile, discover
from toolkit.pipeline.local import run_batches

OUTPUTS = ("data/train-00000-of-00001.parquet", "README.md", "build_report.json")
build_module = importlib.import_module("toolkit.build")  # (the package exports the function)


@dataclass
class Reference:
    """A raw folder and the bytes of its build in the usual order."""

    raw: Path
    outputs: dict[str, bytes] = field(repr=False)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Reference:
    """The seeds, exact and near copies of them (ties for the canonical copy), and more."""
    raw = tmp_path_factory.mktemp("order") / "raw"
    shutil.copytree(RAW, raw)
    seeds = sorted(raw.iterdir())
    for i, seed in enumerate(seeds[:3]):
        shutil.copyfile(seed, raw / f"copy-{i}.txt")
        (raw / "sub").mkdir(exist_ok=True)
        shutil.copyfile(seed, raw / "sub" / f"{9 - i}.txt")
    (raw / "harbour.txt").write_text(ARTICLE, encoding="utf-8")
    (raw / "harbour-latin.txt").write_bytes(LATIN_1.encode("latin-1"))
    (raw / "empty.txt").write_bytes(b"")
    out = raw.parent / "reference"
    build(BuildOptions(raw, out, progress=False))
    return Reference(raw, {name: (out / name).read_bytes() for name in OUTPUTS})


@settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck))
@given(order=st.randoms(use_true_random=False), batch_size=st.integers(1, 6))
def test_same_bytes_whatever_the_order_and_batches(
    corpus: Reference,
    tmp_path_factory: pytest.TempPathFactory,
    order: object,
    batch_size: int,
) -> None:
    files = discover(corpus.raw)
    order.shuffle(files)  # type: ignore[attr-defined]

    def shuffled(_: Path) -> list[RawFile]:
        return files

    out = tmp_path_factory.mktemp("shuffled") / "dist"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(build_module, "discover", shuffled)
        patch.setattr(
            build_module, "run_batches", functools.partial(run_batches, batch_size=batch_size)
        )
        build(BuildOptions(corpus.raw, out, progress=False))
    for name in OUTPUTS:
        assert (out / name).read_bytes() == corpus.outputs[name], name


def test_files_created_in_another_order_give_the_same_bytes(
    corpus: Reference, tmp_path: Path
) -> None:
    raw, again = corpus.raw, tmp_path / "raw"
    for path in sorted(raw.rglob("*"), reverse=True):  # another creation (and scandir) order
        if path.is_file():
            target = again / path.relative_to(raw)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    build(BuildOptions(again, tmp_path / "dist", progress=False))
    for name in OUTPUTS:
        assert (tmp_path / "dist" / name).read_bytes() == corpus.outputs[name], name
