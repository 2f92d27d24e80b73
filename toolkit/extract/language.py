"""Language of the body, with a model that ships inside its package (nothing fetched)."""

from __future__ import annotations

from toolkit.extract.classify import weight
from toolkit.extract.langid_numpy import classify_code

MIN_WORDS = 5
SAMPLE_CHARS = 400  # enough to tell the language; the cost grows with the sample


def detect_language(body: str, words: int | None = None) -> str | None:
    """ISO 639-1 code of the body's language; None when there is too little text to tell
    (words: the body's weight when the caller has it)."""
    if (weight(body) if words is None else words) < MIN_WORDS:
        return None
    return classify_code(body[:SAMPLE_CHARS])
