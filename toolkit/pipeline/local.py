"""The local executor: applies a per-batch stage to every batch, in this process or in workers."""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pyarrow as pa
from rich.progress import Progress

from toolkit.ingest.discover import RawFile
from toolkit.pipeline.stages import files_to_table

BATCH_SIZE = 256
Stage = Callable[[pa.Table], pa.Table]
# What an engine offers the build: the stage over every batch of files, results in input order.
Executor = Callable[[list[RawFile], Stage], Iterator[pa.Table]]


def run_batches(
    files: list[RawFile],
    stage: Stage,
    batch_size: int | None = None,  # BATCH_SIZE
    progress: bool | None = None,
    workers: int = 1,
    pool: ProcessPoolExecutor | None = None,
) -> Iterator[pa.Table]:
    """Apply a per-batch stage to every batch of files, yielding results in input order as
    they are ready (pool: workers already started by warm_pool; without one, they are started
    here). The pool's queue holds a few batches per worker, not the corpus."""
    if progress is None:
        progress = sys.stderr.isatty()
    size = batch_size or BATCH_SIZE
    batches = [files[i : i + size] for i in range(0, len(files), size)]
    with Progress(disable=not progress, transient=True) as bar:
        task = bar.add_task("extracting", total=len(files))
        for size, table in _apply(stage, batches, min(workers, len(batches)), pool):
            yield table
            bar.advance(task, size)


@contextmanager
def warm_pool(workers: int, raw_dir: Path) -> Iterator[ProcessPoolExecutor | None]:
    """Worker processes started, and their imports and models loaded, while this process goes
    on (finding the files takes about as long as a worker takes to start); None for one worker
    or for a folder of one batch, which run_batches extracts in this process."""
    if workers <= 1 or not _holds_more_than(raw_dir, BATCH_SIZE):
        yield None
        return
    pool = _spawn_pool(workers, initializer=_warm_up)
    for _ in range(workers):
        pool.submit(os.getpid)  # each submit starts a worker while none is idle
    try:
        yield pool
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()


def _spawn_pool(workers: int, initializer: Callable[[], None] | None = None) -> ProcessPoolExecutor:
    # spawn, not fork: polars and Arrow keep thread pools that a forked child must not inherit.
    context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(workers, mp_context=context, initializer=initializer)


def _holds_more_than(folder: Path, count: int) -> bool:
    """Whether the folder tree holds more than `count` entries (stops counting there)."""
    seen, stack = 0, [folder]
    while stack:
        try:
            with os.scandir(stack.pop()) as entries:
                for entry in entries:
                    seen += 1
                    if seen > count:
                        return True
                    if entry.is_dir(follow_symlinks=False):
                        stack.append(Path(entry.path))
        except OSError:
            continue
    return False


def _warm_up() -> None:
    """Import the stages and run the extractor once: its models and caches load now. What is
    loaded then lives as long as the worker, so it is moved out of the cyclic GC's reach: each
    full collection would otherwise walk those ~160,000 objects again (5% of a worker's CPU)."""
    import gc

    from toolkit.extract.article import extract_articles

    extract_articles(["Warm Up\n\nBy A Writer\n\nMonday, 1 June 2026. " + "A sentence. " * 30])
    gc.collect()  # (garbage is freed first: frozen objects are never collected)
    gc.freeze()


def _apply(
    stage: Stage, batches: list[list[RawFile]], workers: int, pool: ProcessPoolExecutor | None
) -> Iterator[tuple[int, pa.Table]]:
    if workers <= 1:
        for batch in batches:
            yield len(batch), stage(files_to_table(batch))
        return
    with ExitStack() as stack:
        if pool is None:
            pool = stack.enter_context(_spawn_pool(workers))
        tables = _bounded_map(pool, stage, (files_to_table(b) for b in batches), 4 * workers)
        for batch, table in zip(batches, tables, strict=True):
            yield len(batch), table


def _bounded_map(
    pool: ProcessPoolExecutor, stage: Stage, tables: Iterable[pa.Table], ahead: int
) -> Iterator[pa.Table]:
    """pool.map, in order, with at most `ahead` batches submitted and not yet taken: results
    wait in memory only as long as the caller is slower than the workers."""
    pending: deque[Future[pa.Table]] = deque()
    for table in tables:
        if len(pending) >= ahead:
            yield pending.popleft().result()
        pending.append(pool.submit(stage, table))
    while pending:
        yield pending.popleft().result()
