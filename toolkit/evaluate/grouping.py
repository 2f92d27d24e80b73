"""Grouping scores: adjusted Rand index and pairwise precision/recall of predicted groups."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from math import comb
from typing import Any


def pair_scores(predicted: Sequence[str], truth: Sequence[str]) -> dict[str, Any]:
    """ARI (Hubert and Arabie) and precision/recall over all pairs put in one group."""
    n = len(predicted)
    both = sum(comb(c, 2) for c in Counter(zip(predicted, truth, strict=True)).values())
    pred = sum(comb(c, 2) for c in Counter(predicted).values())
    true = sum(comb(c, 2) for c in Counter(truth).values())
    total = comb(n, 2)
    expected = pred * true / total if total else 0.0
    top = (pred + true) / 2
    ari = (both - expected) / (top - expected) if top != expected else 1.0
    return {
        "items": n,
        "groups": len(set(predicted)),
        "true_groups": len(set(truth)),
        "ari": round(ari, 4),
        "pair_precision": round(both / pred, 4) if pred else 1.0,
        "pair_recall": round(both / true, 4) if true else 1.0,
    }


def kept_apart(predicted: Sequence[str], truth: Sequence[str], negative: Sequence[bool]) -> float:
    """Share of negative files the prediction groups with no file of another true group."""
    members: dict[str, set[str]] = {}
    for p, t in zip(predicted, truth, strict=True):
        members.setdefault(p, set()).add(t)
    cases = [len(members[p]) == 1 for p, neg in zip(predicted, negative, strict=True) if neg]
    return round(sum(cases) / len(cases), 4) if cases else 1.0


def grouping_scores(rows: dict[str, dict[str, Any]], truth: list[dict[str, Any]]) -> dict[str, Any]:
    """Duplicate and story groups of a dataset against truth labels (a file without a row is
    alone)."""

    def column(name: str) -> list[str]:
        return [str((rows.get(t["file"]) or {}).get(name) or f"missing:{t['file']}") for t in truth]

    duplicates = column("duplicate_group")
    dup_truth = [str(t["duplicate_label"]) for t in truth]
    result: dict[str, Any] = {"duplicate": pair_scores(duplicates, dup_truth)}
    for kind in sorted({str(t.get("kind")) for t in truth if t.get("negative")}):
        negative = [bool(t.get("negative")) and str(t.get("kind")) == kind for t in truth]
        result["duplicate"][f"kept_apart_{kind}"] = kept_apart(duplicates, dup_truth, negative)
    if all("story_label" in t for t in truth) and any("story_group" in r for r in rows.values()):
        stories = column("story_group")
        result["story"] = pair_scores(stories, [str(t["story_label"]) for t in truth])
    return result
