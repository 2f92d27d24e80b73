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
from toolkit.extract.dateruns import LIST_GAP, Candidate, DatedRange, pick
from toolkit.extract.dates import DateText, latest_date
from toolkit.extract.prefilter import lowered, may_match, needles

NEAR = 30  # units above the article block where its dateline is looked for first
AFTER_START = 15  # header lines the article block may have swallowed
FOOTER = 2  # a blog's "Posted on ..." line just after the body
MAX_REST = 12  # words besides the date on a dateline ("By X | Published ... | 3 min read")
MAX_BEFORE = 6  # words before the date when the line is longer
MAX_BEFORE_PROSE = 3
MAX_BEFORE_PARTIAL = 4
MAX_LINE = 30
HEAD_CHARS = 160

_SKIP = frozenset({"embed_signature", "credit", "credit_agency", "links"})
_DIGIT = re.compile(r"\d")
_URL = re.compile(r"(?:https?://|www\.)\S+|\S+\.(?:html?|php|aspx?|jpe?g|png|gif)\S*", re.I)
_URL_NEEDLES = needles(_URL)
# Print stamps, code and table rows, and reader comments ("X wrote on ...", "... Reply").
_PRINT_STAMP = re.compile(PRINT_STAMP)
_CODE_OR_REPLY = ("::", "{", "}", "<", ">", "=", "│", "┃", "回覆", "回复", "返信")
_COMMENT = re.compile(r"\b(?:wrote|says|said|repl(?:y|ied)|commented)\b", re.IGNORECASE)
_COMMENT_NEEDLES = needles(_COMMENT)
_UPDATED = re.compile(
    r"updated|modified|aktualisiert|mis à jour|actualizado|atualizado|更新", re.IGNORECASE
)


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
    n = len(units)
    near = DatedRange(
        scan.dated,
        max(0, start - NEAR - 2 * LIST_GAP),
        min(n, start + AFTER_START + 2 * LIST_GAP + 1),
    )
    window = range(max(near.lo, start - NEAR), min(near.hi, start + AFTER_START + 1))
    found = pick(near, _by_distance(window, start), _outside(near, window))
    if found is None:
        above = DatedRange(scan.dated, 0, min(n, start - NEAR + 2 * LIST_GAP))
        window = range(0, min(above.hi, start - NEAR))
        found = pick(above, window, _outside(above, window))
    if found is None:
        foot = DatedRange(
            scan.dated, max(end - 1, start + AFTER_START + 1), min(n, end + FOOTER + 1)
        )
        kept = [c for i in range(foot.lo, foot.hi) for c in foot.kept(i)]
        full = [c for c in kept if not c.partial]
        # a bare date down there is a related story's
        found = next((c for c in full or kept if _POSTED.search(units[c.index].text)), None)
    return (found.date, "text") if found else (None, None)


_POSTED = re.compile(
    r"\b(?:posted|published|publi[ée]|ver[öo]ffentlicht|publicado|pubblicato)\b", re.IGNORECASE
)


def _by_distance(window: range, start: int) -> Iterator[int]:
    """The window's units nearest the start first, a unit below counting twice as far as
    one above (the likelier header); of two as near, the one above."""
    for d in range(max(start - window.start, 2 * (window.stop - 1 - start)) + 1):
        if start - d in window:
            yield start - d
        if d and not d % 2 and start + d // 2 in window:
            yield start + d // 2


def _outside(dated: DatedRange, window: range) -> Iterator[int]:
    return (i for i in range(dated.lo, dated.hi) if i not in window)


class _Scan:
    """Date candidates of one file's units, each unit read at most once."""

    def __init__(self, units: list[Classified], cues: DateCues, lede: int) -> None:
        self.units = units
        self.cues = cues
        self.lede = lede  # the article block's first unit
        today = latest_date()
        self.latest = min(today, cues.stamp or today)
        self._found: dict[int, list[Candidate]] = {}

    def dated(self, i: int) -> list[Candidate]:
        """Unit i's dateline dates in line order, none printed after the latest possible."""
        if i not in self._found:
            self._found[i] = [c for c in self._candidates(i) if c.date <= self.latest]
        return self._found[i]

    def _candidates(self, i: int) -> Iterator[Candidate]:
        c = self.units[i]
        if c.furniture in _SKIP or not _DIGIT.search(c.text) or _not_a_dateline(c.text):
            return
        for f in _line_dates(c.text, self.cues):
            if f.date is not None and _is_dateline(c, f, lede=i == self.lede):
                yield Candidate(i, f.date, f.partial)


def _not_a_dateline(text: str) -> bool:
    """A print stamp, code, a table row or a reader's comment: literals first, as most lines
    hold none of them."""
    if _PRINT_STAMP.match(text) or any(mark in text for mark in _CODE_OR_REPLY):
        return True
    return may_match(_COMMENT_NEEDLES, lowered(text)) and bool(_COMMENT.search(text))


def _line_dates(text: str, cues: DateCues) -> list[_Found]:
    """The dates leading one line, urls left out ("/2015/05/04/" is not a printed date)."""
    head = text[:HEAD_CHARS]
    if may_match(_URL_NEEDLES, lowered(head)):
        head = _URL.sub(lambda m: " " * len(m.group()), head)
    dates = DateText(head)
    full = cues.read(dates)
    spans: list[tuple[int, int, dt.date | None, bool]]
    spans = [(m.start, m.end, m.date, False) for m in full]
    spans += [
        (p.start, p.end, cues.with_year(p.month, p.day), True) for p in dates.month_days(full)
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
