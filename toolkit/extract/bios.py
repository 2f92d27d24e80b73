"""Author notes closing an article ("Jane Doe is a reporter for ..."), which are not its body."""

from __future__ import annotations

import re

_BIO = re.compile(
    r"^[A-Z][\w'.-]+(?: [A-Za-z][\w'.-]+){1,3} (?:is (?:a|an|the) (?:[\w-]+ ){0,4}"
    r"(?:reporter|writer|editor|correspondent|columnist|journalist|author|contributor|producer"
    r"|critic|photographer)s?\b|covers |has covered |writes about )"
)
CLOSING = 3  # bios sit among the last paragraphs; the same words earlier are the story's own
MAX_WORDS = 80


def drop_closing_bios(paragraphs: list[str]) -> list[str]:
    """The paragraphs minus author notes among the last few (a name, then what they cover)."""
    cut = max(0, len(paragraphs) - CLOSING)
    tail = [p for p in paragraphs[cut:] if not (_BIO.match(p) and len(p.split()) <= MAX_WORDS)]
    return paragraphs[:cut] + tail
