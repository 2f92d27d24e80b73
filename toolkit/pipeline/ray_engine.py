"""The Ray engine: the same per-batch stage as the local engine, run as Ray Data `map_batches`
over a local or remote cluster, its results delivered to this process in input order.

Everything after the per-batch stage (spilling, grouping, validation, shards) runs here, as
for the local engine, so both write the same bytes. Ray is an optional extra (`toolkit[ray]`)
and is imported only when this engine is chosen. The raw folder (and the cache folder, which
workers read to skip files) must be at the same path on every node.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pyarrow as pa

from toolkit.errors import UsageError
from toolkit.ingest.discover import RawFile
from toolkit.pipeline.local import BATCH_SIZE, Executor, Stage
from toolkit.pipeline.stages import files_to_table

CONNECT_TIMEOUT = 5.0  # seconds to wait for a cluster's address to answer


@contextmanager
def ray_session(address: str | None, workers: int) -> Iterator[Executor]:
    """Connect to the cluster at address (None: start one on this machine with `workers`
    CPUs, on 127.0.0.1), yield the executor, and disconnect."""
    ray = _import_ray()
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # no report home from a build
    started = not ray.is_initialized()
    if started:
        options: dict[str, Any] = {
            "include_dashboard": False,
            "log_to_driver": False,
            "logging_level": logging.ERROR,
        }
        if address is None:
            options.update(num_cpus=workers, _node_ip_address="127.0.0.1")
        else:
            _check_reachable(address)
        try:
            # ("local": a new instance even when one runs here already, or RAY_ADDRESS is set)
            ray.init(address=address or "local", **options)
        except (ConnectionError, RuntimeError, ValueError) as exc:
            ray.shutdown()  # (whatever the failed start left running)
            problem = _first_line(exc)
            raise UsageError(f"{address}: cannot reach the Ray cluster ({problem})") from exc
    try:
        yield ray_batches
    finally:
        if started:
            ray.shutdown()


def ray_batches(
    files: list[RawFile], stage: Stage, batch_size: int = BATCH_SIZE
) -> Iterator[pa.Table]:
    """The stage over every batch of files on the cluster, results in input order."""
    ray = _import_ray()
    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True  # collect writes rows as they come
    context.enable_progress_bars = False
    for name in ("ray", "ray.data"):  # the build prints one summary line, not Ray's log
        logging.getLogger(name).setLevel(logging.ERROR)
    inputs = [files_to_table(files[i : i + batch_size]) for i in range(0, len(files), batch_size)]
    if not inputs:
        return
    dataset = ray.data.from_arrow(inputs).map_batches(
        stage, batch_format="pyarrow", batch_size=None, zero_copy_batch=True
    )
    yield from dataset.iter_batches(batch_format="pyarrow", batch_size=None)


def _check_reachable(address: str) -> None:
    """Fail in seconds on a host:port nobody answers at (Ray itself retries for minutes)."""
    host, _, port = address.rpartition(":")
    if not host or not port.isdigit() or "://" in address:
        return  # "auto", or a ray:// client address: Ray's own checks
    try:
        socket.create_connection((host, int(port)), timeout=CONNECT_TIMEOUT).close()
    except OSError as exc:
        problem = exc.strerror or type(exc).__name__
        raise UsageError(f"{address}: cannot reach the Ray cluster ({problem})") from exc


def _import_ray() -> Any:
    try:
        import ray
        import ray.data
    except ImportError as exc:
        raise UsageError(
            "--engine ray needs Ray: install the toolkit with its ray extra (toolkit[ray])"
        ) from exc
    return ray


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
