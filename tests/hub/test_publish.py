"""`toolkit publish` with the real huggingface_hub client against a fake Hub on 127.0.0.1."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import datasets
import pyarrow.parquet as pq
import pytest
from huggingface_hub import HfApi

from tests.conftest import ROOT
from tests.hub.fake_hub import FakeHub, running_hub
from toolkit.contract import load_contract
from toolkit.errors import DataValidationError, UsageError
from toolkit.hub.publish import plan_publish, publish

TOKEN = "hf_fakeSECRETtoken0123456789"
REPO = "someone/news"
SHARD = "data/train-00000-of-00001.parquet"


@pytest.fixture
def hub(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeHub]:
    monkeypatch.setenv("HF_TOKEN", TOKEN)
    with running_hub(TOKEN) as fake:
        yield fake


@pytest.fixture
def dist(seeds_build: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "dist"
    shutil.copytree(seeds_build, copy)
    return copy


def publish_to(hub: FakeHub, folder: Path, **options: object) -> object:
    plan = plan_publish(folder, REPO, load_contract(), **options)  # type: ignore[arg-type]
    return publish(plan, HfApi(endpoint=hub.url))


def test_publish_commits_the_card_and_shards_and_they_load(
    hub: FakeHub, dist: Path, tmp_path: Path
) -> None:
    (dist / "notes.txt").write_text("not part of the dataset")
    result = publish_to(hub, dist)
    files = hub.repos[REPO].branches["main"]
    assert sorted(files) == ["README.md", SHARD]  # nothing else from the folder
    assert files[SHARD] == (dist / SHARD).read_bytes()
    assert files["README.md"] == (dist / "README.md").read_bytes()
    assert result.url == f"{hub.url}/datasets/{REPO}"  # type: ignore[attr-defined]
    assert all(auth == f"Bearer {TOKEN}" for auth in hub.auth_headers)
    # What Hub users get: the committed files, loaded the way load_dataset("user/name") does.
    mirror = tmp_path / "mirror"
    for name, data in files.items():
        (mirror / name).parent.mkdir(parents=True, exist_ok=True)
        (mirror / name).write_bytes(data)
    ds = datasets.load_dataset(str(mirror), split="train")
    assert ds.num_rows == 5 and ds.features == load_contract().features


def test_only_the_built_files_go_up_whatever_else_is_in_the_folder(
    hub: FakeHub, dist: Path
) -> None:
    # A Parquet file that validates (a user's own table, an old backup) is not the dataset.
    table = pq.read_table(dist / SHARD)
    (dist / "scratch").mkdir()
    pq.write_table(table.slice(0, 0), dist / "scratch" / "mine.parquet")
    pq.write_table(table.slice(0, 0), dist / "data" / "backup.parquet")
    (dist / ".env").write_text("HF_TOKEN=hf_someoneelse")
    (dist / "data" / f"{Path(SHARD).name}.bak").write_bytes(b"old")
    result = publish_to(hub, dist)
    assert sorted(hub.repos[REPO].branches["main"]) == ["README.md", SHARD]
    assert result.uploaded == ["README.md", SHARD]  # type: ignore[attr-defined]


def test_a_folder_without_a_build_report_is_refused(hub: FakeHub, dist: Path) -> None:
    (dist / "build_report.json").unlink()
    with pytest.raises(UsageError, match="not a toolkit build"):
        publish_to(hub, dist)
    assert hub.requests == []


def test_republishing_an_unchanged_build_uploads_nothing(hub: FakeHub, dist: Path) -> None:
    publish_to(hub, dist)
    result = publish_to(hub, dist)
    assert result.uploaded == [] and result.deleted == []  # type: ignore[attr-defined]
    assert len(hub.repos[REPO].commits) == 1
    assert not any(path.endswith("/preupload/main") for _, path in hub.requests[-2:])


def test_remote_shards_the_build_no_longer_has_are_deleted(hub: FakeHub, dist: Path) -> None:
    publish_to(hub, dist)
    old = ["data/train-00000-of-00002.parquet", "data/train-00001-of-00002.parquet"]
    for name in old:
        hub.repos[REPO].branches["main"][name] = b"old shard"
    hub.repos[REPO].branches["main"]["extra.md"] = b"the user's own file"
    result = publish_to(hub, dist)
    assert result.deleted == old and result.uploaded == []  # type: ignore[attr-defined]
    assert sorted(hub.repos[REPO].branches["main"]) == ["README.md", SHARD, "extra.md"]


def test_private_repo(hub: FakeHub, dist: Path) -> None:
    publish_to(hub, dist, private=True)
    assert hub.repos[REPO].private is True


def test_revision_and_pull_request(hub: FakeHub, dist: Path) -> None:
    publish_to(hub, dist, revision="v1")
    assert sorted(hub.repos[REPO].branches["v1"]) == ["README.md", SHARD]
    assert hub.repos[REPO].branches["main"] == {}
    result = publish_to(hub, dist, create_pr=True)
    assert "/discussions/" in result.commit_url  # type: ignore[attr-defined]
    assert hub.repos[REPO].branches["main"] == {}  # a PR does not touch main
    with pytest.raises(UsageError, match="--create-pr"):
        plan_publish(dist, REPO, load_contract(), revision="v1", create_pr=True)


def test_an_invalid_folder_is_refused_before_any_request(hub: FakeHub, dist: Path) -> None:
    table = pq.read_table(dist / SHARD)
    pq.write_table(table.slice(0, 3).replace_schema_metadata(table.schema.metadata), dist / SHARD)
    with pytest.raises(DataValidationError, match="not published"):
        publish_to(hub, dist)
    assert hub.requests == []


def cli(*args: str, endpoint: str, token: str = TOKEN) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HF_ENDPOINT": endpoint, "HF_TOKEN": token, "NO_COLOR": "1"}
    env.pop("HF_HUB_OFFLINE", None)
    return subprocess.run(
        [sys.executable, "-m", "toolkit", "publish", *args],
        env=env,
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )


def test_cli_publishes_and_prints_the_url_never_the_token(hub: FakeHub, dist: Path) -> None:
    done = cli(REPO, str(dist), endpoint=hub.url)
    assert done.returncode == 0, done.stderr
    assert f"{hub.url}/datasets/{REPO}" in done.stdout
    assert TOKEN not in done.stdout + done.stderr


def test_cli_refused_token_is_one_line_without_the_token(hub: FakeHub, dist: Path) -> None:
    wrong = "hf_wrongSECRET999"
    done = cli(REPO, str(dist), endpoint=hub.url, token=wrong)
    assert done.returncode == 2
    assert done.stderr.startswith("error: publishing failed") and "401" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert wrong not in done.stdout + done.stderr and "Traceback" not in done.stderr


def test_cli_network_error_is_clear(dist: Path) -> None:
    done = cli(REPO, str(dist), endpoint="http://127.0.0.1:9")
    assert done.returncode == 2
    assert done.stderr.startswith("error: publishing failed") and "Traceback" not in done.stderr
    assert TOKEN not in done.stderr


def test_dry_run_prints_the_commit_and_touches_no_network(hub: FakeHub, dist: Path) -> None:
    done = cli(REPO, str(dist), "--dry-run", "--private", endpoint=hub.url)
    assert done.returncode == 0, done.stderr
    assert hub.requests == []
    assert "add README.md" in done.stdout and f"add {SHARD}" in done.stdout
    assert "private" in done.stdout and "dataset_info:" in done.stdout
