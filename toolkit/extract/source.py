"""The publisher: from the url's domain, 'appeared first on' notes, banners, copyright lines."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from toolkit.extract.knowledge import Knowledge

_FIRST_ON = re.compile(
    r"(?:appeared|published|posted)\s+(?:first|originally)?\s*(?:on|in|at)\s+"
    r"(?:the\s+website\s+of\s+)?(?P<name>[^.!?\n]{2,60}?)\s*[.!]?$",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*"
    r"(?P<name>[^.|\n]{2,60}?)\s*(?:[.|]|all rights reserved|$)",
    re.IGNORECASE,
)


def publisher_from_url(url: str, kb: Knowledge) -> str | None:
    """The publisher's name for a url's host, or the bare domain when the table lacks it."""
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    if not host:
        return None
    return kb.publisher_for_domain(host) or host


def _named(raw: str, kb: Knowledge) -> str | None:
    name = raw.strip(" \"'“”‘’:-–—")
    if not name or kb.agency(name) is not None:
        return None
    known = kb.publisher(name)
    if known:
        return known
    if "." in name and " " not in name:
        return kb.publisher_for_domain(name) or name.lower()
    words = name.split()
    return name if 1 <= len(words) <= 6 and name[0].isupper() else None


def publisher_from_text(lines: list[str], kb: Knowledge) -> str | None:
    """The first publisher named by a note, a publisher marker, or a copyright line."""
    for line in lines:
        m = _FIRST_ON.search(line)
        if m:
            name = _named(m.group("name"), kb)
            if name:
                return name
    for line in lines:
        for pub in kb.publishers:
            if any(p.search(line) for p in pub.markers):
                return pub.name
    for line in lines:
        m = _COPYRIGHT.search(line)
        if m:
            name = _named(m.group("name"), kb)
            if name:
                return name
    return None
