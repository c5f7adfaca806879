"""A cold start measured: ``jsi-docs render item.yaml --to pdf`` as a whole process, side by side
with pandoc Markdown -> PDF through WeasyPrint, alternately, on the French example.

    python benchmarks/cold_start.py --label "after: ..." [--rounds 9]
    python benchmarks/cold_start.py --label "after" --against /tmp/old/src --against-label "before"

``--against`` names the ``src`` folder of another checkout (``git archive COMMIT src | tar -x``):
its ``jsi-docs`` is run in the same rounds, in turn with ours and pandoc, and gets a row too,
so that before and after meet the same load. Each run adds its rows to the table between the markers below in ``docs/benchmarks.md`` (in
the whole-process section; ``run.py`` keeps it when it rewrites the page), so that figures
taken before and after a change stay side by side. Times are medians of ``--rounds`` runs of
each command, taken in turns (ours, pandoc, ours, ...), with the load average before and after.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(HERE), str(ROOT / "tests")]

from content import EXAMPLE, markdown  # noqa: E402

import jsi_docs  # noqa: E402

OUTPUT = ROOT / "docs" / "benchmarks.md"
BEGIN = "<!-- cold start: written by benchmarks/cold_start.py -->"
END = "<!-- end of cold start -->"
BIN = Path(sys.executable).parent
HEADER = [
    "| measured | `jsi-docs render --to pdf` | `--to html` | pandoc → PDF (WeasyPrint) | ours ÷ pandoc (PDF) | load average before / after |",
    "|---|---|---|---|---|---|",
]


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def _once(command: list[str], src: Path | None = None) -> float:
    env = {**os.environ, "PYTHONPATH": str(src)} if src else None
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT, env=env)
    return time.perf_counter() - started


def measure(rounds: int, sources: list[Path | None]) -> list[tuple[float, float, float]]:
    """Per source folder (None: this checkout), medians (seconds) of our PDF, our HTML and
    pandoc's PDF, whole processes, all taken in the same rounds."""
    pandoc = shutil.which("pandoc", path=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    try:
        import pypandoc

        pandoc = pypandoc.get_pandoc_path()
    except (ImportError, OSError):
        pass
    if pandoc is None:
        raise SystemExit("pandoc is missing: pip install 'jsi-docs[bench]'")
    os.environ["PATH"] = f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"  # pandoc's weasyprint
    jsi = str(BIN / "jsi-docs")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        md = work / "item.md"
        md.write_text(markdown(jsi_docs.load(EXAMPLE)), encoding="utf-8")
        ours = [jsi, "render", str(EXAMPLE), "-o", str(work / "out"), "--force", "-q"]
        theirs = [pandoc, str(md), "--pdf-engine=weasyprint", "-o", str(work / "p.pdf")]
        for src in sources:  # the page cache (and the .pyc files) warm for every command alike
            _once([*ours, "--to", "pdf"], src)
        _once(theirs)
        times: list[tuple[list[float], list[float]]] = [([], []) for _ in sources]
        base = []
        for _ in range(rounds):
            for src, (pdf, html) in zip(sources, times, strict=True):
                pdf.append(_once([*ours, "--to", "pdf"], src))
                html.append(_once([*ours, "--to", "html"], src))
            base.append(_once(theirs))
    median = statistics.median
    return [(median(pdf), median(html), median(base)) for pdf, html in times]


def write(row: str) -> None:
    """Add ``row`` to the table of the section (made after the whole-process table when the
    page has none); the section's other lines, the notes, stay as they are."""
    page = OUTPUT.read_text(encoding="utf-8")
    if BEGIN not in page:
        anchor = "## Whole process, side by side with pandoc\n"
        at = page.index(anchor) + len(anchor)
        end = page.find("\n## ", at)
        end = len(page) if end == -1 else end + 1
        block = "\n".join([BEGIN, *HEADER, END])
        page = page[:end].rstrip("\n") + "\n\n" + block + "\n\n" + page[end:]
    start, stop = page.index(BEGIN), page.index(END)
    lines = page[start:stop].splitlines()
    last = 1  # the end of the first table, the results' (the notes may hold others)
    while last + 1 < len(lines) and lines[last + 1].startswith("|"):
        last += 1
    lines.insert(last + 1, row)
    OUTPUT.write_text(page[:start] + "\n".join(lines) + "\n" + page[stop:], encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--label", required=True, help="what was measured (e.g. the commit)")
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--against", type=Path, help="the src folder of another checkout")
    parser.add_argument("--against-label", default="before")
    parser.add_argument("--dry-run", action="store_true", help="print the rows only")
    args = parser.parse_args()
    before = _load()
    sources: list[Path | None] = [args.against.resolve(), None] if args.against else [None]
    labels = [args.against_label, args.label] if args.against else [args.label]
    found = measure(args.rounds, sources)
    after = _load()
    for label, (pdf, html, base) in zip(labels, found, strict=True):
        row = (
            f"| {label} | {pdf * 1000:.0f} ms | {html * 1000:.0f} ms | {base * 1000:.0f} ms "
            f"| **{pdf / base:.2f}×** | {before} / {after} |"
        )
        print(row)
        if not args.dry_run:
            write(row)


if __name__ == "__main__":
    main()
