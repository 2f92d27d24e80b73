import re

from hypothesis import given
from hypothesis import strategies as st

from toolkit.extract.classify import _cta_counts, compiled
from toolkit.extract.knowledge import knowledge
from toolkit.extract.prefilter import (
    first_chars,
    line_anchored,
    lines_holding,
    lowered,
    may_match,
    needles,
    trie,
    within_line,
)
from toolkit.extract.segment import Unit
from toolkit.extract.strong import _at_line_starts


def test_needles_of_alternatives_and_sequences() -> None:
    assert needles(re.compile(r"\b(?:getty images|shutterstock)\b", re.I)) == (
        "getty images",
        "shutterstock",
    )
    assert needles(re.compile(r"^(?:photo|image)\s*:\s*\S", re.I)) == ("image", "photo")
    assert needles(re.compile(r"all rights reserved", re.I)) == ("all rights reserved",)


def test_no_needles_when_a_branch_or_repeat_can_be_empty() -> None:
    assert needles(re.compile(r"^(?:related|\d+)$")) is None
    assert needles(re.compile(r"(?:more)?\s+\w+")) is None
    assert needles(re.compile(r"[a-z]{3,}")) is None


def test_case_and_tricky_letters() -> None:
    pattern = re.compile(r"rights", re.I)
    needed = needles(pattern)
    assert not may_match(needed, lowered("All wrongs"))
    assert may_match(needed, lowered("ALL RIGHTS"))
    assert pattern.search("r\u0131ghts")  # dotless i matches 'i' case-insensitively...
    assert may_match(needed, lowered("r\u0131ghts"))  # ...so such a text is always scanned


PATTERNS = [
    re.compile(p, re.I | re.M)
    for p in (
        r"\b(?:read more|see also)\b",
        r"^(?:photo|credit)s?\s*:",
        r"\(@\w+\)\s+\d{4}$",
        r"(?:ab|c(?:de|f))+x",
    )
]


PIECES = ["read more", "ReAd MoRe", "see", " also", "Photo", "CREDITS", ":", " ", "\n", "(@x)"]
PIECES += ["2020", "abcf", "cde", "x", "ab", "\u0131", "\u0130", "\u017f", "r"]


@given(st.lists(st.sampled_from(PIECES), max_size=12).map("".join))
def test_never_skips_a_text_the_pattern_matches(text: str) -> None:
    for pattern in PATTERNS:
        if pattern.search(text):
            assert may_match(needles(pattern), lowered(text))


def test_line_anchored() -> None:
    assert line_anchored(re.compile(r"^(?:related|more)\b", re.M))
    assert line_anchored(re.compile(r"(?:^a|^b)c", re.M))
    assert not line_anchored(re.compile(r"^a|b", re.M))  # 'b' matches anywhere
    assert not line_anchored(re.compile(r"^(?:x)?", re.M))  # can match empty
    assert not line_anchored(re.compile(r"^related"))  # only the text's start


ANCHORED = [re.compile(p, re.M | re.I) for p in (r"^ab\s*c", r"^(?:a|ca)b?\n?c$", r"^\w+ \d")]


@given(st.lists(st.sampled_from(["ab", "c", "a", "b 1", "\n", " ", "1", "A"]), max_size=14))
def test_line_starts_give_what_finditer_gives(pieces: list[str]) -> None:
    text = "".join(pieces)
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    for pattern in ANCHORED:
        assert line_anchored(pattern)
        found = [m.span() for m in _at_line_starts(pattern, text, starts)]
        assert found == [m.span() for m in pattern.finditer(text)]


def test_first_chars() -> None:
    assert first_chars(re.compile(r"^(?:related|more)\b", re.M | re.I)) == set("rRmM")
    assert first_chars(re.compile(r"^[【\[]?\d", re.M)) == set("[0123456789")
    assert first_chars(re.compile(r"^a?b", re.M)) == set("ab")
    assert first_chars(re.compile(r"^.{0,9}x", re.M)) is None  # any character
    assert first_chars(re.compile(r"^[^x]", re.M)) is None


@given(st.lists(st.sampled_from(["ab", "c", "a", "b 1", "\n", " ", "1", "A", "é"]), max_size=14))
def test_first_chars_rule_out_only_failing_starts(pieces: list[str]) -> None:
    text = "".join(pieces)
    for pattern in ANCHORED:
        first = first_chars(pattern)
        for m in pattern.finditer(text):
            ch = text[m.start()]
            assert first is None or ch in first or not ch.isascii()


def test_within_line() -> None:
    assert within_line(re.compile(r"^.{0,9}credit[ \t]*:\S[^.\n]*$", re.M | re.I))
    assert not within_line(re.compile(r"^credit\s+x", re.M))  # \s reads a newline
    assert not within_line(re.compile(r"a[^.]b"))
    assert not within_line(re.compile(r"a.b", re.S))


def test_lines_holding() -> None:
    text = "a photo\nnone\nPHOTO credit"
    starts = [0, 8, 13]
    assert lines_holding(("photo", "credit"), text.lower(), starts) == {0, 2}


@given(
    st.lists(st.text("abn.", min_size=1, max_size=4), min_size=1, max_size=8),
    st.text("abn.", max_size=5),
)
def test_trie_matches_exactly_its_words(words: list[str], probe: str) -> None:
    words = sorted(set(words))
    pattern = re.compile(f"(?:{trie(words)})\\Z")
    assert bool(pattern.match(probe)) == (probe in words)
    assert all(pattern.match(w) for w in words)


def test_cta_words_found_after_any_non_letter() -> None:
    units = [Unit(t, 0, i) for i, t in enumerate(["Sign up now", "design up", "_sign up", "x"])]
    patterns = compiled(knowledge())
    counts = _cta_counts(units, patterns)
    assert counts[0] >= 1 and counts[1] == 0 and counts[2] == counts[0] and counts[3] == 0


def test_trie_prefers_the_longer_word() -> None:
    pattern = re.compile(rf"(?:{trie(['The Times', 'The Times of India'])})(?!\w)")
    assert pattern.findall("in The Times of India and The Times of day") == [
        "The Times of India",
        "The Times",
    ]
