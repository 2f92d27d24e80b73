"""The command line: thin commands that call the library and map its errors to exit codes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from toolkit.build import BuildOptions, Engine, build
from toolkit.config import project_defaults
from toolkit.contract import load_contract
from toolkit.cores import default_workers
from toolkit.errors import ToolkitError, UsageError
from toolkit.evaluate.render import render_scores
from toolkit.evaluate.run import built_rows, dataset_rows
from toolkit.evaluate.score import evaluate, load_truth
from toolkit.hub.publish import PublishPlan, plan_publish, publish
from toolkit.synthetic.corpus import TRUTH_FILE, write_synthetic
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
        bool,
        typer.Option("--strict", "--fail-on-quarantine", help="Fail if any file is quarantined"),
    ] = False,
    card: Annotated[
        Path | None, typer.Option("--card", help="Also write the dataset card to this file")
    ] = None,
    contract: Annotated[
        Path | None, typer.Option("--contract", help="Contract YAML [default: schema/]")
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option("--workers", "-w", min=1, help="Processes extracting [default: all cores]"),
    ] = None,
    cache_dir: Annotated[
        Path | None,
        typer.Option(
            "--cache",
            help="Extraction cache: files seen before are not extracted again "
            "[default: .toolkit-cache]",
        ),
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Extract every file, and keep no cache")
    ] = False,
    engine: Annotated[
        Engine,
        typer.Option("--engine", help="Where files are extracted: this machine, or a Ray cluster"),
    ] = Engine.local,
    address: Annotated[
        str | None,
        typer.Option(
            "--address",
            help="Ray cluster to use (host:port, or auto) [default: start one on this machine]",
        ),
    ] = None,
) -> None:
    """Build a Hub-ready dataset folder (Parquet shards, card, report) from RAW_DIR."""
    with _user_errors():
        if address is not None and engine is not Engine.ray:
            raise UsageError("--address: only with --engine ray")
        defaults = project_defaults()
        raw = raw_dir or defaults.raw
        # The project's own card follows the project's own raw folder, not other builds.
        same_raw = raw.resolve() == defaults.raw.resolve()
        card_copy = card or (defaults.card if same_raw else None)
        opts = BuildOptions(
            raw,
            out_dir or defaults.out,
            strict,
            card_copy,
            contract,
            workers=workers or default_workers(),
            cache_dir=None if no_cache else cache_dir or defaults.cache,
            engine=engine,
            address=address,
        )
        result = build(opts)
    counts = result.report["counts"]
    groups = result.report["duplicate_groups"]
    out.print(
        f"built {result.out_dir}: {counts['rows']} rows from {counts['files']} files, "
        f"{counts['quarantined']} quarantined, {groups['groups']} duplicate groups, "
        f"{result.report['story_groups']['groups']} stories"
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


@app.command("publish")
def publish_command(
    repo_id: Annotated[str, typer.Argument(help="Dataset repo on the Hub, NAMESPACE/NAME")],
    folder: Annotated[
        Path | None, typer.Argument(help="Built dataset folder [default: dist]")
    ] = None,
    private: Annotated[bool, typer.Option("--private", help="Create the repo private")] = False,
    revision: Annotated[
        str | None, typer.Option("--revision", help="Branch to commit to (created if needed)")
    ] = None,
    create_pr: Annotated[
        bool, typer.Option("--create-pr", help="Open a pull request instead of committing")
    ] = False,
    message: Annotated[str | None, typer.Option("--message", "-m", help="Commit message")] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print what would be committed; no network")
    ] = False,
) -> None:
    """Validate FOLDER and publish it as a Hub dataset (token from HF_TOKEN or your login)."""
    with _user_errors():
        plan = plan_publish(
            folder or project_defaults().out,
            repo_id,
            load_contract(),
            private=private,
            revision=revision,
            create_pr=create_pr,
            message=message,
        )
        if dry_run:
            _print_plan(plan)
            return
        result = publish(plan)
    if not result.uploaded and not result.deleted:
        out.print(f"{result.url}: already up to date, nothing uploaded", markup=False)
        return
    out.print(
        f"published {len(result.uploaded)} file(s), deleted {len(result.deleted)}, "
        f"{len(result.unchanged)} unchanged: {result.url}",
        markup=False,
    )
    if result.commit_url:
        out.print(f"commit: {result.commit_url}", markup=False)


def _print_plan(plan: PublishPlan) -> None:
    target = f"{plan.repo_id} ({plan.revision or 'main'}{', private' if plan.private else ''}"
    target += ", as a pull request)" if plan.create_pr else ")"
    out.print(f"dry run: would commit to dataset {target}: {plan.message!r}", markup=False)
    for name, size in plan.files.items():
        out.print(f"  add {name} ({size:,} bytes)", markup=False)
    out.print("  delete remote data/*.parquet files this build does not have", markup=False)
    out.print(f"card front matter:\n---\n{plan.front_matter}---", markup=False)


@app.command("eval")
def eval_command(
    raw_dir: Annotated[Path, typer.Argument(help="Folder of raw files the truth annotates")],
    truth: Annotated[Path, typer.Argument(help="Annotated truth, one JSON object per line")],
    dataset: Annotated[
        Path | None, typer.Option("--dataset", help="Score this built dataset instead of building")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON")] = False,
) -> None:
    """Score extraction against annotated truth: body, headline, date, source, url."""
    with _user_errors():
        gold = load_truth(truth)
        rows = dataset_rows(dataset) if dataset else built_rows(raw_dir)
        scores = evaluate(rows, gold)
    if as_json:
        print(json.dumps(scores, indent=2, ensure_ascii=False))
    else:
        render_scores(scores, out)


@app.command("synth")
def synth_command(
    out_dir: Annotated[Path, typer.Argument(help="Folder to write raw/ and truth.jsonl into")],
    source: Annotated[
        Path, typer.Option("--from", help="Built dataset whose bodies lend the prose")
    ],
    articles: Annotated[int, typer.Option(help="Number of raw files to write", min=1)] = 1000,
    seed: Annotated[int, typer.Option(help="Random seed: the same seed, the same corpus")] = 0,
    chars: Annotated[int, typer.Option(help="Approximate article length in characters")] = 3500,
) -> None:
    """Write a labelled synthetic corpus of copies and same-story articles, for `toolkit eval`."""
    with _user_errors():
        count = write_synthetic(source, out_dir, articles, seed, chars)
    out.print(f"wrote {count} files to {out_dir / 'raw'} and labels to {out_dir / TRUTH_FILE}")


def main() -> None:
    """Console-script entry point."""
    app()
