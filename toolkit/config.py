"""Project defaults for the CLI, read from [tool.toolkit] in ./pyproject.toml."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from toolkit.errors import UsageError


@dataclass(frozen=True)
class ProjectDefaults:
    """Where this project keeps its raw files, its build, its card and its extraction cache."""

    raw: Path = Path("raw")
    out: Path = Path("dist")
    card: Path | None = None
    cache: Path = Path(".toolkit-cache")


def project_defaults(folder: Path | None = None) -> ProjectDefaults:
    """Defaults from folder/pyproject.toml, or the built-in ones when it has none."""
    path = (folder or Path.cwd()) / "pyproject.toml"
    if not path.is_file():
        return ProjectDefaults()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise UsageError(f"{path}: cannot read [tool.toolkit]: {exc}") from exc
    section = data.get("tool", {}).get("toolkit", {})
    card = section.get("card")
    return ProjectDefaults(
        raw=Path(section.get("raw", "raw")),
        out=Path(section.get("out", "dist")),
        card=Path(card) if card else None,
        cache=Path(section.get("cache", ".toolkit-cache")),
    )
