"""What validation finds: failures with stable reason codes, gathered into one report."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any

SAMPLE = 5

# Stable reason codes (never reworded; CI systems key on them).
FILE_UNREADABLE = "file_unreadable"
CONTRACT_VERSION_MISSING = "contract_version_missing"
CONTRACT_VERSION_MISMATCH = "contract_version_mismatch"
COLUMN_MISSING = "column_missing"
COLUMN_UNEXPECTED = "column_unexpected"
COLUMN_TYPE = "column_type"
COLUMN_NULLABILITY = "column_nullability"
NULL_VALUE = "null_value"
COLUMN_CHECK = "column_check"
NOT_UNIQUE = "not_unique"
GROUP_WITHOUT_CANONICAL = "group_without_canonical"
GROUP_MULTIPLE_CANONICAL = "group_multiple_canonical"
BODY_BOILERPLATE = "body_only_boilerplate"
DATE_IN_FUTURE = "date_in_future"
DATE_BEFORE_FLOOR = "date_before_floor"
CARD_MISSING = "card_missing"
CARD_UNPARSEABLE = "card_unparseable"
CARD_FEATURES = "card_features_mismatch"
CARD_NUM_EXAMPLES = "card_num_examples_mismatch"
CARD_SIZE_CATEGORY = "card_size_category_mismatch"
CARD_CONFIG_GLOB = "card_config_matches_no_file"
CARD_LICENSE = "card_license_invalid"
SHARD_MISSING = "shard_missing"


@dataclass(frozen=True)
class Failure:
    """One broken rule: which rule, where, how often, and a sample of rows and values."""

    code: str
    message: str
    column: str | None = None
    check: str | None = None
    file: str | None = None
    count: int = 1
    rows: tuple[int, ...] = ()
    values: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["rows"], data["values"] = list(self.rows), list(self.values)
        return data


@dataclass
class ValidationReport:
    """Everything validation found about one dataset folder or set of files."""

    target: str
    contract_version: int
    folder: bool = False  # target is a dataset folder; failure files are relative to it
    files: list[str] = field(default_factory=list)
    rows: int = 0
    failures: list[Failure] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not self.failures

    def by_code(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for f in self.failures:
            counts[f.code] = counts.get(f.code, 0) + f.count
        return dict(sorted(counts.items()))

    def to_json(self) -> dict[str, Any]:
        return {
            "format_version": 1,
            "target": self.target,
            "valid": self.valid,
            "contract_version": self.contract_version,
            "files": self.files,
            "rows": self.rows,
            "counts": {"failures": len(self.failures), "by_code": self.by_code()},
            "failures": [f.to_json() for f in self.failures],
        }


def merged(failures: list[Failure]) -> list[Failure]:
    """Failures of the same rule found chunk by chunk as one: counts added, the first rows and
    values kept (so a report does not depend on how the rows were cut)."""
    out: dict[tuple[str, str, str | None, str | None, str | None], Failure] = {}
    for f in failures:
        key = (f.code, f.message, f.column, f.check, f.file)
        if key not in out:
            out[key] = f
            continue
        first = out[key]
        out[key] = replace(
            first,
            count=first.count + f.count,
            rows=(first.rows + f.rows)[:SAMPLE],
            values=(first.values + f.values)[:SAMPLE],
        )
    return list(out.values())


def sample(values: list[Any]) -> tuple[str, ...]:
    """A short, printable sample of failing values."""
    return tuple(_short(v) for v in values[:SAMPLE])


def _short(value: Any) -> str:
    text = "null" if value is None else str(value)
    return text if len(text) <= 80 else text[:77] + "..."
