"""The extraction cache: a rebuild extracts only files it has not seen, and gives the same bytes."""

from __future__ import annotations

import hashlib
import shutil
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import pyarrow as pa
import pytest
from typer.testing import CliRunner

from tests.conftest import RAW
from toolkit.build import BuildOptions, build
from toolkit.cli import app
from toolkit.contract import load_contract
from toolkit.ingest.discover import discover
from toolkit.pipeline import local
from toolkit.pipeline.cache import ExtractionCache

cache_module = sys.modules["toolkit.pipeline.cache"]
stages = sys.modules["toolkit.pipeline.stages"]


def files_of(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


@pytest.fixture
def extracted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every text the extractor is given in this process (the builds here use one worker)."""
    seen: list[str] = []
    real: Callable[[Sequence[str]], object] = stages.extract_articles

    def counting(texts: Sequence[str]) -> object:
        seen.extend(texts)
        return real(texts)

    monkeypatch.setattr(stages, "extract_articles", counting)
    return seen


def test_a_rebuild_from_the_cache_extracts_nothing_and_writes_the_same_bytes(
    tmp_path: Path, extracted: list[str]
) -> None:
    cache = tmp_path / "cache"
    build(BuildOptions(RAW, tmp_path / "plain", progress=False))
    build(BuildOptions(RAW, tmp_path / "first", progress=False, cache_dir=cache))
    assert len(extracted) == 2 * len(list(RAW.glob("*.txt")))
    extracted.clear()
    build(BuildOptions(RAW, tmp_path / "again", progress=False, cache_dir=cache))
    assert extracted == []
    plain = files_of(tmp_path / "plain")
    assert files_of(tmp_path / "first") == plain
    assert files_of(tmp_path / "again") == plain


def test_only_the_new_files_are_extracted(
    raw_copy: Path, tmp_path: Path, extracted: list[str]
) -> None:
    cache = tmp_path / "cache"
    build(BuildOptions(raw_copy, tmp_path / "first", progress=False, cache_dir=cache))
    new = (
        "A New Headline\n\nBy Jo Writer\n\n" + "A sentence of the new article, told plainly. " * 12
    )
    (raw_copy / "new.txt").write_text(new, encoding="utf-8")
    extracted.clear()
    build(BuildOptions(raw_copy, tmp_path / "second", progress=False, cache_dir=cache))
    assert extracted == [new]
    build(BuildOptions(raw_copy, tmp_path / "plain", progress=False))
    assert files_of(tmp_path / "second") == files_of(tmp_path / "plain")


def test_new_files_among_cached_ones_are_extracted_in_batches_of_their_own(
    raw_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rebuild's new files, spread over batches of files the cache holds, are extracted
    together in full batches, not a few in each batch (each call has a fixed cost)."""
    monkeypatch.setattr(local, "BATCH_SIZE", 2)
    calls: list[int] = []
    real = stages.extract_articles
    monkeypatch.setattr(stages, "extract_articles", lambda t: calls.append(len(t)) or real(t))
    cache = tmp_path / "cache"
    build(BuildOptions(raw_copy, tmp_path / "first", progress=False, cache_dir=cache))
    body = "A sentence of the new article, told plainly. " * 12
    for name in ("000_b", "001_b", "003_b"):  # (one among each pair of cached files)
        text = f"The {name} Headline\n\nBy Jo Writer\n\n{name}: {body}"
        (raw_copy / f"{name}.txt").write_text(text, encoding="utf-8")
    calls.clear()
    build(BuildOptions(raw_copy, tmp_path / "second", progress=False, cache_dir=cache))
    assert [c for c in calls if c] == [2, 1]
    build(BuildOptions(raw_copy, tmp_path / "plain", progress=False))
    assert files_of(tmp_path / "second") == files_of(tmp_path / "plain")


def test_a_rebuild_whose_files_are_all_new_and_quarantined(raw_copy: Path, tmp_path: Path) -> None:
    """Nothing the cache holds, nothing kept: the first pass finds no file, the second only
    quarantines, and the build still reports every file."""
    cache = tmp_path / "cache"
    build(BuildOptions(raw_copy, tmp_path / "first", progress=False, cache_dir=cache))
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "a.txt").write_bytes(b"")
    (empty / "b.txt").write_bytes(b"\n\n")
    result = build(BuildOptions(empty, tmp_path / "second", progress=False, cache_dir=cache))
    assert result.report["counts"]["rows"] == 0
    assert result.report["counts"]["quarantined"] == 2


def test_one_text_under_two_names_gives_two_rows_from_one_entry(
    tmp_path: Path, extracted: list[str]
) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    seed = sorted(RAW.glob("*.txt"))[0]
    shutil.copy(seed, raw / "a.txt")
    shutil.copy(seed, raw / "b.txt")
    cache = tmp_path / "cache"
    build(BuildOptions(raw, tmp_path / "first", progress=False, cache_dir=cache))
    extracted.clear()
    result = build(BuildOptions(raw, tmp_path / "second", progress=False, cache_dir=cache))
    assert extracted == []
    assert result.report["counts"]["rows"] == 2
    assert files_of(tmp_path / "second") == files_of(tmp_path / "first")
    (part,) = next(cache.iterdir()).glob("part-*.arrow")  # one entry, one part


def test_changed_code_starts_an_empty_cache_and_removes_the_old_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extracted: list[str]
) -> None:
    cache = tmp_path / "cache"
    build(BuildOptions(RAW, tmp_path / "first", progress=False, cache_dir=cache))
    (old,) = cache.iterdir()
    (cache / "notes").mkdir()  # not the cache's: left alone
    monkeypatch.setattr(cache_module, "fingerprint", lambda: "edited-code")
    extracted.clear()
    build(BuildOptions(RAW, tmp_path / "second", progress=False, cache_dir=cache))
    assert len(extracted) == len(list(RAW.glob("*.txt")))
    assert not old.exists()
    (new,) = cache.glob("extract-*")
    assert new != old and (cache / "notes").is_dir()


def test_many_parts_are_merged_keeping_only_what_the_last_build_used(
    raw_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache_module, "MAX_PARTS", 1)
    cache = tmp_path / "cache"
    body = "A sentence of a short article, told plainly to the end. " * 10
    for n in range(4):  # each build adds one file, a part, and merges the two parts
        if n == 3:
            (raw_copy / "new0.txt").unlink()
        (raw_copy / f"new{n}.txt").write_text(f"Headline number {n}\n\n{body}", encoding="utf-8")
        build(BuildOptions(raw_copy, tmp_path / f"out{n}", progress=False, cache_dir=cache))
    build(BuildOptions(raw_copy, tmp_path / "last", progress=False, cache_dir=cache))
    (part,) = cache.glob("extract-*/part-*.arrow")
    cached = set(pa.ipc.open_file(pa.memory_map(str(part))).read_all()["raw_sha256"].to_pylist())
    assert cached == {hashlib.sha256(p.read_bytes()).hexdigest() for p in raw_copy.iterdir()}


def test_a_damaged_cache_part_is_a_miss_not_an_error(tmp_path: Path, extracted: list[str]) -> None:
    cache = tmp_path / "cache"
    build(BuildOptions(RAW, tmp_path / "first", progress=False, cache_dir=cache))
    (part,) = cache.glob("extract-*/part-*.arrow")
    part.write_bytes(part.read_bytes()[:100])
    extracted.clear()
    build(BuildOptions(RAW, tmp_path / "second", progress=False, cache_dir=cache))
    assert len(extracted) == len(list(RAW.glob("*.txt")))
    assert files_of(tmp_path / "second") == files_of(tmp_path / "first")


def test_the_cli_caches_in_the_project_unless_told_not_to(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runner = CliRunner()
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["build", str(RAW), "--out", "plain", "--no-cache"])
    assert result.exit_code == 0, result.output
    assert not (tmp_path / ".toolkit-cache").exists()
    result = runner.invoke(app, ["build", str(RAW), "--out", "cached"])
    assert result.exit_code == 0, result.output
    assert list((tmp_path / ".toolkit-cache").glob("extract-*/part-*.arrow"))
    result = runner.invoke(app, ["build", str(RAW), "--out", "elsewhere", "--cache", "c2"])
    assert result.exit_code == 0, result.output
    assert list((tmp_path / "c2").glob("extract-*/part-*.arrow"))


def test_a_batch_takes_its_cached_records_as_extraction_makes_them(tmp_path: Path) -> None:
    """extract_batch with a cache, then fill (as the build runs them), returns the records
    extraction makes, the cached ones put back where their files stand in the batch."""
    schema = stages.record_schema(load_contract(None))
    raw = tmp_path / "raw"
    raw.mkdir()
    for path in sorted(RAW.glob("*.txt"))[:3]:
        shutil.copy(path, raw / path.name)
    cache = tmp_path / "cache"
    build(BuildOptions(raw, tmp_path / "first", progress=False, cache_dir=cache))
    for path in sorted(RAW.glob("*.txt"))[3:]:  # two files the cache has not seen, last
        shutil.copy(path, raw / path.name)
    (raw / "000_again.txt").write_bytes(sorted(RAW.glob("*.txt"))[0].read_bytes())
    batch = stages.files_to_table(discover(raw))
    held = ExtractionCache.at(cache, schema)
    with_cache = held.fill(stages.extract_batch(batch, schema, held))
    assert with_cache.equals(stages.extract_batch(batch, schema))


@pytest.mark.parametrize("where", ["raw/cache", "out/cache", "."])
def test_a_cache_inside_or_around_the_raw_or_output_folder_is_refused(
    raw_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    """Inside raw its parts would become inputs; inside the output, the next build drops it."""
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["build", "raw", "--out", "out", "--cache", where])
    assert result.exit_code == 2, result.output
    assert "cache folder must not contain or be inside the" in result.output
    assert not (tmp_path / "out").exists()


def test_a_build_that_fails_midway_leaves_no_part_and_a_killed_ones_is_swept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The part being written holds every fresh record: a failed build must not leave it, and
    a killed build's (which no code could remove) goes with the next build."""
    cache = tmp_path / "cache"
    real = stages.extract_articles
    calls: list[int] = []

    def failing(texts: Sequence[str]) -> object:
        calls.append(len(texts))
        if len(calls) == 2:
            raise KeyboardInterrupt  # (as a user's Ctrl-C: not an extraction error)
        return real(texts)

    monkeypatch.setattr(stages, "extract_articles", failing)
    build_module = sys.modules["toolkit.build"]
    run_batches = build_module.run_batches
    monkeypatch.setattr(
        build_module, "run_batches", lambda *a, **k: run_batches(*a, **{**k, "batch_size": 2})
    )
    with pytest.raises(KeyboardInterrupt):
        build(BuildOptions(RAW, tmp_path / "out", progress=False, cache_dir=cache))
    (folder,) = cache.glob("extract-*")
    assert list(folder.iterdir()) == []
    killed = folder / ".part-999999999.tmp"  # (no process has this id)
    killed.write_bytes(b"half a part")
    monkeypatch.setattr(stages, "extract_articles", real)
    build(BuildOptions(RAW, tmp_path / "out", progress=False, cache_dir=cache))
    assert not killed.exists() and len(list(folder.glob("part-*.arrow"))) == 1
