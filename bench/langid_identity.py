"""Check that toolkit's numpy language classifier scores exactly as py3langid does.

    python bench/langid_identity.py [FOLDER_OR_JSONL ...] [--random N] [--seed S]

Inputs: every .txt file in the folders, the body extract_article finds in it, and every "body"
of the .jsonl files (default: the project's raw/), each whole, as detect_language's 400-character
sample, and sliced at a spread of offsets and lengths; the same slices upper-cased and
NFD-decomposed (py3langid lowers all-upper text and NFC-normalises); then N random strings drawn
from many scripts, combining marks, digits, punctuation, control characters and lone surrogates.
For each input the full score vector (after alias folding) must match py3langid's bit for bit
and the code must match py3langid.classify's. Exits 1 on the first mismatch.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import sys
import time
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import py3langid
from py3langid import langid

from toolkit.extract.article import extract_article
from toolkit.extract.langid_numpy import classify_code, scores

ROOT = Path(__file__).resolve().parents[1]
OFFSETS = (0, 1, 7, 100, 399, 1000, 2500, 6000)
LENGTHS = (1, 3, 10, 40, 150, 400, 1200, 5000)
RANGES = (  # (first, last) code points of the scripts random strings mix
    (0x20, 0x7E), (0xA0, 0x24F), (0x300, 0x36F), (0x370, 0x3FF), (0x400, 0x52F),
    (0x530, 0x58F), (0x590, 0x5FF), (0x600, 0x6FF), (0x900, 0x97F), (0x980, 0x9FF),
    (0xB80, 0xBFF), (0xE00, 0xE7F), (0x10A0, 0x10FF), (0x1100, 0x11FF), (0x1E00, 0x1FFF),
    (0x2000, 0x206F), (0x3040, 0x30FF), (0x4E00, 0x9FFF), (0xAC00, 0xD7A3), (0xD800, 0xDFFF),
    (0xF900, 0xFAFF), (0xFF00, 0xFFEF), (0x1F300, 0x1F64F), (0x20000, 0x2A6DF), (0x0, 0x1F),
)  # fmt: skip


def texts(sources: list[Path]) -> Iterator[str]:
    """Whole texts: .txt files of folders, "body" fields of .jsonl files."""
    for source in sources:
        if source.suffix == ".jsonl":
            for line in source.read_text().splitlines():
                body = json.loads(line).get("body")
                if body:
                    yield body
        else:
            for path in sorted(source.glob("*.txt")):
                text = path.read_bytes().decode("utf-8", "replace")
                yield text
                yield extract_article(text).body


def slices(text: str) -> Iterator[str]:
    """The text, its 400-character sample, and slices at a spread of offsets and lengths."""
    yield text
    yield text[:400]
    for offset in OFFSETS:
        if offset < len(text):
            for length in LENGTHS:
                yield text[offset : offset + length]


def variants(sample: str) -> Iterator[str]:
    """The sample, upper-cased, and decomposed (NFC undoes it inside py3langid)."""
    yield sample
    yield sample.upper()
    yield unicodedata.normalize("NFD", sample)


def random_text(rng: random.Random) -> str:
    """A string of random length mixing a few random scripts, words and spaces."""
    ranges = rng.sample(RANGES, rng.randint(1, 4))
    chars = []
    for _ in range(rng.choice((0, 1, 2, 5, 20, 80, 400, 1500))):
        if rng.random() < 0.15:
            chars.append(" ")
        else:
            first, last = rng.choice(ranges)
            chars.append(chr(rng.randint(first, last)))
    return "".join(chars)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sources", nargs="*", type=Path, default=[ROOT / "raw"])
    parser.add_argument("--random", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    identifier = langid._get_identifier()
    rng = random.Random(args.seed)
    inputs: list[str] = [
        s for text in texts(args.sources) for x in slices(text) for s in variants(x)
    ]
    inputs += [random_text(rng) for _ in range(args.random)]
    inputs += ["", " ", "\x00", "ABC DEF GHI", "\ud800abc", "e\u0301" * 50]
    languages: collections.Counter[str] = collections.Counter()
    started = time.perf_counter()
    for text in inputs:
        expected = identifier._decide(text)
        code = py3langid.classify(text)[0]
        got = scores(text)
        if not np.array_equal(expected.view(np.uint32), got.view(np.uint32)):
            sys.exit(f"score mismatch on {text[:80]!r}")
        if classify_code(text) != code:
            sys.exit(f"code mismatch on {text[:80]!r}")
        languages[code] += 1
    print(
        f"{len(inputs)} inputs identical (scores bit for bit and codes) in "
        f"{time.perf_counter() - started:.0f} s; {len(languages)} languages, most common: "
        + ", ".join(f"{code} {n}" for code, n in languages.most_common(12))
    )


if __name__ == "__main__":
    main()
