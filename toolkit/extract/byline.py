"""Author names and wire agencies from byline, dateline and credit lines."""

from __future__ import annotations

import re

from toolkit.extract.dates import find_dates
from toolkit.extract.knowledge import Knowledge

_BY = re.compile(r"^\s*(?:by|from)\s+(?P<names>.+)$", re.IGNORECASE)
_CUT = re.compile(
    r"\s(?:published|updated|posted|on|at|in|for)\b|\s[|•·—–-]\s|\s\d{1,2}:\d{2}|,\s*(?:\d|mon|tue|wed|thu|fri|sat|sun)",
    re.IGNORECASE,
)
_SPLIT = re.compile(r"\s*(?:,|\band\b|&|\bund\b|\bet\b|\by\b|\be\b)\s*", re.IGNORECASE)
_CONTRIB = re.compile(
    r"^(?P<names>.{2,80}?)\s+(?:contributed|contributing) (?:reporting )?to this", re.IGNORECASE
)
_DATELINE_AGENCY = re.compile(r"^[A-Z][\w .,'-]{1,40}\((?P<agency>[A-Za-z][\w .-]{1,30})\)\s*[—–-]")


def split_names(text: str) -> list[str]:
    """Names in a byline, cut before any date or label that follows them."""
    dates = find_dates(text)
    if dates:
        text = text[: dates[0].start]
    cut = _CUT.search(text)
    if cut:
        text = text[: cut.start()]
    names = [n.strip(" .,;:") for n in _SPLIT.split(text)]
    return [n for n in names if n and len(n.split()) <= 5 and n[0].isupper()]


def people_and_agencies(names: list[str], kb: Knowledge) -> tuple[list[str], list[str]]:
    """Split names into authors and agencies by the agency table."""
    people: list[str] = []
    agencies: list[str] = []
    for name in names:
        agency = kb.agency(name)
        if agency is not None:
            if agency not in agencies:
                agencies.append(agency)
        elif name not in people:
            people.append(name)
    return people, agencies


def byline_names(line: str) -> list[str]:
    """Names from a 'By ...' line."""
    m = _BY.match(line)
    return split_names(m.group("names")) if m else []


def credited_names(line: str) -> list[str]:
    """Names from 'X contributed to this report' or a 'CITY (AGENCY) -' dateline."""
    m = _CONTRIB.match(line.strip())
    if m:
        return split_names(m.group("names"))
    m = _DATELINE_AGENCY.match(line.strip())
    return [m.group("agency").strip()] if m else []
