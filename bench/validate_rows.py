"""Benchmark `toolkit validate` on a large synthetic build: python bench/validate_rows.py [ROWS]

Makes ROWS rows (default 1,000,000) by repeating the seed articles with fresh ids, writes them
with the build's own writer and card, then times validate_paths and reports peak memory.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from toolkit.build import BuildOptions, build
from toolkit.contract import load_contract
from toolkit.output.card import render_card
from toolkit.output.parquet import ShardWriter
from toolkit.output.report import build_report, write_report
from toolkit.output.summary import RowSummary

ROOT = Path(__file__).resolve().parents[1]
# The validation runs in a fresh process that reports its own peak RSS (a fork of this big
# process would count this one's pages too).
CHILD = """
import resource, sys
from toolkit.cli import app
try:
    app(["validate", sys.argv[1], "--format", "json"])
finally:
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""


def synthetic(rows: int, work: Path) -> Path:
    contract = load_contract()
    seeds = work / "seeds"
    build(BuildOptions(ROOT / "raw", seeds, progress=False))
    base = pq.read_table(next((seeds / "data").iterdir()))
    chunk = 100_000  # string columns hold at most 2 GB per chunk
    table = pa.concat_tables(
        base.take(pa.array([i % base.num_rows for i in range(start, min(rows, start + chunk))]))
        for start in range(0, rows, chunk)
    )
    # Unique bodies, so Parquet cannot dictionary-encode them away as it would repeats.
    numbers = pa.chunked_array([pa.array([f"\n\nCopy {i}." for i in range(rows)], pa.string())])
    body = pc.binary_join_element_wise(table.column("body"), numbers, "")
    table = table.set_column(table.schema.get_field_index("body"), "body", body)
    ids = pa.chunked_array([pa.array([f"{i:016x}" for i in range(rows)], pa.string())])
    for name, values in (
        ("id", ids),
        ("duplicate_group", ids),
        (
            "raw_path",
            pa.chunked_array(
                [pa.array([f"synthetic/{i:08d}.txt" for i in range(rows)], pa.string())]
            ),
        ),
    ):
        table = table.set_column(table.schema.get_field_index(name), name, values)
    out = work / "dist"
    out.mkdir()
    summary = RowSummary.of(table, contract)
    writer = ShardWriter(out, contract.arrow_schema, "train")
    writer.write(table)
    shards = writer.close()
    empty = pa.table(
        {
            "raw_path": pa.array([], pa.string()),
            "reason": pa.array([], pa.string()),
            "detail": pa.array([], pa.string()),
        }
    )
    report = build_report(summary, empty, contract, list(shards))
    write_report(report, out / "build_report.json")
    (out / "README.md").write_text(render_card(contract, summary, report, out, list(shards)))
    return out


def main() -> None:
    if sys.argv[1:2] == ["--make"]:
        synthetic(int(sys.argv[3]), Path(sys.argv[2]))
        return
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    # This process stays small and starts each step in a fresh one, so the validation's
    # peak RSS is its own (a child forked from a big process would count its pages too).
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        subprocess.run([sys.executable, __file__, "--make", tmp, str(rows)], check=True)
        made = time.perf_counter() - started
        folder = Path(tmp) / "dist"
        size = sum(p.stat().st_size for p in folder.rglob("*.parquet"))
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(folder)], capture_output=True, text=True, check=False
        )
        seconds = time.perf_counter() - started
    peak_kb = int(done.stderr.strip().splitlines()[-1])
    report = json.loads(done.stdout)
    assert report["valid"], done.stdout[:2000]
    print(
        f"rows={report['rows']:,} files={len(report['files'])} parquet_mb={size / 2**20:.0f} "
        f"generate_s={made:.1f} validate_s={seconds:.1f} rows_per_s={rows / seconds:,.0f} "
        f"validate_peak_rss_mb={peak_kb / 1024:.0f}"
    )


if __name__ == "__main__":
    main()
