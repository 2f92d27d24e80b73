"""The CLI as a user meets it: exit codes and one-line errors, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from tests.conftest import RAW, ROOT
from toolkit.cli import app

runner = CliRunner()


def test_build_defaults_come_from_the_project(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.toolkit]\nraw = "in"\nout = "ds"\ncard = "CARD.md"\n'
    )
    (tmp_path / "in").symlink_to(RAW)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["build"])
    assert result.exit_code == 0, result.output
    assert "5 rows from 5 files, 0 quarantined" in result.output
    assert (tmp_path / "ds" / "data" / "train-00000-of-00001.parquet").is_file()
    assert (tmp_path / "CARD.md").read_text() == (tmp_path / "ds" / "README.md").read_text()


def test_build_of_another_folder_leaves_the_project_card_alone(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.toolkit]\ncard = "CARD.md"\n')
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["build", str(RAW), "--out", "elsewhere"])
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "CARD.md").exists()


def one_line_error(result, *fragments: str) -> None:
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    assert lines[0].startswith("error: ")
    for fragment in fragments:
        assert fragment in lines[0]
    assert "Traceback" not in result.output


def test_missing_raw_folder(tmp_path: Path) -> None:
    result = runner.invoke(app, ["build", str(tmp_path / "nope"), "--out", str(tmp_path / "d")])
    assert result.exit_code == 2
    one_line_error(result, "nope", "raw folder not found")


def test_unwritable_output(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = runner.invoke(app, ["build", str(RAW), "--out", str(blocker / "dist")])
    assert result.exit_code == 2
    one_line_error(result, "dist", "output folder")


def test_invalid_contract(tmp_path: Path) -> None:
    bad = tmp_path / "contract.yaml"
    bad.write_text("columns:\n  id:\n    dtype: NotAType\n    description: x\n")
    result = runner.invoke(
        app, ["build", str(RAW), "--out", str(tmp_path / "d"), "--contract", str(bad)]
    )
    assert result.exit_code == 2
    one_line_error(result, "contract.yaml")


def test_strict_exits_non_zero(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_bytes(b"")
    result = runner.invoke(app, ["build", str(raw), "--out", str(tmp_path / "d"), "--strict"])
    assert result.exit_code == 1
    one_line_error(result, "a.txt", "--strict")


def test_python_dash_m_and_console_script(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "toolkit", "build", str(tmp_path / "missing")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.strip().startswith("error: ") and "Traceback" not in done.stderr
