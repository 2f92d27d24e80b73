"""The cheap tests that spare a regex give the regex's own answer on any text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.extract import classify, gallery

# Letters (Latin, Greek, CJK), digits of several scripts, dots, slashes, spaces, marks.
_TEXT = st.text(
    st.one_of(
        st.sampled_from(list("aZk.-/ 0912of\u212a\u017f\u0663\u0966\u00e9\u4e2d\u3042\u2019_")),
        st.characters(),
    ),
    max_size=30,
)


@settings(max_examples=2000)
@given(_TEXT)
def test_has_cjk_is_the_search(text: str) -> None:
    assert classify.has_cjk(text) == (classify._CJK.search(text) is not None)


@settings(max_examples=2000)
@given(_TEXT)
def test_domain_only_is_the_match(text: str) -> None:
    lower = text.lower().strip()
    assert classify.domain_only(lower) == (classify._DOMAIN_ONLY.match(lower) is not None)


@settings(max_examples=2000)
@given(_TEXT)
def test_counter_is_the_match(text: str) -> None:
    found, plain = gallery.counter(text), gallery._COUNTER.match(text)
    assert (found and found.groups()) == (plain and plain.groups())


def test_guards_on_examples() -> None:
    assert classify.domain_only("example.com") and not classify.domain_only("example com")
    assert gallery.counter("3/50 A title") and gallery.counter("— 12 of 40")
    assert gallery.counter("Of 3/50") is None
    assert classify.has_cjk("中文") and not classify.has_cjk("plain") and not classify.has_cjk("é’")
