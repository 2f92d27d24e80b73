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
HEAD_CHARS = 160

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
    short: bool  # the line is little more than its dates


def publication_date(
    units: list[Classified], span: tuple[int, int], url: str | None, language: str | None
) -> tuple[dt.date | None, str | None]:
    """The date printed next to the article's start, and where it came from ('text').

    First the dateline nearest the start; else the page's first date, since with no date
    near it the article block found is likely later content (comments, a sidebar); else a
    blog's "Posted on ..." line at the body's foot.
    """
    start, end = span
    scan = _Scan(units, date_cues(units, url, language), lede=start)
    near = scan.dated(start - NEAR - 2 * LIST_GAP, start + AFTER_START + 2 * LIST_GAP + 1)
    near = [c for c in near if start - NEAR <= c.index <= start + AFTER_START]
    if near:
        return min(near, key=lambda c: _distance(c.index, start)).date, "text"
    above = [c for c in scan.dated(0, start - NEAR + 2 * LIST_GAP) if c.index < start - NEAR]
    foot = [
        c
        for c in scan.dated(max(end - 1, start + AFTER_START + 1), end + FOOTER + 1)
        if _POSTED.search(units[c.index].text)  # a bare date down there is a related story's
    ]
    first = min(above or foot, key=lambda c: c.index, default=None)
    return (first.date, "text") if first else (None, None)


_POSTED = re.compile(
    r"\b(?:posted|published|publi[ée]|ver[öo]ffentlicht|publicado|pubblicato)\b", re.IGNORECASE
)


def _distance(index: int, start: int) -> int:
    """Units from the article's start; lines above it are the likelier header."""
    return start - index if index <= start else 2 * (index - start)


@dataclass
class _Scan:
    """Date candidates of one file, looked for only in the ranges asked for."""

    units: list[Classified]
    cues: DateCues
    lede: int  # the article block's first unit

    def dated(self, first: int, stop: int) -> list[_Candidate]:
        """Datelines in units[first:stop], without lists; full dates beat a bare 'Mar 27'."""
        latest = min(latest_date(), self.cues.stamp or latest_date())
        found = [
            c
            for i in range(max(0, first), min(len(self.units), stop))
            for c in self._candidates(i)
            if c.date <= latest
        ]
        found = _without_lists(found)
        full = [c for c in found if not c.partial]
        return full or found

    def _candidates(self, i: int) -> Iterator[_Candidate]:
        c = self.units[i]
        if c.furniture in _SKIP or not _DIGIT.search(c.text) or _NOT_A_DATELINE.search(c.text):
            return
        for f in _line_dates(c.text, self.cues):
            if f.date is not None and _is_dateline(c, f, lede=i == self.lede):
                yield _Candidate(i, f.date, f.partial)


def _line_dates(text: str, cues: DateCues) -> list[_Found]:
    """The dates leading one line, urls left out ("/2015/05/04/" is not a printed date)."""
    head = _URL.sub(lambda m: " " * len(m.group()), text[:HEAD_CHARS])
    full = cues.read(head)
    spans: list[tuple[int, int, dt.date | None, bool]]
    spans = [(m.start, m.end, m.date, False) for m in full]
    spans += [
        (p.start, p.end, cues.with_year(p.month, p.day), True) for p in find_month_days(head, full)
    ]
    spans.sort(key=lambda s: s[0])
    rest = head
    for s, e, _, _ in reversed(spans):
        rest = rest[:s] + " " + rest[e:]
    short = weight(rest) + weight(text[HEAD_CHARS:]) <= MAX_REST
    out = []
    previous = 0
    for s, e, date, partial in spans:
        out.append(_Found(date, partial, head[:s], head[previous:s], short))
        previous = e
    return out


def _is_dateline(c: Classified, f: _Found, lede: bool) -> bool:
    """A date leading a short line or the first paragraph, not an 'updated' one or prose."""
    if _UPDATED.search(f.label):
        return False
    before = weight(f.before)
    if f.partial and before > MAX_BEFORE_PARTIAL:
        return False
    if f.short or (lede and before <= MAX_BEFORE_PARTIAL):
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
