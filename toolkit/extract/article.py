"""One raw text to the article's fields: the extraction stage's whole job for one file."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from toolkit.extract.bios import drop_closing_bios
from toolkit.extract.body import article_span, body_paragraphs
from toolkit.extract.byline import byline_names, credited_names, people_and_agencies
from toolkit.extract.captions import drop_credited_captions
from toolkit.extract.cjkprose import promote_cjk_runs
from toolkit.extract.classify import Classified, classify, is_byline, joined_weight, weight
from toolkit.extract.dateline import publication_date
from toolkit.extract.doubled import undouble_units
from toolkit.extract.gallery import mark_gallery
from toolkit.extract.headline import find_headline, headline_text
from toolkit.extract.knowledge import Knowledge, knowledge
from toolkit.extract.language import detect_languages
from toolkit.extract.normalize import normalize_text
from toolkit.extract.segment import segment
from toolkit.extract.source import find_source
from toolkit.extract.trim import trim_span

HEADER_LOOKBACK = 4
_URL_LABEL = re.compile(
    r"^(?:original|source|canonical|article)?\s*(?:url|link|address)\s*:\s*(?P<url>https?://\S+)?$",
    re.IGNORECASE,
)
_URL = re.compile(r"^https?://[^\s/?#]+\.[^\s/?#]+\S*$")


@dataclass
class Extraction:
    """The fields one file yields; `body` is empty when nothing article-like was found."""

    body: str = ""
    headline: str | None = None
    date: dt.date | None = None
    date_source: str | None = None
    source: str | None = None
    byline: list[str] = field(default_factory=list)
    agency: list[str] = field(default_factory=list)
    url: str | None = None
    language: str | None = None
    word_count: int = 0


CHUNK = 32  # files drafted before their languages are told at once: the walk's calls amortise


def extract_article(raw_text: str, kb: Knowledge | None = None) -> Extraction:
    """Extract every field from one decoded file; never raises on odd text."""
    (found,) = extract_articles([raw_text], kb)
    if isinstance(found, Exception):
        raise found
    return found


def extract_articles(
    raw_texts: Sequence[str], kb: Knowledge | None = None
) -> list[Extraction | Exception]:
    """extract_article of each text, the bodies' languages identified a chunk at a time; a
    text whose extraction raised gets the exception in its place, and the others go on."""
    kb = kb or knowledge()
    out: list[Extraction | Exception] = []
    for start in range(0, len(raw_texts), CHUNK):
        weight.cache_clear()  # the cache serves one chunk's finders, never the next chunk
        drafts = [_attempt(_draft, text, kb) for text in raw_texts[start : start + CHUNK]]
        ready = [d for d in drafts if isinstance(d, _Draft) and d.span is not None]
        languages = detect_languages(
            [d.result.body for d in ready], [d.result.word_count for d in ready]
        )
        for draft, language in zip(ready, languages, strict=True):
            draft.result.language = language
        out += [d if isinstance(d, Exception) else _attempt(_finish, d, kb) for d in drafts]
    return out


_T = TypeVar("_T")
_R = TypeVar("_R")


def _attempt(step: Callable[[_T, Knowledge], _R], value: _T, kb: Knowledge) -> _R | Exception:
    try:
        return step(value, kb)
    except Exception as exc:  # noqa: BLE001 - one file's bug must not cost the others
        return exc


@dataclass
class _Draft:
    """One file up to its body: what the fields read after the language need."""

    result: Extraction
    units: list[Classified]
    span: tuple[int, int] | None = None
    head: tuple[int, int] | None = None


def _draft(raw_text: str, kb: Knowledge) -> _Draft:
    lines = undouble_units(segment(normalize_text(raw_text)))
    units = promote_cjk_runs(mark_gallery(classify(lines, kb)))
    draft = _Draft(Extraction(url=_find_url(units)), units)
    span = article_span(units)
    if span is None:
        return draft
    draft.span = span = trim_span(units, span)
    draft.head = find_headline(units, span[0])
    paragraphs = body_paragraphs(units, _below_headline(span, draft.head))
    paragraphs = drop_credited_captions(drop_closing_bios(paragraphs))
    draft.result.body = "\n\n".join(paragraphs)
    draft.result.word_count = joined_weight(paragraphs)
    return draft


def _finish(draft: _Draft, kb: Knowledge) -> Extraction:
    result, units, span, head = draft.result, draft.units, draft.span, draft.head
    if span is None:
        return result
    top = head[0] if head else span[0]
    header = units[max(0, top - HEADER_LOOKBACK) : span[0] + 1]

    result.source = find_source(units, span, result.url, kb)
    if head:
        sites = [s for s in (result.source,) if s]
        result.headline = headline_text(units, head, sites) or None
    result.byline, result.agency = _credits(units, header, kb)
    result.date, result.date_source = publication_date(units, span, result.url, result.language)
    return result


HEADLINE_IN_SPAN = 8  # units from the block start within which a headline is its top


def _below_headline(span: tuple[int, int], head: tuple[int, int] | None) -> tuple[int, int]:
    """The article starts under its headline: a headline found at the top of the block (with
    the standfirst that the block took for prose) is not body."""
    if head and span[0] <= head[1] < min(span[1] - 1, span[0] + HEADLINE_IN_SPAN):
        return head[1] + 1, span[1]
    return span


def _find_url(units: list[Classified]) -> str | None:
    for i, c in enumerate(units):
        m = _URL_LABEL.match(c.text) if ":" in c.text else None  # the label ends in a colon
        if not m:
            continue
        url = m.group("url") or (units[i + 1].text if i + 1 < len(units) else "")
        if _URL.match(url):
            return url.rstrip(".,;")
    return None


def _credits(
    units: list[Classified], header: list[Classified], kb: Knowledge
) -> tuple[list[str], list[str]]:
    names: list[str] = []
    for c in header:
        if is_byline(c.text):
            names += byline_names(c.text)
    in_header = {id(c) for c in header}
    for c in units:
        if c.furniture == "contributed" or id(c) in in_header:
            names += credited_names(c.text)
    people, agencies = people_and_agencies(names, kb)
    return people, agencies
