"""Near-duplicate search: containment, not Jaccard, on the cleaned body; order does not matter."""

from __future__ import annotations

import random

from toolkit.dedup.near import near_duplicate_pairs
from toolkit.dedup.shingles import shingle_batch

rng = random.Random(3)
VOCAB = [f"w{i}" for i in range(3000)]


def text(words: int) -> str:
    sentences = []
    while sum(len(s.split()) for s in sentences) < words:
        sentences.append(" ".join(rng.choice(VOCAB) for _ in range(rng.randint(8, 20))) + ".")
    return " ".join(sentences)


ARTICLE = text(600)
OTHER = text(600)


def test_half_an_article_is_a_copy_of_the_whole() -> None:
    # Jaccard of the two is about 0.5: a plain 0.7-0.8 Jaccard threshold misses this.
    half = ARTICLE[: len(ARTICLE) // 2]
    assert near_duplicate_pairs([ARTICLE, half, OTHER]) == [(0, 1)]


def test_a_noisy_copy_is_found() -> None:
    noisy = "".join("x" if c.isalpha() and rng.random() < 0.02 else c for c in ARTICLE)
    assert near_duplicate_pairs([noisy, OTHER, ARTICLE]) == [(0, 2)]


def test_quoting_a_third_is_not_copying() -> None:
    third = ARTICLE.split(". ")[: len(ARTICLE.split(". ")) // 3]
    quoting = text(400) + " " + ". ".join(third) + ". " + text(200)
    assert near_duplicate_pairs([ARTICLE, quoting]) == []


def test_case_punctuation_and_spacing_do_not_matter() -> None:
    shouty = ARTICLE.upper().replace(". ", " ,,  ").replace(" ", "\n ")
    assert near_duplicate_pairs([ARTICLE, shouty]) == [(0, 1)]


def test_pairs_do_not_depend_on_order() -> None:
    bodies = [ARTICLE, OTHER, ARTICLE[:2000], text(300), OTHER[500:]]
    forward = {
        frozenset(p)
        for p in map(lambda p: (bodies[p[0]], bodies[p[1]]), near_duplicate_pairs(bodies))
    }
    backward_bodies = bodies[::-1]
    backward = {
        frozenset((backward_bodies[a], backward_bodies[b]))
        for a, b in near_duplicate_pairs(backward_bodies)
    }
    assert forward == backward and len(forward) == 2


def test_tiny_bodies_are_only_exact_copies() -> None:
    assert near_duplicate_pairs(["Read more", "Read more on our site today", "read more!"]) == [
        (0, 2)
    ]


def test_scripts_without_spaces_are_shingled_by_character() -> None:
    batch = shingle_batch(["日本語の記事です", "日本語の記事"])
    assert (batch.doc == 0).sum() == 6 and (batch.doc == 1).sum() == 4
