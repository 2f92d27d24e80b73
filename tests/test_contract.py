"""schema/ is the one contract: pandera loads it alone, and every other form derives from it."""

from __future__ import annotations

import ast
from pathlib import Path

import datasets
import polars as pl
import pyarrow as pa
import pytest
import yaml
from pandera.io import polars_io

from tests.conftest import RAW, ROOT
from toolkit.build import BuildOptions, build
from toolkit.contract import load_contract
from toolkit.errors import ContractError

CONTRACT = ROOT / "schema" / "news_articles.yaml"


def test_pandera_alone_loads_the_contract() -> None:
    schema = polars_io.from_yaml(CONTRACT)
    assert list(schema.columns) == load_contract().names
    assert schema.columns["date"].dtype.type == pl.Date


def test_every_derived_form_follows_the_contract() -> None:
    contract = load_contract()
    names = contract.names
    assert contract.arrow_schema.names == names
    assert list(contract.features) == names
    assert [f["name"] for f in contract.card_features] == names
    table_rows = contract.field_table().splitlines()[2:]
    assert [row.split("`")[1] for row in table_rows] == names
    # The card's YAML form is what `datasets` itself reads back as the same features.
    assert datasets.Features._from_yaml_list(contract.card_features) == contract.features
    assert contract.features.arrow_schema.field("byline").type == pa.list_(pa.string())


def _string_literals(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
    }


def test_no_module_restates_the_field_list() -> None:
    names = set(load_contract().names)
    for path in sorted((ROOT / "toolkit").rglob("*.py")):
        named = names & _string_literals(path)
        assert len(named) <= len(names) // 2, f"{path} names {sorted(named)}"


def test_a_field_added_to_the_contract_flows_into_the_dataset(tmp_path: Path) -> None:
    raw = yaml.safe_load(CONTRACT.read_text())
    raw["columns"]["notes"] = {"dtype": "String", "nullable": True, "description": "Free notes."}
    changed = tmp_path / "contract.yaml"
    changed.write_text(yaml.safe_dump(raw, sort_keys=False))
    out = tmp_path / "dist"
    build(BuildOptions(RAW, out, contract_path=changed, progress=False))
    ds = datasets.load_dataset(str(out), split="train")
    assert list(ds.features)[-1] == "notes"
    assert "| `notes` | string | yes | Free notes. |" in (out / "README.md").read_text()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("columns: [", "not valid YAML"),
        ("name: x\n", "no 'columns'"),
        ("metadata: {contract_version: 1}\ncolumns:\n  a: {dtype: String}\n", "no description"),
        (
            "metadata: {contract_version: 1}\ncolumns:\n  a: {dtype: Float32, description: d}\n",
            "unsupported type",
        ),
        ("columns:\n  a: {dtype: String, description: d}\n", "contract_version"),
    ],
)
def test_invalid_contracts_are_named(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(text)
    with pytest.raises(ContractError, match=message):
        load_contract(path)
