import re

from hypothesis import given
from hypothesis import strategies as st

from toolkit.extract.classify import weight
from toolkit.extract.latin1 import letter_runs, narrow, word_count

# ASCII, Latin-1 letters and signs, punctuation beyond Latin-1, and words beyond it
PIECES = st.sampled_from(["a", "Z", "9", "_", " ", "\n", "-", "é", "ß", "µ", "²", "×", "\xa0"])
PIECES |= st.sampled_from(["\u201c", "\u2019", "\u2014", "ł", "Ж", "中", "・", "\u0130", "K"])
TEXTS = st.lists(PIECES, max_size=30).map("".join)


@given(TEXTS)
def test_word_count_and_letter_runs_are_the_regex_counts(text: str) -> None:
    if narrow(text):
        assert word_count(text) == len(re.findall(r"\w+", text))
        assert letter_runs(text) == re.findall(r"[^\W_]+", text)
    else:
        assert re.search(r"[^\W\x00-\xff]", text)


@given(TEXTS)
def test_weight_is_its_definition(text: str) -> None:
    cjk = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
    expected = len(re.findall(r"\w+", cjk.sub(" ", text))) + len(cjk.findall(text)) // 2
    assert weight(text) == expected
