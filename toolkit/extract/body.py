"""The article block: the best contiguous run of prose, with furniture inside it dropped."""

from __future__ import annotations

from toolkit.extract.bridge import bridged_end
from toolkit.extract.classify import Classified
from toolkit.extract.feed import feed_item
from toolkit.extract.rows import one_cost_per_row
from toolkit.extract.tail import teaser_tail_start, trailing_chrome_start
from toolkit.extract.void import densest_part

FURNITURE_COST = 40
OTHER_COST = 10
# Furniture that sits inside articles (page breaks of a print, captions, credits, embeds) is
# dropped but barely separates; calls to action, share rows and appeals mark the article's end.
REASON_COSTS = {
    "print_page": 0,
    "gallery": 0,
    "embed_signature": 0,
    "embed_media": 0,
    "credit": 4,
    "credit_agency": 4,
    "caption_credit": 4,
    "caption_label": 4,
    "getty": 4,
    "credit_domain": 4,
    "links": 6,
    "repeated_in_file": 6,
    "related_heading": 6,  # a related box can sit between the headline and the text
    "markup": 20,
}


def _score(c: Classified) -> int:
    if c.furniture:
        return -REASON_COSTS.get(c.furniture, FURNITURE_COST)
    if c.prose:
        return c.words
    return -OTHER_COST


def _sandwiched(units: list[Classified]) -> list[bool]:
    """Short units with prose on both sides and no furniture between (headings, list items,
    code lines): they belong to the article around them (jusText's context rule)."""
    n = len(units)
    before, after = [False] * n, [False] * n
    state = False
    for i, c in enumerate(units):
        before[i] = state
        if c.furniture or c.prose:
            state = c.prose and not c.furniture
    state = False
    for i in range(n - 1, -1, -1):
        after[i] = state
        c = units[i]
        if c.furniture or c.prose:
            state = c.prose and not c.furniture
    return [before[i] and after[i] for i in range(n)]


GAP_CAP = 60
WEAK_COST = OTHER_COST  # units costing more than this are real furniture, never capped


def scores(units: list[Classified]) -> list[int]:
    """Each unit's contribution to the article block."""
    inside = _sandwiched(units)
    values = [
        0 if inside[i] and not c.furniture and not c.prose else _score(c)
        for i, c in enumerate(units)
    ]
    return _cap_gaps(one_cost_per_row(units, values))


def _cap_gaps(values: list[int]) -> list[int]:
    """A stretch of weak non-prose units (a chart's labels, a code block, a table) costs at
    most GAP_CAP in all: only real furniture, which costs more apiece, ends an article."""
    out = list(values)
    gap = 0
    for i, v in enumerate(values):
        if v > 0 or v < -WEAK_COST:
            gap = 0
            continue
        if gap - v > GAP_CAP:
            out[i] = -(GAP_CAP - gap)
            gap = GAP_CAP
        else:
            gap -= v
    return out


EARLIEST_SHARE = 0.5


def _runs(values: list[int]) -> list[tuple[int, int, int]]:
    """(score, start, end) of each maximal positive run, Kadane-style, in file order."""
    runs: list[tuple[int, int, int]] = []
    total, start, best, best_end = 0, 0, 0, 0
    for i, score in enumerate(values):
        if total <= 0:
            if best > 0:
                runs.append((best, start, best_end))
            total, start, best = 0, i, 0
        total += score
        if total > best:
            best, best_end = total, i + 1
    if best > 0:
        runs.append((best, start, best_end))
    return runs


def article_span(units: list[Classified]) -> tuple[int, int] | None:
    """[start, end) of the article: the first run scoring at least half the best one (the
    article comes before the comments, feeds and related stories that can outweigh it)."""
    values = scores(units)
    runs = _runs(values)
    if not runs:
        return None
    top = max(score for score, _, _ in runs)
    index = next(i for i, r in enumerate(runs) if r[0] >= EARLIEST_SHARE * top)
    start, end = _refined(units, values, runs, index, EARLIEST_SHARE * top)
    end = teaser_tail_start(units, start, end)
    return start, trailing_chrome_start(units, start, end)


def _refined(
    units: list[Classified],
    values: list[int],
    runs: list[tuple[int, int, int]],
    index: int,
    floor: float,
) -> tuple[int, int]:
    """The chosen run narrowed to a feed's main item, or to its part with the most prose and
    then joined across a widget to the runs after it, and cut at a comments heading."""
    _, start, end = runs[index]
    feed = feed_item(units, start, end)
    if feed:
        return feed
    start, end = densest_part(units, values, start, end)
    if end == runs[index][2]:
        end = bridged_end(units, values, runs, index, floor)
    return start, _section_end(units, start, end)


END_AFTER_WORDS = 100


def _section_end(units: list[Classified], start: int, end: int) -> int:
    """Cut the run at a comments heading once the article has real length: reader comments
    are prose too, but never the article (related-story headings also sit mid-article)."""
    words = 0
    for i in range(start, end):
        c = units[i]
        if c.prose:
            words += c.words
        elif c.furniture == "comments_end" and words >= END_AFTER_WORDS:
            return i
    return end


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
