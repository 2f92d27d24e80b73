"""Facts about a regex that spare scanning a text with it: the literals it cannot match
without (a scan is skipped when the text holds none of them), and whether it only matches at
line starts (then only those need trying).

Python's re tries a case-insensitive pattern at every position of the text, while a substring
test on the lower-cased text runs at memory speed; most furniture patterns find nothing in a
given file, so testing their literals first saves nearly all of their scans.
"""

from __future__ import annotations

import bisect
import itertools
import re
import warnings
from collections.abc import Callable
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
    if not found:
        return None
    # a text holding a needle that contains another holds that one too: only it is looked for
    return tuple(sorted(n for n in found if not any(o != n and o in n for o in found)))


def line_anchored(pattern: re.Pattern[str]) -> bool:
    """Whether every match starts a line (a multi-line '^' leads each alternative) and none
    is empty, so that `finditer` results come from trying line starts alone."""
    if not pattern.flags & re.MULTILINE:
        return False
    parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    return parsed.getwidth()[0] > 0 and _anchored(parsed)


_ASCII = frozenset(map(chr, range(128)))
_CATEGORIES = {  # the ASCII characters of the classes a first character may come from
    op.CATEGORY_DIGIT: frozenset("0123456789"),
    op.CATEGORY_SPACE: frozenset(" \t\n\r\f\v\x1c\x1d\x1e\x1f"),
    op.CATEGORY_WORD: frozenset(c for c in map(chr, range(128)) if c.isalnum() or c == "_"),
}


def first_chars(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The ASCII characters a match can start with (any other ASCII character rules a start
    position out; a non-ASCII one never does), or None when they are not known."""
    found = _first(sre_parse.parse(pattern.pattern, pattern.flags))
    if found is None:
        return None
    # re itself says which ASCII characters match these case-insensitively
    return frozenset(
        c for c in _ASCII if any(re.fullmatch(re.escape(f), c, pattern.flags) for f in found)
    )


def _first(items: Any) -> frozenset[str] | None:
    """Characters a match of this sequence of parsed items can start with (None: unknown)."""
    found: frozenset[str] = frozenset()
    for code, arg in items:
        if code is op.AT:
            continue  # zero-width
        if code in _REPEATS and arg[0] == 0:
            inner = _first(arg[2])
            if inner is None:
                return None
            found |= inner  # the repeat may be absent: what follows may start the match
            continue
        one = _first_of(code, arg)
        return None if one is None else found | one
    return None  # the whole sequence may be empty


def _first_of(code: Any, arg: Any) -> frozenset[str] | None:
    if code is op.LITERAL:
        return frozenset(chr(arg))
    if code is op.IN:
        chars: set[str] = set()
        for kind, value in arg:
            if kind is op.LITERAL:
                chars.add(chr(value))
            elif kind is op.CATEGORY and value in _CATEGORIES:
                chars |= _CATEGORIES[value]
            else:
                return None
        return frozenset(chars)
    if code is op.SUBPATTERN and arg[3].getwidth()[0] > 0:
        return _first(arg[3])
    if code in _REPEATS and arg[0] >= 1:
        return _first(arg[2])
    if code is op.BRANCH:
        branches = [_first(b) for b in arg[1]]
        if any(b is None for b in branches):
            return None
        return frozenset().union(*(b for b in branches if b is not None))
    return None


def within_line(pattern: re.Pattern[str]) -> bool:
    """Whether no match can hold a newline, so a match lies in one line and a line without
    the pattern's literals cannot hold one."""
    return _every(sre_parse.parse(pattern.pattern, pattern.flags), pattern.flags, _no_newline)


_NO_NEWLINE_CATEGORIES = (op.CATEGORY_DIGIT, op.CATEGORY_WORD, op.CATEGORY_NOT_SPACE)


def _every(items: Any, state: Any, judge: Callable[[Any, Any, Any], Any]) -> bool:
    """Whether judge passes every item of a parsed pattern. Atomic groups, repeats and
    branches are walked into; judge answers for the other items with a bool, or with the
    (items, state) to walk instead (a group's inside, under the group's flags)."""
    for code, arg in items:
        if code is op.ATOMIC_GROUP:
            ok = _every(arg, state, judge)
        elif code in _REPEATS:
            ok = _every(arg[2], state, judge)
        elif code is op.BRANCH:
            ok = all(_every(b, state, judge) for b in arg[1])
        else:
            verdict = judge(code, arg, state)
            ok = verdict if isinstance(verdict, bool) else _every(verdict[0], verdict[1], judge)
        if not ok:
            return False
    return True


def _no_newline(code: Any, arg: Any, flags: int) -> bool | tuple[Any, int]:
    if code is op.LITERAL:
        return bool(arg != 10)
    if code is op.NOT_LITERAL:
        return bool(arg == 10)
    if code is op.ANY:
        return not flags & re.DOTALL
    if code is op.IN:
        return _class_without_newline(arg)
    if code in (op.AT, op.ASSERT, op.ASSERT_NOT):
        return True  # zero-width: what a lookaround reads is not part of the match
    if code is op.SUBPATTERN:
        return False if arg[1] & re.DOTALL else (arg[3], flags)
    return False


def _class_without_newline(items: Any) -> bool:
    if items and items[0][0] is op.NEGATE:
        return (op.LITERAL, 10) in items[1:]
    for kind, value in items:
        if kind is op.LITERAL and value == 10:
            return False
        if kind is op.RANGE and value[0] <= 10 <= value[1]:
            return False
        if kind is op.CATEGORY and value not in _NO_NEWLINE_CATEGORIES:
            return False
        if kind not in (op.LITERAL, op.RANGE, op.CATEGORY):
            return False
    return True


def lines_holding(needed: Needles, low: str, starts: list[int]) -> set[int]:
    """The indices of the lines (at `starts` in the lowered text) holding one of the needles."""
    found = set()
    for needle in needed:
        at = low.find(needle)
        while at >= 0:
            found.add(bisect.bisect_right(starts, at) - 1)
            at = low.find(needle, at + 1)
    return found


def line_local(pattern: re.Pattern[str]) -> bool:
    """Whether a search confined to one line (pos and endpos at its ends) finds what a search
    of the whole text finds in that line: no match is empty or holds a newline, and no test
    looks past the line's end (no look-ahead, no end-of-text anchor; a look-behind, '^' and
    '\\b' see the real text before pos, and '$' in multi-line mode the line's end)."""
    parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    multiline = bool(pattern.flags & re.MULTILINE)
    return (
        within_line(pattern) and parsed.getwidth()[0] > 0 and _every(parsed, multiline, _confined)
    )


def _confined(code: Any, arg: Any, multiline: bool) -> bool | tuple[Any, bool]:
    if code is op.AT:
        return arg is not op.AT_END_STRING and (multiline or arg is not op.AT_END)
    if code in (op.ASSERT, op.ASSERT_NOT):
        return (arg[1], multiline) if arg[0] < 0 else False  # only a look-behind
    if code is op.SUBPATTERN:
        _, add, remove, inner = arg
        return inner, (multiline or bool(add & re.MULTILINE)) and not remove & re.MULTILINE
    return code in (op.LITERAL, op.NOT_LITERAL, op.ANY, op.IN)


class Present:
    """Which needles a lowered text holds, each looked for once however many patterns need it
    (`low` None: a text `lowered` refused, which every pattern may match)."""

    def __init__(self, low: str | None) -> None:
        self.low = low
        self._seen: dict[str, bool] = {}

    def may_match(self, needed: Needles | None) -> bool:
        """may_match(needed, low), remembering each needle's answer."""
        if needed is None or self.low is None:
            return True
        seen = self._seen
        for needle in needed:
            hit = seen.get(needle)
            if hit is None:
                hit = seen[needle] = needle in self.low
            if hit:
                return True
        return False


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


def lowered_lines(text: str, lows: list[str]) -> str | None:
    """lowered(text) for text made of lines joined by newlines, from the lines lower-cased
    apart (lower() maps each character alone but a final sigma, which looks past no newline)."""
    return None if any(c in text for c in _TRICKY) else "\n".join(lows)


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


def trie(words: list[str]) -> str:
    """A regex matching exactly these (non-empty, sorted) words, sharing their prefixes: re
    tries one letter at a time instead of each word in turn; of two words that both match at
    a position the longer is tried first, as in a longest-first alternation."""
    branches = []
    for head, group in itertools.groupby(words, key=lambda w: w[:1]):
        rests = [w[1:] for w in group]
        tails = [r for r in rests if r]
        alts = trie(tails) if tails else ""
        if tails and len(tails) < len(rests):
            alts = f"(?:{alts})?"  # the word ends here too
        elif tails:
            alts = f"(?:{alts})"
        branches.append(re.escape(head) + alts)
    return "|".join(branches)
