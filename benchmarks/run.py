"""Side-by-side benchmarks; writes ``docs/benchmarks.md``. Run with ``nox -s bench``.

Every measurement runs in a fresh child process (its peak RSS read with ``os.wait4``); warm
measurements time repeated runs after a warm-up, and each round of "ours" is immediately
followed by its baseline, so ratios are taken pair by pair and their median is reported.
``--quick`` does one short round of everything (to check the script, not to quote);
``--repeat N`` runs everything N times and gives, beside each ratio, its spread over the runs
(the lowest and highest of the runs' medians). The load average is recorded before and after
each run: on a shared machine it says how busy the other users kept it.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from content import EXAMPLE, ROOT, SIZES, docx_spec, markdown, print_html, scaled  # noqa: E402

import jsi_docs  # noqa: E402
from jsi_docs.exporting import render  # noqa: E402

PYTHON = sys.executable
BIN = Path(PYTHON).parent
CHILD = HERE / "child.py"
LAUNCH = HERE / "launch.py"
BATCH = HERE / "batch_child.py"
OUTPUT = ROOT / "docs" / "benchmarks.md"
PROCESS_SIZES = (1, 10)
"""Sizes rendered by ``jsi-docs render`` as a whole process: the 100x item (about 2,500
inline elements) is past the default limits (``max_inline`` 2,000), which the CLI keeps."""
KEPT_MARKER = "<!-- measured by hand: benchmarks/run.py keeps what follows -->"
FORMATS = ("html", "docx", "pdf")
BASELINE = {"html": "html-jinja", "docx": "docx-python-docx", "pdf": "pdf-weasyprint"}
BASELINE_LABEL = {
    "html": "compiled Jinja2 render",
    "docx": "raw python-docx",
    "pdf": "raw WeasyPrint",
}
PANDOC_ARGS = {
    "html": ["-s", "--metadata", "pagetitle=item"],
    "docx": [],
    "pdf": ["--pdf-engine=weasyprint"],
}


@dataclass
class Run:
    wall: float
    rss_mib: float
    times: list[float] = field(default_factory=list)


def spawn(args: Sequence[str]) -> Run:
    """Run a process to its end (through the launcher); its wall time, peak RSS (with its own
    children) and the times it printed as JSON on its last line, if any."""
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    proc = subprocess.run(
        [PYTHON, "-I", "-S", str(LAUNCH), *args],
        capture_output=True,
        env=env,
        cwd=HERE,
        check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"launcher failed: {proc.stderr.decode()[-2000:]}")
    result = json.loads(proc.stdout.decode().strip().splitlines()[-1])
    if result["code"] != 0:
        raise RuntimeError(
            f"{' '.join(args)} failed ({result['code']}): {proc.stderr.decode()[-2000:]}"
        )
    last = result["last"]
    times = json.loads(last)["times"] if last.startswith('{"times"') else []
    return Run(result["wall"], result["rss_kib"] / 1024, times)


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds >= 0.1 else f"{seconds * 1000:.1f} ms"


def prepare(workdir: Path) -> dict[int, str]:
    """Write each size's inputs: canonical JSON, print HTML, Markdown, DOCX paragraphs."""
    from jsi_docs.exporters.pdf._render import _counter_content
    from jsi_docs.i18n.labels import Term, labels
    from jsi_docs.themes import Theme

    base = jsi_docs.load(EXAMPLE)
    (workdir / "theme-dir.txt").write_text(str(Theme.load().folders[0]), encoding="utf-8")
    segments = labels(base.language).segments(Term.PAGE_X_OF_Y)
    (workdir / "page.css").write_text(
        f"@page {{ size: A4; @bottom-right {{ content: {_counter_content(segments)}; }} }}",
        encoding="utf-8",
    )
    words: dict[int, str] = {}
    for size in SIZES:
        item = scaled(base, size)
        (workdir / f"item-{size}.json").write_text(jsi_docs.dumps(item, format="json"), "utf-8")
        (workdir / f"print-{size}.html").write_text(print_html(item), "utf-8")
        (workdir / f"item-{size}.md").write_text(markdown(item), "utf-8")
        (workdir / f"title-{size}.txt").write_text(item.headline or "", "utf-8")
        spec = docx_spec(render(item, "docx").data)
        (workdir / f"docx-{size}.json").write_text(json.dumps(spec, ensure_ascii=False), "utf-8")
        words[size] = f"{len(markdown(item).split()):,} words"
    return words


@dataclass
class Pair:
    ours: list[float] = field(default_factory=list)
    base: list[float] = field(default_factory=list)
    ratios: list[float] = field(default_factory=list)
    ours_rss: list[float] = field(default_factory=list)
    base_rss: list[float] = field(default_factory=list)
    runs: list[float] = field(default_factory=list)  # each run's median ratio

    def merge(self, other: Pair) -> None:
        """Add ``other``'s rounds (one more run of the same measurement)."""
        self.ours += other.ours
        self.base += other.base
        self.ratios += other.ratios
        self.ours_rss += other.ours_rss
        self.base_rss += other.base_rss
        self.runs.append(median(other.ratios))

    def spread(self) -> str:
        """`` [a–b]`` over the runs when there were several."""
        if len(self.runs) < 2:
            return ""
        return f" [{min(self.runs):.2f}–{max(self.runs):.2f}]"

    def add(self, ours: Run, base: Run, ours_t: float, base_t: float) -> None:
        self.ours.append(ours_t)
        self.base.append(base_t)
        self.ratios.append(ours_t / base_t)
        self.ours_rss.append(ours.rss_mib)
        self.base_rss.append(base.rss_mib)

    def row(self, what: str, baseline: str, goal: str = "") -> str:
        return (
            f"| {what} | {baseline} | {ms(median(self.ours))} | {ms(median(self.base))} | "
            f"**{median(self.ratios):.2f}×**{self.spread()} ({len(self.ratios)}) | "
            f"{max(self.ours_rss):.0f} / {max(self.base_rss):.0f} MiB | {goal} |"
        )


def warm_pair(
    fmt: str, workdir: Path, size: int, rounds: int, reps: int, baseline: str | None = None
) -> Pair:
    pair = Pair()
    for _ in range(rounds):
        ours = spawn([PYTHON, str(CHILD), fmt, str(workdir), str(size), str(reps)])
        base = spawn(
            [PYTHON, str(CHILD), baseline or BASELINE[fmt], str(workdir), str(size), str(reps)]
        )
        pair.add(ours, base, median(ours.times), median(base.times))
    return pair


def process_pair(fmt: str, workdir: Path, size: int, rounds: int) -> Pair:
    """``jsi-docs render item.json`` vs ``pandoc item.md``, whole processes."""
    import pypandoc

    pandoc = pypandoc.get_pandoc_path()
    out = workdir / "out"
    out.mkdir(exist_ok=True)
    pair = Pair()
    for _ in range(rounds):
        ours = spawn(
            [
                str(BIN / "jsi-docs"),
                "render",
                str(workdir / f"item-{size}.json"),
                "--to",
                fmt,
                "-o",
                str(out),
            ]
        )
        base = spawn(
            [
                pandoc,
                str(workdir / f"item-{size}.md"),
                "-o",
                str(out / f"p.{fmt}"),
                *PANDOC_ARGS[fmt],
            ]
        )
        pair.add(ours, base, ours.wall, base.wall)
    return pair


def imports(rounds: int) -> Pair:
    pair = Pair()
    for _ in range(rounds):
        ours = spawn([PYTHON, "-c", "import jsi_docs"])
        base = spawn([PYTHON, "-c", "import attrs, cattrs, jinja2"])
        pair.add(ours, base, ours.wall, base.wall)
    return pair


def plan(quick: bool) -> dict[tuple[str, int], tuple[int, int, int]]:
    """(format, size) -> (warm rounds, runs per warm round, pandoc rounds)."""
    if quick:
        return {(f, s): (1, 1, 1) for f in FORMATS for s in SIZES}
    return {
        ("html", 1): (4, 20, 7),  # pandoc's own start-up varies by half: more rounds
        ("html", 10): (4, 5, 5),
        ("html", 100): (2, 2, 3),
        ("docx", 1): (4, 10, 5),
        ("docx", 10): (4, 5, 3),
        ("docx", 100): (2, 2, 2),
        ("pdf", 1): (5, 5, 2),
        ("pdf", 10): (5, 1, 2),
        ("pdf", 100): (3, 1, 1),
    }


@dataclass
class Batches:
    ours: dict[int, Run]
    control: dict[int, Run]


def _load() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def run_batches(items: int, control_items: int) -> Batches:
    """One worker then two; each batch between control runs made the same way, two just
    before and two just after (the control's time is their median: one disturbed control run
    would otherwise move the ratio it is there to anchor), in fresh processes."""
    ours: dict[int, Run] = {}
    ctrl: dict[int, Run] = {}
    for jobs in (1, 2):
        control = [PYTHON, str(BATCH), "control", str(jobs), str(control_items)]
        runs = [spawn(control) for _ in range(2)]
        ours[jobs] = spawn([PYTHON, str(BATCH), "batch", str(jobs), str(items), str(EXAMPLE)])
        runs += [spawn(control) for _ in range(2)]
        ctrl[jobs] = Run(
            median([r.wall for r in runs]),
            max(r.rss_mib for r in runs),
            [median(list(column)) for column in zip(*(r.times for r in runs), strict=True)],
        )
        print("batch", jobs, ours[jobs].times, "control", [r.times for r in runs], flush=True)
    return Batches(ours, ctrl)


def _versions() -> str:
    from importlib.metadata import version

    import pypandoc

    names = ("weasyprint", "python-docx", "jinja2")
    libs = ", ".join(f"{n} {version(n)}" for n in names)
    return f"Python {platform.python_version()}, {libs}, pandoc {pypandoc.get_pandoc_version()}"


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def _verdict(ok: bool) -> str:
    return "met" if ok else "**not met**"


def table(
    words: dict[int, str],
    imp: Pair,
    warm: dict[tuple[str, int], Pair],
    proc: dict[tuple[str, int], Pair],
    new_items: dict[int, Pair],
    all_batches: list[Batches],
    items: int,
    elapsed: float,
    loads: list[tuple[str, str]],
    note: str,
) -> list[str]:
    cores = os.cpu_count() or 1
    goals: list[str] = []
    runs = len(loads)
    load_text = "; ".join(
        f"{a} at the start of run {i}, {b} at its end" for i, (a, b) in enumerate(loads, 1)
    )
    out = [
        "# Benchmarks",
        "",
        "Generated by `nox -s bench` (`benchmarks/run.py`); do not edit by hand. "
        f"Machine: **{cores} cores** ({_cpu()}), {platform.system()}; {_versions()}. "
        f"Run of {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {elapsed / 60:.1f} min"
        + (f", everything measured {runs} times" if runs > 1 else "")
        + f". Load average (1, 5, 15 min): {load_text}.",
        "",
        *([note, ""] if note else []),
        "Content: the French example `examples/jsi-ecommerce-2023-05-25.fr.yaml` (1×) and items "
        "made by repeating its sections 10× and 100× "
        f"({', '.join(f'{k}×: {v}' for k, v in words.items())}).",
        "",
        "Method: each measurement runs in a fresh process; *warm* times are medians of repeated "
        "runs after a warm-up render of the 1× item (imports done, fonts loaded, templates "
        "compiled). Each round of ours is followed at once by its baseline and the ratio is "
        "taken within the round; the table gives the **median of those paired ratios** (number "
        "of rounds in brackets; with several runs, the lowest and highest run's median in "
        "square brackets). Peak memory is the peak RSS of the measuring process "
        "(`os.wait4`, the largest over the rounds; for pandoc it includes the WeasyPrint process "
        "it starts). The machine is shared and noisy: compare ratios, not absolute times.",
        "",
        "Baselines: **raw WeasyPrint** lays out our own print page with the same stylesheets "
        "(parsed once, one `FontConfiguration`) and the same PDF options (PDF/UA-1, tags, "
        "identifier, the JSON attachment); **raw python-docx** opens our `reference.docx` and "
        "adds the same paragraphs and runs in the same named styles (hyperlinks as plain runs: "
        "python-docx has no public API for them), then saves; the **compiled Jinja2 render** is "
        "our page template rendered from a page view built beforehand; **pandoc** converts "
        "equivalent Markdown (`-s` for HTML, `--pdf-engine=weasyprint` for PDF), against "
        "`jsi-docs render item.json` as a whole process.",
        "",
        "## Warm, side by side with the library underneath",
        "",
        "| format, size | baseline | ours | baseline | ours ÷ baseline | peak RSS ours / baseline "
        "| goal |",
        "|---|---|---|---|---|---|---|",
    ]
    limit = {"pdf": 1.05, "docx": 1.15, "html": 2.0}
    for (fmt, size), pair in warm.items():
        ok = median(pair.ratios) <= limit[fmt]
        out.append(
            pair.row(
                f"{fmt.upper()} {size}×", BASELINE_LABEL[fmt], f"≤ {limit[fmt]}×: {_verdict(ok)}"
            )
        )
        goals.append(
            f"{fmt.upper()} {size}× ≤ {limit[fmt]}× {BASELINE_LABEL[fmt]}: "
            f"{median(pair.ratios):.2f}× — {_verdict(ok)}"
        )
    out += [
        "",
        "A warm render of the same item finds every text run already typeset (runs are kept by "
        "their text). A batch meets new items: below, each render is of an item whose every "
        "run is new (`benchmarks/content.py` `distinct()`), against the same template rendered "
        "from that item's view. Not a goal; it shows what the caches save.",
        "",
        "| format, size | baseline | ours | baseline | ours ÷ baseline | peak RSS ours / baseline "
        "| goal |",
        "|---|---|---|---|---|---|---|",
        *(
            pair.row(f"HTML {size}×, a new item each render", BASELINE_LABEL["html"])
            for size, pair in new_items.items()
        ),
    ]
    pdf100 = warm["pdf", 100]
    rss = max(pdf100.ours_rss) / max(pdf100.base_rss)
    goals.append(
        f"PDF 100× peak memory ≤ 1.2× raw WeasyPrint's: {rss:.2f}× — {_verdict(rss <= 1.2)}"
    )
    out += [
        "",
        "## Cost against length (warm medians)",
        "",
        "| format | ours 10× ÷ 1× | ours 100× ÷ 10× | baseline 100× ÷ 10× | goal |",
        "|---|---|---|---|---|",
    ]
    for fmt in FORMATS:
        m = {s: median(warm[fmt, s].ours) for s in SIZES}
        b = {s: median(warm[fmt, s].base) for s in SIZES}
        growth = m[100] / m[10]
        goal = ""
        if fmt in ("pdf", "docx"):
            goal = f"≤ 11×: {_verdict(growth <= 11)}"
            goals.append(
                f"{fmt.upper()} linear (100× ≤ 11× the 10× item): {growth:.1f}× — "
                f"{_verdict(growth <= 11)}"
            )
        out.append(
            f"| {fmt.upper()} | {m[10] / m[1]:.1f}× | {growth:.1f}× | "
            f"{b[100] / b[10]:.1f}× | {goal} |"
        )
    out += [
        "",
        "## Whole process, side by side with pandoc",
        "",
        "The 100× item is past the default limits of `jsi-docs render` (more than 2,000 inline "
        "elements), so whole processes are compared at 1× and 10×.",
        "",
        "| format, size | baseline | `jsi-docs render` | pandoc | ours ÷ pandoc | peak RSS ours / "
        "pandoc | pandoc process ÷ our warm render |",
        "|---|---|---|---|---|---|---|",
    ]
    for (fmt, size), pair in proc.items():
        faster = median(pair.base) / median(warm[fmt, size].ours)
        out.append(pair.row(f"{fmt.upper()} {size}×", "pandoc 3", f"{faster:.0f}×"))
        if fmt == "html":
            # What the goal can reach: our render is never faster than the template alone.
            ceiling = median(pair.base) / median(warm[fmt, size].base)
            goals.append(
                f"HTML {size}× warm ≥ 150× faster than a pandoc process: {faster:.0f}× "
                f"— {_verdict(faster >= 150)} (the compiled Jinja2 render alone: "
                f"{ceiling:.0f}×)"
            )
    ratio = median(imp.ratios)
    out += [
        "",
        "## Start-up",
        "",
        "| process | ours | baseline | ours ÷ baseline | peak RSS | goal |",
        "|---|---|---|---|---|---|",
        f'| `python -c "import jsi_docs"` vs `python -c "import attrs, cattrs, jinja2"` | '
        f"{ms(median(imp.ours))} | {ms(median(imp.base))} | **{ratio:.2f}×**"
        f"{imp.spread()} ({len(imp.ratios)}) | {max(imp.ours_rss):.0f} / {max(imp.base_rss):.0f} MiB | "
        f"≤ 1.5×: {_verdict(ratio <= 1.5)} |",
    ]
    goals.append(
        f"`import jsi_docs` ≤ 1.5× `import attrs, cattrs, jinja2`: {ratio:.2f}× — "
        f"{_verdict(ratio <= 1.5)}"
    )
    per_run = [_batch_figures(b, items) for b in all_batches]
    # The figures of the run whose per-item CPU overhead is the median (the lower of two).
    middle = sorted(range(len(per_run)), key=lambda i: per_run[i]["overhead_cpu"])
    batches = all_batches[middle[(len(middle) - 1) // 2]]
    b1, b2 = batches.ours[1].times, batches.ours[2].times
    c1, c2 = batches.control[1].times, batches.control[2].times
    figures = _batch_figures(batches, items)
    per_item, per_item_cpu = figures["per_item"], figures["per_item_cpu"]
    overhead, overhead_cpu = figures["overhead"], figures["overhead_cpu"]
    speedup, control_speedup = figures["speedup"], figures["control_speedup"]
    relative = speedup / control_speedup
    # Below 1.5x the control says a second core was mostly busy: no verdict on scaling.
    free = control_speedup >= 1.5
    scaling = _verdict(relative >= 0.9) if free else "inconclusive: no second core was free"
    out += [
        "",
        f"## Batch: {items} items × 3 formats (`render_many`, process pool)",
        "",
        "| run | 1 worker | 2 workers | speed-up (2 ÷ 1) | peak RSS (1 / 2 workers) |",
        "|---|---|---|---|---|",
        f"| `render_many`, HTML + DOCX + PDF | {b1[0]:.1f} s ({ms(per_item)}/item) | "
        f"{b2[0]:.1f} s ({ms(b2[0] / items)}/item) | **{speedup:.2f}×** | "
        f"{batches.ours[1].rss_mib:.0f} / {batches.ours[2].rss_mib:.0f} MiB |",
        f"| pure-CPU control, run the same way (median of two runs just before and two after) | "
        f"{c1[0]:.1f} s | {c2[0]:.1f} s | **{control_speedup:.2f}×** | |",
        "",
        f"Machine: **{cores} cores**; the control's ratio (2 workers ÷ 1) is "
        f"**{control_speedup:.2f}×** (2.00× if two cores were free). Our speed-up relative to "
        f"the control's: **{relative:.2f}** (goal ≥ 0.9: {scaling}; the two "
        "workers' start-up, WeasyPrint's import and font loading, is included).",
        "",
        f"Per item in the 1-worker batch against one item alone (3 formats written, warm, "
        f"median of 5 runs before and 5 after the batch in the same process): CPU time "
        f"{ms(per_item_cpu)} vs {ms(b1[3])}, **{overhead_cpu:.2f}×** (goal ≤ 1.1: "
        f"{_verdict(overhead_cpu <= 1.1)}); wall time {ms(per_item)} vs {ms(b1[2])}, "
        f"{overhead:.2f}× (wall time moves with the machine's load over the batch's "
        f"{b1[0]:.0f} s; CPU time does not).",
    ]
    if len(per_run) > 1:
        out += [
            "",
            f"The figures above are those of the run with the median per-item CPU overhead; "
            f"over the {len(per_run)} runs: per-item CPU overhead "
            + ", ".join(f"{f['overhead_cpu']:.2f}×" for f in per_run)
            + "; 2-worker speed-up "
            + ", ".join(f"{f['speedup']:.2f}×" for f in per_run)
            + " (control "
            + ", ".join(f"{f['control_speedup']:.2f}×" for f in per_run)
            + ").",
        ]
    goals.append(
        f"Batch per-item ≤ 1.1× one document (CPU time): {overhead_cpu:.2f}× — "
        f"{_verdict(overhead_cpu <= 1.1)} (wall: {overhead:.2f}×)"
    )
    goals.append(
        f"Batch 2 workers ≥ 0.9 × the control's speed-up ({control_speedup:.2f}×): "
        f"{speedup:.2f}× = {relative:.2f} — {scaling}"
    )
    out += ["", "## Goals", "", *(f"- {g}" for g in goals)]
    return out


def _batch_figures(batches: Batches, items: int) -> dict[str, float]:
    b1, b2 = batches.ours[1].times, batches.ours[2].times
    c1, c2 = batches.control[1].times, batches.control[2].times
    return {
        "per_item": b1[0] / items,
        "per_item_cpu": b1[1] / items,
        "overhead": b1[0] / items / b1[2],
        "overhead_cpu": b1[1] / items / b1[3],
        "speedup": b1[0] / b2[0],
        "control_speedup": c1[0] / c2[0],
    }


Results = tuple[
    Pair, dict[tuple[str, int], Pair], dict[tuple[str, int], Pair], dict[int, Pair], Batches
]


def measure_all(workdir: Path, quick: bool, batch_items: int) -> Results:
    """Everything, once: imports, warm pairs, whole processes, new items, batches."""
    imp = imports(3 if quick else 15)
    print("import", imp.row("import", ""), flush=True)
    warm: dict[tuple[str, int], Pair] = {}
    proc: dict[tuple[str, int], Pair] = {}
    for (fmt, size), (rounds, reps, prounds) in plan(quick).items():
        warm[fmt, size] = warm_pair(fmt, workdir, size, rounds, reps)
        print(fmt, size, warm[fmt, size].row("", ""), flush=True)
        if size in PROCESS_SIZES:
            proc[fmt, size] = process_pair(fmt, workdir, size, prounds)
            print(fmt, size, "pandoc", proc[fmt, size].row("", ""), flush=True)
    new_items: dict[int, Pair] = {}
    for size in SIZES:
        rounds, reps, _ = plan(quick)["html", size]
        new_items[size] = warm_pair(
            "html-new", workdir, size, rounds, reps, baseline="html-jinja-new"
        )
        print("html new", size, new_items[size].row("", ""), flush=True)
    batches = run_batches(batch_items, max(batch_items // 2, 2))
    return imp, warm, proc, new_items, batches


def _merged(runs: list[dict[Any, Pair]]) -> dict[Any, Pair]:
    merged: dict[Any, Pair] = {}
    for run in runs:
        for key, pair in run.items():
            merged.setdefault(key, Pair()).merge(pair)
    return merged


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="one short round (a smoke test)")
    parser.add_argument("--batch-items", type=int, default=200)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--repeat", type=int, default=1, help="run everything N times")
    parser.add_argument("--note", default="", help="a paragraph put under the page's header")
    args = parser.parse_args()
    started = time.perf_counter()
    results: list[Results] = []
    loads: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory(prefix="jsi-bench-") as tmp:
        workdir = Path(tmp)
        words = prepare(workdir)
        print("prepared", words, flush=True)
        for run in range(args.repeat):
            before = _load()
            print(f"run {run + 1} of {args.repeat}, load {before}", flush=True)
            results.append(measure_all(workdir, args.quick, args.batch_items))
            loads.append((before, _load()))
    imp = _merged([{0: r[0]} for r in results])[0]
    lines = table(
        words,
        imp,
        _merged([r[1] for r in results]),
        _merged([r[2] for r in results]),
        _merged([r[3] for r in results]),
        [r[4] for r in results],
        args.batch_items,
        time.perf_counter() - started,
        loads,
        args.note,
    )
    from service import keep_section  # the cold-start and service sections other scripts write

    text = keep_section(args.output, "\n".join(lines) + "\n")
    old = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
    if KEPT_MARKER in old:  # hand-measured sections below the marker survive a new run
        text = text.rstrip("\n") + "\n" + old[old.index(KEPT_MARKER) :]
    args.output.write_text(text, encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
