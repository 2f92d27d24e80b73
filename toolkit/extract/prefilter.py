"""Facts about a regex that spare scanning a text with it: the literals it cannot match
without (a scan is skipped when the text holds none of them), and whether it only matches at
line starts (then only those need trying).

Python's re tries a case-insensitive pattern at every position of the text, while a substring
test on the lower-cased text runs at memory speed; most furniture patterns find nothing in a
given file, so testing their literals first saves nearly all of their scans.
"""

from __future__ import annotations

import re
import warnings
from typing import Any

with warnings.catch_warnings():  # the parser is public again under re._parser only
    warnings.simplefilter("ignore", DeprecationWarning)
    import sre_constants as op
    import sre_parse

# Characters that match an ASCII letter case-insensitively yet lower-case to something else
# ('İ', dotless 'ı', long 's'): a text with one of them is always scanned.
_TRICKY = ("\u0130", "\u0131", "\u017f")
_REPEATS = (op.MAX_REPEAT, op.MIN_REPEAT, op.POSSESSIVE_REPEAT)

Needles = tuple[str, ...]


def needles(pattern: re.Pattern[str]) -> Needles | None:
    """Lower-case ASCII strings of which every match contains one; None when none is known."""
    found = _needs(sre_parse.parse(pattern.pattern, pattern.flags))
    return tuple(sorted(found)) if found else None


def line_anchored(pattern: re.Pattern[str]) -> bool:
    """Whether every match starts a line (a multi-line '^' leads each alternative) and none
    is empty, so that `finditer` results come from trying line starts alone."""
    if not pattern.flags & re.MULTILINE:
        return False
    parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    return parsed.getwidth()[0] > 0 and _anchored(parsed)


def _anchored(items: Any) -> bool:
    if not len(items):
        return False
    code, arg = items[0]
    if code is op.AT:
        return arg in (op.AT_BEGINNING, op.AT_BEGINNING_LINE)
    if code is op.SUBPATTERN:
        return not arg[2] & re.MULTILINE and _anchored(arg[3])
    if code is op.BRANCH:
        return all(_anchored(b) for b in arg[1])
    return False


def lowered(text: str) -> str | None:
    """The text to test needles against, or None when the test would not be exact."""
    # (one `in` per character: instant on text stored one byte a character, as most is)
    return None if any(c in text for c in _TRICKY) else text.lower()


def may_match(needed: Needles | None, low: str | None) -> bool:
    """False only when the pattern cannot match the text that `low` was lowered from."""
    return needed is None or low is None or any(n in low for n in needed)


def _needs(items: Any) -> frozenset[str] | None:
    """The best set of required literals of one sequence of parsed regex items."""
    best: frozenset[str] | None = None
    run: list[str] = []
    for code, arg in list(items) + [(None, None)]:
        if code is op.LITERAL and chr(arg).isascii():
            run.append(chr(arg).lower())
            continue
        candidates: list[frozenset[str] | None] = [frozenset({"".join(run)})] if run else []
        run = []
        if code is op.SUBPATTERN:
            candidates.append(_needs(arg[3]))
        elif code is op.ATOMIC_GROUP:
            candidates.append(_needs(arg))
        elif code in _REPEATS and arg[0] >= 1:
            candidates.append(_needs(arg[2]))
        elif code is op.BRANCH:
            branches = [_needs(b) for b in arg[1]]
            if all(b is not None for b in branches):
                candidates.append(frozenset().union(*(b for b in branches if b is not None)))
        for cand in candidates:
            if cand is not None and (best is None or _rank(cand) > _rank(best)):
                best = cand
    return best


def _rank(needed: frozenset[str]) -> tuple[int, int]:
    """Longer needles are rarer; fewer of them are tested faster."""
    return min(map(len, needed)), -len(needed)
