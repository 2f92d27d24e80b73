"""`toolkit build`: raw folder to a validated, Hub-ready dataset folder, all or nothing."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

import pyarrow as pa

from toolkit.contract import Contract, load_contract
from toolkit.errors import DataValidationError, OutputError, QuarantineError, UsageError
from toolkit.ingest.discover import discover, is_utf8, shown
from toolkit.output.atomic import recover_output, scratch_folder, staged_output, write_atomically
from toolkit.output.card import render_card
from toolkit.output.killpoints import reached
from toolkit.output.parquet import ShardWriter
from toolkit.output.report import REPORT_FILE, build_report, write_report
from toolkit.pipeline.assemble import assemble
from toolkit.pipeline.cache import ExtractionCache
from toolkit.pipeline.collect import Collected, collect
from toolkit.pipeline.local import Executor, run_batches, warm_pool
from toolkit.pipeline.passes import extraction_passes
from toolkit.pipeline.stages import group_duplicates, record_schema
from toolkit.validate.card import card_failures


class Engine(StrEnum):
    """Where the per-batch stage runs; everything after it runs in this process."""

    local = "local"  # worker processes on this machine
    ray = "ray"  # Ray Data tasks on a Ray cluster (the ray extra)


@dataclass(frozen=True)
class BuildOptions:
    """Everything one build needs to know."""

    raw_dir: Path
    out_dir: Path
    strict: bool = False
    card_copy: Path | None = None
    contract_path: Path | None = None
    progress: bool | None = None
    workers: int = 1
    cache_dir: Path | None = None  # the extraction cache; None extracts every file
    engine: Engine = Engine.local
    address: str | None = None  # the Ray cluster; None starts one on this machine


@dataclass(frozen=True)
class BuildResult:
    """What a build produced, for the CLI to summarise."""

    out_dir: Path
    report: dict[str, Any]


def _check_paths(opts: BuildOptions) -> None:
    raw, out = opts.raw_dir.resolve(), opts.out_dir.resolve()
    if not is_utf8(str(out)):
        raise UsageError(f"{shown(out)}: the output folder's path is not UTF-8; rename it")
    if out == raw or out.is_relative_to(raw) or raw.is_relative_to(out):
        raise UsageError(
            f"{opts.out_dir}: output folder must not contain or be inside the raw folder"
        )
    if opts.cache_dir is not None:
        cache = opts.cache_dir.resolve()
        # (inside raw its parts would be read as inputs; inside out, replaced with the build)
        for folder, name in ((raw, "raw"), (out, "output")):
            if cache == folder or cache.is_relative_to(folder) or folder.is_relative_to(cache):
                raise UsageError(
                    f"{opts.cache_dir}: cache folder must not contain or be inside the {name} "
                    "folder"
                )


def build(opts: BuildOptions) -> BuildResult:
    """Run every stage; the output folder changes only if the whole build succeeds."""
    contract = load_contract(opts.contract_path)
    with ExitStack() as scratch_stack:
        with _engine(opts) as run:
            # Rows are written in the order they come, which is the output's: raw_path order.
            files = sorted(discover(opts.raw_dir), key=lambda f: f.rel_path)
            _check_paths(opts)
            recover_output(opts.out_dir)
            scratch = scratch_stack.enter_context(scratch_folder(opts.out_dir))
            schema = record_schema(contract)
            cache = ExtractionCache.at(opts.cache_dir, schema).frozen() if opts.cache_dir else None
            collected = collect(
                extraction_passes(run, files, schema, cache), schema, scratch, cache
            )
            del files  # (a few hundred bytes a file, not needed past this point)
        quarantined = collected.quarantined
        if opts.strict and quarantined.num_rows:
            first = quarantined.slice(0, 1).to_pylist()[0]
            raise QuarantineError(
                f"{first['raw_path']}: quarantined ({first['reason']}: {first['detail']}); "
                f"{quarantined.num_rows} file(s) in all, and --strict forbids any"
            )
        grouped = group_duplicates(collected.keys)
        reached("extracted")
        return _write(opts, contract, collected, grouped)


@contextmanager
def _engine(opts: BuildOptions) -> Iterator[Executor]:
    """The chosen engine's executor, started while this process finds the files."""
    if opts.engine is Engine.ray:
        from toolkit.pipeline.ray_engine import ray_session  # (Ray is an optional extra)

        with ray_session(opts.address, opts.workers) as run:
            yield run
        return
    with warm_pool(opts.workers, opts.raw_dir) as pool:
        yield lambda files, stage: run_batches(
            files, stage, progress=opts.progress, workers=opts.workers, pool=pool
        )


def _write(
    opts: BuildOptions, contract: Contract, collected: Collected, grouped: pa.Table
) -> BuildResult:
    """Shards (rows assembled and validated as they are written), report and card, staged and
    swapped in; then the project's copy of the card."""
    split = contract.card.get("split", "train")
    with staged_output(opts.out_dir) as staging:
        writer = ShardWriter(staging, contract.arrow_schema, split)
        try:
            rows = assemble(collected, grouped, contract, writer)
        except BaseException:
            writer.abort()
            raise
        shards = writer.close()
        reached("shards")
        report = build_report(rows, collected.quarantined, contract, list(shards))
        write_report(report, staging / REPORT_FILE)
        card = render_card(contract, rows, report, staging, list(shards))
        (staging / "README.md").write_text(card, encoding="utf-8")
        problems = card_failures(staging, contract, shards)
        if problems:  # the card is generated, so this is a bug, never a user's mistake
            raise DataValidationError(
                f"generated card disagrees with the data: {problems[0].message}",
                failures=[p.to_json() for p in problems],
            )
        reached("staged")
    if opts.card_copy is not None:
        _copy_card(opts.out_dir / "README.md", opts.card_copy)
    return BuildResult(opts.out_dir, report)


def _copy_card(card: Path, target: Path) -> None:
    """The project's copy of the card, replaced whole (never left half-written)."""
    try:
        write_atomically(target, card.read_bytes())
    except OSError as exc:
        raise OutputError(f"{target}: cannot write the dataset card ({exc.strerror})") from exc
