"""One batch in a fresh process: ``python batch_child.py (batch|control) JOBS ITEMS EXAMPLE``.

``batch``: ``render_many`` of ITEMS copies of the example (distinct ids) to HTML, DOCX and PDF
with ``jobs=JOBS``, then, in the same now-warm process, the median time of one item alone.
``control``: ITEMS pure-CPU tasks run the same way (inline for one job, a process pool of JOBS
workers otherwise), which tells whether the machine really had JOBS free cores.
Prints ``{"times": [total, single]}``.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

FORMATS = ("html", "docx", "pdf")
SPIN = 750_000


def spin(n: int) -> int:
    """About 0.05 s of pure-Python arithmetic."""
    total = 0
    for i in range(n):
        total = (total + i * i) % 1_000_003
    return total


def control(jobs: int, items: int) -> list[float]:
    start = time.perf_counter()
    if jobs == 1:
        for _ in range(items):
            spin(SPIN)
    else:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            for future in as_completed([pool.submit(spin, SPIN) for _ in range(items)]):
                future.result()
    total = time.perf_counter() - start
    one = time.perf_counter()
    spin(SPIN)
    return [total, time.perf_counter() - one]


def batch(jobs: int, items: int, example: Path) -> list[float]:
    import attrs

    import jsi_docs
    from jsi_docs.batch import render_many, render_one

    item = jsi_docs.load(example)
    sources = [attrs.evolve(item, id=f"{item.id}-{i:03d}") for i in range(items)]
    with tempfile.TemporaryDirectory(prefix="jsi-batch-") as tmp:
        out = Path(tmp)
        start = time.perf_counter()
        reports = render_many(sources, FORMATS, out, jobs=jobs)
        total = time.perf_counter() - start
        failed = [r for r in reports if not r.ok]
        if failed:
            raise SystemExit(f"{len(failed)} item(s) failed: {failed[0].error}")
        singles = []
        for _ in range(5):
            one = time.perf_counter()
            render_one(item, FORMATS, out, {}, {})
            singles.append(time.perf_counter() - one)
    return [total, statistics.median(singles)]


def main() -> None:
    mode, jobs, items = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    times = control(jobs, items) if mode == "control" else batch(jobs, items, Path(sys.argv[4]))
    print(json.dumps({"times": times}))


if __name__ == "__main__":
    main()
