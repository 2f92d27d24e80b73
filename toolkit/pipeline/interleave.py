"""Rows of several tables put back where each came from: the stages split a batch (extracted
and cached rows) and must hand it on in the order it came."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyarrow as pa

Positions = Sequence[int] | np.ndarray


def interleave(parts: Sequence[tuple[pa.Table, Positions]], schema: pa.Schema) -> pa.Table:
    """One table whose row p is the row of the part that lists p at that row (the positions
    of all parts together are 0..n-1 once each)."""
    tables = [table.cast(schema) for table, _ in parts]
    positions = np.concatenate([np.asarray(rows, dtype=np.int64) for _, rows in parts])
    order = np.empty(len(positions), dtype=np.int64)
    order[positions] = np.arange(len(positions))
    return pa.concat_tables(tables).take(pa.array(order))
