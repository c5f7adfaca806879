"""One batch in a fresh process: ``python batch_child.py (batch|control) JOBS ITEMS EXAMPLE``.

``batch``: ``render_many`` of ITEMS copies of the example (distinct ids) to HTML, DOCX and PDF
with ``jobs=JOBS``, then, in the same now-warm process, the median time of one item alone.
``control``: ITEMS pure-CPU tasks run the same way (inline for one job, a process pool of JOBS
workers otherwise), which tells whether the machine really had JOBS free cores.
Prints ``{"times": [...]}`` (see each function).
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
SPIN = 500_000


def spin(n: int) -> int:
    """About 0.04 s of pure-Python arithmetic."""
    total = 0
    for i in range(n):
        total = (total + i * i) % 1_000_003
    return total


def control(jobs: int, items: int) -> list[float]:
    """[wall of all tasks, wall of one task]."""
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


def _single(item: object, out: Path) -> tuple[float, float]:
    """Wall and CPU time of one item alone (3 formats, written), as render_many does it."""
    from jsi_docs.batch import render_one

    wall, cpu = time.perf_counter(), time.process_time()
    render_one(item, FORMATS, out, {}, {})  # type: ignore[arg-type]
    return time.perf_counter() - wall, time.process_time() - cpu


def batch(jobs: int, items: int, example: Path) -> list[float]:
    """[wall, CPU of this process, single-item wall, single-item CPU] (medians of 10 singles,
    5 before the batch and 5 after; CPU times are only meaningful with one job)."""
    import attrs

    import jsi_docs
    from jsi_docs.batch import render_many

    item = jsi_docs.load(example)
    sources = [attrs.evolve(item, id=f"{item.id}-{i:03d}") for i in range(items)]
    with tempfile.TemporaryDirectory(prefix="jsi-batch-") as tmp:
        out = Path(tmp)
        singles = []
        if jobs == 1:
            _single(item, out)  # warm-up, as in the other warm measurements
            singles += [_single(item, out) for _ in range(5)]
        wall, cpu = time.perf_counter(), time.process_time()
        reports = render_many(sources, FORMATS, out, jobs=jobs)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        failed = [r for r in reports if not r.ok]
        if failed:
            raise SystemExit(f"{len(failed)} item(s) failed: {failed[0].error}")
        if jobs == 1:
            singles += [_single(item, out) for _ in range(5)]
    if not singles:
        return [wall, cpu, 0.0, 0.0]
    return [
        wall,
        cpu,
        statistics.median(w for w, _ in singles),
        statistics.median(c for _, c in singles),
    ]


def main() -> None:
    mode, jobs, items = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    times = control(jobs, items) if mode == "control" else batch(jobs, items, Path(sys.argv[4]))
    print(json.dumps({"times": times}))


if __name__ == "__main__":
    main()
