"""`toolkit validate` on a good build and on each corruption a user or a bug can produce."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from toolkit.cli import app
from toolkit.validate import dataset

runner = CliRunner()
SHARD = "data/train-00000-of-00001.parquet"


def run(*args: str) -> tuple[int, dict[str, Any]]:
    result = runner.invoke(app, ["validate", *args, "--format", "json"])
    assert "Traceback" not in result.output
    return result.exit_code, json.loads(result.output) if result.output.startswith("{") else {}


@pytest.fixture
def dist(seeds_build: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "dist"
    shutil.copytree(seeds_build, copy)
    return copy


def rewrite(
    dist: Path, change: Callable[[list[dict[str, Any]]], None], nullable: tuple[str, ...] = ()
) -> None:
    """Rewrite the shard with its rows changed, keeping the metadata (contract version)."""
    path = dist / SHARD
    table = pq.read_table(path)
    rows = table.to_pylist()
    change(rows)
    schema = pa.schema(
        [f.with_nullable(True) if f.name in nullable else f for f in table.schema],
        metadata=table.schema.metadata,
    )
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), path)


def codes_of(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {f["code"]: f for f in report["failures"]}


def test_a_valid_build_exits_0(seeds_build: Path) -> None:
    code, report = run(str(seeds_build))
    assert code == 0
    assert report["valid"] is True and report["rows"] == 5 and report["failures"] == []


def test_null_body(dist: Path) -> None:
    rewrite(dist, lambda rows: rows[2].update(body=None), nullable=("body",))
    code, report = run(str(dist))
    assert code == 1
    failures = codes_of(report)
    assert failures["null_value"]["column"] == "body"
    assert failures["null_value"]["rows"] == [2]
    assert "column_nullability" in failures


def test_a_rule_broken_in_several_batches_of_a_file_is_one_failure(
    dist: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file is read a batch at a time; the report counts a rule once, with every row."""
    monkeypatch.setattr(dataset, "BATCH_ROWS", 2)
    rewrite(dist, lambda rows: [rows[i].update(body=None) for i in (0, 4)], nullable=("body",))
    code, report = run(str(dist))
    assert code == 1
    (null,) = [f for f in report["failures"] if f["code"] == "null_value"]
    assert null["rows"] == [0, 4] and null["count"] == 2


def test_duplicated_id(dist: Path) -> None:
    rewrite(dist, lambda rows: rows[3].update(id=rows[2]["id"]))
    code, report = run(str(dist))
    assert code == 1
    assert codes_of(report)["not_unique"]["rows"] == [2, 3]


def test_wrong_column_type(dist: Path) -> None:
    path = dist / SHARD
    table = pq.read_table(path)
    index = table.schema.get_field_index("word_count")
    table = table.set_column(index, "word_count", table.column("word_count").cast(pa.int64()))
    pq.write_table(table, path)
    code, report = run(str(dist))
    assert code == 1
    failure = codes_of(report)["column_type"]
    assert failure["column"] == "word_count" and failure["values"] == ["int64"]


def test_group_pointing_to_no_member(dist: Path) -> None:
    rewrite(dist, lambda rows: rows[4].update(duplicate_group="ffffffffffffffff"))
    code, report = run(str(dist))
    assert code == 1
    failure = codes_of(report)["group_without_canonical"]
    assert failure["rows"] == [4] and failure["values"] == ["ffffffffffffffff"]


def test_story_pointing_to_no_member(dist: Path) -> None:
    rewrite(dist, lambda rows: rows[2].update(story_group="eeeeeeeeeeeeeeee"))
    code, report = run(str(dist))
    assert code == 1
    failure = codes_of(report)["group_without_canonical"]
    assert failure["column"] == "story_group" and failure["rows"] == [2]


def test_future_date(dist: Path) -> None:
    future = dt.date.today() + dt.timedelta(days=30)
    rewrite(dist, lambda rows: rows[3].update(date=future, date_source="text"))
    code, report = run(str(dist))
    assert code == 1
    assert codes_of(report)["date_in_future"]["rows"] == [3]


def test_body_of_only_boilerplate(dist: Path) -> None:
    rewrite(dist, lambda rows: rows[1].update(body="Share\n\nSign up for our newsletter"))
    code, report = run(str(dist))
    assert code == 1
    assert codes_of(report)["body_only_boilerplate"]["rows"] == [1]


def test_card_features_disagree(dist: Path) -> None:
    card = dist / "README.md"
    text = card.read_text()
    card.write_text(
        text.replace("  - name: date\n    dtype: date32", "  - name: date\n    dtype: string")
    )
    code, report = run(str(dist))
    assert code == 1
    assert "card_features_mismatch" in codes_of(report)


def test_card_row_count_disagrees(dist: Path) -> None:
    card = dist / "README.md"
    card.write_text(card.read_text().replace("num_examples: 5", "num_examples: 6"))
    code, report = run(str(dist))
    assert code == 1
    assert "card_num_examples_mismatch" in codes_of(report)


def test_missing_shard_named_by_the_card(dist: Path) -> None:
    (dist / SHARD).unlink()
    code, report = run(str(dist))
    assert code == 1
    failures = codes_of(report)
    assert failures["shard_missing"]["file"] == SHARD
    assert "card_config_matches_no_file" in failures


def test_missing_one_of_several_shards(dist: Path) -> None:
    table = pq.read_table(dist / SHARD)
    (dist / SHARD).unlink()
    pq.write_table(table, dist / "data/train-00000-of-00002.parquet")
    code, report = run(str(dist))
    assert code == 1
    assert codes_of(report)["shard_missing"]["file"] == "data/train-00001-of-00002.parquet"


def test_truncated_parquet(dist: Path) -> None:
    path = dist / SHARD
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    code, report = run(str(dist))
    assert code == 1
    failure = codes_of(report)["file_unreadable"]
    assert failure["file"] == SHARD


def test_older_contract_version_is_named(dist: Path) -> None:
    path = dist / SHARD
    table = pq.read_table(path)
    table = table.replace_schema_metadata(
        {**table.schema.metadata, b"toolkit.contract_version": b"0"}
    )
    pq.write_table(table, path)
    code, report = run(str(dist))
    assert code == 1
    message = codes_of(report)["contract_version_mismatch"]["message"]
    assert "contract version 0" in message and "incompatible" in message


def test_single_files_can_be_validated(seeds_build: Path) -> None:
    code, report = run(str(seeds_build / SHARD))
    assert code == 0 and report["rows"] == 5


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", str(tmp_path / "nope")])
    assert result.exit_code == 2 and result.output.startswith("error: ")
    result = runner.invoke(app, ["validate", str(tmp_path)])
    assert result.exit_code == 2 and "no Parquet files" in result.output
    result = runner.invoke(app, ["validate", str(tmp_path), "--format", "xml"])
    assert result.exit_code == 2 and "--format" in result.output


def test_human_and_github_formats(dist: Path) -> None:
    rewrite(dist, lambda rows: rows[4].update(duplicate_group="ffffffffffffffff"))
    human = runner.invoke(app, ["validate", str(dist)])
    assert human.exit_code == 1
    assert "INVALID" in human.output and "group_without_canonical" in human.output
    github = runner.invoke(app, ["validate", str(dist), "--format", "github"])
    assert github.exit_code == 1
    first = github.output.splitlines()[0]
    assert first.startswith(
        f"::error file={dist}/{SHARD},title=toolkit validate group_without_canonical::"
    )
    assert "(rows 4)" in first
