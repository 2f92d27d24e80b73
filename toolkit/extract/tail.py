"""Where an article block runs on into a list of story teasers under a section heading."""

from __future__ import annotations

from toolkit.extract.classify import Classified

MIN_ARTICLE_WORDS = 100
LONG_PARAGRAPH = 45  # teaser summaries are a sentence or two; article paragraphs run longer
MAX_LONG_AFTER = 1
MAX_SHARE_AFTER = 0.5


def teaser_tail_start(units: list[Classified], start: int, end: int) -> int:
    """The first section heading ("Related", "Most popular") in [start, end) after which the
    block holds only short prose, and less of it than before: related-story summaries, not the
    article going on past a mid-article box (whose paragraphs are long). `end` when none."""
    before = 0
    for i in range(start, end):
        c = units[i]
        if c.prose and not c.furniture:
            before += c.words
            continue
        if c.furniture != "section_end" or before < MIN_ARTICLE_WORDS:
            continue
        after = [u.words for u in units[i + 1 : end] if u.prose and not u.furniture]
        long_after = sum(1 for words in after if words >= LONG_PARAGRAPH)
        if long_after <= MAX_LONG_AFTER and sum(after) < MAX_SHARE_AFTER * before:
            return i
    return end


SUBSTANTIAL = 20  # words: a paragraph of the article rather than a label or a one-line blurb
MIN_TAIL_UNITS = 6
MAX_TAIL_PROSE = 60


def trailing_chrome_start(units: list[Classified], start: int, end: int) -> int:
    """Where the block's last substantial paragraph ends, when after it come many units with
    hardly any prose: link lists and widgets that only short blurbs kept in the block."""
    last = max(
        (i for i in range(start, end) if units[i].prose and units[i].words >= SUBSTANTIAL),
        default=None,
    )
    if last is None:
        return end
    tail = units[last + 1 : end]
    prose = sum(c.words for c in tail if c.prose and not c.furniture)
    if len(tail) >= MIN_TAIL_UNITS and prose <= MAX_TAIL_PROSE:
        return last + 1
    return end
