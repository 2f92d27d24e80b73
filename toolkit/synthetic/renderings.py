"""Raw-text renderings of an article: the forms copies of one article take in real corpora."""

from __future__ import annotations

import random
import textwrap
from collections.abc import Callable

from toolkit.synthetic.articles import Article

MENUS = (
    "Home | World | Politics | Business | Tech | Sport | Opinion",
    "News  Sport  Weather  Culture  Travel  Video",
    "Skip to main content",
    "Menu\nSearch\nSign in",
    "Subscribe  |  Log in  |  Newsletters",
)
SHARE = ("Share this article", "Share\nTweet\nEmail", "Facebook Twitter WhatsApp Copy link")
APPEALS = (
    "Sign up for our free weekly newsletter and never miss the latest news. Subscribe now.",
    "Support independent journalism. Donate today: every contribution makes a difference.",
    "We use cookies to improve your experience. By continuing you accept our cookie policy.",
)
FOOTERS = ("© 2024 All rights reserved.", "Privacy Policy | Terms of Use | Contact us")
WIRES = ("AP", "Reuters", "AFP")
CONFUSIONS = {"m": "rn", "l": "1", "o": "0", "e": "c", "i": "l", "h": "b", "n": "u", "s": "5"}


def _date_line(a: Article, rng: random.Random) -> str:
    styles = ("%B %d, %Y", "%d %b %Y", "%Y-%m-%d", "%b. %d, %Y %I:%M %p")
    return a.date.strftime(rng.choice(styles))


def _related(rng: random.Random, other: Article) -> str:
    return "Related\n" + "\n".join(other.headline for _ in range(rng.randint(1, 3)))


def page(a: Article, rng: random.Random, other: Article) -> str:
    """The article inside one site's chrome: menus, share bar, appeals, related list, footer."""
    head = list(rng.sample(MENUS, 2))
    top = [*head, a.headline, f"By {a.byline}", _date_line(a, rng), rng.choice(SHARE)]
    tail = [rng.choice(APPEALS), _related(rng, other), rng.choice(FOOTERS), a.source]
    return "\n\n".join([*top, *a.paragraphs, *tail]) + "\n"


def bare(a: Article, rng: random.Random, other: Article) -> str:
    """Just the article as copied from a reader view."""
    return "\n\n".join([a.headline, _date_line(a, rng), *a.paragraphs]) + "\n"


def wrapped(a: Article, rng: random.Random, other: Article) -> str:
    """A text-browser dump: hard-wrapped lines, indented paragraphs."""
    width = rng.randint(60, 78)
    lines = [
        textwrap.fill(p, width, initial_indent="   ", subsequent_indent="   ")
        for p in [a.headline, f"By {a.byline} | {_date_line(a, rng)}", *a.paragraphs]
    ]
    return "\n\n".join([rng.choice(MENUS), *lines, rng.choice(FOOTERS)]) + "\n"


def printed(a: Article, rng: random.Random, other: Article) -> str:
    """Print to PDF: page stamps and numbers between hard-wrapped lines, url at the end."""
    body = "\n\n".join(textwrap.fill(p, 90) for p in a.paragraphs).split("\n")
    stamp = f"{a.date:%m/%d/%y}, 10:{rng.randint(10, 59)} AM    {a.headline[:40]}"
    out: list[str] = [stamp, a.headline, f"By {a.byline}", _date_line(a, rng), ""]
    for i, line in enumerate(body, 1):
        out.append(line)
        if i % 45 == 0:
            out += [f"Page {i // 45} of {len(body) // 45 + 1}", stamp]
    slug = "-".join(a.headline.lower().split()[:6])
    out += ["", f"https://www.example.com/news/{a.date:%Y/%m/%d}/{slug}"]
    return "\n".join(out) + "\n"


def whitespace(a: Article, rng: random.Random, other: Article) -> str:
    """The page with Windows line ends, trailing blanks and doubled spaces."""
    text = page(a, rng, other).replace(". ", ".  ").replace("\n", "  \r\n")
    return text


def wire(a: Article, rng: random.Random, other: Article) -> str:
    """A syndicated copy: new headline and dateline, a sentence dropped, the end cut."""
    keep = max(1, round(len(a.paragraphs) * rng.uniform(0.7, 0.9)))
    paragraphs = list(a.paragraphs[:keep])
    if len(paragraphs) > 2:
        sentences = paragraphs[1].split(". ")
        if len(sentences) > 1:
            del sentences[rng.randrange(len(sentences))]
        paragraphs[1] = ". ".join(sentences)
    city = rng.choice(("LONDON", "WASHINGTON", "PARIS", "TOKYO", "NAIROBI"))
    paragraphs[0] = f"{city} ({rng.choice(WIRES)}) — {paragraphs[0]}"
    headline = " ".join(reversed(a.headline.split()))
    return "\n\n".join([headline, _date_line(a, rng), *paragraphs, rng.choice(FOOTERS)]) + "\n"


def paywalled(a: Article, rng: random.Random, other: Article) -> str:
    """Only the first half before the paywall."""
    half = max(1, len(a.paragraphs) // 2)
    cut = "Subscribe to continue reading. Already a subscriber? Log in."
    return "\n\n".join([a.headline, _date_line(a, rng), *a.paragraphs[:half], cut]) + "\n"


def ocr(a: Article, rng: random.Random, other: Article) -> str:
    """A scan: about 2% of letters confused, narrow columns with hyphenated line ends."""

    def confuse(ch: str) -> str:
        return CONFUSIONS.get(ch, ch) if rng.random() < 0.02 else ch

    text = "".join(confuse(c) for c in "\n\n".join(a.paragraphs))
    lines: list[str] = []
    for para in text.split("\n\n"):
        for line in textwrap.wrap(para, rng.randint(34, 44), break_long_words=False):
            lines.append(line)
        lines.append("")
    hyphenated = [_hyphenate(line, rng) for line in lines]
    return "\n".join([a.headline, "", *_join_hyphens(hyphenated)]) + "\n"


def _hyphenate(line: str, rng: random.Random) -> str:
    words = line.split(" ")
    if len(words[-1]) > 7 and rng.random() < 0.5:
        cut = len(words[-1]) // 2
        return " ".join(words[:-1] + [words[-1][:cut] + "-\n" + words[-1][cut:]])
    return line


def _join_hyphens(lines: list[str]) -> list[str]:
    return "\n".join(lines).split("\n")


Rendering = Callable[[Article, random.Random, Article], str]
COPIES: dict[str, Rendering] = {
    "chrome": page,
    "bare": bare,
    "wrapped": wrapped,
    "print": printed,
    "whitespace": whitespace,
    "wire": wire,
    "paywall": paywalled,
    "ocr": ocr,
}
