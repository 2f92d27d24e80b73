"""The local executor: applies a per-batch stage to every batch, in this process or in workers."""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor

import pyarrow as pa
from rich.progress import Progress

from toolkit.ingest.discover import RawFile
from toolkit.pipeline.stages import files_to_table

BATCH_SIZE = 256
Stage = Callable[[pa.Table], pa.Table]


def run_batches(
    files: list[RawFile],
    stage: Stage,
    batch_size: int = BATCH_SIZE,
    progress: bool | None = None,
    workers: int = 1,
) -> list[pa.Table]:
    """Apply a per-batch stage to every batch of files, results in input order."""
    if progress is None:
        progress = sys.stderr.isatty()
    batches = [files[i : i + batch_size] for i in range(0, len(files), batch_size)]
    results: list[pa.Table] = []
    with Progress(disable=not progress, transient=True) as bar:
        task = bar.add_task("extracting", total=len(files))
        for size, table in _apply(stage, batches, min(workers, len(batches))):
            results.append(table)
            bar.advance(task, size)
    return results


def _apply(
    stage: Stage, batches: list[list[RawFile]], workers: int
) -> Iterator[tuple[int, pa.Table]]:
    if workers <= 1:
        for batch in batches:
            yield len(batch), stage(files_to_table(batch))
        return
    # spawn, not fork: polars and Arrow keep thread pools that a forked child must not inherit.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        tables = pool.map(stage, (files_to_table(b) for b in batches))
        for batch, table in zip(batches, tables, strict=True):
            yield len(batch), table
