"""The service, the preview and incremental builds, measured; writes a section of
``docs/benchmarks.md`` (between the markers below; ``run.py`` keeps it when it rewrites the page).

    python benchmarks/service.py [--quick]

- ``jsi-docs serve`` with 1 and 2 workers: throughput and latency per format, requests sent 4 at
  a time from threads of this process (so that the workers are never idle);
- the memory of the whole service (server and workers) after 100 and after 1,000 requests;
- the time from saving a file to the preview showing it, against ``jsi-docs render`` as a whole
  process and pandoc (Markdown -> HTML, and -> PDF through WeasyPrint);
- a folder of 200 items rendered, then rendered again after one edit.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(HERE), str(ROOT / "tests")]

from content import EXAMPLE, markdown  # noqa: E402

import jsi_docs  # noqa: E402
from _service_helpers import call, free_port, jsi_docs_process, serving, wait_until  # noqa: E402

OUTPUT = ROOT / "docs" / "benchmarks.md"
BEGIN = "<!-- service benchmarks: written by benchmarks/service.py -->"
END = "<!-- end of service benchmarks -->"
YAML = {"Content-Type": "application/yaml"}
BIN = Path(sys.executable).parent


def keep_section(page: Path, new_text: str) -> str:
    """``new_text`` with the sections other scripts write into the current ``page`` kept (for
    run.py): the service section appended, the cold-start section (benchmarks/cold_start.py)
    after the whole-process table."""
    old = page.read_text(encoding="utf-8") if page.is_file() else ""
    from cold_start import BEGIN as COLD_BEGIN
    from cold_start import END as COLD_END

    if COLD_BEGIN in old:
        cold = old[old.index(COLD_BEGIN) : old.index(COLD_END) + len(COLD_END)]
        anchor = "## Whole process, side by side with pandoc\n"
        if anchor in new_text:
            at = new_text.index(anchor) + len(anchor)
            end = new_text.find("\n## ", at)
            end = len(new_text) if end == -1 else end + 1
            new_text = new_text[:end].rstrip("\n") + "\n\n" + cold + "\n\n" + new_text[end:]
    if BEGIN not in old:
        return new_text
    section = old[old.index(BEGIN) : old.index(END) + len(END)]
    return new_text.rstrip("\n") + "\n\n" + section + "\n"


def _tree_rss(pid: int) -> int:
    """Resident bytes of ``pid`` and all its descendants."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        todo += children.get(current, [])
        try:
            pages = int(Path(f"/proc/{current}/statm").read_text().split()[1])
        except (OSError, IndexError, ValueError):
            continue
        total += pages * os.sysconf("SC_PAGE_SIZE")
    return total


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def _load_requests(
    port: int, paths: list[str], body: bytes, concurrency: int
) -> tuple[float, list[float]]:
    def one(path: str) -> float:
        started = time.perf_counter()
        answer = call(port, "POST", path, body, YAML, timeout=300)
        assert answer.status == 200, (path, answer.status, answer.body[:300])
        return time.perf_counter() - started

    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        latencies = list(pool.map(one, paths))
    return time.perf_counter() - started, latencies


_SPIN = "x = 0\nfor i in range(8_000_000):\n    x += i\n"


def _control() -> float:
    """How much more a pure-CPU loop gets done in 2 processes than in 1, now (2.0: two free
    cores): what the service's 2-worker speed-up can be read against."""

    def run(processes: int) -> float:
        started = time.perf_counter()
        running = [subprocess.Popen([sys.executable, "-c", _SPIN]) for _ in range(processes)]
        for process in running:
            process.wait()
        return time.perf_counter() - started

    return 2 * run(1) / run(2)


def service_rows(workdir: Path, quick: bool) -> list[str]:
    body = EXAMPLE.read_bytes()
    controls = [_control()]
    counts = (
        {"html": 200, "docx": 200, "pdf": 60} if not quick else {"html": 20, "docx": 20, "pdf": 8}
    )
    rows: dict[str, dict[int, tuple[float, float, float]]] = {}
    for workers in (1, 2):
        with serving(
            workdir / f"serve-{workers}.log", "--workers", str(workers), "--max-renders", "100000"
        ) as port:
            for fmt, count in counts.items():
                _load_requests(port, [f"/render/{fmt}"] * 8, body, 4)  # every worker warm
                wall, latencies = _load_requests(port, [f"/render/{fmt}"] * count, body, 4)
                latencies.sort()
                p95 = latencies[int(0.95 * (len(latencies) - 1))]
                rows.setdefault(fmt, {})[workers] = (
                    count / wall,
                    statistics.median(latencies),
                    p95,
                )
    controls.append(_control())
    lines = [
        "| format | 1 worker: renders/s | latency median / p95 | 2 workers: renders/s | latency median / p95 | throughput 2 ÷ 1 |",
        "|---|---|---|---|---|---|",
    ]
    for fmt, by in rows.items():
        (t1, m1, p1), (t2, m2, p2) = by[1], by[2]
        lines.append(
            f"| {fmt} | {t1:.1f} | {m1 * 1000:.0f} / {p1 * 1000:.0f} ms | {t2:.1f} | "
            f"{m2 * 1000:.0f} / {p2 * 1000:.0f} ms | **{t2 / t1:.2f}×** |"
        )
    lines += [
        "",
        f"A pure-CPU control, the same work in 2 processes against 1, gave **{controls[0]:.2f}×** "
        f"just before and **{controls[1]:.2f}×** just after (2.00× when two cores are free): "
        "read the service's 2 ÷ 1 against it. The requests come from threads of the measuring "
        "process, on the same machine, and take their share of the cores too.",
    ]
    return lines


def memory_rows(workdir: Path, quick: bool) -> list[str]:
    body = EXAMPLE.read_bytes()
    cycle = ["/render/pdf", "/render/html", "/render/docx"]
    first, total = (100, 1000) if not quick else (30, 90)
    port = free_port()
    log = workdir / "memory.log"
    with jsi_docs_process(["serve", "--port", str(port), "--workers", "2"], log) as process:
        wait_until(port, "/health", lambda a: a.json()["workers"]["ready"] == 2)
        _load_requests(port, [cycle[i % 3] for i in range(first)], body, 4)
        after_first = _tree_rss(process.pid)
        _load_requests(port, [cycle[i % 3] for i in range(total - first)], body, 4)
        after_all = _tree_rss(process.pid)
        workers = call(port, "GET", "/health").json()["workers"]
    mib = 1024 * 1024
    return [
        f"RSS of the service (server + 2 workers, summed), requests cycling PDF, HTML, DOCX 4 at a "
        f"time, workers recycled after 200 renders (the default): **{after_first / mib:.0f} MiB after "
        f"{first}** requests, **{after_all / mib:.0f} MiB after {total}**: "
        f"**{after_all / after_first:.2f}×** (goal ≤ 1.3×). Workers started over the run: "
        f"{workers['started']} ({workers['retired']} retired, {workers['killed']} killed).",
    ]


@contextmanager
def _timed() -> Iterator[Callable[[], float]]:
    started = time.perf_counter()
    yield lambda: time.perf_counter() - started


def _whole_process(command: list[str], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def preview_rows(workdir: Path, quick: bool) -> list[str]:
    item = workdir / "preview" / "item.fr.yaml"
    item.parent.mkdir()
    original = EXAMPLE.read_text(encoding="utf-8")
    item.write_text(original, encoding="utf-8")
    port = free_port()
    rounds = 10 if not quick else 3
    edits: list[float] = []
    with jsi_docs_process(["preview", str(item), "--port", str(port)], workdir / "preview.log"):
        wait_until(port, "/state", lambda a: a.json()["good"] == 1)
        for index in range(rounds):
            before = call(port, "GET", "/state").json()["good"]
            text = original.replace("headline: ", f"headline: Édition {index} ", 1)
            started = time.perf_counter()
            tmp = item.with_suffix(".tmp")
            tmp.write_text(text, encoding="utf-8")
            tmp.replace(item)  # as editors save: whole, at once
            while call(port, "GET", "/state").json()["good"] == before:
                time.sleep(0.005)
            edits.append(time.perf_counter() - started)
    out = workdir / "out"
    jsi = str(BIN / "jsi-docs")
    html_process = _whole_process(
        [jsi, "render", str(EXAMPLE), "--to", "html", "-o", str(out), "--force"], rounds
    )
    pdf_process = _whole_process(
        [jsi, "render", str(EXAMPLE), "--to", "pdf", "-o", str(out), "--force"], rounds
    )
    lines = [
        f"| what | median of {rounds} |",
        "|---|---|",
        f"| `jsi-docs preview`: a save to both panes (HTML and PDF) rendered | **{statistics.median(edits) * 1000:.0f} ms** |",
        f"| `jsi-docs render item.yaml --to html`, whole process | {html_process * 1000:.0f} ms |",
        f"| `jsi-docs render item.yaml --to pdf`, whole process | {pdf_process * 1000:.0f} ms |",
    ]
    pandoc = shutil.which("pandoc")
    if pandoc:
        md = workdir / "item.md"
        md.write_text(markdown(jsi_docs.load(EXAMPLE)), encoding="utf-8")
        env_path = f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"
        os.environ["PATH"] = env_path  # pandoc finds the weasyprint command of this environment
        to_html = _whole_process([pandoc, str(md), "-s", "-o", str(workdir / "p.html")], rounds)
        to_pdf = _whole_process(
            [pandoc, str(md), "--pdf-engine=weasyprint", "-o", str(workdir / "p.pdf")], rounds
        )
        lines += [
            f"| pandoc Markdown → HTML, whole process | {to_html * 1000:.0f} ms |",
            f"| pandoc Markdown → PDF (WeasyPrint), whole process | {to_pdf * 1000:.0f} ms |",
        ]
    return lines


def folder_rows(workdir: Path, quick: bool) -> list[str]:
    count = 200 if not quick else 20
    items = workdir / "folder"
    items.mkdir()
    for index in range(count):
        shutil.copy(EXAMPLE, items / f"item-{index:03d}.fr.yaml")
    out = workdir / "folder-out"
    command = [
        str(BIN / "jsi-docs"),
        "render",
        str(items),
        "-o",
        str(out),
        "--to",
        "html,pdf,docx",
        "-j",
        "2",
    ]
    with _timed() as full:
        subprocess.run(command, check=True, capture_output=True)
    full_time = full()
    edited = items / "item-007.fr.yaml"
    edited.write_text(edited.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    with _timed() as again:
        done = subprocess.run(command, check=True, capture_output=True, text=True)
    again_time = again()
    skipped = [line for line in done.stderr.splitlines() if "skipped" in line]
    return [
        f"A folder of {count} items rendered to HTML, PDF and DOCX with `-j 2`: **{full_time:.1f} s**; "
        f"rendered again after one item was edited: **{again_time:.2f} s** "
        f"({full_time / again_time:.0f}× less; it said: “{skipped[0] if skipped else '?'}”).",
    ]


def section(workdir: Path, quick: bool) -> list[str]:
    load_before = _load()
    started = time.perf_counter()
    service = service_rows(workdir, quick)
    memory = memory_rows(workdir, quick)
    preview = preview_rows(workdir, quick)
    folder = folder_rows(workdir, quick)
    return [
        BEGIN,
        "## The service, the preview and incremental builds",
        "",
        f"Measured by `python benchmarks/service.py` in {time.perf_counter() - started:.0f} s "
        f"(Python {platform.python_version()}, {os.cpu_count()} cores; load average "
        f"{load_before} before, {_load()} after: other users shared the machine)"
        + (" — **quick run, not to quote**" if quick else "")
        + ".",
        "",
        "### The service",
        "",
        "`jsi-docs serve`, the French example posted 4 requests at a time; each worker warm.",
        "",
        *service,
        "",
        *memory,
        "",
        "### Edit to preview",
        "",
        *preview,
        "",
        "### Incremental builds",
        "",
        *folder,
        END,
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small counts (to check the script)")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="jsi-bench-service-") as tmp:
        lines = section(Path(tmp), args.quick)
    text = "\n".join(lines)
    print(text)
    page = args.output.read_text(encoding="utf-8") if args.output.is_file() else "# Benchmarks\n"
    if BEGIN in page:
        page = page[: page.index(BEGIN)] + text + page[page.index(END) + len(END) :]
    else:
        page = page.rstrip("\n") + "\n\n" + text + "\n"
    args.output.write_text(page, encoding="utf-8")


if __name__ == "__main__":
    main()
