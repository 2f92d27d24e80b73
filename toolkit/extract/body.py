"""The article block: the best contiguous run of prose, with furniture inside it dropped."""

from __future__ import annotations

from toolkit.extract.classify import Classified

FURNITURE_COST = 40
OTHER_COST = 6


def _score(c: Classified) -> int:
    if c.furniture:
        return -FURNITURE_COST
    if c.prose:
        return c.words
    return -min(OTHER_COST, max(2, c.words))


def article_span(units: list[Classified]) -> tuple[int, int] | None:
    """[start, end) of the highest-scoring contiguous run (maximum subarray), or None."""
    best, best_span = 0, None
    total, start = 0, 0
    for i, unit in enumerate(units):
        if total <= 0:
            total, start = 0, i
        total += _score(unit)
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


def body_paragraphs(units: list[Classified], span: tuple[int, int]) -> list[str]:
    """The run's paragraphs, minus furniture and embedded posts."""
    kept: list[str] = []
    for c in units[span[0] : span[1]]:
        if c.furniture == "embed_signature" and kept and _is_embed_text(kept[-1]):
            kept.pop()  # the post's own text sits right above its signature line
        if c.furniture:
            continue
        kept.append(c.text)
    return kept


def _is_embed_text(text: str) -> bool:
    return any(
        marker in text for marker in ("https://t.co/", "pic.twitter.com/", "instagram.com/p/")
    )
