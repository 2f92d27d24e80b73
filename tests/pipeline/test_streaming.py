"""The build streams: rows are spilled as batches arrive and assembled chunk by chunk, and
none of that cutting shows in the dataset."""

from __future__ import annotations

import functools
import gc
import json
import pickle
import shutil
import sys
import tracemalloc
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tests.conftest import RAW
from toolkit.build import BuildOptions, build
from toolkit.errors import DataValidationError
from toolkit.pipeline import assemble as assemble_module
from toolkit.pipeline import stages
from toolkit.pipeline.collect import collect
from toolkit.pipeline.local import run_batches
from toolkit.pipeline.stages import files_to_table

build_module = sys.modules["toolkit.build"]


@pytest.fixture
def raw(tmp_path: Path) -> Path:
    """The seeds, each also copied, and upper-cased: 15 files, 4 duplicate groups as in raw/."""
    target = tmp_path / "raw"
    shutil.copytree(RAW, target)
    for path in sorted(RAW.glob("*.txt")):
        (target / f"copy-{path.name}").write_bytes(path.read_bytes())
        (target / "sub").mkdir(exist_ok=True)
        (target / "sub" / path.name).write_text(path.read_text(encoding="utf-8").upper())
    return target


def dataset(out: Path) -> tuple[pa.Table, dict[str, object]]:
    table = pq.read_table(out / "data", schema=None)
    report = json.loads((out / "build_report.json").read_text())
    return table, report


def test_tiny_batches_and_chunks_give_the_same_dataset(
    raw: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build(BuildOptions(raw, tmp_path / "whole", progress=False))
    monkeypatch.setattr(assemble_module, "CHUNK_ROWS", 2)
    monkeypatch.setattr(build_module, "run_batches", functools.partial(run_batches, batch_size=3))
    build(BuildOptions(raw, tmp_path / "cut", progress=False))
    whole, cut = dataset(tmp_path / "whole"), dataset(tmp_path / "cut")
    assert cut[0].equals(whole[0])
    assert cut[1] == whole[1]
    assert whole[0].num_rows == 15 and whole[1]["duplicate_groups"]["groups"] == 4


def test_a_failure_in_a_later_chunk_names_its_row_in_the_whole_dataset(
    raw: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = sys.modules["toolkit.extract.article"]
    real = article.drop_credited_captions

    def leaky(paragraphs: list[str]) -> list[str]:  # only the upper-cased copies break
        if paragraphs and paragraphs[0].isupper():
            return ["Share on Facebook", "Sign up for our newsletter"]
        return real(paragraphs)  # type: ignore[no-any-return]

    monkeypatch.setattr(article, "drop_credited_captions", leaky)
    monkeypatch.setattr(assemble_module, "CHUNK_ROWS", 4)
    with pytest.raises(DataValidationError) as caught:
        build(BuildOptions(raw, tmp_path / "dist", progress=False))
    (failure,) = caught.value.failures  # one per rule, as from one whole table
    paths = sorted(p.relative_to(raw).as_posix() for p in raw.rglob("*.txt"))
    assert failure["rows"] == [i for i, p in enumerate(paths) if p.startswith("sub/")]
    assert failure["count"] == 5


def test_what_the_build_keeps_in_memory_holds_no_article_text(tmp_path: Path) -> None:
    """Bodies go to disk as batches arrive; memory keeps what grouping needs (signatures)."""
    schema = build_module.record_schema(build_module.load_contract())
    stage = functools.partial(stages.extract_batch, schema=schema)
    files = build_module.discover(RAW)
    collected = collect([run_batches(files, stage, batch_size=2)], schema, tmp_path)
    assert collected.keys.num_rows == collected.rows.num_rows == 5
    assert "body" not in collected.keys.column_names
    assert "body" in collected.rows.schema.names
    assert not {"_minhash", "_story_terms"} & set(collected.rows.schema.names)


def test_rows_of_several_passes_come_out_in_path_order(tmp_path: Path) -> None:
    """A pass may leave files to a later one (a rebuild extracts its new files last): rows,
    grouping columns and quarantined files still come out in raw_path order, as from one."""
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    (raw / "001_empty.txt").write_bytes(b"")
    (raw / "003_empty.txt").write_bytes(b"")
    schema = build_module.record_schema(build_module.load_contract())
    stage = functools.partial(stages.extract_batch, schema=schema)
    files = sorted(build_module.discover(raw), key=lambda f: f.rel_path)
    outcomes = []
    for name, passes in [("one", [files]), ("two", [files[1::2], files[::2]])]:
        (tmp_path / name).mkdir()
        collected = collect([run_batches(p, stage, batch_size=2) for p in passes], schema,
                            tmp_path / name)  # fmt: skip
        rows = pa.concat_tables(collected.chunks(3))
        outcomes.append((collected.keys, collected.quarantined, rows))
    (keys, quarantined, rows), (keys2, quarantined2, rows2) = outcomes
    assert keys2.equals(keys) and rows2.equals(rows) and quarantined2.equals(quarantined)
    assert keys.num_rows == 5 and quarantined.num_rows == 2
    assert keys.column("raw_path").to_pylist() == sorted(keys.column("raw_path").to_pylist())


def test_batches_out_of_path_order_are_refused(tmp_path: Path) -> None:
    schema = build_module.record_schema(build_module.load_contract())
    stage = functools.partial(stages.extract_batch, schema=schema)
    files = build_module.discover(RAW)[::-1]
    with pytest.raises(RuntimeError, match="out of raw_path order"):
        collect([run_batches(files, stage, batch_size=2)], schema, tmp_path)


def test_batches_from_other_processes_are_not_kept_whole_for_their_grouping_columns(
    tmp_path: Path,
) -> None:
    """A batch from another process lives in memory the engine allocated (unpickled bytes, or
    Ray's object store, where a column kept by reference pins the whole block, bodies and
    all): the grouping columns are copied out, and none of what was sent stays alive."""
    schema = build_module.record_schema(build_module.load_contract())
    table = stages.extract_batch(files_to_table(build_module.discover(RAW)), schema)
    where = table.schema.get_field_index("raw_path")
    tracemalloc.start()
    try:
        blocks = []
        for i in range(20):  # 20 batches of the seeds, under their own paths, as a pool sends them
            paths = pa.array([f"{i:03d}/{p}" for p in table.column("raw_path").to_pylist()])
            blocks.append(pickle.dumps(table.set_column(where, "raw_path", paths)))
        sent = sum(len(b) for b in blocks)
        before = tracemalloc.get_traced_memory()[0]
        collected = collect([(pickle.loads(b) for b in blocks)], schema, tmp_path)
        del blocks
        gc.collect()
        kept = tracemalloc.get_traced_memory()[0] - (before - sent)
    finally:
        tracemalloc.stop()
    assert collected.keys.num_rows == 100
    assert kept < sent / 10, (kept, sent)
