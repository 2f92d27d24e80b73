"""The headline finder's shortcuts give what the plain computations give."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.extract import headline
from toolkit.extract import headline_cues as cues
from toolkit.extract.classify import Classified, cjk_count, is_byline, weight
from toolkit.extract.dates import find_dates
from toolkit.extract.headline import (
    DEK_MAX,
    ECHO_MAX,
    META_MAX,
    MIN_SCORE,
    Candidate,
    Evidence,
    _candidates,
    _evidence,
    _open,
    _prune,
    find_headline,
    title_like,
)
from toolkit.extract.headline_cues import Page, key
from toolkit.extract.segment import Unit

# Letters that fold, decompose or case-map oddly, quotes and separators the cues cut at
TRICKY = ["\u0130", "\u0131", "\u017f", "\u212a", "ß", "ﬁ", "Ａ", "e\u0301", "\u0301", "é", "ǅ"]
MARKS = ["“", "”", "«", "»", '"', "‘", "’", "„", "|", "｜", " - ", " – ", " :: ", " · ", ": "]
WORDS = ["By", "by", "Photo", "credit", "Source", "image", "Posted", "von", "Par", "ago", "an"]
WORDS += ["hour", "2016", "12:30", "pm", "@jdoe", "Jane", "Doe", "Reuters", "{x}", "a_b", "f("]
WORDS += ["Title", "of", "the", "News", "Site", "comments", "3", "min", "read", "Jan.", "5,"]
PIECES = TRICKY + MARKS + WORDS + [" ", " ", "  ", ".", ",", "\u00a0"]
texts = st.lists(st.sampled_from(PIECES), max_size=14).map("".join)


def _reference_key(text: str) -> str:
    quotes = str.maketrans({"‘": "'", "’": "'", "‚": "'", "′": "'", "“": '"', "”": '"', "„": '"'})
    text = unicodedata.normalize("NFKC", text).casefold().translate(quotes)
    return re.sub(r"[\W_]+", " ", text).strip()


@given(texts)
def test_key_is_the_nfkc_casefold_reduction(text: str) -> None:
    assert key(text) == _reference_key(text)


@given(texts)
def test_a_carried_part_reduces_to_a_piece_of_its_line(text: str) -> None:
    """What echoes relies on to skip lines: a part's key lies in the line's key, and its words
    in the line NFKC-normalised and case-folded."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    for part in cues._carried(text):
        k = key(part)
        assert k in key(text)
        assert all(word in folded for word in k.split())


def _reference_author(text: str) -> bool:
    bare = cues._LEAD.sub("", text)
    if weight(bare) > cues.META_MAX_WORDS:
        return False
    if is_byline(bare) or cues._AUTHOR.match(bare):
        return True
    m = cues._FOREIGN_BY.match(bare)
    return m is not None and all(cues._NAME_OR_JOIN.match(w) for w in m["rest"].split()[:3])


def _reference_meta(text: str) -> bool:
    bare = cues._LEAD.sub("", text)
    if not bare or weight(bare) > cues.META_MAX_WORDS:
        return False
    if _reference_author(bare):
        return True
    if not re.search(r"\d", bare):
        return bool(cues._AGO.search(bare))
    return bool(cues._TIMEISH.search(bare) or find_dates(bare))


STARTS = ["", "- ", "• ", "By ", "by: ", "Posted by ", "Written by ", "Words by ", "Reported by "]
STARTS += ["Reviewed by ", "Photos by ", "Author: ", "Autor ", "Auteur: ", "PAR ", "Por ", "Von "]
STARTS += [
    "Di ",
    "Door ",
    "Av ",
    "From ",
    "Jane Doe, ",
    "Photo: ",
    "(Credit ",
    "Image ",
    "2 hours ",
]


ENDS = ["", " an hour ago", " One Day Ago", " Jane Doe/AP Photo", " REUTERS/Staff", " x=1", "/"]


@given(st.tuples(st.sampled_from(STARTS), texts, st.sampled_from(ENDS)).map("".join))
def test_line_cues_match_their_patterns(text: str) -> None:
    assert cues.is_author(text) == _reference_author(text)
    assert cues.is_meta(text) == _reference_meta(text)
    stripped = text.strip()
    credit = cues._CREDIT.search(stripped) or cues._CAPTION_CREDIT.search(stripped)
    assert cues.is_credit(text) == bool(credit)
    assert cues.is_code(text) == bool(cues._CODE.search(text))


def _reference_title_like(text: str) -> bool:
    text = text.strip()
    if text.endswith(headline._CLAUSE_ENDS) and not headline._ABBREVIATION_END.search(text):
        return False
    if text[:1].islower() and not text[1:2].isupper():
        return False
    cjk = cjk_count(text)
    if cjk and cjk < 8 or not 3 <= weight(text) <= 30:
        return False
    letters = sum(map(str.isalpha, text))
    if letters < 0.6 * len(text.replace(" ", "")) or text.islower():
        return False
    if cues.is_code(text) or cues.is_credit(text) or cues.is_count_line(text):
        return False
    if is_byline(text) or cues.is_meta(text):
        return False
    return not headline.is_dateline(text)


@given(st.lists(st.sampled_from([*PIECES, "中文字", "Ab1", "X"]), max_size=14).map("".join))
def test_title_like_is_the_plain_test(text: str) -> None:
    assert title_like(text) == _reference_title_like(text)


def _units(lines: list[tuple[str, str | None, bool]]) -> list[Classified]:
    return [
        Classified(Unit(text, i, i // 3), weight(text), furniture, prose)
        for i, (text, furniture, prose) in enumerate(lines)
    ]


def _reference_echoes(units: list[Classified], wanted: dict[str, str]) -> dict[str, float]:
    found: dict[str, float] = {}
    where: dict[str, list[int]] = {}
    sizes = {weight(text) for text in wanted.values()}
    for i, c in enumerate(units):
        if not 3 <= c.words <= cues.CARRIER_MAX_WORDS or c.prose and c.words > 20:
            continue
        if cues._CARRIER_HINT.search(c.text):
            for part in cues._carried(c.text):
                k = key(part) if 1 <= part.count(" ") <= 30 else ""
                if k in wanted and len(k) >= 12:
                    found[k] = 2.5
        if c.words in sizes:
            k = key(c.text)
            if k in wanted:
                where.setdefault(k, []).append(i)
    for k, places in where.items():
        if k not in found and len(k) >= 12 and places[-1] - places[0] > 1:
            found[k] = 1.0
    return found


TITLES = ["Big News Title of the Day", "Ｂig News Title of the Day", "Another Title Here Now"]
LINE = st.lists(st.sampled_from(PIECES + TITLES + TITLES), min_size=1, max_size=10).map("".join)
PAGE = st.lists(
    st.tuples(LINE, st.sampled_from([None, None, "nav", "repeated_in_file"]), st.booleans()),
    min_size=1,
    max_size=14,
)


@settings(max_examples=200)
@given(PAGE, st.lists(st.sampled_from(TITLES + WORDS), max_size=4))
def test_echoes_read_only_lines_that_can_repeat(lines: list, titles: list[str]) -> None:
    units = _units(lines)
    wanted = {key(t): t for t in titles + [u.text for u in units[:2]]}
    assert Page(units, 1).echoes(wanted) == _reference_echoes(units, wanted)
    assert all(0.0 < v <= ECHO_MAX for v in _reference_echoes(units, wanted).values())
    some = set(list(wanted)[:1])
    expected = {k: v for k, v in _reference_echoes(units, wanted).items() if k in some}
    assert Page(units, 1).echoes(wanted, some) == expected


@settings(max_examples=200)
@given(PAGE, st.integers(min_value=0, max_value=13))
def test_headline_is_the_best_scored_with_every_repeat_counted(lines: list, start: int) -> None:
    units = _units(lines)
    start = min(start, len(units) - 1)
    page = Page(units, start)
    cands = _candidates(page)
    echoes = _reference_echoes(units, {c.key: c.text for c in cands})
    best = None
    for cand in cands:
        score = _evidence(page, cand).score(echoes.get(cand.key, 0.0))
        if best is None or score > best[0]:
            best = (score, (cand.first, cand.last))
    expected = best[1] if best and best[0] >= -2.0 else None
    assert find_headline(units, start) == expected


def _winner(
    cands: list[Candidate], found: list[Evidence | None], echoes: dict[str, float]
) -> int | None:
    best: tuple[float, int] | None = None
    for i, ev in enumerate(found):
        if ev is None:
            continue
        score = ev.score(echoes.get(cands[i].key, 0.0))
        if best is None or score > best[0]:
            best = (score, i)
    return best[1] if best and best[0] >= MIN_SCORE else None


KEYS = ["short", "a long enough key", "another long key", "yet another long key"]
EVIDENCE = st.builds(
    Evidence,
    st.booleans(),
    st.sampled_from([0.0, 2.5, 3.0]),
    st.sampled_from([0.0, 1.0]),
    st.sampled_from([0.0, 0.15, 0.45, 1.2, 3.75]),
    st.sampled_from([0.0, 1.0, 1.5, 2.0, 3.0, 4.5, 6.0]),
)


@settings(max_examples=500)
@given(
    st.lists(st.tuples(st.sampled_from(KEYS), EVIDENCE), min_size=1, max_size=6),
    st.fixed_dictionaries({k: st.sampled_from([0.0, 1.0, 2.5]) for k in KEYS[1:]}),
)
def test_repeats_are_searched_for_every_candidate_they_could_change(
    scored: list[tuple[str, Evidence]], echoes: dict[str, float]
) -> None:
    cands = [Candidate(i, i, k, k) for i, (k, _) in enumerate(scored)]
    found = [ev for _, ev in scored]
    reach = [ev._replace(meta=META_MAX, dek=DEK_MAX, doubts=0.0) for ev in found]
    weighed = _prune(reach, lambda i: found[i]._replace(doubts=0.0), lambda i, _: found[i].doubts)
    wanted = _open(cands, weighed)
    searched = {k: v for k, v in echoes.items() if k in wanted}
    assert _winner(cands, weighed, searched) == _winner(cands, found, echoes)
