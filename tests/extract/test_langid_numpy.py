import unicodedata
from dataclasses import replace

import numpy as np
import py3langid
from hypothesis import example, given, settings
from hypothesis import strategies as st
from py3langid import langid

from toolkit.extract.langid_numpy import (
    _rows,
    classify_code,
    classify_codes,
    model,
    scores,
    scores_many,
)

WORDS = [
    *"the of and news minister said on Tuesday that would".split(),
    *"le la les des une ministre a déclaré mardi que".split(),
    *"der die das und nicht Regierung sagte am Dienstag über".split(),
    *"el los las una gobierno dijo el martes sobre año".split(),
    *"правительство заявил во вторник что министр новости".split(),
    *"الحكومة قال الوزير يوم الثلاثاء أن".split(),
    *"政府 部長 火曜日 発表 した ニュース 新闻 表示 周二".split(),
    *"정부 장관 화요일 발표 했다 뉴스".split(),
    *"सरकार मंत्री मंगलवार कहा समाचार".split(),
    *"ο υπουργός είπε την Τρίτη κυβέρνηση".split(),
    *"rząd minister powiedział we wtorek że".split(),
    "1,200",
    "2024",
    "—",
    "«",
    "»",
    ".",
    "\n",
]
ANY_CHAR = st.characters(codec=None, categories=None)  # surrogates and controls included

sentences = st.lists(st.sampled_from(WORDS), max_size=80).map(" ".join)
texts = st.one_of(
    sentences,
    sentences.map(str.upper),
    sentences.map(lambda s: unicodedata.normalize("NFD", s)),
    st.text(ANY_CHAR, max_size=500),
    st.lists(st.one_of(st.sampled_from(WORDS), st.text(ANY_CHAR, max_size=3)), max_size=60).map(
        " ".join
    ),
)


@settings(max_examples=400, deadline=None)
@given(texts)
@example("")
@example("\x00\x00")
@example("THE MINISTER SAID ON TUESDAY")
@example("e\u0301" * 40)
def test_scores_and_code_match_py3langid(text: str) -> None:
    expected = langid._get_identifier()._decide(text)
    assert np.array_equal(scores(text).view(np.uint32), expected.view(np.uint32))
    assert classify_code(text) == py3langid.classify(text)[0]


@settings(max_examples=150, deadline=None)
@given(st.lists(texts, max_size=6))
@example([])
@example(["", "THE MINISTER SAID", ""])
def test_texts_walked_together_score_as_each_alone(batch: list[str]) -> None:
    """A text's scores do not depend on its neighbours in the joined walk."""
    identifier = langid._get_identifier()
    together = scores_many(batch)
    assert len(together) == len(batch)
    for text, found in zip(batch, together, strict=True):
        expected = identifier._decide(text)
        assert np.array_equal(found.view(np.uint32), expected.view(np.uint32))
    assert classify_codes(batch) == [py3langid.classify(t)[0] for t in batch]


def test_dfa_state_depends_only_on_the_last_order_bytes() -> None:
    """From every state, any `order` bytes lead where they lead from the root (so the windowed
    walk is exact), and the padding byte keeps the root where it is."""
    m = model()
    assert m.nextmove[m.rowbase[0] + m.pad[0]] == 0
    rows = m.rowbase >> 8
    n_rows = int(rows.max()) + 1
    # row pairs of (walk from some state, walk from the root) that still disagree
    pairs = np.unique(rows * n_rows + rows[0])
    for _ in range(m.order):
        ahead = m.nextmove[(pairs // n_rows << 8)[:, None] + np.arange(256)]
        root = m.nextmove[(pairs % n_rows << 8)[:, None] + np.arange(256)]
        apart = ahead != root
        pairs = np.unique(rows[ahead[apart]] * n_rows + rows[root[apart]])
    assert not pairs.size


@given(st.lists(st.integers(0, 100_052), min_size=1, max_size=50))
def test_half_bits_widen_as_numpy_casts(idx: list[int]) -> None:
    m = model()
    assert m.negative_halves
    rows = np.array(idx, dtype=np.int32)
    fast, cast = _rows(m, rows), _rows(replace(m, negative_halves=False), rows)
    assert np.array_equal(fast.view(np.uint32), cast.view(np.uint32))
