"""The dataset card (README.md of the built folder), generated from the contract and the data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from huggingface_hub import DatasetCardData

from toolkit.contract import Contract
from toolkit.output.summary import RowSummary

_SIZES = [
    (1_000, "n<1K"),
    (10_000, "1K<n<10K"),
    (100_000, "10K<n<100K"),
    (1_000_000, "100K<n<1M"),
    (10_000_000, "1M<n<10M"),
    (100_000_000, "10M<n<100M"),
    (1_000_000_000, "100M<n<1B"),
]


def size_category(rows: int) -> str:
    """The Hub's size_categories bucket for a row count."""
    return next((label for limit, label in _SIZES if rows < limit), "n>1T")


def card_metadata(
    contract: Contract, rows: RowSummary, out: Path, shards: list[str]
) -> DatasetCardData:
    """The card's YAML front matter."""
    card = contract.card
    split = card.get("split", "train")
    languages = sorted(rows.languages)
    download = sum((out / s).stat().st_size for s in shards)
    extra: dict[str, Any] = {}
    if card.get("license_name"):
        extra["license_name"] = card["license_name"]
    if card.get("license_link"):
        extra["license_link"] = card["license_link"]
    return DatasetCardData(
        language=languages or None,
        license=card.get("license", "other"),
        pretty_name=card.get("pretty_name"),
        size_categories=[size_category(rows.num_rows)],
        task_categories=card.get("task_categories"),
        tags=card.get("tags"),
        configs=[
            {"config_name": "default", "data_files": [{"split": split, "path": f"data/{split}-*"}]}
        ],
        dataset_info={
            "features": contract.card_features,
            "splits": [{"name": split, "num_bytes": rows.nbytes, "num_examples": rows.num_rows}],
            "download_size": download,
            "dataset_size": rows.nbytes,
        },
        **extra,
    )


def render_card(
    contract: Contract, rows: RowSummary, report: dict[str, Any], out: Path, shards: list[str]
) -> str:
    """The whole card: YAML front matter, then what a user of the dataset needs to know."""
    meta = card_metadata(contract, rows, out, shards)
    counts = report["counts"]
    coverage = "\n".join(
        f"| `{name}` | {share:.0%} |" for name, share in report["field_coverage"].items()
    )
    quarantine = (
        "\n".join(
            f"- `{q['raw_path']}`: {q['reason']} ({q['detail']})" for q in report["quarantined"]
        )
        or "- No input file was quarantined."
    )
    title = contract.card.get("pretty_name") or contract.title
    groups, stories = report["duplicate_groups"], report["story_groups"]
    return f"""---
{meta.to_yaml()}
---

# {title}

{contract.description}

Built by `toolkit build` from a folder of raw news-article text files: each file is decoded,
cleaned of page furniture (menus, share buttons, appeals, captions, embedded posts), its
headline, date, publisher, byline and wire agency extracted, copies of one article grouped
in `duplicate_group` (every copy is kept as a row), and articles about one news event grouped in
`story_group`.

## Loading

```python
from datasets import load_dataset

ds = load_dataset("path/to/this/folder")  # a local build
ds = load_dataset("parquet", data_files="data/train-*.parquet")  # the shards alone
ds = load_dataset("USER/NAME")  # from the Hub
```

## Fields

Contract version {contract.version}.

{contract.field_table()}

## Build

- Input files: {counts["files"]}
- Rows: {counts["rows"]}
- Quarantined files: {counts["quarantined"]}
- Duplicate groups: {groups["groups"]} ({groups["groups_with_copies"]} with more than one copy)
- Story groups: {stories["groups"]} ({stories["groups_with_articles"]} with more than one article)

| field | rows where present |
|---|---|
{coverage}

## Known limitations

Fields are extracted by general rules from raw text and can be wrong or missing; a null means
the file did not state the value. A date or source a file lacks is taken from the most complete
copy in its duplicate group and named in `carried_over` (a carried date also has `date_source`
`carried_over`); a copy syndicated by another publisher can inherit the wrong source this way.

Quarantined files (not in the data):

{quarantine}

## License

The articles belong to their publishers; check the terms of each source before redistributing
the text. The toolkit that built this dataset is Apache-2.0.
"""
