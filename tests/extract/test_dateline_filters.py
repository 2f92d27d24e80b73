"""The dateline's line filters test literals before running a regex: the same answers as the
single regexes they replace, on any text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.extract.datecues import PRINT_STAMP
from toolkit.extract.dateline import _URL, _URL_NEEDLES, _not_a_dateline
from toolkit.extract.prefilter import lowered, may_match

_NOT_A_DATELINE = re.compile(
    PRINT_STAMP + r"|::|[{}<>=│┃]"
    r"|\b(?:wrote|says|said|repl(?:y|ied)|commented)\b|回覆|回复|返信",
    re.IGNORECASE,
)

_pieces = st.sampled_from(
    "SAID|says|ſays|wrote|Replied|reply|commented|xsaid|said_|::|:|<|=|│|回覆|返信|3/4/15, 9:30"
    "| 12.1.2015,10:00|PM|http://x.co/a|WWW.|page.HTML|img.jpeg|a.b|İ|ı| |\n|7".split("|")
)
_texts = st.one_of(st.text(max_size=40), st.lists(_pieces, max_size=8).map("".join))


@settings(max_examples=2000)
@given(_texts)
def test_not_a_dateline_equals_the_single_regex(text: str) -> None:
    assert _not_a_dateline(text) == bool(_NOT_A_DATELINE.search(text))


@settings(max_examples=2000)
@given(_texts)
def test_a_url_is_only_skipped_where_it_cannot_match(text: str) -> None:
    if not may_match(_URL_NEEDLES, lowered(text)):
        assert not _URL.search(text)
