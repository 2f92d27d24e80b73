"""The per-batch stage as the engine runs it over the files: one pass that extracts every file,
or, when the cache holds records, a pass that only finds the files it holds and a second that
extracts the others in full batches (a rebuild's few new files are spread over every batch)."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

import pyarrow as pa

from toolkit.ingest.discover import RawFile
from toolkit.pipeline.cache import ExtractionCache
from toolkit.pipeline.local import Executor
from toolkit.pipeline.stages import extract_batch, held_batch


def extraction_passes(
    run: Executor, files: list[RawFile], schema: pa.Schema, cache: ExtractionCache | None
) -> list[Iterable[pa.Table]]:
    """The record batches of every file, as passes for `collect`: each pass in raw_path
    order, each file in one pass. The second pass starts once the first is consumed."""
    extract = functools.partial(extract_batch, schema=schema, cache=cache)
    if cache is None or not cache.parts():
        return [run(files, extract)]
    held: set[str] = set()

    def first() -> Iterator[pa.Table]:
        for table in run(files, functools.partial(held_batch, schema=schema, cache=cache)):
            held.update(table.column("raw_path").to_pylist())
            yield table

    def second() -> Iterator[pa.Table]:
        yield from run([f for f in files if f.rel_path not in held], extract)

    return [first(), second()]
