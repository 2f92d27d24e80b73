from __future__ import annotations

from pathlib import Path

from huggingface_hub import DatasetCard

from toolkit.contract import load_contract
from toolkit.output.card import size_category


def test_card_front_matter_is_what_the_hub_reads(seeds_build: Path) -> None:
    card = DatasetCard.load(seeds_build / "README.md")
    data = card.data.to_dict()
    assert data["configs"] == [
        {"config_name": "default", "data_files": [{"split": "train", "path": "data/train-*"}]}
    ]
    assert data["dataset_info"]["features"] == load_contract().card_features
    assert data["dataset_info"]["splits"][0]["num_examples"] == 5
    assert data["size_categories"] == ["n<1K"]
    assert data["language"] == ["en"]
    assert data["license"] == "other" and data["pretty_name"]
    assert "| `duplicate_group` |" in card.text


def test_size_categories() -> None:
    assert size_category(0) == "n<1K"
    assert size_category(999) == "n<1K"
    assert size_category(1000) == "1K<n<10K"
    assert size_category(2_500_000) == "1M<n<10M"
