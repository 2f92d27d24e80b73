"""Extraction cache: a file's record kept by the SHA-256 of its bytes, so a rebuild extracts only
the files it has not seen (grouping and validation still run over every row).

Layout: CACHE_DIR/extract-<fingerprint>/part-<hash>.arrow, Arrow IPC files of records without
their path columns, found by raw_sha256. The fingerprint hashes the toolkit's own
code and data files and the versions of the libraries whose output a record holds, so any
change to them starts an empty cache (and older fingerprints are removed). Parts are written
under a temporary name and renamed: a killed build leaves no half-written part.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import os
import shutil
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from toolkit.errors import OutputError
from toolkit.output.atomic import orphans
from toolkit.pipeline.interleave import interleave
from toolkit.pipeline.spill import SpillWriter, gather

KEY = "raw_sha256"  # records are found by their file's hash
PATH_COLUMNS = ("id", "raw_path")  # what follows the file's path, not its bytes
CACHED = "_cached"  # a reason that only marks a record for ExtractionCache.fill
PREFIX = "extract-"  # a folder per fingerprint; only these are ever removed
MAX_PARTS = 8  # more parts than this are merged into one, keeping only the last build's keys
_LIBRARIES = ("py3langid", "ftfy", "charset-normalizer", "polars", "numpy", "pyarrow")
_ROOT = Path(__file__).resolve().parents[1]


@functools.cache
def fingerprint() -> str:
    """What a cached record depends on besides the file: this code, its data, its libraries."""
    digest = hashlib.sha256()
    for path in sorted(_ROOT.rglob("*")):
        if path.suffix in (".py", ".yaml", ".yml", ".json", ".txt") and path.is_file():
            digest.update(path.relative_to(_ROOT).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    for name in _LIBRARIES:
        digest.update(f"{name}=={importlib.metadata.version(name)}\0".encode())
    return digest.hexdigest()[:20]


@dataclass(frozen=True)
class ExtractionCache:
    """A cache folder for one fingerprint; picklable, so workers open it themselves."""

    folder: Path
    snapshot: tuple[Path, ...] | None = None  # the parts, when frozen

    @classmethod
    def at(cls, cache_dir: Path, schema: pa.Schema) -> ExtractionCache:
        """The cache under cache_dir for this code's fingerprint and these records' schema
        (which the contract decides, and which may live outside the package)."""
        digest = hashlib.sha256(f"{fingerprint()}\n{schema}".encode()).hexdigest()[:20]
        return cls(cache_dir / f"{PREFIX}{digest}")

    def parts(self) -> tuple[Path, ...]:
        if self.snapshot is not None:
            return self.snapshot
        return tuple(sorted(self.folder.glob("part-*.arrow"))) if self.folder.is_dir() else ()

    def frozen(self) -> ExtractionCache:
        """This cache as its parts are now: workers and the main process then read the same
        records, whatever another build adds or merges meanwhile."""
        return replace(self, snapshot=self.parts())

    def keys(self) -> set[str]:
        """Every file hash the cache holds a record for."""
        return set(_index(self.parts())[0])

    def holds(self, keys: list[str]) -> list[int]:
        """Positions in keys of the hashes the cache holds a record for."""
        index = _index(self.parts())[0]
        return [i for i, k in enumerate(keys) if k in index]

    def locate(self, records: pa.Table) -> np.ndarray:
        """(part batch, row) of each record a worker only marked CACHED, (-1, -1) for the
        others: where `fill` and `rows` find them."""
        where = np.full((records.num_rows, 2), -1, dtype=np.int64)
        marked = pc.fill_null(pc.equal(records.column("reason"), CACHED), False)
        at = np.flatnonzero(marked.to_numpy(zero_copy_only=False))
        if at.size:
            index = _index(self.parts())[0]
            try:
                where[at] = [index[k] for k in records.column(KEY).take(at).to_pylist()]
            except KeyError as exc:
                raise OutputError(
                    f"{self.folder}: the extraction cache lost records during the build"
                ) from exc
        return where

    def rows(self, where: np.ndarray, columns: list[str]) -> pa.Table:
        """The cached records at `where` ((part batch, row) pairs, as `locate` gives them; at
        least one) in that order, with these columns."""
        batches = _index(self.parts())[1]
        return gather(lambda b: batches[b].select(columns), where)

    def fill(
        self, records: pa.Table, where: np.ndarray | None = None, later: Sequence[str] = ()
    ) -> pa.Table:
        """Records with the rows a worker only marked CACHED taken from the cache here (where:
        their `locate`); columns named in `later` are left null, for a caller that takes
        them from `rows` when it needs them."""
        where = self.locate(records) if where is None else where
        at = np.flatnonzero(where[:, 0] >= 0)
        if not at.size:
            return records
        names = records.schema.names
        columns = [n for n in names if n not in PATH_COLUMNS and n not in later]
        cached = self.rows(where[at], columns)
        every = at.size == records.num_rows
        own = records if every else records.take(at)
        piece = pa.table({n: cached[n] if n in columns else own[n] for n in names})
        if every:
            return piece.cast(records.schema)
        rest = np.flatnonzero(where[:, 0] < 0)
        return interleave([(records.take(rest), rest), (piece, at)], records.schema)

    def writer(self, known: set[str]) -> PartWriter:
        """A new part to stream this build's fresh records into (known: the keys held now)."""
        return PartWriter(self, set(known))

    def _commit(self, new: Path | None, used: set[str]) -> None:
        for temp in orphans(self.folder, r"\.(?:part|merge)-(\d+)\.tmp"):  # a killed build's
            temp.unlink(missing_ok=True)
        parts = self.parts() + ((new,) if new else ())
        if len(parts) > MAX_PARTS:
            merged = _merge(self.folder, parts, pa.array(sorted(used), pa.string()))
            for part in parts:
                if part != merged:
                    part.unlink()
        for other in self.folder.parent.glob(f"{PREFIX}*"):
            if other != self.folder and other.is_dir():
                shutil.rmtree(other, ignore_errors=True)


class PartWriter:
    """One part written batch by batch while the build runs, under a temporary name until
    `commit` (a killed build leaves no part, and no half-written one)."""

    def __init__(self, cache: ExtractionCache, known: set[str]) -> None:
        self.cache, self.known = cache, known
        self._digest = hashlib.sha256()
        self._writer: SpillWriter | None = None  # opened at the first fresh record

    def write(self, records: pa.Table) -> None:
        """Add the extracted records not cached yet (one per file hash), without path columns."""
        fresh = _fresh(records, self.known)
        if not fresh.num_rows:
            return
        keys = fresh.column(KEY).to_pylist()
        self.known.update(keys)
        try:
            if self._writer is None:
                self.cache.folder.mkdir(parents=True, exist_ok=True)
                temp = self.cache.folder / f".part-{os.getpid()}.tmp"
                self._writer = SpillWriter(temp, fresh.schema)
            else:
                self._digest.update(b"\n")
            self._digest.update("\n".join(keys).encode())
            self._writer.write(fresh)
        except OSError as exc:
            raise _unwritable(self.cache.folder, exc) from exc

    def abort(self) -> None:
        """Drop the part being written (the build failed: nothing of it is kept)."""
        if self._writer is not None:
            self._writer.abort()

    def commit(self, used: set[str]) -> None:
        """Move the part into place, then merge and tidy the cache (parts past MAX_PARTS are
        merged, keeping the keys this build used; other fingerprints' caches are removed)."""
        try:
            final = None
            if self._writer is not None:
                temp = self._writer.close().path
                final = self.cache.folder / f"part-{self._digest.hexdigest()[:16]}.arrow"
                os.replace(temp, final)
            self.cache._commit(final, used)
        except OSError as exc:
            raise _unwritable(self.cache.folder, exc) from exc


def _unwritable(folder: Path, exc: OSError) -> OutputError:
    return OutputError(
        f"{folder}: cannot write the extraction cache ({exc.strerror}); "
        "use --no-cache to build without it"
    )


def _fresh(records: pa.Table, known: set[str]) -> pa.Table:
    """The extracted records whose hash is not known, one per hash, without path columns."""
    reason = records.column("reason")
    extracted = records.filter(pc.or_kleene(pc.is_null(reason), pc.equal(reason, "no_body")))
    keys = extracted.column(KEY).to_pylist()
    fresh = extracted.filter(pa.array([k is not None and k not in known for k in keys], pa.bool_()))
    first = _first_of_each(fresh.column(KEY).to_pylist())
    return fresh.take(pa.array(first, pa.int64())).drop_columns(list(PATH_COLUMNS))


def used_keys(records: pa.Table) -> set[str]:
    """Every file hash among the records: what a merge keeps."""
    return {k for k in records.column(KEY).to_pylist() if k}


def _first_of_each(keys: list[str]) -> list[int]:
    first: dict[str, int] = {}
    for i, k in enumerate(keys):
        first.setdefault(k, i)
    return sorted(first.values())


def _merge(folder: Path, parts: tuple[Path, ...], used: pa.Array) -> Path | None:
    """One part holding the used records of every part, copied batch by batch."""
    temp = folder / f".merge-{os.getpid()}.tmp"
    digest = hashlib.sha256()
    writer: SpillWriter | None = None
    try:
        for path in parts:
            for batch in _part_batches(path):
                kept = pa.Table.from_batches([batch.filter(pc.is_in(batch.column(KEY), used))])
                if writer is None:
                    writer = SpillWriter(temp, batch.schema)
                else:
                    digest.update(b"\n")
                digest.update("\n".join(kept.column(KEY).to_pylist()).encode())
                writer.write(kept)
    except BaseException:
        if writer is not None:
            writer.abort()
        raise
    if writer is None:
        return None
    final = folder / f"part-{digest.hexdigest()[:16]}.arrow"
    os.replace(writer.close().path, final)
    return final


def _part_batches(path: Path) -> Iterator[pa.RecordBatch]:
    """A part's batches, read one at a time; a damaged part ends where its damage starts."""
    try:
        with pa.OSFile(str(path)) as source:
            reader = pa.ipc.open_file(source)
            for i in range(reader.num_record_batches):
                yield reader.get_batch(i)
    except (OSError, pa.ArrowInvalid):
        return


@functools.lru_cache(maxsize=4)
def _index(parts: tuple[Path, ...]) -> tuple[dict[str, tuple[int, int]], list[pa.RecordBatch]]:
    """key -> (batch, row) over the record batches of every part, memory-mapped; parts never
    change once written, so the same tuple of names is the same index."""
    batches: list[pa.RecordBatch] = []
    for path in parts:
        try:
            batches += pa.ipc.open_file(pa.memory_map(str(path))).read_all().to_batches()
        except (OSError, pa.ArrowInvalid):
            continue  # a damaged part is a cache miss; the next merge removes it
    index: dict[str, tuple[int, int]] = {}
    for b, batch in enumerate(batches):
        for row, key in enumerate(batch.column(KEY).to_pylist()):
            index.setdefault(key, (b, row))
    return index, batches
