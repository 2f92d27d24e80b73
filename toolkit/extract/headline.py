"""The headline: the title line(s) above the body best backed by a byline, a date or a repeat."""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from toolkit.extract.classify import Classified, cjk_count, is_byline, weight
from toolkit.extract.headline_cues import (
    Page,
    dates_in,
    is_author,
    is_code,
    is_count_line,
    is_credit,
    is_list_item,
    is_meta,
    key,
)

LOOKAHEAD = 8  # units into the body run (it can start at the headline's own dek)
META_WINDOW = 6  # units after a headline in which its byline or date counts
SITE_MAX_WORDS = 4  # a site name after a title separator is short
ECHO_MAX = 2.5  # the most a repeat on the page adds (Page.echoes)
META_MAX, DEK_MAX = 3.0, 1.0  # the most a byline or date below, and a standfirst, add
PRUNE_FROM = 4  # candidates from which the cues of the hopeless ones are left unweighed
MIN_SCORE = -2.0  # below this the best candidate is a guess, and no headline beats a wrong one
_LABELLED_DATE = re.compile(
    r"^\s*(?:(?:date|published|posted|updated|on)\s*:?\s*)?$", re.IGNORECASE
)
_SUFFIX = re.compile(r"\s+(?:[|–—]|-|::)\s+(?P<site>[^|–—]{2,60})$")
_LEADING_BULLET = re.compile(r"^\W*(?:\d{1,3}[.)]\s*)?")
_NOT_ASCII_LETTERS = bytes(b for b in range(128) if not chr(b).isalpha())
_EARLY_DIGIT = re.compile(r"\d")  # every date has a digit: a cheap test before the date search
_CLAUSE_ENDS = (".", ",", ":", ";", "。", "，", "；", "：")  # a sentence or a clause, not a title
_ABBREVIATION_END = re.compile(r"(?:\b[A-Za-z]\.){2,}$")  # "N.Y.C." ends a title, not a sentence
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’-]*\.?|[A-Z]\.(?:[A-Z]\.)*|\([\w.]+\))$")
_FUNCTION_WORDS = frozenset(
    "a an the of on in at to for from with and or but is are was be by as about into over "
    "le la les de des du un une et en au aux el los las del y con por para der die das und "
    "von zu im mit".split()
)
_UI_ACTION = re.compile(
    r"^(?:share|sign|log|subscribe|follow|listen|enter|post|create|accept|go to|see|view|read"
    r"|continue|click|tap|download|join|register|print|email|save|change|become|open|close"
    r"|skip|show|hide|load|leave|add|send|submit|search|back to|try|ready to)\b",
    re.IGNORECASE,
)
_TEASER = re.compile(
    r"^(?:up next|next up|read next|watch next|next video|more from|more in|more articles"
    r"|sponsored|recommended|related stories|related articles)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Candidate:
    """One possible headline: its unit span, comparison key and score."""

    first: int
    last: int
    text: str
    key: str
    score: float = 0.0


def strip_date_prefix(text: str) -> str:
    """A title line that starts with a (labelled) date, without that date."""
    if not _EARLY_DIGIT.search(text[:30]):
        return text  # every date has a digit, and a label is short
    dates = dates_in(text)
    if dates and _LABELLED_DATE.match(text[: dates[0].start]):
        return text[dates[0].end :].lstrip(" |,:–—-")
    return text


def is_dateline(text: str) -> bool:
    """A line that is mostly a date (with labels, weekday or time around it)."""
    dates = dates_in(text) if _EARLY_DIGIT.search(text) else ()
    if not dates:
        return False
    rest = text[: dates[0].start] + text[dates[-1].end :]
    return weight(rest) <= 6


@functools.lru_cache(maxsize=4096)
def title_like(text: str) -> bool:
    """Short, not a sentence, not a byline, date, credit or code: the shape of a headline."""
    text = text.strip()
    if text.endswith(_CLAUSE_ENDS) and not _ABBREVIATION_END.search(text):
        return False
    if text[:1].islower() and not text[1:2].isupper():
        return False  # the rest of a sentence, not its start ("iPhone" is fine)
    if text.islower():
        return False
    ascii = text.isascii()
    cjk = 0 if ascii else cjk_count(text)
    if cjk and cjk < 8 or not 3 <= weight(text) <= 30:
        return False
    if ascii:  # the letters are what deleting the others leaves
        letters = len(text.encode("ascii").translate(None, _NOT_ASCII_LETTERS))
    else:
        letters = sum(map(str.isalpha, text))
    if letters < 0.6 * (len(text) - text.count(" ")):
        return False
    if is_count_line(text) or is_byline(text) or is_code(text) or is_credit(text):
        return False
    return not (is_meta(text) or is_dateline(text))


def find_headline(units: list[Classified], body_start: int) -> tuple[int, int] | None:
    """[first, last] unit indexes of the best-backed headline near body_start, or None."""
    page = Page(units, body_start)
    cands = _candidates(page)
    found = _weigh(page, cands)
    echoes = page.echoes({c.key: c.text for c in cands}, _open(cands, found)) if cands else {}
    best: Candidate | None = None
    for cand, ev in zip(cands, found, strict=True):
        if ev is None:
            continue  # it cannot win
        score = ev.score(echoes.get(cand.key, 0.0))
        if best is None or score > best.score:
            best = Candidate(cand.first, cand.last, cand.text, cand.key, score)
    return (best.first, best.last) if best and best.score >= MIN_SCORE else None


def _weigh(page: Page, cands: list[Candidate]) -> list[Evidence | None]:
    """Each candidate's evidence, or None for one that cannot win."""
    if len(cands) < PRUNE_FROM:  # too few to save more than sorting them costs
        return [_evidence(page, cand) for cand in cands]
    titled = [page.echoes_print_title(cand.key) for cand in cands]
    reach = [  # every cue for it and none against: the most each could score
        Evidence(t, META_MAX, DEK_MAX, _distance(page, cand, t), 0.0)
        for cand, t in zip(cands, titled, strict=True)
    ]

    def cues(i: int) -> Evidence:
        last = cands[i].last
        return reach[i]._replace(meta=_meta_after(page, last), dek=_dek_after(page, last))

    return _prune(reach, cues, lambda i, ev: _doubts(page, cands[i], ev.meta > 0))


def _prune(
    reach: list[Evidence],
    cues: Callable[[int], Evidence],
    doubts: Callable[[int, Evidence], float],
) -> list[Evidence | None]:
    """The candidates' evidence (None for those that cannot win), its dearer parts weighed
    from the most promising candidate down: the byline and standfirst cues when the most the
    candidate could reach is at least the best score so far, then the doubts (never negative)
    when the cues leave it there."""
    found: list[Evidence | None] = [None] * len(reach)
    ceiling = [ev.score(ECHO_MAX) for ev in reach]
    floor = -math.inf
    for i in sorted(range(len(reach)), key=ceiling.__getitem__, reverse=True):
        if ceiling[i] < floor:
            break
        ev = cues(i)
        if ev.score(ECHO_MAX) >= floor:
            ev = found[i] = ev._replace(doubts=doubts(i, ev))
            floor = max(floor, ev.score(0.0))
    return found


def _open(cands: list[Candidate], found: list[Evidence | None]) -> set[str]:
    """The keys of the candidates whose repeats can change which one wins, or whether it
    scores enough: a repeat adds at most ECHO_MAX, so a candidate that could not reach the
    best score without one can neither win, nor does a lone contender's score change it
    (None: a candidate already out)."""
    weighed = [(i, ev) for i, ev in enumerate(found) if ev is not None]
    floor = max(ev.score(0.0) for _, ev in weighed)
    contenders = [(i, ev) for i, ev in weighed if ev.score(ECHO_MAX) >= floor]
    if len(contenders) == 1:
        ev = contenders[0][1]
        if ev.score(0.0) >= MIN_SCORE or ev.score(ECHO_MAX) < MIN_SCORE:
            return set()
    return {
        cands[i].key
        for i, ev in contenders
        if not ev.titled and len(cands[i].key) >= 12  # (Page.echoes: no shorter keys)
    }


def headline_text(units: list[Classified], span: tuple[int, int], known_sites: list[str]) -> str:
    """The headline's lines joined, without a leading date or a trailing ' | Site'."""
    text = " ".join(strip_date_prefix(units[i].text) for i in range(span[0], span[1] + 1))
    m = _SUFFIX.search(text)
    if m and _is_site(m.group("site").strip(), units, span, known_sites):
        text = text[: m.start()]
    return text.strip()


def _is_site(name: str, units: list[Classified], span: tuple[int, int], sites: list[str]) -> bool:
    """A known publisher, or a short name the page also prints alone (its logo or masthead)."""
    if any(name.lower() == s.lower() for s in sites):
        return True
    size = weight(name)
    if size > SITE_MAX_WORDS:
        return False
    k = key(name)
    outside = (c for i, c in enumerate(units) if not span[0] <= i <= span[1])
    return any(c.words == size and key(c.text) == k for c in outside)


def _candidates(page: Page) -> list[Candidate]:
    """Every title-like line (or wrapped pair of lines) from the top to just inside the body."""
    units = page.units
    out = []
    end = min(len(units), page.body_start + LOOKAHEAD)
    for last in range(end):
        unit = units[last]
        if unit.words > 30 or page.aside(last):
            continue
        if unit.words < 3 and not (last and _continues(units[last - 1], unit)):
            continue
        if last > page.body_start and page.next_paragraph(page.body_start - 1) < last:
            break  # past the body's first paragraph: subheadings and related links
        if last + 1 < len(units) and _continues(unit, units[last + 1]):
            continue  # the line goes on below: take it from its last line
        first = last
        while first > 0 and last - first < 2 and _continues(units[first - 1], units[first]):
            first -= 1
        if first == last:
            text = unit.text
        elif any(page.aside(i) for i in range(first, last)):
            continue
        else:
            text = " ".join([units[i].text for i in range(first, last + 1)])
        text = strip_date_prefix(text)
        if title_like(text) and not _runs_on(page, last):
            out.append(Candidate(first, last, text, key(text)))
    return out


def _runs_on(page: Page, last: int) -> bool:
    """Whether the next line goes on with the same sentence: a piece of a wrapped paragraph."""
    nxt = page.next_in_flow(last)
    if nxt is None:
        return False
    text = page.units[nxt].text
    return text[:1].islower() and not text[1:2].isupper() and not is_meta(text)


def _continues(upper: Classified, lower: Classified) -> bool:
    """Whether lower is the wrapped rest of upper's line (a headline broken over two lines)."""
    if not lower.text[:1].islower() or upper.unit.block != lower.unit.block:
        return False
    if upper.furniture or lower.furniture or lower.unit.line != upper.unit.line + 1:
        return False
    if len(upper.text) < 25 or upper.text.endswith((".", "!", "?", ":", "…")):
        return False
    return not is_meta(lower.text)


class Evidence(NamedTuple):
    """A candidate's cues but for how often the page repeats it."""

    titled: bool
    meta: float
    dek: float
    distance: float
    doubts: float

    def score(self, echo: float) -> float:
        """Cues for (a byline or date below, a repeat, a standfirst) minus what argues against
        (echo: the repeat's weight, see Page.echoes; a print title outweighs it)."""
        score = self.meta + (3.0 if self.titled else echo) + self.dek
        return score - self.distance - self.doubts


def _evidence(page: Page, cand: Candidate, doubts: bool = True) -> Evidence:
    """The cues of one candidate that do not need the page searched for its repeats (doubts:
    whether to weigh them, or leave them 0)."""
    titled = page.echoes_print_title(cand.key)
    meta = _meta_after(page, cand.last)
    dek = _dek_after(page, cand.last)
    doubt = _doubts(page, cand, meta > 0) if doubts else 0.0
    return Evidence(titled, meta, dek, _distance(page, cand, titled), doubt)


def _distance(page: Page, cand: Candidate, titled: bool) -> float:
    """Lines between the candidate and the next paragraph, and (less) the body's start."""
    penalty = 0.15 * min(page.between(cand.last, page.next_paragraph(cand.last)), 25)
    if not titled:  # a match with the print title is page-wide evidence, wherever it sits
        penalty += 0.02 * min(page.between(cand.last, page.body_start), 100)
    return penalty


def _doubts(page: Page, cand: Candidate, has_meta: bool) -> float:
    """What makes a title-like line less likely the headline: its place, its shape, its words."""
    text = cand.text
    penalty = 0.0
    above = page.above(cand.first, 4)
    if sum(c.words for c in above if c.prose) >= 40:
        penalty += 3.0  # prose right above: a subheading inside the text
    if not has_meta and any(is_author(c.text) for c in above[-2:]):
        penalty += 2.0  # under the byline: a caption or a dek, not the headline
    if is_list_item(text):
        penalty += 2.0
    if weight(text) <= 3:
        penalty += 1.0
    if _name_like(text):
        penalty += 1.5  # an author's or a site's name, not a title
    bare = _bare(text)
    if weight(text) <= 8 and _UI_ACTION.match(bare) or _TEASER.match(bare):
        penalty += 1.5  # a button, a prompt to the reader or a teaser ('Share on ...', 'Up next')
    if _under_title(page, cand.first):
        penalty += 1.0  # a second title-like line under a longer one: the standfirst
    return penalty


def _bare(text: str) -> str:
    """The text without a leading bullet or list number."""
    return _LEADING_BULLET.sub("", text, count=1)


def _under_title(page: Page, first: int) -> bool:
    """Whether the line right above is a title-like line at least as long as this one."""
    above = page.above(first, 1)
    if not above or is_list_item(above[0].text):
        return False
    upper, text = above[0].text, page.units[first].text
    return weight(upper) >= weight(text) and key(upper) != key(text) and title_like(upper)


def _name_like(text: str) -> bool:
    """Two to four capitalised words and nothing else: 'John C. Welch', 'Tech Insider'."""
    words = text.replace(",", " ").split()
    if not 2 <= len(words) <= 4 or any(w.lower() in _FUNCTION_WORDS for w in words):
        return False
    return all(_NAME_WORD.match(w) for w in words)


def _dek_after(page: Page, last: int) -> float:
    """Bonus when a standfirst follows: a sentence (not a byline, list item or caption)."""
    nxt = page.next_in_flow(last)
    if nxt is None:
        return 0.0
    c = page.units[nxt]
    if not 6 <= c.words <= 60 or page.meta(nxt) or is_list_item(c.text) or is_credit(c.text):
        return 0.0
    sentence = c.prose or c.words >= 15 or c.text.rstrip().endswith((".", "!", "?", "。"))
    return 1.0 if sentence else 0.0


def _meta_after(page: Page, last: int) -> float:
    """Bonus when a byline or date follows within a few lines; a nearer one counts more."""
    seen = 0
    stop = min(len(page.units), last + 1 + 3 * META_WINDOW, page.next_paragraph(last) + 1)
    for i in range(last + 1, stop):
        if page.aside(i) or page.units[i].words < 2:
            continue
        seen += 1
        if seen > META_WINDOW:
            break
        if page.meta(i):
            return 3.0 - 0.25 * (seen - 1)
    return 0.0
