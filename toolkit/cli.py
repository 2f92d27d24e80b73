"""The command line: thin commands that call the library and map its errors to exit codes."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from toolkit.build import BuildOptions, build
from toolkit.config import project_defaults
from toolkit.contract import load_contract
from toolkit.errors import ToolkitError, UsageError
from toolkit.validate.dataset import validate_paths
from toolkit.validate.render import FORMATS, render_github, render_human, render_json

app = typer.Typer(
    help="Turn raw news-article text files into a validated, de-duplicated Parquet dataset.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    add_completion=False,
)
err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)


@contextmanager
def _user_errors() -> Iterator[None]:
    """The one place expected failures become a one-line message and an exit code."""
    try:
        yield
    except ToolkitError as exc:
        err.print(f"error: {exc}", markup=False)
        raise typer.Exit(exc.exit_code) from None


@app.callback()
def _root() -> None:
    """Turn raw news-article text files into a validated, de-duplicated Parquet dataset."""


@app.command("build")
def build_command(
    raw_dir: Annotated[
        Path | None, typer.Argument(help="Folder of raw text files [default: raw]")
    ] = None,
    out_dir: Annotated[
        Path | None, typer.Option("--out", "-o", help="Dataset folder to write [default: dist]")
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Fail if any file is quarantined")
    ] = False,
    card: Annotated[
        Path | None, typer.Option("--card", help="Also write the dataset card to this file")
    ] = None,
    contract: Annotated[
        Path | None, typer.Option("--contract", help="Contract YAML [default: schema/]")
    ] = None,
) -> None:
    """Build a Hub-ready dataset folder (Parquet shards, card, report) from RAW_DIR."""
    with _user_errors():
        defaults = project_defaults()
        raw = raw_dir or defaults.raw
        # The project's own card follows the project's own raw folder, not other builds.
        same_raw = raw.resolve() == defaults.raw.resolve()
        card_copy = card or (defaults.card if same_raw else None)
        opts = BuildOptions(raw, out_dir or defaults.out, strict, card_copy, contract)
        result = build(opts)
    counts = result.report["counts"]
    groups = result.report["duplicate_groups"]
    out.print(
        f"built {result.out_dir}: {counts['rows']} rows from {counts['files']} files, "
        f"{counts['quarantined']} quarantined, {groups['groups']} duplicate groups"
    )
    for q in result.report["quarantined"]:
        out.print(f"  quarantined {q['raw_path']}: {q['reason']} ({q['detail']})", markup=False)


@app.command("validate")
def validate_command(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="A dataset folder, or Parquet files [default: dist]"),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="human, json or github")] = "human",
    contract: Annotated[
        Path | None, typer.Option("--contract", help="Contract YAML [default: schema/]")
    ] = None,
) -> None:
    """Check a built dataset against the contract; exit 0 valid, 1 invalid, 2 usage error."""
    with _user_errors():
        if fmt not in FORMATS:
            raise UsageError(f"--format {fmt}: choose one of {', '.join(FORMATS)}")
        report = validate_paths(paths or [project_defaults().out], load_contract(contract))
    if fmt == "json":
        print(render_json(report))
    elif fmt == "github":
        print(render_github(report))
    else:
        render_human(report, out)
    if not report.valid:
        raise typer.Exit(1)


def main() -> None:
    """Console-script entry point."""
    app()
