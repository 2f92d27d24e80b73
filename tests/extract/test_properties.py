"""Properties of the extractor and the cleaner that must hold for any text a file can hold.

"The body's words come from the input" is checked against the input as the cleaner repairs it
(`normalize_text`: entities decoded, mojibake repaired, Unicode composed; its own job), word
for word, where a word is a `\\w+` run: a body word is an input word, or the join of input
words that a line break separated (a hyphen dropped at a wrap, a wrapped url, CJK lines).
Nothing else may appear: no word cut short, none invented, none from two places.
"""

from __future__ import annotations

import re
import textwrap

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from toolkit.extract.article import extract_article
from toolkit.extract.normalize import clean_inline, normalize_text

VOCAB = (
    "the minister said on Monday that government would review plan after protests in the "
    "capital where thousands gathered Reuters AFP café naïve Zürich São Paulo über résumé "
    "co-operation well-known 2023 10,000 $5.4 billion per cent Share Advertisement Subscribe "
    "newsletter Photo: Getty Images By Jane Doe 新闻 记者 北京 政府 表示 Москва заявил "
    "президент https://www.example.com/news/2023/10/16/some-long-article-slug-here Read more "
    "Related Comments (AP) — “quoted” ‘single’ Mr. Dr. U.S. e.g. &amp; &#8203; cafÃ© Â "
    "\u00a0 \u200b \u00ad e\u0301"
).split(" ")
# Pieces that make the cleaner's repairs interact: entities (also escaped twice), mojibake,
# invisible characters, combining marks, every line end, odd spaces, compatibility forms.
PIECES = [
    *("&amp;", "&#13;", "&#769;", "&#8203;", "amp;", "&", ";", "#", "quot;", "&lt;", "&nbsp;"),
    *("Ã", "©", "Â", "\x80", "\xa0", "€", "â€™", "ï»¿", "Ã©", "\u0301", "\u0303", "e", "A"),
    *("\u200b", "\u00ad", "\ufeff", "\u2060", "\r", "\n", "\r\n", "\f", "\t", " ", "\u3000"),
    *("\u2028", "\u212a", "\u037e", "\u0085", "ﬁ", "x"),
]

word = st.one_of(
    st.sampled_from(VOCAB),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=8),
)
sentence = st.lists(word, min_size=1, max_size=25).map(lambda words: " ".join(words) + ".")
paragraph = st.lists(sentence, min_size=1, max_size=6).map(" ".join)


@st.composite
def articles(draw: st.DrawFn) -> str:
    """Paragraphs of prose and page chrome, some hard-wrapped, with any kind of line end."""
    width = draw(st.sampled_from([0, 40, 60, 72, 80]))
    out = []
    for text in draw(st.lists(paragraph, max_size=12)):
        if width and draw(st.booleans()):
            text = "\n".join(textwrap.wrap(text, width, break_on_hyphens=True))
        out.append(text)
    return draw(st.sampled_from(["\n", "\n\n", "\r\n\r\n", "\r\r", "\n\n\n"])).join(out)


any_text = st.one_of(articles(), st.text(), st.lists(st.sampled_from(PIECES)).map("".join))
EXTRACTION = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_WORD = re.compile(r"\w+")


def invented_words(body: str, source: str) -> list[str]:
    """Body words that are neither a word of source nor a join of its words across lines."""
    pieces = list(_WORD.finditer(source))
    have = {p.group() for p in pieces}
    out = []
    for token in dict.fromkeys(_WORD.findall(body)):
        if token not in have and not any(
            _joins_to(token, pieces, i, source) for i in range(len(pieces))
        ):
            out.append(token)
    return out


def _joins_to(token: str, pieces: list[re.Match[str]], i: int, source: str) -> bool:
    joined = pieces[i].group()
    while token.startswith(joined) and joined != token and i + 1 < len(pieces):
        if "\n" not in source[pieces[i].end() : pieces[i + 1].start()]:
            return False
        i += 1
        joined += pieces[i].group()
    return joined == token


@EXTRACTION
@given(any_text)
@example("")  # a file of only invisible characters is empty once normalized: it crashed
@example("\u200b")
@example("&#8203;")
def test_extraction_never_raises_and_invents_no_word(text: str) -> None:
    result = extract_article(text)
    assert invented_words(result.body, normalize_text(text)) == []
    assert result.word_count >= 0 and (result.word_count > 0) == bool(result.body)


@EXTRACTION
@given(articles())
def test_the_body_is_clean_text(text: str) -> None:
    # (Not a fixed point of normalize_text itself: joining wrapped lines gives the mojibake
    # repair new neighbours, "Â" at a line end becomes "Â " inside a paragraph.)
    body = extract_article(text).body
    assert not re.search(r"[\r\f\t\u00a0\u200b\u00ad\ufeff\u2060]", body)
    assert "\n\n\n" not in body
    for paragraph in body.split("\n\n") if body else []:
        assert paragraph and paragraph == paragraph.strip() and "  " not in paragraph


def test_word_check_accepts_joins_across_lines_only() -> None:
    assert invented_words("co-operation example", "co-operation exam-\nple") == []
    assert invented_words("example", "exam ple") == ["example"]  # no line break between
    assert invented_words("exam", "example") == ["exam"]  # a word cut short


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(), st.lists(st.sampled_from(PIECES)).map("".join)))
@example("&amp;amp;")  # escaped twice by a CMS: one pass left "&amp;"
@example("plan.&#13; More")  # an entity for CR: one pass left "\r" in the body
@example("e&#769;")  # an accent by entity: one pass left it uncomposed
@example("\xa0Â\x80")  # a mojibake repair that a later step re-opened
def test_cleaning_is_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert "\r" not in once and "\f" not in once and "\t" not in once
    assert all(line == line.rstrip(" ") for line in once.split("\n"))
    assert clean_inline(clean_inline(text)) == clean_inline(text)
