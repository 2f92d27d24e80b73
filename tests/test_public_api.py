"""The package's public surface is deliberate: names are added here on purpose, not by drift."""

from __future__ import annotations

import toolkit

PUBLIC = [
    "BuildOptions",
    "BuildResult",
    "Contract",
    "ContractError",
    "DataValidationError",
    "Extraction",
    "HubError",
    "OutputError",
    "QuarantineError",
    "RawDirNotFound",
    "ToolkitError",
    "UsageError",
    "__version__",
    "build",
    "extract_article",
    "load_contract",
]


def test_public_names() -> None:
    assert toolkit.__all__ == PUBLIC
    assert all(hasattr(toolkit, name) for name in PUBLIC)


def test_every_error_is_a_toolkit_error_with_a_code() -> None:
    for name in PUBLIC:
        obj = getattr(toolkit, name)
        if isinstance(obj, type) and issubclass(obj, Exception):
            assert issubclass(obj, toolkit.ToolkitError)
            assert obj.code and obj.exit_code in (1, 2)
