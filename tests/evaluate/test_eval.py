"""`toolkit eval`: the metrics as the dev corpus README defines them, and the command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import RAW
from toolkit.cli import app
from toolkit.evaluate.metrics import norm_headline, norm_url, prf, source_matches


def test_bag_of_words_scores() -> None:
    p, r, f = prf("the cat sat", "The cat sat on the mat")
    assert (p, r) == (1.0, 0.5) and f == pytest.approx(2 / 3)
    assert prf("", "anything") == (0.0, 0.0, 0.0)
    assert prf("a a b", "a b b") == pytest.approx((2 / 3, 2 / 3, 2 / 3))


def test_headline_normalisation() -> None:
    assert norm_headline("Putin Speaks – “Kremlin”!") == norm_headline('putin speaks - "kremlin"')
    assert norm_headline("  Many   spaces\n") == "many spaces"


def test_source_matching_rules() -> None:
    aliases = ["New York Times", "nytimes.com"]
    assert source_matches("nytimes.com", "The New York Times", aliases)
    assert source_matches("New York Times", "The New York Times", [])
    assert source_matches("the new-york times", "The New York Times", [])
    assert not source_matches("Reuters", "The New York Times", aliases)
    assert not source_matches(None, "The New York Times", aliases)


def test_url_normalisation() -> None:
    assert norm_url("https://www.example.com/a/\nb/") == norm_url("http://example.com/a/b")


def test_eval_command_scores_the_seeds(seeds_build: Path, tmp_path: Path) -> None:
    # Truth typed from EXPECTED.md for two seeds; 001's date is carried over, so it counts as
    # no prediction, and its truth date is null.
    truth = [
        {
            "file": "000_f9862b401aa9ade9.txt",
            "rendering": "dump",
            "english": True,
            "headline": "Putin Speaks to Netanyahu Over Conflict with Hamas – Kremlin",
            "headline_in_text": True,
            "date": "2023-10-16",
            "source": "The Moscow Times",
            "source_aliases": ["themoscowtimes.com"],
            "url": None,
            "body": "Russian President",
        },
        {
            "file": "001_2e9d37be8ed39554.txt",
            "rendering": "copy",
            "english": True,
            "headline": "Something else",
            "headline_in_text": True,
            "date": None,
            "source": "Fox News",
            "source_aliases": [],
            "url": None,
            "body": "no overlap here",
        },
    ]
    path = tmp_path / "truth.jsonl"
    path.write_text("\n".join(json.dumps(t) for t in truth))
    result = CliRunner().invoke(
        app, ["eval", str(RAW), str(path), "--dataset", str(seeds_build), "--json"]
    )
    assert result.exit_code == 0, result.output
    overall = json.loads(result.output)["overall"]
    assert overall["headline_exact"] == 0.5
    assert overall["date_exact"] == 1.0 and overall["false_dates"] == 0
    assert overall["source"] == 0.5
    assert overall["body_recall"] == 0.5  # file 000 holds both truth words, 001 none
    assert set(json.loads(result.output)["by"]["rendering"]) == {"copy", "dump"}
