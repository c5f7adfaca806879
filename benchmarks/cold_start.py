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
CPU time (user + system, with the processes each command waited for) is given too: on a
shared machine it moves far less with the load than wall time does. WeasyPrint's own command
on our print page (the HTML and theme our exporter hands it) splits the gap into WeasyPrint's
part and ours.
"""

from __future__ import annotations

import argparse
import os
import resource
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
    "| measured | `jsi-docs render --to pdf` | `--to html` | pandoc → PDF (WeasyPrint) | ours ÷ pandoc (PDF) | load average before / after | CPU: ours (PDF) / WeasyPrint alone on our page / pandoc | CPU: ours ÷ pandoc |",
    "|---|---|---|---|---|---|---|---|",
]


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def _once(command: list[str], src: Path | None = None) -> tuple[float, float]:
    """Wall time and CPU time (user + system, the process and all it waited for), seconds."""
    env = {**os.environ, "PYTHONPATH": str(src)} if src else None
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT, env=env)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu


def _print_page(work: Path) -> Path:
    """The French example's print page with the theme's files beside it, for WeasyPrint's own
    command: what our PDF exporter hands WeasyPrint, less our process around it."""
    from jsi_docs.exporters.html import item_view, render_view
    from jsi_docs.exporters.pdf import PdfOptions
    from jsi_docs.exporters.pdf.fetcher import THEME_BASE_URL
    from jsi_docs.themes import Theme

    theme = Theme.load()
    folder = work / "page"
    shutil.copytree(theme.folders[-1], folder)
    view = item_view(jsi_docs.load(EXAMPLE), PdfOptions(), siblings=False)
    page = render_view(view, theme, print_mode=True, allowed_urls=())
    html = folder / "page.html"
    html.write_text(page.html.replace(THEME_BASE_URL, ""), encoding="utf-8")
    return html


class Times:
    """Medians, in seconds, of one command's runs."""

    def __init__(self) -> None:
        self.walls: list[float] = []
        self.cpus: list[float] = []

    def add(self, measured: tuple[float, float]) -> None:
        self.walls.append(measured[0])
        self.cpus.append(measured[1])

    @property
    def wall(self) -> float:
        return statistics.median(self.walls)

    @property
    def cpu(self) -> float:
        return statistics.median(self.cpus)


def measure(
    rounds: int, sources: list[Path | None]
) -> tuple[list[tuple[Times, Times]], Times, Times]:
    """Per source folder (None: this checkout), our PDF's and our HTML's times; then pandoc's
    PDF and WeasyPrint's own command on our print page; all whole processes taken in the same
    rounds."""
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
        page = _print_page(work)
        ours = [jsi, "render", str(EXAMPLE), "-o", str(work / "out"), "--force", "-q"]
        theirs = [pandoc, str(md), "--pdf-engine=weasyprint", "-o", str(work / "p.pdf")]
        alone = [str(BIN / "weasyprint"), str(page), str(work / "w.pdf"), "--pdf-variant=pdf/ua-1"]
        for src in sources:  # the page cache (and the .pyc files) warm for every command alike
            _once([*ours, "--to", "pdf"], src)
        _once(theirs)
        _once(alone)
        times = [(Times(), Times()) for _ in sources]
        base, bare = Times(), Times()
        for _ in range(rounds):
            for src, (pdf, html) in zip(sources, times, strict=True):
                pdf.add(_once([*ours, "--to", "pdf"], src))
                html.add(_once([*ours, "--to", "html"], src))
            base.add(_once(theirs))
            bare.add(_once(alone))
    return times, base, bare


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
    found, base, bare = measure(args.rounds, sources)
    after = _load()
    for label, (pdf, html) in zip(labels, found, strict=True):
        row = (
            f"| {label} | {pdf.wall * 1000:.0f} ms | {html.wall * 1000:.0f} ms "
            f"| {base.wall * 1000:.0f} ms | **{pdf.wall / base.wall:.2f}×** | {before} / {after} "
            f"| {pdf.cpu * 1000:.0f} / {bare.cpu * 1000:.0f} / {base.cpu * 1000:.0f} ms "
            f"| **{pdf.cpu / base.cpu:.2f}×** |"
        )
        print(row)
        if not args.dry_run:
            write(row)


if __name__ == "__main__":
    main()
