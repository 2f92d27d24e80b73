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
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from toolkit.errors import OutputError
from toolkit.pipeline.interleave import interleave

KEY = "raw_sha256"  # records are found by their file's hash
PATH_COLUMNS = ("id", "raw_path")  # what follows the file's path, not its bytes
CACHED = "_cached"  # a reason that only marks a record for ExtractionCache.fill
PREFIX = "extract-"  # a folder per fingerprint; only these are ever removed
MAX_PARTS = 8  # more parts than this are merged into one, keeping only the last build's keys
BATCH_ROWS = 4096  # rows per record batch of a part: string offsets stay far from 2 GB
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

    def fill(self, records: pa.Table) -> pa.Table:
        """Records with the rows a worker only marked CACHED taken from the cache here."""
        marked = pc.fill_null(pc.equal(records.column("reason"), CACHED), False)
        mask = marked.to_numpy(zero_copy_only=False)
        at, rest = np.flatnonzero(mask), np.flatnonzero(~mask)
        if not at.size:
            return records
        index, batches = _index(self.parts())
        try:
            where = [index[k] for k in records.column(KEY).take(pa.array(at)).to_pylist()]
        except KeyError as exc:
            raise OutputError(
                f"{self.folder}: the extraction cache lost records during the build"
            ) from exc
        # Taken part batch by part batch (a take over the whole chunked table costs a pass over
        # it), then put back where each file stands among the records.
        wanted: dict[int, list[int]] = {}
        for spot, (batch, _) in enumerate(where):
            wanted.setdefault(batch, []).append(spot)
        columns = [n for n in records.schema.names if n not in PATH_COLUMNS]
        paths = records.select(list(PATH_COLUMNS)).take(pa.array(at))
        pieces = []
        for batch, spots in wanted.items():
            rows = pa.array([where[spot][1] for spot in spots], pa.int64())
            cached = pa.Table.from_batches([batches[batch].select(columns)]).take(rows)
            own = paths.take(pa.array(spots, pa.int64()))
            names = records.schema.names
            piece = pa.table({n: own[n] if n in PATH_COLUMNS else cached[n] for n in names})
            pieces.append((piece, at[spots].tolist()))
        return interleave([(records.take(pa.array(rest)), rest.tolist()), *pieces], records.schema)

    def add(self, records: pa.Table, used: set[str]) -> None:
        """Store the records (with KEY) not yet cached; merge the parts when there are many,
        keeping the keys this build used; remove the caches of other fingerprints."""
        try:
            self._add(records, used)
        except OSError as exc:
            raise OutputError(
                f"{self.folder}: cannot write the extraction cache ({exc.strerror}); "
                "use --no-cache to build without it"
            ) from exc

    def _add(self, records: pa.Table, used: set[str]) -> None:
        parts = self.parts()
        if records.num_rows:
            self.folder.mkdir(parents=True, exist_ok=True)
            parts = (*parts, _write_part(self.folder, records))
        if len(parts) > MAX_PARTS:
            table = pa.Table.from_batches(_index(parts)[1])
            kept = table.filter(pc.is_in(table.column(KEY), pa.array(sorted(used), pa.string())))
            merged = _write_part(self.folder, kept)
            for part in parts:
                if part != merged:
                    part.unlink()
        for other in self.folder.parent.glob(f"{PREFIX}*"):
            if other != self.folder and other.is_dir():
                shutil.rmtree(other, ignore_errors=True)


def cache_entries(records: pa.Table, known: set[str]) -> tuple[pa.Table, set[str]]:
    """(the records to add: extracted, not yet cached, one per file hash, keyed; every hash
    this build used)."""
    keys = records.column(KEY)
    used = {k for k in keys.to_pylist() if k}
    reason = records.column("reason")
    extracted = pc.or_kleene(pc.is_null(reason), pc.equal(reason, "no_body"))
    new = pc.and_(
        pc.and_(pc.is_valid(keys), pc.invert(pc.is_in(keys, pa.array(sorted(known), pa.string())))),
        extracted,
    )
    fresh = records.filter(new)
    first = _first_of_each(fresh.column(KEY).to_pylist())
    return fresh.take(pa.array(first, pa.int64())).drop_columns(list(PATH_COLUMNS)), used


def _first_of_each(keys: list[str]) -> list[int]:
    first: dict[str, int] = {}
    for i, k in enumerate(keys):
        first.setdefault(k, i)
    return sorted(first.values())


def _write_part(folder: Path, records: pa.Table) -> Path:
    keys = "\n".join(records.column(KEY).to_pylist()).encode()
    final = folder / f"part-{hashlib.sha256(keys).hexdigest()[:16]}.arrow"
    temp = folder / f".{final.name}.{os.getpid()}.tmp"
    with pa.OSFile(str(temp), "wb") as sink, pa.ipc.new_file(sink, records.schema) as writer:
        writer.write_table(records, max_chunksize=BATCH_ROWS)
    os.replace(temp, final)
    return final


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
