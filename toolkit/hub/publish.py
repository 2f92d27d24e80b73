"""`toolkit publish`: a validated dataset folder committed to a dataset repo on the Hub.

Only the files of a built dataset go up (the card and the Parquet shards its build report
lists, never another file that sits in the folder); remote shards the
build no longer has are deleted in the same commit; files the Hub already has are not sent.
The token is whatever `huggingface_hub` resolves (HF_TOKEN, a saved login, keyless CI); it is
never an argument and never part of a message.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from httpx2 import HTTPError as TransportError  # the HTTP client huggingface_hub uses
from huggingface_hub import CommitOperationAdd, CommitOperationDelete, HfApi, get_token
from huggingface_hub.hf_api import RepoFile
from huggingface_hub.utils import sha

from toolkit.contract import Contract
from toolkit.errors import DataValidationError, HubError, UsageError
from toolkit.output.report import REPORT_FILE
from toolkit.validate.card import CARD
from toolkit.validate.dataset import validate_paths

REPO_TYPE = "dataset"
DATA_PREFIX = "data/"


@dataclass(frozen=True)
class PublishPlan:
    """What a publish would commit, known without touching the network."""

    repo_id: str
    folder: Path
    files: dict[str, int]  # path in repo -> size in bytes
    front_matter: str
    private: bool = False
    revision: str | None = None
    create_pr: bool = False
    message: str = "Publish dataset with toolkit"


@dataclass
class PublishResult:
    """What a publish did."""

    url: str
    commit_url: str | None
    uploaded: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


def plan_publish(
    folder: Path,
    repo_id: str,
    contract: Contract,
    *,
    private: bool = False,
    revision: str | None = None,
    create_pr: bool = False,
    message: str | None = None,
) -> PublishPlan:
    """Validate the folder and list the files to commit; refuse anything invalid."""
    if repo_id.count("/") != 1 or not all(repo_id.split("/")):
        raise UsageError(f"{repo_id}: a repo id is NAMESPACE/NAME")
    if create_pr and revision:
        raise UsageError("--create-pr opens a pull request on the main branch; drop --revision")
    report = validate_paths([folder], contract)
    if not report.valid:
        first = report.failures[0]
        raise DataValidationError(
            f"{folder}: not published, {len(report.failures)} validation failure(s), first: "
            f"{first.code} {first.file or ''} {first.message}",
            failures=[f.to_json() for f in report.failures],
        )
    names = [CARD, *built_shards(folder, report.files)]
    card = (folder / CARD).read_text(encoding="utf-8")
    front = card.split("---\n")[1] if card.startswith("---\n") else ""
    return PublishPlan(
        repo_id,
        folder,
        {n: (folder / n).stat().st_size for n in names},
        front,
        private,
        revision,
        create_pr,
        message or "Publish dataset with toolkit",
    )


def built_shards(folder: Path, present: list[str]) -> list[str]:
    """The shards the build wrote, from its report: another Parquet file that happens to be
    in the folder (a backup, a user's own table) validates but is not the dataset."""
    path = folder / REPORT_FILE
    try:
        shards = json.loads(path.read_text(encoding="utf-8"))["shards"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise UsageError(
            f"{path}: not a toolkit build, no readable build report ({type(exc).__name__})"
        ) from exc
    if not isinstance(shards, list):
        raise UsageError(f"{path}: the build report's shards are not a list")
    return [name for name in present if name in shards]  # (only files found in the folder)


def _same(local: Path, remote: RepoFile) -> bool:
    data = local.read_bytes()
    if remote.lfs is not None:
        return bool(remote.lfs.sha256 == hashlib.sha256(data).hexdigest())
    return bool(remote.blob_id == sha.git_hash(data))


@contextmanager
def _hub_errors(token: str | None) -> Iterator[None]:
    """Hub and network failures as one line, with the token scrubbed just in case."""
    try:
        yield
    except (OSError, TransportError, ValueError) as exc:
        text = " ".join(str(exc).split()) or type(exc).__name__
        if token:
            text = text.replace(token, "***")
        raise HubError(f"publishing failed: {text[:300]}") from None


def publish(plan: PublishPlan, api: HfApi | None = None) -> PublishResult:
    """Create the repo if needed and commit only what changed."""
    api = api or HfApi()
    token = get_token()
    with _hub_errors(token):
        repo = api.create_repo(
            plan.repo_id, repo_type=REPO_TYPE, private=plan.private, exist_ok=True
        )
        if plan.revision:
            api.create_branch(
                plan.repo_id, branch=plan.revision, repo_type=REPO_TYPE, exist_ok=True
            )
        remote = {
            entry.path: entry
            for entry in api.list_repo_tree(
                plan.repo_id, recursive=True, repo_type=REPO_TYPE, revision=plan.revision
            )
            if isinstance(entry, RepoFile)
        }
        result = PublishResult(url=str(repo), commit_url=None)
        for name in plan.files:
            known = remote.get(name)
            same = known is not None and _same(plan.folder / name, known)
            (result.unchanged if same else result.uploaded).append(name)
        result.deleted = sorted(
            p
            for p in remote
            if p.startswith(DATA_PREFIX) and p.endswith(".parquet") and p not in plan.files
        )
        if not result.uploaded and not result.deleted:
            return result
        operations: list[CommitOperationAdd | CommitOperationDelete] = [
            CommitOperationAdd(path_in_repo=n, path_or_fileobj=plan.folder / n)
            for n in result.uploaded
        ]
        operations += [CommitOperationDelete(path_in_repo=p) for p in result.deleted]
        info = api.create_commit(
            plan.repo_id,
            operations,
            commit_message=plan.message,
            repo_type=REPO_TYPE,
            revision=plan.revision,
            create_pr=plan.create_pr,
        )
        result.commit_url = info.pr_url or info.commit_url
    return result
