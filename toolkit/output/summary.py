"""What the report, the card and the cross-row rules need to know of the rows, gathered chunk by
chunk as the rows are written, so none of them needs the whole table in memory."""

from __future__ import annotations

from dataclasses import dataclass, field

import pyarrow as pa
import pyarrow.compute as pc

from toolkit.contract import Contract
from toolkit.validate.table import key_columns

PATH = "raw_path"
LANGUAGE = "language"


@dataclass
class RowSummary:
    """Counts and the few per-row columns (ids, groups, paths) over every row added."""

    contract: Contract
    num_rows: int = 0
    nbytes: int = 0  # in-memory Arrow size of the rows, as the card reports it
    present: dict[str, int] = field(default_factory=dict)  # rows where each field is present
    languages: set[str] = field(default_factory=set)
    _index: list[pa.Table] = field(default_factory=list)

    @classmethod
    def of(cls, rows: pa.Table, contract: Contract) -> RowSummary:
        """The summary of one in-memory table."""
        summary = cls(contract)
        summary.add(rows)
        return summary

    def add(self, rows: pa.Table) -> None:
        """Count one chunk of rows (in contract form)."""
        self.num_rows += rows.num_rows
        self.nbytes += rows.nbytes
        for f in self.contract.fields:
            self.present[f.name] = self.present.get(f.name, 0) + _present(rows.column(f.name))
        if LANGUAGE in rows.column_names:
            self.languages.update(v for v in pc.unique(rows.column(LANGUAGE)).to_pylist() if v)
        self._index.append(rows.select(self.index_columns()))

    def index_columns(self) -> list[str]:
        """The cross-row rules' columns and the path, which the report's group lists name."""
        keys = key_columns(self.contract)
        return keys + ([PATH] if PATH in self.contract.names and PATH not in keys else [])

    @property
    def index(self) -> pa.Table:
        """index_columns of every row, in order."""
        if not self._index:
            return pa.schema(
                [self.contract.arrow_schema.field(n) for n in self.index_columns()]
            ).empty_table()
        return pa.concat_tables(self._index)

    def coverage(self) -> dict[str, float]:
        """Share of rows where each field is present (non-null, non-empty list)."""
        return {
            f.name: round(self.present.get(f.name, 0) / self.num_rows, 4) if self.num_rows else 0.0
            for f in self.contract.fields
        }


def _present(column: pa.ChunkedArray) -> int:
    if pa.types.is_list(column.type) or pa.types.is_large_list(column.type):
        return int(pc.sum(pc.greater(pc.list_value_length(column), 0)).as_py() or 0)
    return int(len(column) - column.null_count)
