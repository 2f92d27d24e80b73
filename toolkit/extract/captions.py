"""Photo captions that the block kept as prose: they end with the agency's credit."""

from __future__ import annotations

import re

# "... the agency said. (Jane Doe/ Space Agency photo via AP)", "(Photo: J. Doe)",
# "(Image courtesy of NASA)": a caption's closing credit.
_CREDIT = re.compile(
    r"\((?:[^()]{0,80} )?(?:photo|image|picture)s?(?:\s*/|\s*:|\s+by\b|\s+via\b|\s+courtesy\b)"
    r"[^()]*\)$",
    re.IGNORECASE,
)


def drop_credited_captions(paragraphs: list[str]) -> list[str]:
    """The paragraphs minus captions ending in a '(... photo via AGENCY)' credit; they are
    dropped only from the output, as they still weigh in finding the block."""
    return [p for p in paragraphs if not _CREDIT.search(p.rstrip())]
