"""Benchmark the engines at scale: the whole build of a synthetic corpus, time and peak memory.

    python bench/scale_build.py [--articles 1000000] [--engine local|ray|both] [--workers 2]
                                [--work DIR]

Writes ARTICLES synthetic articles (as bench/dedup_build.py does, kept in WORK and reused), then
times `toolkit build --no-cache` on them with each engine in a fresh process tree, with the peak
resident memory of the whole tree (for Ray: the cluster it starts on this machine, its workers
and object store included). With both engines, their outputs are compared byte for byte.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from dedup_build import build_command, corpus, run, same_tree  # noqa: E402 - shared


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--engine", choices=["local", "ray", "both"], default="local")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "toolkit-bench")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    raw = corpus(args.work, args.articles) / "raw"
    engines = ["local", "ray"] if args.engine == "both" else [args.engine]
    outs = {}
    for engine in engines:
        outs[engine] = args.work / f"dist-{engine}-{args.articles}"
        command = build_command(raw, outs[engine], args.workers, "--no-cache", "--engine", engine)
        seconds, peak = run(command)
        print(
            f"{engine}: {args.articles} articles, {args.workers} workers: {seconds:.1f} s, "
            f"{args.articles / seconds:,.0f} docs/s, peak RSS {peak / 2**30:.2f} GiB",
            flush=True,
        )
    if len(outs) == 2:
        same = same_tree(outs["local"], outs["ray"])
        print(f"ray output {'==' if same else '!='} local output, byte for byte")


if __name__ == "__main__":
    main()
