"""Benchmark an incremental rebuild: a full build with an empty cache, then 1% new files.

    python bench/incremental_build.py [--articles 100000] [--new 0.01] [--workers 2] [--work DIR]

Writes ARTICLES synthetic articles (as bench/dedup_build.py does, kept in WORK and reused),
links all but the NEW share into a raw folder and times `toolkit build --cache` on it (an empty
cache: a full build that also fills the cache), then links the rest in and times the rebuild,
which extracts only those files. The rebuild's output is compared with a build of the whole
folder without a cache.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from dedup_build import build_command, corpus, same_tree  # noqa: E402 - shared with the others


def timed(command: list[str]) -> float:
    """Wall seconds of a command, started once the disk holds what earlier ones wrote (the
    kernel would otherwise write back the previous build's gigabyte during this one)."""
    os.sync()
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--new", type=float, default=0.01)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "toolkit-bench")
    args = parser.parse_args()
    files = sorted((corpus(args.work, args.articles) / "raw").glob("*.txt"))
    new = files[:: round(1 / args.new)]
    run = args.work / "incremental"
    shutil.rmtree(run, ignore_errors=True)
    raw, cache = run / "raw", run / "cache"
    raw.mkdir(parents=True)
    fresh = set(new)
    for path in files:
        if path not in fresh:
            os.link(path, raw / path.name)
    full = timed(build_command(raw, run / "first", args.workers, "--cache", str(cache)))
    for path in new:
        os.link(path, raw / path.name)
    again = timed(build_command(raw, run / "second", args.workers, "--cache", str(cache)))
    plain = timed(build_command(raw, run / "plain", args.workers, "--no-cache"))
    identical = same_tree(run / "second", run / "plain")
    print(f"full build of {len(files) - len(new)} files, filling the cache: {full:.1f} s")
    print(f"rebuild after adding {len(new)} files ({args.new:.0%}): {again:.1f} s, "
          f"{again / full:.0%} of the full build")  # fmt: skip
    print(f"build of all {len(files)} files without a cache: {plain:.1f} s; "
          f"rebuild output identical: {identical}")  # fmt: skip
    size = sum(p.stat().st_size for p in cache.rglob("*") if p.is_file())
    print(f"cache on disk: {size / 2**20:,.0f} MiB")


if __name__ == "__main__":
    main()
