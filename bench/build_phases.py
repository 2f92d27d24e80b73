"""Where a build's time goes: each step of `toolkit.build.build`, timed in one process.

    python bench/build_phases.py RAW OUT [--workers 2] [--cache DIR]

Wraps the steps build() calls (discover, the parallel stage with the spilling of its batches,
grouping, assembly with validation and the shards, report, card) with timers, then prints
seconds per step with the main process's peak memory, CPU and minor page faults during it,
the worker processes' CPU per file, and the main process's CPU, page faults and peak RSS.
"""

from __future__ import annotations

import argparse
import functools
import resource
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import toolkit.build  # noqa: F401 - the module, which the package's `build` function hides

# collect: the parallel stage, whose batches the main process spills as they arrive;
# assemble: grouping results joined back, validation, rows in output form written as shards.
STEPS = [
    *("discover", "collect", "group_duplicates", "assemble"),
    *("build_report", "render_card", "card_failures"),
]


class RSSSampler:
    """This process's resident memory, sampled every 20 ms; the peak since the last reset."""

    def __init__(self) -> None:
        self.peak, self._stop = 0, threading.Event()
        threading.Thread(target=self._run, daemon=True).start()

    def reset(self) -> None:
        self.peak = self._now()

    def stop(self) -> None:
        self._stop.set()

    def _run(self) -> None:
        while not self._stop.wait(0.02):
            self.peak = max(self.peak, self._now())

    @staticmethod
    def _now() -> int:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
        return 0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("raw", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--cache", type=Path)
    args = parser.parse_args()
    module = sys.modules["toolkit.build"]
    seconds: dict[str, float] = {}
    peaks: dict[str, int] = {}
    usage: dict[str, tuple[float, float, int]] = {}  # user s, system s, minor faults
    rss = RSSSampler()

    def timed(name: str, step: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(step)
        def run(*a: Any, **k: Any) -> Any:
            started, before = time.perf_counter(), resource.getrusage(resource.RUSAGE_SELF)
            rss.reset()
            try:
                return step(*a, **k)
            finally:
                seconds[name] = seconds.get(name, 0.0) + time.perf_counter() - started
                peaks[name] = max(peaks.get(name, 0), rss.peak)
                after = resource.getrusage(resource.RUSAGE_SELF)
                user, system, faults = usage.get(name, (0.0, 0.0, 0))
                usage[name] = (
                    user + after.ru_utime - before.ru_utime,
                    system + after.ru_stime - before.ru_stime,
                    faults + after.ru_minflt - before.ru_minflt,
                )

        return run

    for name in STEPS:
        setattr(module, name, timed(name, getattr(module, name)))
    started = time.perf_counter()
    options = module.BuildOptions(
        args.raw, args.out, workers=args.workers, progress=False, cache_dir=args.cache
    )
    result = module.build(options)
    total = time.perf_counter() - started
    files = result.report["counts"]["files"]
    rss.stop()
    for name in STEPS:
        peak = peaks.get(name, 0) / 2**20
        user, system, faults = usage.get(name, (0.0, 0.0, 0))
        print(
            f"{name:18s} {seconds.get(name, 0.0):7.2f} s   main process peak {peak:6.0f} MiB, "
            f"CPU {user:5.2f} s user {system:5.2f} s system, {faults:9,} page faults"
        )
    print(f"{'build':18s} {total:7.2f} s for {files} files")
    me = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    per_file = (workers.ru_utime + workers.ru_stime) / max(1, files) * 1000
    print(f"workers' CPU: {per_file:.2f} ms a file")
    print(
        f"main process: {me.ru_utime:.1f} s user, {me.ru_stime:.1f} s system time, "
        f"{me.ru_minflt:,} minor page faults, peak RSS {me.ru_maxrss / 1024:.0f} MiB"
    )


if __name__ == "__main__":
    main()
