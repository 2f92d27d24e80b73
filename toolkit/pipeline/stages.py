"""The build's stages: plain functions over batches of records held as Arrow tables."""

from __future__ import annotations

import dataclasses
import hashlib
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt
import polars as pl
import pyarrow as pa
import pyarrow.compute as pc

from toolkit.dedup.groups import (
    Member,
    pairs_over_rows,
    scatter,
    with_column,
    with_duplicate_groups,
)
from toolkit.dedup.minhash import SLOTS
from toolkit.dedup.near import DuplicateIndex, Signed, sign
from toolkit.dedup.story import (
    TERMS_TYPE,
    first_published,
    scored_pairs,
    term_lists,
    within_window,
)
from toolkit.extract.article import Extraction, extract_articles
from toolkit.ingest.discover import RawFile
from toolkit.ingest.read import RawBytes, decode_raw, read_bytes
from toolkit.pipeline.cache import CACHED, ExtractionCache
from toolkit.pipeline.interleave import interleave
from toolkit.validate.rules import boilerplate_bodies

if TYPE_CHECKING:
    from toolkit.contract import Contract

# A batch of inputs, as the executor hands it to the first stage.
INPUT_SCHEMA = pa.schema(
    [("raw_path", pa.string()), ("abs_path", pa.string()), ("refused", pa.string())]
)
QUARANTINE_FIELDS = [("reason", pa.string()), ("detail", pa.string())]
# Computed per batch for the global grouping stage, never written out.
GROUPING_FIELDS = [
    ("_minhash", pa.list_(pa.uint32(), SLOTS)),
    ("_shingles", pa.int32()),
    ("_exact", pa.uint64()),
    ("_story_terms", TERMS_TYPE),
]
# The contract's per-row body rule, computed here where batches run in parallel.
BOILERPLATE = "_boilerplate_body"
CHECK_FIELDS = [(BOILERPLATE, pa.bool_())]
# The columns group_duplicates reads, and those it sets.
GROUPING_INPUTS = (
    *(f.name for f in dataclasses.fields(Member)),
    *(name for name, _ in GROUPING_FIELDS),
)
GROUPED = ("duplicate_group", "story_group", *Member.UPDATED)


def files_to_table(files: list[RawFile]) -> pa.Table:
    """The input batch for a list of discovered files."""
    columns = [
        [f.rel_path for f in files],
        [str(f.path) for f in files],
        [f.refused for f in files],
    ]
    return pa.Table.from_arrays([pa.array(c, pa.string()) for c in columns], schema=INPUT_SCHEMA)


def record_schema(contract: Contract) -> pa.Schema:
    """Contract fields, all nullable (a quarantined record has no body), plus the reason."""
    fields = [pa.field(f.name, f.arrow_type, nullable=True) for f in contract.fields]
    extra = [pa.field(n, t) for n, t in QUARANTINE_FIELDS + GROUPING_FIELDS + CHECK_FIELDS]
    return pa.schema(fields + extra)


def row_id(raw_path: str) -> str:
    """Stable id: follows the file, not its content, so fixing a typo keeps the id."""
    return hashlib.sha256(raw_path.encode("utf-8")).hexdigest()[:16]


def extract_batch(
    batch: pa.Table, schema: pa.Schema, cache: ExtractionCache | None = None
) -> pa.Table:
    """Read, decode and extract every file of the batch into one record each (schema: the
    record_schema, which a worker unpickles without importing the contract's libraries). A
    file whose bytes the cache holds is not extracted but marked (reason CACHED) for
    ExtractionCache.fill, which the main process runs on its own memory-mapped parts, so no
    worker copies a cached record through a pipe."""
    raws = _read(batch)
    # (a file the cache holds was decoded and extracted before: neither is done again)
    held = set(cache.holds([r.sha256 for r in raws])) if cache is not None else set()
    records: list[dict[str, Any]] = []
    texts: list[str] = []
    for i, raw in enumerate(raws):
        if i in held:
            records.append(_marked(raw))
            texts.append("")
            continue
        doc = decode_raw(raw)
        records.append(
            {
                "id": row_id(raw.rel_path),
                "raw_path": raw.rel_path,
                "raw_sha256": raw.sha256 or None,
                "raw_encoding": doc.encoding or None,
                "reason": doc.reason,
                "detail": doc.detail or None,
            }
        )
        texts.append(doc.text if doc.reason is None else "")
    readable = [i for i, r in enumerate(records) if r["reason"] is None]
    found = extract_articles([texts[i] for i in readable])
    for i, fields in zip(readable, found, strict=True):
        records[i].update(_extracted(fields))
    table = pa.Table.from_pylist(records, schema=schema)
    return with_signals(table, [i for i, r in enumerate(records) if r["reason"] is None])


def held_batch(batch: pa.Table, schema: pa.Schema, cache: ExtractionCache) -> pa.Table:
    """The records of the batch's files whose bytes the cache holds, marked CACHED as
    extract_batch marks them; the other files are left out, for a second pass to extract
    in full batches (a batch with a few new files costs a worker several times as much a
    file: each step's fixed cost is paid for the few)."""
    raws = _read(batch)
    held = cache.holds([r.sha256 for r in raws])
    return pa.Table.from_pylist([_marked(raws[i]) for i in held], schema=schema)


def _read(batch: pa.Table) -> list[RawBytes]:
    return [
        read_bytes(RawFile(item["raw_path"], item["abs_path"], item["refused"]))
        for item in batch.to_pylist()
    ]


def _marked(raw: RawBytes) -> dict[str, Any]:
    """The record of a file the cache holds, until ExtractionCache.fill completes it."""
    return {
        "id": row_id(raw.rel_path),
        "raw_path": raw.rel_path,
        "raw_sha256": raw.sha256,
        "reason": CACHED,
    }


def with_signals(records: pa.Table, rows: list[int]) -> pa.Table:
    """The grouping signals and the body check of the given rows (those with a body); the
    others, quarantined or cached, are left null rather than computed on nothing."""
    if len(rows) == records.num_rows:
        return with_body_check(with_grouping_signals(records))
    if not rows:
        return records
    rest = sorted(set(range(records.num_rows)) - set(rows))
    done = with_body_check(with_grouping_signals(records.take(pa.array(rows, pa.int64()))))
    return interleave(
        [(done, rows), (records.take(pa.array(rest, pa.int64())), rest)], records.schema
    )


def _extracted(fields: Extraction | Exception) -> dict[str, Any]:
    """The article's fields, or the quarantine reason when there is no article to keep (an
    extractor bug on one odd file costs that file, not the build)."""
    if isinstance(fields, Exception):
        exc = fields
        return {"reason": "extract_error", "detail": f"{type(exc).__name__}: {exc}"[:300]}
    if not fields.body:
        return {"reason": "no_body", "detail": "no article text left after cleaning"}
    return vars(fields)


def with_body_check(records: pa.Table) -> pa.Table:
    """Whether each body is empty or only furniture (the validation rule, run per batch)."""
    bodies = pl.from_arrow(records.column("body"))
    assert isinstance(bodies, pl.Series)
    mask = boilerplate_bodies(bodies.fill_null("")).to_arrow()
    return records.set_column(records.schema.get_field_index(BOILERPLATE), BOILERPLATE, mask)


def with_grouping_signals(records: pa.Table) -> pa.Table:
    """MinHash signature, shingle count, exact hash and story terms of each record's body."""
    bodies = pc.fill_null(records.column("body"), "").combine_chunks()
    signed = sign(bodies)
    columns = {
        "_minhash": pa.FixedSizeListArray.from_arrays(signed.sig.ravel(), SLOTS),
        "_shingles": pa.array(signed.sizes),
        "_exact": pa.array(signed.exact),
        "_story_terms": term_lists(bodies),
    }
    for name, values in columns.items():
        records = records.set_column(records.schema.get_field_index(name), name, values)
    return records


def split_quarantine(records: pa.Table) -> tuple[pa.Table, pa.Table, npt.NDArray[np.bool_]]:
    """(rows, quarantined, which records are rows) by whether a record has a quarantine
    reason."""
    bad = records.column("reason").is_valid()
    kept = ~bad.to_numpy(zero_copy_only=False)
    if kept.all():  # the usual case: no copy of the whole corpus
        return records, records.slice(0, 0), kept
    return records.filter(pc.invert(bad)), records.filter(bad), kept


def group_duplicates(rows: pa.Table) -> pa.Table:
    """Global stage: duplicate and story groups, missing facts carried over inside groups (rows:
    at least the GROUPING_INPUTS and GROUPED columns). Story names are scored in a thread
    meanwhile (polars works without the GIL); only rows in some pair are handled one by one."""
    with ThreadPoolExecutor(1) as pool:
        scoring = pool.submit(scored_pairs, rows.column("_story_terms"))
        pairs = _near_pairs(rows)
        rows = with_duplicate_groups(rows, pairs)
        candidates = scoring.result()
    ids, dates = rows.column("id"), rows.column("date")  # (dates as carried over)
    involved, (copies, alike) = pairs_over_rows([pairs, candidates])
    some_ids, some_dates = ids.take(involved).to_pylist(), dates.take(involved).to_pylist()
    linked = [*map(tuple, copies.tolist()), *within_window(alike, some_dates)]
    stories = pa.array(first_published(some_ids, some_dates, linked), pa.string())
    return with_column(rows, "story_group", scatter(ids, involved, stories))


def _near_pairs(rows: pa.Table) -> npt.NDArray[np.int64]:
    index = DuplicateIndex()
    if rows.num_rows:
        sig = rows.column("_minhash").combine_chunks().flatten().to_numpy()
        index.add(
            Signed(
                sig.reshape(rows.num_rows, SLOTS),
                rows.column("_shingles").to_numpy(),
                rows.column("_exact").to_numpy(),
            )
        )
    return index.pair_array()


def to_contract(rows: pa.Table, contract: Contract) -> tuple[pa.Table, pl.Series]:
    """Rows in contract order and types (the grouping columns stay behind), and their
    body-rule mask."""
    mask = pl.from_arrow(rows.column(BOILERPLATE))
    assert isinstance(mask, pl.Series)
    return rows.select(contract.names).cast(contract.arrow_schema), mask
