"""The local executor: applies the stages batch by batch in this process."""

from __future__ import annotations

import sys
from collections.abc import Callable

import pyarrow as pa
from rich.progress import Progress

from toolkit.ingest.discover import RawFile
from toolkit.pipeline.stages import files_to_table

BATCH_SIZE = 256


def run_batches(
    files: list[RawFile],
    stage: Callable[[pa.Table], pa.Table],
    batch_size: int = BATCH_SIZE,
    progress: bool | None = None,
) -> list[pa.Table]:
    """Apply a per-batch stage to every batch of files, with a progress bar on a terminal."""
    if progress is None:
        progress = sys.stderr.isatty()
    results: list[pa.Table] = []
    with Progress(disable=not progress, transient=True) as bar:
        task = bar.add_task("extracting", total=len(files))
        for start in range(0, len(files), batch_size):
            batch = files[start : start + batch_size]
            results.append(stage(files_to_table(batch)))
            bar.advance(task, len(batch))
    return results
