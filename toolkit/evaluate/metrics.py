"""Scores of one prediction against one annotation, as the dev corpus README defines them."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

_TOKEN = re.compile(r"\w+")
_QUOTES = str.maketrans(
    {"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"'}
)
_DASHES = re.compile(r"[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]")
_PUNCT_SPACE = re.compile(r"[\W_]+")


def tokens(text: str | None) -> list[str]:
    """Lower-cased `\\w+` runs after NFKC."""
    return _TOKEN.findall(unicodedata.normalize("NFKC", text or "").lower())


def prf(predicted: str | None, truth: str | None) -> tuple[float, float, float]:
    """Bag-of-words precision, recall and F1; an empty prediction scores 0."""
    pred, gold = Counter(tokens(predicted)), Counter(tokens(truth))
    if not pred or not gold:
        return 0.0, 0.0, 0.0
    overlap = sum((pred & gold).values())
    p, r = overlap / sum(pred.values()), overlap / sum(gold.values())
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def norm_headline(text: str | None) -> str:
    """NFKC, lower case, straight quotes, plain dashes, punctuation and spaces as one space."""
    text = unicodedata.normalize("NFKC", text or "").lower().translate(_QUOTES)
    return _PUNCT_SPACE.sub(" ", _DASHES.sub("-", text)).strip()


def norm_source(name: str) -> str:
    key = re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", name).casefold())
    return key


def source_matches(predicted: str | None, truth: str, aliases: list[str]) -> bool:
    """Case-insensitive match against the publisher or an alias; a leading 'The' may go."""
    if not predicted:
        return False
    guess = norm_source(predicted)
    for name in [truth, *aliases]:
        gold = norm_source(name)
        if guess and guess in (gold, gold.removeprefix("the")) or guess.removeprefix("the") == gold:
            return True
    return False


def norm_url(url: str | None) -> str:
    text = re.sub(r"\s+", "", url or "")
    text = re.sub(r"^[a-z]+://", "", text)
    return text.removeprefix("www.").rstrip("/")
