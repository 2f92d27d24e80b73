"""The publication date: the dateline next to the article's start, not a date in a list or prose.

Rules that hold on any news page: the date the page was published is printed on a short
line near the headline and byline, just before the body; dates further away belong to
related-story lists, comments or the story itself. "Updated" dates, print time stamps and
embedded-post signatures are never the publication date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from toolkit.extract.classify import Classified, weight
from toolkit.extract.datecues import PRINT_STAMP, DateCues, date_cues
from toolkit.extract.dates import find_month_days, latest_date

NEAR = 30  # units above the article block where its dateline is looked for first
AFTER_START = 15  # header lines the article block may have swallowed
FOOTER = 2  # a blog's "Posted on ..." line just after the body
LIST_GAP = 4  # dated units this close together form a list (related stories, comments)
LIST_SIZE = 3
MAX_REST = 12  # words besides the date on a dateline ("By X | Published ... | 3 min read")
MAX_BEFORE = 6  # words before the date when the line is longer
MAX_BEFORE_PROSE = 3
MAX_BEFORE_PARTIAL = 4
MAX_LINE = 30

_SKIP = frozenset({"embed_signature", "credit", "credit_agency", "links"})
_DIGIT = re.compile(r"\d")
_URL = re.compile(r"(?:https?://|www\.)\S+|\S+\.(?:html?|php|aspx?|jpe?g|png|gif)\S*", re.I)
# Print stamps, code and table rows, and reader comments ("X wrote on ...", "... Reply").
_NOT_A_DATELINE = re.compile(
    PRINT_STAMP + r"|::|[{}<>=│┃]"
    r"|\b(?:wrote|says|said|repl(?:y|ied)|commented)\b|回覆|回复|返信",
    re.IGNORECASE,
)
_UPDATED = re.compile(
    r"updated|modified|aktualisiert|mis à jour|actualizado|atualizado|更新", re.IGNORECASE
)


@dataclass(frozen=True)
class _Candidate:
    index: int
    date: dt.date
    partial: bool  # printed without a year


@dataclass(frozen=True)
class _Found:
    """One date on a line, with the words around it that say what kind of date it is."""

    date: dt.date | None
    partial: bool
    before: str  # the line's text before the date
    label: str  # the text since the previous date on the line


def publication_date(
    units: list[Classified], span: tuple[int, int], url: str | None, language: str | None
) -> tuple[dt.date | None, str | None]:
    """The date printed next to the article's start, and where it came from ('text')."""
    start, end = span
    cues = date_cues(units, url, language)
    latest = min(latest_date(), cues.stamp or latest_date())
    found = _without_lists([c for c in _candidates(units, span, cues) if c.date <= latest])
    if any(not c.partial for c in found):
        found = [c for c in found if not c.partial]  # a full date beats a bare "Mar 27"
    best = _nearest(found, start, end)
    return (best.date, "text") if best else (None, None)


def _nearest(found: list[_Candidate], start: int, end: int) -> _Candidate | None:
    """The dateline next to the article's start; else the page's first; else the body's foot.

    When no date sits near the start, the article block found is likely later page content
    (comments, a sidebar), and the page's own date is its first one.
    """
    near = [c for c in found if start - NEAR <= c.index <= start + AFTER_START]
    if near:
        return min(near, key=lambda c: _distance(c.index, start))
    above = [c for c in found if c.index < start]
    if above:
        return min(above, key=lambda c: c.index)
    foot = [c for c in found if end - 1 <= c.index <= end + FOOTER]
    return foot[0] if foot else None


def _distance(index: int, start: int) -> int:
    """Units from the article's start; lines above it are the likelier header."""
    return start - index if index <= start else 2 * (index - start)


def _zone(start: int, end: int, size: int) -> Iterator[int]:
    """Units that may hold the dateline (above the body, its head, its foot), plus a margin."""
    head_end = min(size, start + AFTER_START + 2 * LIST_GAP + 1)
    yield from range(0, head_end)
    yield from range(max(head_end, end - 1), min(size, end + FOOTER + 1))


def _candidates(
    units: list[Classified], span: tuple[int, int], cues: DateCues
) -> Iterator[_Candidate]:
    for i in _zone(*span, len(units)):
        c = units[i]
        if c.furniture in _SKIP or not _DIGIT.search(c.text) or _NOT_A_DATELINE.search(c.text):
            continue
        for f in _line_dates(c.text, cues):
            if f.date is not None and _is_dateline(c, f, lede=i == span[0]):
                yield _Candidate(i, f.date, f.partial)


def _line_dates(text: str, cues: DateCues) -> list[_Found]:
    """Every date on one line, urls left out ("/2015/05/04/" is not a printed date)."""
    text = _URL.sub(lambda m: " " * len(m.group()), text)
    full = cues.read(text)
    spans: list[tuple[int, int, dt.date | None, bool]]
    spans = [(m.start, m.end, m.date, False) for m in full]
    spans += [
        (p.start, p.end, cues.with_year(p.month, p.day), True) for p in find_month_days(text, full)
    ]
    spans.sort(key=lambda s: s[0])
    rest = text
    for s, e, _, _ in reversed(spans):
        rest = rest[:s] + " " + rest[e:]
    out = []
    previous = 0
    for s, e, date, partial in spans:
        out.append(_Found(date, partial, text[:s], text[previous:s]))
        previous = e
    return out if weight(rest) > MAX_REST else [_short_line(f) for f in out]


def _short_line(f: _Found) -> _Found:
    """On a line that is mostly dates, every date counts as leading it."""
    return _Found(f.date, f.partial, "", f.label)


def _is_dateline(c: Classified, f: _Found, lede: bool) -> bool:
    """A date leading a short line or the first paragraph, not an 'updated' one or prose."""
    if _UPDATED.search(f.label):
        return False
    before = weight(f.before)
    if f.partial and before > MAX_BEFORE_PARTIAL:
        return False
    if lede and before <= MAX_BEFORE_PARTIAL:
        return True  # "WASHINGTON, April 17, 2015 -- The ..." opens the story
    limit = MAX_BEFORE_PROSE if c.prose else MAX_BEFORE
    return before <= limit and (not f.before.strip() or weight(c.text) <= MAX_LINE)


def _without_lists(found: list[_Candidate]) -> list[_Candidate]:
    """Drop runs of several dated units close together: related stories, comments, tables."""
    kept: list[_Candidate] = []
    run: list[_Candidate] = []
    for c in sorted(found, key=lambda c: c.index):
        if run and c.index - run[-1].index > LIST_GAP:
            kept += _unless_list(run)
            run = []
        run.append(c)
    return kept + _unless_list(run)


def _unless_list(run: list[_Candidate]) -> list[_Candidate]:
    return [] if len({c.index for c in run}) >= LIST_SIZE else run
