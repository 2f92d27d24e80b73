"""The whole build on the seeds: what a user gets in dist/ and what load_dataset sees."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import datasets
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tests.conftest import RAW, ROOT
from toolkit.build import BuildOptions, build
from toolkit.contract import load_contract
from toolkit.errors import DataValidationError, OutputError, QuarantineError


def rows_by_file(out: Path) -> dict[str, dict[str, object]]:
    ds = datasets.load_dataset(str(out), split="train")
    return {row["raw_path"][:3]: row for row in ds}


def test_load_dataset_gives_the_contract_features(seeds_build: Path) -> None:
    ds = datasets.load_dataset(str(seeds_build))
    assert list(ds) == ["train"]
    assert ds["train"].num_rows == 5
    assert ds["train"].features == load_contract().features


def test_seed_values_and_duplicate_groups(seeds_build: Path) -> None:
    rows = rows_by_file(seeds_build)
    assert rows["000"]["duplicate_group"] == rows["001"]["duplicate_group"]
    groups = {rows[k]["duplicate_group"] for k in ("000", "002", "003", "004")}
    assert len(groups) == 4  # 002, 003 and 004 are each alone
    assert len({r["story_group"] for r in rows.values()}) == 1  # all five report one event
    # The group value names one of its members (the canonical copy: 000 has url and date).
    assert rows["000"]["duplicate_group"] == rows["000"]["id"]
    assert rows["000"]["date"] == dt.date(2023, 10, 16)
    assert rows["000"]["date_source"] == "text"
    assert rows["001"]["date"] == dt.date(2023, 10, 16)
    assert rows["001"]["date_source"] == "carried_over"
    assert rows["003"]["date"] == dt.date(2023, 10, 17)
    for key in ("002", "004"):
        assert rows[key]["date"] is None and rows[key]["date_source"] is None
    assert [rows[k]["source"] for k in sorted(rows)] == [
        "The Moscow Times",
        "The Moscow Times",
        "Fox News",
        None,
        None,
    ]


def test_parquet_is_written_the_way_the_hub_reads_best(seeds_build: Path) -> None:
    shards = sorted((seeds_build / "data").iterdir())
    assert [p.name for p in shards] == ["train-00000-of-00001.parquet"]
    file = pq.ParquetFile(shards[0])
    schema = file.schema_arrow
    assert schema.field("body").type == pa.string()  # not large_string
    assert schema.field("date").type == pa.date32()
    assert schema.field("byline").type == pa.list_(pa.string())
    assert schema.metadata[b"toolkit.contract_version"] == str(load_contract().version).encode()
    meta = file.metadata
    assert all(meta.row_group(i).total_byte_size < 100 * 2**20 for i in range(meta.num_row_groups))
    assert meta.row_group(0).column(0).has_offset_index  # the page index


def test_report_counts_every_file(seeds_build: Path) -> None:
    report = json.loads((seeds_build / "build_report.json").read_text())
    assert report["counts"] == {"files": 5, "rows": 5, "quarantined": 0}
    assert report["duplicate_groups"]["groups"] == 4
    assert report["field_coverage"]["body"] == 1.0


def test_two_builds_are_byte_identical(seeds_build: Path, tmp_path: Path) -> None:
    again = tmp_path / "dist"
    build(BuildOptions(RAW, again, progress=False))
    for name in ("data/train-00000-of-00001.parquet", "README.md", "build_report.json"):
        assert (again / name).read_bytes() == (seeds_build / name).read_bytes(), name


def test_project_card_is_in_sync_with_raw(seeds_build: Path) -> None:
    committed = (ROOT / "DATASET_CARD.md").read_text(encoding="utf-8")
    built = (seeds_build / "README.md").read_text(encoding="utf-8")
    assert committed == built, "DATASET_CARD.md is stale: run `toolkit build`"


def test_empty_and_binary_files_are_quarantined(raw_copy: Path, tmp_path: Path) -> None:
    (raw_copy / "empty.txt").write_bytes(b"")
    (raw_copy / "blank.txt").write_text("  \n\n \t\n")
    (raw_copy / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    (raw_copy / "chrome.txt").write_text("Share\n\nSubscribe\n\nSign up for our newsletter\n")
    out = tmp_path / "dist"
    result = build(BuildOptions(raw_copy, out, progress=False))
    reasons = {q["raw_path"]: q["reason"] for q in result.report["quarantined"]}
    assert reasons == {
        "blank.txt": "empty",
        "chrome.txt": "no_body",
        "empty.txt": "empty",
        "image.png": "binary",
    }
    assert result.report["counts"] == {"files": 9, "rows": 5, "quarantined": 4}
    assert datasets.load_dataset(str(out), split="train").num_rows == 5
    assert "`image.png`: binary" in (out / "README.md").read_text()


def test_strict_refuses_any_quarantine(raw_copy: Path, tmp_path: Path) -> None:
    (raw_copy / "empty.txt").write_bytes(b"")
    with pytest.raises(QuarantineError, match="empty.txt"):
        build(BuildOptions(raw_copy, tmp_path / "dist", strict=True, progress=False))
    assert not (tmp_path / "dist").exists()


def test_failed_build_leaves_previous_output_intact(
    seeds_build: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "dist"
    build(BuildOptions(RAW, out, progress=False))
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(sys.modules["toolkit.build"], "write_report", fail)
    with pytest.raises(OutputError, match="No space left"):
        build(BuildOptions(RAW, out, progress=False))
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert [p.name for p in tmp_path.iterdir()] == ["dist"]  # no staging folder left behind


def test_refuses_to_replace_a_folder_it_did_not_build(tmp_path: Path) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep me")
    with pytest.raises(OutputError, match="refusing to replace"):
        build(BuildOptions(RAW, out, progress=False))
    assert (out / "notes.txt").read_text() == "keep me"


def test_build_refuses_a_body_that_is_only_furniture(
    raw_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The body rule runs in the parallel batch stage; the build must still stop on it."""
    article = sys.modules["toolkit.extract.article"]

    def leaky(paragraphs: list[str]) -> list[str]:
        return ["Share on Facebook", "Sign up for our newsletter"]

    monkeypatch.setattr(article, "drop_credited_captions", leaky)
    with pytest.raises(DataValidationError, match="body_boilerplate|body"):
        build(BuildOptions(raw_copy, tmp_path / "dist", progress=False))
    assert not (tmp_path / "dist").exists()


# Before the language pass (every file of a chunk is drafted first) and after it.
@pytest.mark.parametrize("step", ["normalize_text", "find_source"])
def test_a_file_the_extractor_fails_on_is_quarantined_not_fatal(
    raw_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    """An extractor bug on one odd file costs that file, named in the report, not the build."""
    article = sys.modules["toolkit.extract.article"]
    real = getattr(article, step)

    def fragile(*args: object) -> object:
        if any("Zanzibar-trigger" in str(a) for a in args):
            raise IndexError("list index out of range")
        return real(*args)

    odd = "Zanzibar-trigger\n\nSome text of the odd file, long enough to be kept as a body.\n"
    (raw_copy / "odd.txt").write_text(odd, encoding="utf-8")
    monkeypatch.setattr(article, step, fragile)
    result = build(BuildOptions(raw_copy, tmp_path / "dist", progress=False))
    (entry,) = result.report["quarantined"]
    assert entry["raw_path"] == "odd.txt"
    assert entry["reason"] == "extract_error"
    assert "IndexError: list index out of range" in entry["detail"]
    assert result.report["counts"]["rows"] == len(list(RAW.glob("*.txt")))


def test_workers_started_ahead_give_the_bytes_of_one_process(tmp_path: Path) -> None:
    """More than one batch of files: the build warms two worker processes while it looks for
    the files, and their rows are the ones a single process makes."""
    raw = tmp_path / "raw"
    raw.mkdir()
    seeds = sorted(RAW.glob("*.txt"))
    for n in range(300):
        text = seeds[n % len(seeds)].read_text(encoding="utf-8")
        (raw / f"{n:03d}.txt").write_text(f"{text}\nFile number {n} of the test.\n", "utf-8")
    build(BuildOptions(raw, tmp_path / "one", progress=False, workers=1))
    build(BuildOptions(raw, tmp_path / "two", progress=False, workers=2))
    for name in ("data/train-00000-of-00001.parquet", "build_report.json", "README.md"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()
