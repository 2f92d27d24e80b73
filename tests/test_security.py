"""Hostile data files and what the build may touch: no code runs from YAML, no write outside."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import RAW, ROOT
from tests.corpus import ARTICLE
from toolkit.build import BuildOptions, build
from toolkit.cli import app
from toolkit.contract import default_contract_path
from toolkit.errors import ContractError
from toolkit.extract import knowledge

runner = CliRunner()
EXPLOIT = '!!python/object/apply:os.system ["touch {marker}"]'


def one_line_error(output: str, *fragments: str) -> None:
    lines = [line for line in output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), output
    for fragment in fragments:
        assert fragment in lines[0], output


@pytest.mark.parametrize(
    "tag",
    [
        EXPLOIT,
        '!!python/object/new:os.system ["touch {marker}"]',
        "!!python/name:os.system",
    ],
)
def test_a_contract_asking_for_python_objects_is_refused_and_nothing_runs(
    tmp_path: Path, tag: str
) -> None:
    marker = tmp_path / "pwned"
    contract = tmp_path / "contract.yaml"
    contract.write_text(f"columns: {tag.format(marker=marker)}\n")
    result = runner.invoke(
        app, ["build", str(RAW), "--out", str(tmp_path / "d"), "--contract", str(contract)]
    )
    assert result.exit_code == 2
    one_line_error(result.output, "contract.yaml", "line 1", "could not determine a constructor")
    assert not marker.exists() and not (tmp_path / "d").exists()


def test_data_files_asking_for_python_objects_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    marker = tmp_path / "pwned"
    (tmp_path / "publishers.yaml").write_text(f"publishers: {EXPLOIT.format(marker=marker)}\n")

    class Files:
        @staticmethod
        def files(package: str) -> Path:
            return tmp_path

    monkeypatch.setattr(knowledge, "resources", Files)
    with pytest.raises(ContractError, match="publishers.yaml: invalid YAML: line 1") as info:
        knowledge.load_data_file("publishers.yaml")
    assert "\n" not in str(info.value)
    assert not marker.exists()


def test_a_split_name_cannot_write_outside_the_output_folder(tmp_path: Path) -> None:
    text = default_contract_path().read_text(encoding="utf-8")
    assert "    split: train\n" in text
    contract = tmp_path / "contract.yaml"
    contract.write_text(text.replace("    split: train\n", "    split: ../../escaped\n"))
    work = tmp_path / "a" / "b"
    work.mkdir(parents=True)
    result = runner.invoke(
        app, ["build", str(RAW), "--out", str(work / "d"), "--contract", str(contract)]
    )
    assert result.exit_code == 2
    one_line_error(result.output, "contract.yaml", "metadata.card.split")
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == [
        "a",
        "a/b",
        "contract.yaml",
    ]


# Runs `toolkit build` with an audit hook logging every file the interpreter opens for
# writing, creates, renames or deletes (Arrow's own writes are seen by the folder snapshot).
AUDITED_BUILD = """
import json, os, sys
log = open(sys.argv[1], "w")
WRITE = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
# event -> (index of a path argument, index of its dir_fd argument or None)
PATHS = {"os.rename": [(0, 2), (1, 3)], "os.link": [(0, 2), (1, 3)], "os.mkdir": [(0, 2)],
         "os.remove": [(0, 1)], "os.rmdir": [(0, 1)], "shutil.rmtree": [(0, 1)],
         "os.symlink": [(1, 2)], "os.truncate": [(0, None)], "os.chmod": [(0, 2)],
         "os.chown": [(0, 3)], "os.utime": [(0, 3)], "shutil.copyfile": [(1, None)],
         "shutil.move": [(0, None), (1, None)]}
def where(path, fd):
    if isinstance(path, int):
        return os.readlink(f"/proc/self/fd/{path}")
    base = os.readlink(f"/proc/self/fd/{fd}") if isinstance(fd, int) and fd >= 0 else os.getcwd()
    return os.path.normpath(os.path.join(base, os.fsdecode(path)))
def hook(event, args):
    found = [(args[i], args[j] if j is not None else None) for i, j in PATHS.get(event, [])]
    if event == "open":
        path, mode, flags = args
        written = any(c in mode for c in "wax+") if isinstance(mode, str) else flags & WRITE
        found = [(path, None)] if written else []
    for path, fd in found:
        if path is not None:
            log.write(json.dumps([event, where(path, fd)]) + "\\n")
            log.flush()
sys.addaudithook(hook)
sys.argv = ["toolkit", *sys.argv[2:]]
from toolkit.cli import main
main()
"""


def tree(folder: Path) -> dict[str, tuple[int, int] | None]:
    """Every entry under folder: files by size and time, folders by name (their times change
    when a temporary file comes and goes)."""
    return {
        p.relative_to(folder).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns)
        if p.is_file()
        else None
        for p in folder.rglob("*")
    }


def test_the_build_writes_only_inside_its_output_folder_and_its_cache(tmp_path: Path) -> None:
    home, temp, work = tmp_path / "home", tmp_path / "tmp", tmp_path / "work"
    for folder in (home, temp, work):
        folder.mkdir()
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    out = work / "out"
    build(BuildOptions(RAW, out, progress=False))  # a previous build, to be replaced
    (raw / "005_more.txt").write_text(ARTICLE, encoding="utf-8")
    before = tree(tmp_path)
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "TMPDIR": str(temp),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "PYTHONPATH": str(ROOT),
        "PYTHONDONTWRITEBYTECODE": "1",
        "HF_DATASETS_OFFLINE": "1",
        "HF_HUB_OFFLINE": "1",
    }
    log = tmp_path / "audit.jsonl"
    done = subprocess.run(
        [sys.executable, "-c", AUDITED_BUILD, str(log), "build", str(raw), "--out", "out"],
        env=env,
        cwd=work,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    staging = (".out.tmp-", ".out.old-", ".out.spill-")
    events = [tuple(json.loads(line)) for line in log.read_text().splitlines()]
    assert ("os.rename", str(out)) in events  # (the hook saw the swap)
    for event, path in events:
        rel = os.path.relpath(path, work)
        # the output folder, and the extraction cache the CLI keeps (documented, --no-cache)
        inside = rel == "out" or rel.startswith(("out/", *staging, ".toolkit-cache"))
        allowed = inside or path == "/dev/null" or path.startswith(str(temp))
        allowed = allowed or (event == "os.mkdir" and Path(path) in out.parents)
        assert allowed, (event, path)
    after = tree(tmp_path)
    changed = {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}
    changed = {p for p in changed if not p.startswith("work/.toolkit-cache/extract-")}
    assert changed - {"audit.jsonl"} == {
        "work/out/README.md",
        "work/out/build_report.json",
        "work/out/data/train-00000-of-00001.parquet",
    }
