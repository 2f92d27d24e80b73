"""The last step before writing: the grouping's results joined back onto the spilled rows,
chunk by chunk, each chunk put in contract form, validated, counted and spilled for the writer."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import polars as pl
import pyarrow as pa

from toolkit.contract import Contract
from toolkit.extract.dates import latest_date
from toolkit.output.summary import RowSummary
from toolkit.pipeline.collect import Collected
from toolkit.pipeline.spill import Spill, SpillWriter
from toolkit.pipeline.stages import BOILERPLATE, to_contract
from toolkit.validate.failures import Failure, merged
from toolkit.validate.rules import cross_row_rules
from toolkit.validate.table import batch_failures, key_columns, raise_failures, schema_failures

CHUNK_ROWS = 20_000  # ~80 MB of text at 4 KB an article; chunks are cut the same for every engine


@dataclass(frozen=True)
class Assembled:
    """The dataset's rows, valid and in output order, on disk; and what is known of them."""

    rows: Spill
    summary: RowSummary


def assemble(
    collected: Collected, grouped: pa.Table, contract: Contract, folder: Path
) -> Assembled:
    """Rows in contract form (grouped: collected.keys after group_duplicates); raises
    DataValidationError, before anything is written, when they break the contract."""
    writer = SpillWriter(folder / "rows.arrow", contract.arrow_schema)
    summary = RowSummary(contract)
    failures: list[Failure] = []
    today, offset = latest_date(), 0
    names = [*contract.names, BOILERPLATE]
    try:
        for chunk in collected.chunks(CHUNK_ROWS):
            done = grouped.slice(offset, chunk.num_rows)
            joined = pa.table(
                {n: done.column(n) if n in done.column_names else chunk.column(n) for n in names}
            )
            # (the take gives cached and fresh records one buffer layout, hence one nbytes)
            joined = joined.take(pa.array(np.arange(joined.num_rows)))
            rows, mask = to_contract(joined, contract)
            if not offset:
                failures += schema_failures(rows.schema, contract, None)
            failures += batch_failures(rows, contract, today, offset, None, mask)
            summary.add(rows)
            writer.write(rows)
            offset += chunk.num_rows
    except BaseException:
        writer.abort()
        raise
    spill = writer.close()
    keys = pl.from_arrow(summary.index.select(key_columns(contract)))
    assert isinstance(keys, pl.DataFrame)
    raise_failures(merged(failures) + cross_row_rules(keys, contract))
    return Assembled(spill, summary)
