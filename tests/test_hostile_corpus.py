"""A corpus of every bad input builds: each file is a row or quarantined with its reason."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from tests.corpus import LATIN_1, HostileCorpus, reading_denied, write_hostile_corpus
from toolkit.build import BuildOptions, build
from toolkit.cli import app
from toolkit.contract import load_contract
from toolkit.validate.dataset import validate_paths

ENCODINGS = {
    "utf16-le.txt": "utf-16-le",
    "utf16-be.txt": "utf-16-be",
    "cp1252.txt": "cp1252",
    "latin-1.txt": "cp1252",  # its superset for Western text
    "mixed.txt": "utf-8+cp1252",
}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HostileCorpus]:
    corpus = write_hostile_corpus(tmp_path_factory.mktemp("hostile"))
    with reading_denied(corpus.raw / corpus.locked):
        yield corpus


@pytest.fixture(scope="module")
def built(hostile: HostileCorpus) -> tuple[Path, dict[str, Any], list[dict[str, Any]]]:
    out = hostile.raw.parent / "dist"
    result = build(BuildOptions(hostile.raw, out, progress=False))
    rows = pq.read_table(out / "data").to_pylist()
    return out, result.report, rows


def test_every_input_is_a_row_or_quarantined_with_its_reason(
    hostile: HostileCorpus, built: tuple[Path, dict[str, Any], list[dict[str, Any]]]
) -> None:
    out, report, rows = built
    on_disk = json.loads((out / "build_report.json").read_text())
    assert on_disk == report
    quarantined = {q["raw_path"]: (q["reason"], q["detail"]) for q in report["quarantined"]}
    assert quarantined == {k: v for k, v in hostile.expected.items() if v is not None}
    assert sorted(r["raw_path"] for r in rows) == sorted(
        k for k, v in hostile.expected.items() if v is None
    )
    counts = report["counts"]
    assert counts["rows"] + counts["quarantined"] == counts["files"] == len(hostile.expected)
    assert report["quarantine_reasons"] == {
        "binary": 2,
        "empty": 2,
        "no_body": 2,
        "refused": 5,
        "too_large": 1,
        "unreadable": 1,
    }


def test_ignored_entries_are_not_inputs_anywhere(
    hostile: HostileCorpus, built: tuple[Path, dict[str, Any], list[dict[str, Any]]]
) -> None:
    out, report, rows = built
    seen = {r["raw_path"] for r in rows} | {q["raw_path"] for q in report["quarantined"]}
    for name in hostile.ignored:
        assert name not in seen
    assert not any("/up/" in path for path in seen)  # the folder symlink was not followed


def test_every_encoding_and_line_end_gives_the_article_text(
    built: tuple[Path, dict[str, Any], list[dict[str, Any]]],
) -> None:
    _, _, rows = built
    for row in rows:
        body, name = row["body"], row["raw_path"]
        assert row["raw_encoding"] == ENCODINGS.get(name, "utf-8"), name
        assert row["headline"] == "Harbour plan divides Zürich council", name
        expected = LATIN_1 if name == "latin-1.txt" else None
        assert "Zürich met on Monday at the Café Odeon" in body, name
        assert ('"new"' if expected else "“new” budget of €4 million") in body, name
        assert body.count("\n\n") == 3, name  # four paragraphs, whatever the line ends
        assert not any(ch in body for ch in "\r\ufeff\x00"), name


def test_the_dataset_is_valid_and_the_card_lists_every_quarantined_file(
    hostile: HostileCorpus, built: tuple[Path, dict[str, Any], list[dict[str, Any]]]
) -> None:
    out, report, rows = built
    assert validate_paths([out], load_contract()).valid
    card = (out / "README.md").read_text(encoding="utf-8")
    limitations = card.split("## Known limitations", 1)[1]
    for q in report["quarantined"]:
        assert f"`{q['raw_path']}`: {q['reason']} ({q['detail']})" in limitations
    assert not any("private file outside" in r["body"] for r in rows)  # the symlink was not read


@pytest.mark.parametrize("flag", ["--strict", "--fail-on-quarantine"])
def test_ci_mode_fails_on_the_corpus_naming_a_file(
    hostile: HostileCorpus, tmp_path: Path, flag: str
) -> None:
    result = CliRunner().invoke(app, ["build", str(hostile.raw), "-o", str(tmp_path / "d"), flag])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ")
    assert "boilerplate.txt: quarantined (no_body" in lines[0] and "13 file(s)" in lines[0]
    assert not (tmp_path / "d").exists()
