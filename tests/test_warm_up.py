"""A warmed-up worker keeps what it loaded out of the cyclic GC's full collections."""

from __future__ import annotations

import gc

from toolkit.pipeline import local


def test_warm_workers_freeze_what_they_loaded() -> None:
    with local._spawn_pool(1, initializer=local._warm_up) as pool:
        frozen = pool.submit(gc.get_freeze_count).result()
    assert frozen > 10_000  # the imports and the extractor's tables, not a handful
