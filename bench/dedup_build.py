"""Benchmark the whole build and its dedup stage on a synthetic corpus, with reference libraries.

    python bench/dedup_build.py [--articles 100000] [--compare 10000] [--workers 2] [--work DIR]

1. Writes ARTICLES labelled synthetic articles (`toolkit synth`, prose from the seeds' build);
   kept in WORK and reused when it already holds that many.
2. Times `toolkit build` on them in a fresh process tree (--workers), with the peak resident
   memory of the whole tree, sampled every 50 ms, and scores the groups against the labels.
3. Times the dedup stage alone (read bodies, shingle, sign, LSH, verify, group) on the first
   COMPARE bodies of the built dataset, with WORKERS processes, against datasketch's MinHash +
   MinHashLSH (and rensa's, when installed) doing the same with the same processes: 3-word
   shingles, 128 permutations, LSH threshold 0.5. The processes are started, each with its
   library imported, before the clock starts, and their shutdown is not timed, as in a build.
"""

from __future__ import annotations

import argparse
import filecmp
import functools
import json
import multiprocessing
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from toolkit.build import BuildOptions, build
from toolkit.dedup.groups import components
from toolkit.dedup.near import DuplicateIndex, sign

ROOT = Path(__file__).resolve().parents[1]
PERM = 128
SPAWN = multiprocessing.get_context("spawn")  # polars' thread pool must not be forked
_TOKEN = re.compile(r"\w+")


class PeakRSS:
    """Peak summed RSS of a process and all its descendants, from /proc."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak, self._stop = pid, 0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> PeakRSS:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _tree(self) -> list[int]:
        pids, i = [self.pid], 0
        while i < len(pids):
            for task in Path(f"/proc/{pids[i]}/task").glob("*/children"):
                try:
                    pids += [int(p) for p in task.read_text().split()]
                except OSError:
                    pass
            i += 1
        return pids

    def _rss(self, pid: int) -> int:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
        except OSError:
            pass
        return 0

    def _run(self) -> None:
        while not self._stop.wait(0.05):
            self.peak = max(self.peak, sum(self._rss(p) for p in self._tree()))


def corpus(work: Path, articles: int) -> Path:
    """The synthetic corpus folder (raw/ + truth.jsonl), made once per size."""
    folder = work / f"synthetic-{articles}"
    if (folder / "truth.jsonl").exists():
        return folder
    seeds = work / "seeds-dist"
    if not seeds.exists():
        build(BuildOptions(ROOT / "raw", seeds, progress=False))
    run([sys.executable, "-m", "toolkit", "synth", str(folder), "--from", str(seeds),
         "--articles", str(articles), "--seed", "1"])  # fmt: skip
    return folder


def build_command(raw: Path, out: Path, workers: int, *options: str) -> list[str]:
    """`toolkit build` of raw into out as every benchmark here runs it (no card copy)."""
    return [sys.executable, "-m", "toolkit", "build", str(raw), "--out", str(out),
            "--card", os.devnull, "--workers", str(workers), *options]  # fmt: skip


def same_tree(a: Path, b: Path) -> bool:
    """Whether two folders hold the same files with the same bytes."""
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    if files != sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file()):
        return False
    return all(filecmp.cmp(a / f, b / f, shallow=False) for f in files)


def run(command: list[str]) -> tuple[float, int]:
    """Wall seconds and peak tree RSS of a command; its output passes through."""
    started = time.perf_counter()
    process = subprocess.Popen(command)
    with PeakRSS(process.pid) as rss:
        if process.wait() != 0:
            raise SystemExit(f"failed: {' '.join(command)}")
    return time.perf_counter() - started, rss.peak


def _shingles(body: str) -> list[bytes]:
    tokens = _TOKEN.findall(body.lower())
    return [" ".join(tokens[i : i + 3]).encode() for i in range(max(1, len(tokens) - 2))]


def _datasketch(bodies: Sequence[str]) -> list[Any]:
    from datasketch import MinHash

    out = []
    for body in bodies:
        m = MinHash(num_perm=PERM)
        m.update_batch(_shingles(body))
        out.append(m)
    return out


def _rensa(bodies: Sequence[str]) -> list[Any]:
    from rensa import RMinHash

    out = []
    for body in bodies:
        m = RMinHash(num_perm=PERM, seed=1)
        m.update([s.decode() for s in _shingles(body)])
        out.append(m)
    return out


def _chunks(items: Sequence[str], parts: int) -> list[Sequence[str]]:
    size = -(-len(items) // parts)
    return [items[i : i + size] for i in range(0, len(items), size)]


def _warm(pool: ProcessPoolExecutor, work: Callable[[Sequence[str]], Any], workers: int) -> None:
    # Workers start and import their libraries before the clock starts, as in a running build.
    # Each warm-up task holds its worker a while, so every worker gets one (a worker that got
    # none would import its libraries on the clock).
    list(pool.map(functools.partial(_warm_task, work), [["warm up"]] * workers))


def _warm_task(work: Callable[[Sequence[str]], Any], texts: Sequence[str]) -> None:
    work(texts)
    time.sleep(2.0)


def reference(bodies: Sequence[str], workers: int, library: str) -> float:
    """Seconds for a library's MinHash (in WORKERS processes) + LSH + union-find."""
    make: Callable[[Sequence[str]], list[Any]] = _datasketch if library == "datasketch" else _rensa
    with ProcessPoolExecutor(workers, mp_context=SPAWN) as pool:
        _warm(pool, make, workers)
        started = time.perf_counter()
        hashes = [m for part in pool.map(make, _chunks(bodies, workers * 4)) for m in part]
        hashing = time.perf_counter() - started
    started = time.perf_counter()  # (the pool's shutdown is no part of the stage)
    if library == "datasketch":
        from datasketch import MinHashLSH

        lsh = MinHashLSH(threshold=0.5, num_perm=PERM)
    else:
        from rensa import RMinHashLSH

        lsh = RMinHashLSH(threshold=0.5, num_perm=PERM, num_bands=16)
    for i, m in enumerate(hashes):
        lsh.insert(i, m)
    pairs = [(i, j) for i, m in enumerate(hashes) for j in lsh.query(m) if i < j]
    components(len(bodies), pairs)
    return hashing + time.perf_counter() - started


def ours(bodies: Sequence[str], workers: int) -> float:
    """Seconds for the toolkit's dedup stage: sign in WORKERS processes, then LSH and groups."""
    index = DuplicateIndex()
    with ProcessPoolExecutor(workers, mp_context=SPAWN) as pool:
        _warm(pool, sign, workers)
        started = time.perf_counter()
        for signed in pool.map(sign, _chunks(bodies, workers * 4)):
            index.add(signed)
        signing = time.perf_counter() - started
    started = time.perf_counter()  # (the pool's shutdown is no part of the stage)
    components(len(bodies), index.pairs())
    return signing + time.perf_counter() - started


def read_bodies(dataset: Path, limit: int) -> list[str]:
    bodies: list[str] = []
    for path in sorted(dataset.glob("data/*.parquet")):
        bodies += pq.read_table(path, columns=["body"]).column("body").to_pylist()
    return bodies[:limit]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--compare", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "toolkit-bench")
    parser.add_argument("--dedup-only", action="store_true", help="Reuse the last build")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    folder = corpus(args.work, args.articles)
    dataset = args.work / f"dist-{args.articles}"
    if not args.dedup_only:
        whole_build(folder, dataset, args.articles, args.workers)
    compare(read_bodies(dataset, args.compare), args.workers)


def whole_build(folder: Path, dataset: Path, articles: int, workers: int) -> None:
    """Time `toolkit build` on the corpus and score its groups against the labels."""
    seconds, peak = run(build_command(folder / "raw", dataset, workers, "--no-cache"))
    scores = subprocess.run(
        [sys.executable, "-m", "toolkit", "eval", str(folder / "raw"), str(folder / "truth.jsonl"),
         "--dataset", str(dataset), "--json"],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    grouping = json.loads(scores)["grouping"]
    print(
        f"build: {articles} articles, {workers} workers: {seconds:.1f} s, "
        f"{articles / seconds:,.0f} docs/s, peak RSS {peak / 2**30:.2f} GiB"
    )
    for name, values in grouping.items():
        print(f"  {name}: " + ", ".join(f"{k}={v}" for k, v in values.items()))


def compare(bodies: list[str], workers: int) -> None:
    """The dedup stage against the reference libraries on the same bodies and processes."""
    print(f"dedup stage on {len(bodies)} bodies, {workers} processes (already started):")
    timings = {"toolkit": ours(bodies, workers)}
    for library in ("datasketch", "rensa"):
        try:
            timings[library] = reference(bodies, workers, library)
        except ImportError:
            print(f"  {library}: not installed")
    for name, took in timings.items():
        print(f"  {name}: {took:.2f} s, {len(bodies) / took:,.0f} docs/s")
    print(f"  toolkit vs datasketch: {timings['datasketch'] / timings['toolkit']:.1f}x")


if __name__ == "__main__":
    main()
