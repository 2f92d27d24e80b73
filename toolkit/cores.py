"""How many cores this process may use: the default for every parallel step."""

from __future__ import annotations

import os


def default_workers() -> int:
    """Every core this process may use (its affinity, not the machine's count)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
