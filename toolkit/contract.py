"""The dataset contract: loads schema/*.yaml and derives every other form of the field list."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import polars as pl
import pyarrow as pa

from toolkit.errors import ContractError
from toolkit.safe_yaml import YamlProblem, load_yaml

if TYPE_CHECKING:  # (datasets and pandera are imported where used: workers need neither)
    import datasets
    import pandera.polars as pa_pl

CONTRACT_FILE = "news_articles.yaml"

# polars dtype -> (Arrow type, `datasets` dtype name). Only these types may appear in a contract.
_SCALARS: dict[type[pl.DataType], tuple[pa.DataType, str]] = {
    pl.String: (pa.string(), "string"),
    pl.Date: (pa.date32(), "date32"),
    pl.Int32: (pa.int32(), "int32"),
    pl.Int64: (pa.int64(), "int64"),
    pl.Float64: (pa.float64(), "float64"),
    pl.Boolean: (pa.bool_(), "bool"),
}


@dataclass(frozen=True)
class Field:
    """One column of the contract, as every consumer needs it."""

    name: str
    dtype: pl.DataType
    nullable: bool
    description: str
    unique: bool = False

    @property
    def is_list(self) -> bool:
        return isinstance(self.dtype, pl.List)

    def _scalar(self) -> tuple[pa.DataType, str]:
        base = self.dtype.inner if isinstance(self.dtype, pl.List) else self.dtype
        for pl_type, mapped in _SCALARS.items():
            if base == pl_type:
                return mapped
        raise ContractError(f"contract: field {self.name!r} has unsupported type {self.dtype}")

    @property
    def arrow_type(self) -> pa.DataType:
        scalar, _ = self._scalar()
        return pa.list_(scalar) if self.is_list else scalar

    @property
    def feature(self) -> Any:
        import datasets

        _, name = self._scalar()
        value = datasets.Value(name)
        return datasets.List(value) if self.is_list else value

    @property
    def card_feature(self) -> dict[str, str]:
        """This field as the card's `dataset_info.features` entry (the Hub's YAML form)."""
        _, name = self._scalar()
        return (
            {"name": self.name, "list": name}
            if self.is_list
            else {"name": self.name, "dtype": name}
        )

    @property
    def type_label(self) -> str:
        _, name = self._scalar()
        return f"list<{name}>" if self.is_list else name


@dataclass(frozen=True)
class Contract:
    """The loaded contract and everything derived from it."""

    path: Path
    version: int
    card: dict[str, Any]
    rules: dict[str, Any]
    fields: tuple[Field, ...]
    schema: pa_pl.DataFrameSchema

    @property
    def title(self) -> str:
        return str(self.schema.title or self.schema.name or "")

    @property
    def description(self) -> str:
        return str(self.schema.description or "")

    @property
    def names(self) -> list[str]:
        return [f.name for f in self.fields]

    @property
    def polars_schema(self) -> dict[str, pl.DataType]:
        return {f.name: f.dtype for f in self.fields}

    @property
    def features(self) -> datasets.Features:
        import datasets

        return datasets.Features({f.name: f.feature for f in self.fields})

    @property
    def arrow_schema(self) -> pa.Schema:
        """The explicit Parquet schema, with the metadata `datasets` reads its features from."""
        hf_meta = self.features.arrow_schema.metadata or {}
        meta = {**hf_meta, b"toolkit.contract_version": str(self.version).encode()}
        return pa.schema(
            [pa.field(f.name, f.arrow_type, nullable=f.nullable) for f in self.fields],
            metadata=meta,
        )

    @property
    def card_features(self) -> list[dict[str, str]]:
        return [f.card_feature for f in self.fields]

    def field_table(self) -> str:
        """The card's Markdown table of fields."""
        rows = ["| field | type | nullable | description |", "|---|---|---|---|"]
        for f in self.fields:
            nullable = "yes" if f.nullable else "no"
            rows.append(f"| `{f.name}` | {f.type_label} | {nullable} | {f.description} |")
        return "\n".join(rows)


def default_contract_path() -> Path:
    """The packaged contract (wheel) or the source tree's schema/ (editable install)."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_schema" / CONTRACT_FILE, here.parent / "schema" / CONTRACT_FILE):
        if candidate.is_file():
            return candidate
    raise ContractError(f"contract: {CONTRACT_FILE} not found in the package or schema/")


@functools.lru_cache(maxsize=8)
def load_contract(path: Path | None = None) -> Contract:
    """Load and check the contract once; every derived form comes from this object."""
    from pandera.io import polars_io

    path = path or default_contract_path()
    try:
        raw = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ContractError(f"{path}: cannot read contract: {_reason(exc)}") from exc
    except YamlProblem as exc:
        raise ContractError(f"{path}: contract is not valid YAML: {exc}") from exc
    if not isinstance(raw, dict) or not isinstance(raw.get("columns"), dict):
        raise ContractError(f"{path}: contract has no 'columns' mapping")
    try:
        schema = polars_io.deserialize_schema(raw)  # type: ignore[no-untyped-call]
    except Exception as exc:  # pandera raises many types for a malformed schema
        raise ContractError(f"{path}: pandera cannot load the contract: {exc}") from exc
    meta = raw.get("metadata") or {}
    version = meta.get("contract_version")
    if not isinstance(version, int):
        raise ContractError(f"{path}: metadata.contract_version must be an integer")
    fields = []
    for name, column in schema.columns.items():
        description = column.description
        if not description:
            raise ContractError(f"{path}: field {name!r} has no description")
        if column.dtype is None:
            raise ContractError(f"{path}: field {name!r} has no dtype")
        field = Field(
            name, column.dtype.type, bool(column.nullable), description, bool(column.unique)
        )
        field.arrow_type  # noqa: B018 - fails early on an unsupported type
        fields.append(field)
    card, rules = dict(meta.get("card") or {}), dict(meta.get("rules") or {})
    split = card.get("split", "train")
    if not isinstance(split, str) or not _SPLIT.fullmatch(split):
        # it names the shard files: a path in it would write outside the output folder
        raise ContractError(f"{path}: metadata.card.split must be a word like train, not {split!r}")
    return Contract(path, version, card, rules, tuple(fields), schema)


_SPLIT = re.compile(r"\w+(?:\.\w+)*", re.ASCII)  # the Hub's split names


def _reason(exc: OSError | UnicodeDecodeError) -> str:
    if isinstance(exc, UnicodeDecodeError):
        return "not UTF-8 text"
    return exc.strerror or str(exc)
