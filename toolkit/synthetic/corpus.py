"""A labelled corpus: families of one story, each with copies and other articles on the event."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from toolkit.errors import UsageError
from toolkit.synthetic.articles import Article, Pool, base_article, follow_up, rewrite
from toolkit.synthetic.renderings import COPIES, page

TRUTH_FILE = "truth.jsonl"
NEGATIVES = ("quote", "rewrite")  # other articles on the same event: never duplicates


@dataclass(frozen=True)
class Case:
    """One raw file of the corpus with the groups it belongs to."""

    file: str
    text: str
    kind: str
    duplicate_label: str
    story_label: str
    article: Article


def family(index: int, rng: random.Random, pool: Pool, chars: int, size: int) -> list[Case]:
    """A story: the original page, copies of it, and other articles on the same event."""
    story = base_article(rng, pool, chars)
    other = base_article(rng, pool, 400)  # what the related-links box points to
    label = f"s{index:06d}"
    cases = [Case("", page(story, rng, other), "page", f"{label}-0", label, story)]
    kinds = list(COPIES) + ["quote", "rewrite", "alone"]
    for n in range(1, size):
        kind = rng.choice(kinds)
        if kind == "quote":
            art = follow_up(story, rng, pool, rng.uniform(0.2, 0.4))
            cases.append(Case("", page(art, rng, other), kind, f"{label}-{n}", label, art))
        elif kind == "rewrite":
            art = rewrite(story, rng, pool)
            cases.append(Case("", page(art, rng, other), kind, f"{label}-{n}", label, art))
        elif kind == "alone":
            # An unrelated article: its own story, to keep families from being all there is.
            art = base_article(rng, pool, chars)
            cases.append(Case("", page(art, rng, other), kind, f"{label}-{n}", f"{label}-{n}", art))
        else:
            cases.append(
                Case("", COPIES[kind](story, rng, other), kind, f"{label}-0", label, story)
            )
    return cases


def generate(pool: Pool, articles: int, seed: int, chars: int = 3500) -> Iterator[Case]:
    """`articles` files in families of 1-8, reproducible from the seed, in a shuffled order."""
    rng = random.Random(seed)
    made = 0
    index = 0
    while made < articles:
        size = min(articles - made, rng.choice((1, 1, 2, 3, 4, 6, 8)))
        for case in family(index, rng, pool, chars, size):
            name = f"{rng.getrandbits(64):016x}.txt"  # order of names says nothing of families
            yield Case(
                name, case.text, case.kind, case.duplicate_label, case.story_label, case.article
            )
        made += size
        index += 1


def write_corpus(cases: Sequence[Case] | Iterator[Case], out: Path) -> int:
    """Raw files into out/raw and their labels into out/truth.jsonl; the number written."""
    raw = out / "raw"
    raw.mkdir(parents=True, exist_ok=True)
    count = 0
    with (out / TRUTH_FILE).open("w", encoding="utf-8") as truth:
        for case in cases:
            (raw / case.file).write_text(case.text, encoding="utf-8", newline="")
            truth.write(json.dumps(_truth(case), ensure_ascii=False) + "\n")
            count += 1
    return count


def _truth(case: Case) -> dict[str, object]:
    return {
        "file": case.file,
        "kind": case.kind,
        "duplicate_label": case.duplicate_label,
        "story_label": case.story_label,
        "negative": case.kind in NEGATIVES,
    }


def write_synthetic(dataset: Path, out: Path, articles: int, seed: int, chars: int) -> int:
    """A synthetic corpus from the bodies of a built dataset, written to out."""
    from toolkit.evaluate.run import dataset_rows

    bodies = [row["body"] for row in dataset_rows(dataset).values()]
    try:
        pool = Pool.from_bodies(bodies)
    except ValueError as exc:
        raise UsageError(f"{dataset}: {exc}") from exc
    return write_corpus(generate(pool, articles, seed, chars), out)
