"""The source finder's shortcuts give what the plain scans give."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from toolkit.extract import source, source_clues
from toolkit.extract.classify import Classified, weight
from toolkit.extract.knowledge import knowledge
from toolkit.extract.prefilter import trie
from toolkit.extract.segment import Unit
from toolkit.extract.sitename import is_domain

PIECES = ["The Guardian", "Guardian", "BBC News", "heise online", "la Repubblica", "Reuters"]
PIECES += ["xThe Guardian", "The Guardians", "_BBC", "腾讯新闻", "中文", "©", "(C)", "Copyright"]
PIECES += ["copyrights", "版权所有", "2024", " ", "  ", "\n", ".", ". ", "example.com"]
PIECES += ["www.Foo.CO.uk", "a.b", "x.K", "ſ", "\u0130", "\u0131", "/", "@", "logo", "Home"]
PIECES += ["more from", "More From", "Published in", "Support", "Follow", "Get", " delivered"]
PIECES += [" - Back to Home", "Welcome to", "Thanks for reading", " on Twitter", "Site"]
PIECES += ["Link: ", "support the Moscow Times", "More from Medium", "ready to publish?"]
PIECES += ["tmz.com,", "(cnn.com)", "“", "”", "»", "|", "FOO.COM", "Dropbox.Tech", "site.\u212aR"]
TEXT = st.lists(st.sampled_from(PIECES), max_size=16).map("".join)
LINES = st.lists(st.lists(st.sampled_from(PIECES), max_size=8).map("".join), max_size=10).map(
    lambda lines: [line.replace("\n", " ") for line in lines]
)


@given(TEXT)
def test_known_names_as_the_longest_first_alternation(text: str) -> None:
    kb = knowledge()
    names = {n for n in kb.names if len(n) >= 3}
    first = re.escape("".join(sorted({n[0] for n in names})))
    plain = re.compile(rf"(?<!\w)(?=[{first}])(?:{trie(sorted(names))})(?!\w)")
    pattern = source_clues._known_names(kb)
    assert pattern is not None
    assert pattern.findall(text) == plain.findall(text)


def _plain_domains(text: str) -> list[str]:
    out = []
    for token in text.split():
        if "." in token and "/" not in token and "@" not in token:
            host = source_clues._WWW.sub("", token.strip("()[]<>\"'“”‘’,;:!?.*•|"))
            if is_domain(host):
                out.append(host)
    return out


def _plain_copyright_lines(text: str) -> list[str]:
    out: list[str] = []
    for m in source_clues._COPYRIGHT.finditer(text):
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.end())
        line = text[start : end if end >= 0 else len(text)]
        if not out or out[-1] != line:
            out.append(line)
    return out


@given(LINES)
def test_line_scans_find_what_whole_text_scans_find(lines: list[str]) -> None:
    text = "\n".join(lines)
    assert source_clues._domains(text) == _plain_domains(text)
    kept = "\n".join(line for line in lines if not line.startswith("Link:"))
    assert source_clues._copyright_lines(text) == _plain_copyright_lines(kept)
    low = source_clues.lowered(text)
    found = [m.span() for m in source_clues._phrases(text, low)]
    assert found == [m.span() for m in source_clues._PHRASE.finditer(text)]
    markers = source_clues._markers(knowledge())
    assert markers is not None
    found = [m.span() for m in source_clues._matches(markers, text, low)]
    assert found == [m.span() for m in markers.finditer(text)]


UNITS = st.lists(
    st.tuples(
        st.sampled_from(["Text here", "x (@jdoe)", "Site Name", "Copyright 2024"]),
        st.sampled_from([None, "nav", "embed_signature"]),
    ),
    max_size=8,
)


@given(UNITS, st.integers(-2, 9), st.integers(-2, 9))
def test_chrome_is_every_unit_but_the_article_prose(lines: list, start: int, end: int) -> None:
    units = [
        Classified(Unit(text, i, i), weight(text), furniture, False)
        for i, (text, furniture) in enumerate(lines)
    ]
    expected = [
        c
        for i, c in enumerate(units)
        if not (start <= i < end and not c.furniture)
        and c.furniture != "embed_signature"
        and "(@" not in c.text
    ]
    assert source._chrome(units, (start, end)) == expected
    assert source._chrome(units, None) == source._chrome(units, (0, 0))


MARKER_LINES = [
    "Support the Moscow Times!",
    "A message from The Moscow Times:",
    "Make Medium yours",
]
MARKER_LINES += ["More from Medium", "Get the Medium app", "Ready to publish?", "Medium", "x"]


@given(st.lists(st.sampled_from(MARKER_LINES), max_size=8))
def test_marker_lines_are_found_at_the_line_starts_holding_them(lines: list[str]) -> None:
    text = "\n".join(lines)
    markers = source_clues._markers(knowledge())
    assert markers is not None
    found = [m.span() for m in source_clues._matches(markers, text, source_clues.lowered(text))]
    assert found == [m.span() for m in markers.finditer(text)]
