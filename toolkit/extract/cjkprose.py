"""Prose in Chinese and Japanese blogs that end their lines without punctuation: a run of
long CJK lines reads as paragraphs, where a list of headlines has short lines among them."""

from __future__ import annotations

import dataclasses

from toolkit.extract.cjkwrap import cjk_chars, mostly_cjk
from toolkit.extract.classify import Classified

LINE_CHARS = 24  # CJK characters of a line that reads as a sentence, not a label
RUN = 4  # such lines in a row that make a passage of text


def _long_cjk(c: Classified) -> bool:
    return cjk_chars(c.text) >= LINE_CHARS and mostly_cjk(c.text)


def _no_text(c: Classified) -> bool:
    """An image name or a photo number between the lines: no CJK, no run broken."""
    return not c.furniture and not cjk_chars(c.text) and c.words <= 4


def promote_cjk_runs(units: list[Classified]) -> list[Classified]:
    """Mark as prose every long CJK line in a run of at least RUN of them (furniture and
    short CJK lines break a run; image names between them do not)."""
    if not cjk_chars("\n".join(c.text for c in units)):
        return units
    out = list(units)
    run: list[int] = []
    for i, c in enumerate([*units, None]):
        if c is not None and not c.furniture and _long_cjk(c):
            run.append(i)
            continue
        if c is not None and _no_text(c):
            continue
        if len(run) >= RUN:
            for k in run:
                out[k] = dataclasses.replace(units[k], prose=True)
        run = []
    return out
