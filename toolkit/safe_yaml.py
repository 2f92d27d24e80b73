"""YAML from files a user or a package supplies, parsed so that data can never run code."""

from __future__ import annotations

from typing import Any

import yaml


class YamlProblem(ValueError):
    """Raised for YAML that cannot be parsed or that asks for a Python object; one line."""


def load_yaml(text: str) -> Any:
    """Plain data only: the safe loader refuses every tag that would build a Python object."""
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise YamlProblem(_one_line(exc)) from exc


def _one_line(exc: yaml.YAMLError) -> str:
    """PyYAML's messages span several lines (with a caret); errors here are one line."""
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        what = ": ".join(str(part) for part in (exc.context, exc.problem) if part)
        return where + (what or type(exc).__name__)
    return " ".join(str(exc).split())
