"""A small Hub on 127.0.0.1: the endpoints `huggingface_hub` uses to create a dataset repo,
list it, and commit to it. Every file is stored as a regular git blob (no LFS, no Xet)."""

from __future__ import annotations

import base64
import hashlib
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import unquote, urlsplit


def git_blob_id(data: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


@dataclass
class Repo:
    private: bool
    branches: dict[str, dict[str, bytes]] = field(default_factory=lambda: {"main": {}})
    commits: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class FakeHub:
    """State of the fake Hub, and what the client sent."""

    token: str
    repos: dict[str, Repo] = field(default_factory=dict)
    requests: list[tuple[str, str]] = field(default_factory=list)
    auth_headers: list[str | None] = field(default_factory=list)
    url: str = ""


def _handler(hub: FakeHub) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def _send(self, status: int, body: Any) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _body(self) -> bytes:
            return self.rfile.read(int(self.headers.get("Content-Length") or 0))

        def _route(self, method: str) -> None:
            path = unquote(urlsplit(self.path).path)
            hub.requests.append((method, path))
            hub.auth_headers.append(self.headers.get("Authorization"))
            if self.headers.get("Authorization") != f"Bearer {hub.token}":
                return self._send(401, {"error": "Invalid credentials in Authorization header"})
            parts = path.strip("/").split("/")
            if method == "POST" and path == "/api/repos/create":
                spec = json.loads(self._body())
                repo_id = f"{spec.get('organization') or 'user'}/{spec['name']}"
                if repo_id in hub.repos:
                    return self._send(
                        409,
                        {
                            "error": "You already created this dataset repo",
                            "url": f"{hub.url}/datasets/{repo_id}",
                        },
                    )
                hub.repos[repo_id] = Repo(private=spec.get("visibility") == "private")
                return self._send(200, {"url": f"{hub.url}/datasets/{repo_id}"})
            if method == "POST" and path == "/api/validate-yaml":
                return self._send(200, {"errors": [], "warnings": []})
            if len(parts) >= 5 and parts[:2] == ["api", "datasets"]:
                repo_id, action, rest = f"{parts[2]}/{parts[3]}", parts[4], parts[5:]
                repo = hub.repos.get(repo_id)
                if repo is None:
                    return self._send(404, {"error": "Repository not found"})
                return self._repo(method, repo_id, repo, action, "/".join(rest))
            return self._send(404, {"error": f"no route {method} {path}"})

        def _repo(self, method: str, repo_id: str, repo: Repo, action: str, rest: str) -> None:
            if action == "branch" and method == "POST":
                repo.branches.setdefault(rest, dict(repo.branches["main"]))
                return self._send(200, {})
            revision = rest.split("/")[0] if rest else "main"
            files = repo.branches.get(revision)
            if files is None:
                return self._send(404, {"error": "Revision not found"})
            if action == "preupload":
                spec = json.loads(self._body())
                return self._send(
                    200,
                    {
                        "files": [
                            {
                                "path": f["path"],
                                "uploadMode": "regular",
                                "shouldIgnore": False,
                                "oid": git_blob_id(files[f["path"]])
                                if f["path"] in files
                                else None,
                            }
                            for f in spec["files"]
                        ]
                    },
                )
            if action == "tree":
                return self._send(
                    200,
                    [
                        {"type": "file", "path": p, "size": len(d), "oid": git_blob_id(d)}
                        for p, d in sorted(files.items())
                    ],
                )
            if action == "revision":
                return self._send(
                    200,
                    {
                        "id": repo_id,
                        "sha": f"{len(repo.commits):040x}",
                        "siblings": [{"rfilename": p} for p in files],
                    },
                )
            if action == "commit":
                return self._commit(repo_id, repo, files)
            return self._send(404, {"error": f"no route {action}"})

        def _commit(self, repo_id: str, repo: Repo, files: dict[str, bytes]) -> None:
            lines = [json.loads(line) for line in self._body().splitlines() if line.strip()]
            commit: dict[str, Any] = {
                "added": [],
                "deleted": [],
                "create_pr": "create_pr" in (urlsplit(self.path).query or ""),
            }
            staged = dict(files)
            for item in lines:
                key, value = item["key"], item["value"]
                if key == "header":
                    commit["message"] = value["summary"]
                elif key == "file":
                    staged[value["path"]] = base64.b64decode(value["content"])
                    commit["added"].append(value["path"])
                elif key == "deletedFile":
                    staged.pop(value["path"], None)
                    commit["deleted"].append(value["path"])
            if not commit["create_pr"]:
                files.clear()
                files.update(staged)
            repo.commits.append(commit)
            oid = f"{len(repo.commits):040x}"
            body = {"commitUrl": f"{hub.url}/datasets/{repo_id}/commit/{oid}", "commitOid": oid}
            if commit["create_pr"]:
                body["pullRequestUrl"] = (
                    f"{hub.url}/datasets/{repo_id}/discussions/{len(repo.commits)}"
                )
            return self._send(200, body)

        def do_GET(self) -> None:
            self._route("GET")

        def do_POST(self) -> None:
            self._route("POST")

    return Handler


@contextmanager
def running_hub(token: str) -> Iterator[FakeHub]:
    """A fake Hub serving on a free port of 127.0.0.1 for the duration of the block."""
    hub = FakeHub(token)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(hub))
    hub.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield hub
    finally:
        server.shutdown()
        server.server_close()
