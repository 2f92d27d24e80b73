"""The labelled synthetic corpus, built and scored: the issue's grouping targets on a sample."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from toolkit.build import BuildOptions, build
from toolkit.evaluate.run import dataset_rows
from toolkit.evaluate.score import evaluate
from toolkit.synthetic.corpus import TRUTH_FILE, write_synthetic


@pytest.fixture(scope="module")
def scored(seeds_build: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    folder = tmp_path_factory.mktemp("synthetic")
    write_synthetic(seeds_build, folder, articles=160, seed=11, chars=2500)
    out = folder / "dist"
    build(BuildOptions(folder / "raw", out, progress=False))
    truth = [json.loads(line) for line in (folder / TRUTH_FILE).read_text().splitlines()]
    return evaluate(dataset_rows(out), truth)["grouping"]


def test_copies_are_grouped_and_other_articles_on_the_event_are_not(scored: dict) -> None:
    duplicate = scored["duplicate"]
    assert duplicate["ari"] >= 0.97
    assert duplicate["pair_precision"] >= 0.97
    assert duplicate["kept_apart_quote"] >= 0.95
    assert duplicate["kept_apart_rewrite"] >= 0.95


def test_story_groups_are_scored(scored: dict) -> None:
    story = scored["story"]
    # A story holds its copies, so story groups are never more than duplicate groups.
    assert story["groups"] <= scored["duplicate"]["groups"]
    # Every synthetic article shares the seeds' few names, so this sample is harder than real news.
    assert story["ari"] >= 0.85 and story["pair_precision"] >= 0.9


def test_the_generator_is_reproducible(seeds_build: Path, tmp_path: Path) -> None:
    for name in ("a", "b"):
        write_synthetic(seeds_build, tmp_path / name, articles=12, seed=5, chars=1500)
    assert (tmp_path / "a" / TRUTH_FILE).read_bytes() == (tmp_path / "b" / TRUTH_FILE).read_bytes()
    names = sorted(p.name for p in (tmp_path / "a" / "raw").iterdir())
    for name in names:
        a = (tmp_path / "a" / "raw" / name).read_bytes()
        assert a == (tmp_path / "b" / "raw" / name).read_bytes()
