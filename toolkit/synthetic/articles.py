"""Base articles: distinct texts made from real paragraphs, so each family starts unique."""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

_WORD = re.compile(r"[^\W\d_]{3,}")
_ENTITY = re.compile(r"(?<=[a-z,] )[A-Z][a-z]{3,}\b")  # capitalised inside a sentence
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True)
class Article:
    """One article as a publisher wrote it: what every rendering of it shares."""

    headline: str
    paragraphs: tuple[str, ...]
    date: dt.date
    source: str
    byline: str


@dataclass(frozen=True)
class Pool:
    """Real paragraphs and words to build texts from."""

    paragraphs: tuple[str, ...]
    words: tuple[str, ...]
    names: tuple[str, ...]

    @classmethod
    def from_bodies(cls, bodies: Sequence[str]) -> Pool:
        """Prose paragraphs (at least 25 words) and the vocabulary of the given bodies."""
        paragraphs = sorted(
            {p.strip() for b in bodies for p in b.split("\n\n") if len(p.split()) >= 25}
        )
        text = " ".join(paragraphs)
        words = sorted({w.lower() for w in _WORD.findall(text)})
        names = sorted(set(_ENTITY.findall(text)))
        if len(paragraphs) < 4 or len(words) < 50:
            raise ValueError("too little prose to build synthetic articles from")
        return cls(tuple(paragraphs), tuple(words), tuple(names or ["Example"]))


def perturb(text: str, rng: random.Random, pool: Pool, rate: float) -> str:
    """Replace a share of the words by other real words: a new text with the same shape."""
    return _WORD.sub(lambda m: rng.choice(pool.words) if rng.random() < rate else m.group(), text)


OUTLETS = (
    "The Daily Ledger", "Morning Courier", "Valley Tribune", "The Harbor Post",
    "Northern Gazette", "City Chronicle", "The Evening Standard Review", "Coastal Times",
)  # fmt: skip


def base_article(rng: random.Random, pool: Pool, target_chars: int) -> Article:
    """A new article of about target_chars: real paragraphs, a quarter of their words swapped."""
    paragraphs: list[str] = []
    while sum(len(p) + 2 for p in paragraphs) < target_chars:
        paragraphs.append(perturb(rng.choice(pool.paragraphs), rng, pool, 0.25))
    # The actors of the story: a few names that its later coverage will mention again.
    actors = rng.sample(pool.names, min(3, len(pool.names)))
    paragraphs = [_mention(p, actors, rng) for p in paragraphs]
    headline = " ".join(rng.sample(pool.words, rng.randint(6, 11))).capitalize()
    headline = f"{actors[0]} {headline}"
    date = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3600))
    byline = f"{rng.choice(pool.names)} {rng.choice(pool.names)}"
    return Article(headline, tuple(paragraphs), date, rng.choice(OUTLETS), byline)


def _mention(paragraph: str, actors: Sequence[str], rng: random.Random) -> str:
    words = paragraph.split(" ")
    for _ in range(2):
        words.insert(rng.randrange(len(words) + 1), rng.choice(actors))
    return " ".join(words)


def follow_up(story: Article, rng: random.Random, pool: Pool, quoted: float) -> Article:
    """Another article on the same event: new prose naming the same actors, quoting a share
    (by length) of the story's sentences, picked across the whole story."""
    actors = story.headline.split()[:1] + _ENTITY.findall(" ".join(story.paragraphs))
    sentences = [s for p in story.paragraphs for s in _SENTENCE.split(p) if s]
    total = sum(len(s) for s in sentences)
    picked: set[int] = set()
    for i in rng.sample(range(len(sentences)), len(sentences)):
        if sum(len(sentences[j]) for j in picked) + len(sentences[i]) > quoted * total:
            continue
        picked.add(i)
    quotes = [f"“{sentences[i]}” {rng.choice(actors or ['Example'])} said." for i in sorted(picked)]
    fresh = base_article(rng, pool, round(total * (1 - quoted)))
    own = [_mention(p, actors[:6] or ["Example"], rng) for p in fresh.paragraphs]
    for quote in quotes:
        own.insert(rng.randrange(len(own) + 1), quote)
    day = story.date + dt.timedelta(days=rng.randint(0, 2))
    headline = f"{story.headline.split()[0]} {fresh.headline.split(' ', 1)[1]}"
    return replace(fresh, headline=headline, paragraphs=tuple(own), date=day)


def rewrite(story: Article, rng: random.Random, pool: Pool) -> Article:
    """The same wire report written up by another desk: its facts, mostly other words."""
    paragraphs = tuple(perturb(p, rng, pool, 0.45) for p in story.paragraphs if rng.random() < 0.8)
    headline = perturb(story.headline, rng, pool, 0.6)
    day = story.date + dt.timedelta(days=rng.randint(0, 1))
    return replace(
        story,
        headline=headline,
        paragraphs=paragraphs or story.paragraphs[:1],
        date=day,
        source=rng.choice([o for o in OUTLETS if o != story.source]),
    )
