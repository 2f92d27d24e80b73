"""Language of the body, with a model that ships inside its package (nothing fetched)."""

from __future__ import annotations

import py3langid

from toolkit.extract.classify import weight

MIN_WORDS = 5
SAMPLE_CHARS = 400  # enough for a language id (all 142 dev-corpus bodies right at 300); cost grows with it


def detect_language(body: str) -> str | None:
    """ISO 639-1 code of the body's language; None when there is too little text to tell."""
    if weight(body) < MIN_WORDS:
        return None
    code, _ = py3langid.classify(body[:SAMPLE_CHARS])
    return str(code)
