"""The last step: the grouping's results joined back onto the spilled rows, chunk by chunk,
each chunk put in contract form, validated, counted and handed to the shard writer."""

from __future__ import annotations

import numpy as np
import polars as pl
import pyarrow as pa

from toolkit.contract import Contract
from toolkit.extract.dates import latest_date
from toolkit.output.parquet import ShardWriter
from toolkit.output.summary import RowSummary
from toolkit.pipeline.collect import Collected
from toolkit.pipeline.stages import BOILERPLATE, to_contract
from toolkit.validate.failures import Failure, merged
from toolkit.validate.rules import cross_row_rules
from toolkit.validate.table import batch_failures, key_columns, raise_failures, schema_failures

CHUNK_ROWS = 20_000  # ~80 MB of text at 4 KB an article; chunks are cut the same for every engine


def assemble(
    collected: Collected, grouped: pa.Table, contract: Contract, shards: ShardWriter
) -> RowSummary:
    """Rows in contract form (grouped: collected.keys after group_duplicates), written to the
    shards as they are made; raises DataValidationError when they break the contract (the
    caller then drops the shards: they are written to a staging folder)."""
    summary = RowSummary(contract)
    failures: list[Failure] = []
    today, offset = latest_date(), 0
    names = [*contract.names, BOILERPLATE]
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
        shards.write(rows)
        offset += chunk.num_rows
    keys = pl.from_arrow(summary.index.select(key_columns(contract)))
    assert isinstance(keys, pl.DataFrame)
    raise_failures(merged(failures) + cross_row_rules(keys, contract))
    return summary
