"""The publisher: evidence from the page's own address, title, logo, notes and footer, weighed.

Every clue names a candidate with a weight; candidates that are the same site (a name and its
domain, a table alias) are pooled, and the best pool wins. Wire agencies are never candidates.
Body prose is never read, so a story quoting another outlet does not make it the publisher.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from toolkit.extract.classify import Classified
from toolkit.extract.knowledge import Knowledge, name_key
from toolkit.extract.sitename import (
    clean_name,
    host_of,
    is_domain,
    looks_like_name,
    site_label,
)
from toolkit.extract.source_clues import Clue, chrome_clues, top_clues

MIN_SCORE = 2.0
SUPPORT_EACH, SUPPORT_CAP = 0.5, 2.0
KNOWN_BONUS = 1.5  # the table knows the name as a publisher: that breaks a tie with a stranger
# clues of one kind counted for one site: a partner's logo on every teaser is not the site
KIND_CAP = {"phrase": 2, "marker": 3}


@dataclass
class _Pool:
    """One site's pooled evidence: total weight and the surface forms it was named by."""

    score: float = 0.0
    known: str | None = None
    forms: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)


def _identity(name: str, kb: Knowledge) -> tuple[str, str | None]:
    """The pooling key of a name and the table's name for it, if the table knows it."""
    if is_domain(name):
        host = host_of(name) or name.lower()
        known = kb.publisher_for_domain(host) or kb.publisher(name)
        return (name_key(known) if known else site_label(host)), known
    known = kb.publisher(name)
    return name_key(known or name), known


def _is_agency(name: str, kb: Knowledge) -> bool:
    if kb.agency(name) is not None:
        return True
    return any(kb.agency(part) is not None for part in _AGENCY_SPLIT.split(name) if part.strip())


_AGENCY_SPLIT = re.compile(r"[/,]")
Resolved = tuple[str, str, str | None] | None  # a clue's cleaned name, pooling key, known name
_RESOLVED: dict[int, tuple[Knowledge, dict[tuple[str, bool, bool], Resolved]]] = {}
RESOLVED_MAX = 8192  # names seen; a site's pages name it alike, so most clues are seen before


def _resolve(clue: Clue, kb: Knowledge) -> Resolved:
    """The clue's name cleaned, with its pooling key and the table's name; None when it is no
    site's name (remembered: it depends on the name and the table alone)."""
    entry = _RESOLVED.get(id(kb))
    if entry is None or entry[0] is not kb or len(entry[1]) > RESOLVED_MAX:
        entry = _RESOLVED[id(kb)] = (kb, {})
    seen = entry[1]
    ask = (clue.name, clue.corporate, clue.explicit)
    if ask not in seen:
        seen[ask] = _resolved(clue, kb)
    return seen[ask]


def _resolved(clue: Clue, kb: Knowledge) -> Resolved:
    name = clean_name(clue.name, corporate=clue.corporate)
    if not name or _is_agency(name, kb) or not looks_like_name(name, strict=not clue.explicit):
        return None
    key, known = _identity(name, kb)
    return (name, key, known) if key else None


def _pool(clues: Iterator[Clue], kb: Knowledge) -> dict[str, _Pool]:
    pools: dict[str, _Pool] = {}
    for clue in clues:
        resolved = _resolve(clue, kb)
        if resolved is None:
            continue
        name, key, known = resolved
        pool = pools.setdefault(key, _Pool())
        pool.kinds[clue.kind] += 1
        if pool.kinds[clue.kind] <= KIND_CAP.get(clue.kind, 1):
            pool.score += clue.weight
        pool.known = pool.known or known
        pool.forms[name] += 1
    return pools


def _display(pool: _Pool) -> str:
    """The table's name, else the commonest written name, else the host."""
    if pool.known:
        return pool.known
    names = [f for f, _ in pool.forms.most_common() if not is_domain(f)]
    if names:
        return names[0]
    return host_of(pool.forms.most_common(1)[0][0]) or pool.forms.most_common(1)[0][0]


def _chrome(units: list[Classified], span: tuple[int, int] | None) -> list[Classified]:
    """Units that are not the article's own prose, nor an embedded post."""
    start, end = span or (0, 0)
    start, end = max(start, 0), max(end, start, 0)  # as `start <= i < end` reads a span
    inside = [c for c in units[start:end] if c.furniture]
    return [
        c
        for c in (*units[:start], *inside, *units[end:])
        if c.furniture != "embed_signature" and "(@" not in c.text
    ]


def find_source(
    units: list[Classified], span: tuple[int, int] | None, url: str | None, kb: Knowledge
) -> str | None:
    """The publisher's name from the file's own evidence, or None when nothing names it."""
    chrome = _chrome(units, span)
    text = "\n".join([c.text for c in chrome])
    clues = list(top_clues(units, url))
    clues += chrome_clues(chrome, kb, text)
    pools = _pool(iter(clues), kb)
    if not pools:
        return None
    for pool in pools.values():
        name = _display(pool)
        seen = text.count(name) if len(name) >= 2 else 0
        pool.score += min(SUPPORT_CAP, SUPPORT_EACH * max(0, seen - sum(pool.forms.values())))
        # a known outlet named once, in a related link, is not thereby the publisher
        if pool.known and (len(pool.kinds) > 1 or pool.score >= 2):
            pool.score += KNOWN_BONUS
    best = max(pools.values(), key=lambda p: p.score)
    return _display(best) if best.score >= MIN_SCORE else None
