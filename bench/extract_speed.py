"""Time extraction of one file: python bench/extract_speed.py [FOLDER ...]

Prints the median time per file and per 4 KB of input over the given folders (default: the
project's raw/), after a warm-up, in this one process. Each file's time is the fastest of
REPEAT runs (as timeit advises: slower runs measure the machine's other work, not the code).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from toolkit.extract.article import extract_article

ROOT = Path(__file__).resolve().parents[1]
REPEAT = 10


def main() -> None:
    folders = [Path(a) for a in sys.argv[1:]] or [ROOT / "raw"]
    texts = [
        p.read_bytes().decode("utf-8", "replace") for f in folders for p in sorted(f.glob("*.txt"))
    ]
    for text in texts:  # warm-up: data files, regexes, the language model
        extract_article(text)
    per_file, per_4k = [], []
    for text in texts:
        runs = []
        for _ in range(REPEAT):
            started = time.perf_counter()
            extract_article(text)
            runs.append(time.perf_counter() - started)
        seconds = min(runs)
        per_file.append(seconds)
        per_4k.append(seconds * 4096 / max(1, len(text.encode())))
    sizes = [len(t.encode()) for t in texts]
    print(
        f"files={len(texts)} median_size_kb={statistics.median(sizes) / 1024:.1f} "
        f"median_ms_per_file={statistics.median(per_file) * 1000:.2f} "
        f"median_ms_per_4kb={statistics.median(per_4k) * 1000:.2f} "
        f"mean_ms_per_4kb={statistics.mean(per_4k) * 1000:.2f}"
    )


if __name__ == "__main__":
    main()
