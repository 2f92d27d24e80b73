"""Trim the article block at hard breaks: a live feed or teaser list after the share row is
not the article, however much prose its items carry."""

from __future__ import annotations

import re

from toolkit.extract.body import END_AFTER_WORDS, FURNITURE_COST, REASON_COSTS
from toolkit.extract.classify import Classified

MIN_PROSE_SHARE = 0.5  # of a segment's text units that are prose, for an article's segment
MIN_UNITS = 4  # segments shorter than this are too small to judge
RESUME_RUN = 2  # paragraphs in a row at the block's end that show the article went on
_CODE = re.compile(r"[{}();=<>]")  # a code line that names a login or a cookie is no bar
_SENTENCE_END = (".", "!", "?", "…", "。", "！", "？")
END_WORDS = 6  # a share row or a call to action this short is a bar, not a sentence


def _hard(c: Classified) -> bool:
    """Furniture that separates (share rows, calls to action, section headings)."""
    return bool(c.furniture) and REASON_COSTS.get(c.furniture or "", FURNITURE_COST) >= (
        FURNITURE_COST
    )


def _end_bar(c: Classified) -> bool:
    """A share row or a short call to action: pages put these under the article."""
    if c.furniture in ("related_heading", "comments_end"):
        return True
    return (
        c.furniture in ("share_buttons", "call_to_action")
        and c.words <= END_WORDS
        and not c.text.endswith(_SENTENCE_END)
        and not _CODE.search(c.text)
    )


def _segments(units: list[Classified], start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) pieces of the span between hard breaks (breaks belong to no piece)."""
    pieces: list[tuple[int, int]] = []
    begin = start
    for i in range(start, end):
        if _hard(units[i]) or _end_bar(units[i]):
            if i > begin:
                pieces.append((begin, i))
            begin = i + 1
    if end > begin:
        pieces.append((begin, end))
    return pieces


def _prose_words(units: list[Classified], piece: tuple[int, int]) -> int:
    return sum(c.words for c in units[piece[0] : piece[1]] if c.prose)


def _fragmented(units: list[Classified], piece: tuple[int, int]) -> bool:
    """Mostly short non-prose lines with prose here and there: a feed, not an article."""
    texts = [c for c in units[piece[0] : piece[1]] if not c.furniture]
    if len(texts) < MIN_UNITS:
        return False
    return sum(1 for c in texts if c.prose) < MIN_PROSE_SHARE * len(texts)


def _resumes(units: list[Classified], rest: tuple[int, int]) -> bool:
    """The rest ends in consecutive paragraphs: the article going on after a box inside it
    (a feed or a teaser list ends with its short items)."""
    texts = [c for c in units[rest[0] : rest[1]] if not c.furniture]
    return len(texts) >= RESUME_RUN and all(c.prose for c in texts[-RESUME_RUN:])


def trim_span(units: list[Classified], span: tuple[int, int]) -> tuple[int, int]:
    """The span up to the first end-of-article break after which everything left is
    fragmented, once the article has real length (a feed can outweigh the article)."""
    words = 0
    for piece in _segments(units, *span):
        rest = (piece[0], span[1])
        if (
            words >= END_AFTER_WORDS
            and _end_bar(units[piece[0] - 1])
            and _fragmented(units, piece)
            and _fragmented(units, rest)
            and not _resumes(units, rest)
        ):
            return span[0], piece[0] - 1
        words += _prose_words(units, piece)
    return span
