import itertools
import re
import sys

from hypothesis import given
from hypothesis import strategies as st

from toolkit.extract.classify import _cta_counts, _phrase_index, _unbroken, compiled
from toolkit.extract.knowledge import knowledge
from toolkit.extract.latin1 import narrow
from toolkit.extract.prefilter import Present, lowered, lowered_lines
from toolkit.extract.segment import Unit
from toolkit.extract.strong import Strong, strong, strong_reasons

EXTRA = [
    strong(name, re.compile(p, re.I | re.M))
    for name, p in (
        ("behind", r"(?<=\d )rights\b"),
        ("ahead", r"\brights(?= \d)"),  # looks past a match: never confined to a line
        ("text_end", r"rights(?-m:$)"),
        ("line_end", r"\bx rights$"),
        ("spaces", r"credit\s+x"),  # \s reads a newline
    )
]


def _starts(texts: list[str]) -> list[int]:
    return list(itertools.accumulate((len(t) + 1 for t in texts), initial=0))[:-1]


def _reference(patterns: list[Strong], texts: list[str]) -> list[str | None]:
    """Each pattern's finditer over the whole text; a match in one line names that line."""
    text = "\n".join(texts)
    starts = _starts(texts)
    reasons: list[str | None] = [None] * len(texts)
    for s in patterns:
        for m in s.pattern.finditer(text):
            if "\n" not in m.group():
                i = max(i for i, at in enumerate(starts) if at <= m.start())
                reasons[i] = reasons[i] or s.name
    return reasons


PIECES = ["rights", "RIGHTS", "all ", "reserved", "1 ", "x ", "credit", ": ", "Photo", " by "]
PIECES += ["related", "Read more", "comments", "12", "(@a)", "—", "/", "Dear readers", "."]
PIECES += ["source", "getty images", " ", "\u0130", "\u03a3", "pic.twitter.com/a", "é", "A"]
PIECES += ["\u0130mage caption", "\u017fource: x"]  # non-ASCII letters matching ASCII ones
LINES = st.lists(st.lists(st.sampled_from(PIECES), max_size=6).map("".join), max_size=6)


@given(LINES)
def test_strong_reasons_are_what_whole_text_scans_find(texts: list[str]) -> None:
    patterns = [*compiled(knowledge()).strong, *EXTRA]
    text = "\n".join(texts)
    starts = _starts(texts)
    present = Present(lowered(text))
    assert strong_reasons(patterns, texts, text, starts, present) == _reference(patterns, texts)


def test_line_local() -> None:
    local = {s.name for s in EXTRA if s.local}
    assert local == {"behind", "line_end"}


@given(LINES)
def test_lines_lower_cased_apart_join_to_the_whole(texts: list[str]) -> None:
    text = "\n".join(texts)
    assert lowered_lines(text, [t.lower() for t in texts]) == lowered(text)


def test_narrow_text_lower_cases_to_narrow_text() -> None:
    wide = re.compile(r"[^\W\x00-\xff]")
    for code in range(sys.maxunicode + 1):
        c = chr(code)
        assert not narrow(c) or narrow(c.lower())
    assert not wide.search("".join(chr(c) for c in range(256)).lower())


@given(st.text(" ab\n\t", max_size=60), st.integers(1, 8))
def test_unbroken_finds_a_run_without_spaces(text: str, width: int) -> None:
    assert _unbroken(text, width) == bool(re.search(f"[^ ]{{{width}}}", text))


CTA = ["sign", " up", "Sign Up", " ", "newsletter", "not ready to", "_", "-", "é", "x", ","]
CTA += ["please support", "support", " us", "Log in", "\u201c", "Ж", "donate", "ad free"]


@given(st.lists(st.lists(st.sampled_from(CTA), max_size=10).map("".join), max_size=5))
def test_cta_counts_are_the_distinct_phrases_of_each_units_words(texts: list[str]) -> None:
    index = _phrase_index(knowledge().cta)
    phrases = {p for ps in index.values() for p in ps}
    units = [Unit(t, 0, i) for i, t in enumerate(texts)]
    expected = []
    for t in texts:
        words = re.findall(r"[^\W_]+", t.lower())
        found = {p for p in phrases for i in range(len(words)) if tuple(words[i : i + len(p)]) == p}
        expected.append(len(found))
    assert _cta_counts(units, compiled(knowledge())) == expected
