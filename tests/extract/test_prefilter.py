import re

from hypothesis import given
from hypothesis import strategies as st

from toolkit.extract.classify import _at_line_starts
from toolkit.extract.prefilter import line_anchored, lowered, may_match, needles


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
