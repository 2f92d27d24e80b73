"""Language of the body, with a model that ships inside its package (nothing fetched)."""

from __future__ import annotations

from collections.abc import Sequence

from toolkit.extract.classify import weight
from toolkit.extract.langid_numpy import classify_codes

MIN_WORDS = 5
SAMPLE_CHARS = 400  # enough to tell the language; the cost grows with the sample


def detect_language(body: str, words: int | None = None) -> str | None:
    """ISO 639-1 code of the body's language; None when there is too little text to tell
    (words: the body's weight when the caller has it)."""
    return detect_languages([body], None if words is None else [words])[0]


def detect_languages(bodies: Sequence[str], words: Sequence[int] | None = None) -> list[str | None]:
    """detect_language() of each body, identified together (one model walk for all)."""
    if words is None:
        words = [weight(body) for body in bodies]
    told = [i for i, w in enumerate(words) if w >= MIN_WORDS]
    codes = classify_codes([bodies[i][:SAMPLE_CHARS] for i in told])
    found: list[str | None] = [None] * len(bodies)
    for i, code in zip(told, codes, strict=True):
        found[i] = code
    return found
