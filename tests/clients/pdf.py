"""poppler-utils (pdfinfo, pdffonts, pdftotext, pdftoppm) and ``qpdf --check``."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path
from typing import NamedTuple

from ._proc import ClientError, Completed, run
from ._require import require_all

__all__ = [
    "PdfWord",
    "pdf_words",
    "pdffonts",
    "pdfinfo",
    "pdfinfo_metadata",
    "pdftoppm",
    "pdftotext",
    "poppler_available",
    "poppler_missing",
    "qpdf_available",
    "qpdf_check",
    "qpdf_missing",
    "require_poppler",
    "require_qpdf",
]

PDF_TIMEOUT = 120.0
_POPPLER = ("pdfinfo", "pdffonts", "pdftotext", "pdftoppm")
_PDFFONTS_KEYS = ("name", "type", "encoding", "emb", "sub", "uni", "object_id")


def poppler_missing() -> list[str]:
    """What is missing of poppler-utils, as install hints."""
    absent = [tool for tool in _POPPLER if shutil.which(tool) is None]
    return [f"{', '.join(absent)} (apt-get install poppler-utils)"] if absent else []


def poppler_available() -> bool:
    """True when pdfinfo, pdffonts, pdftotext and pdftoppm are on PATH."""
    return not poppler_missing()


def require_poppler() -> None:
    """Skip (or fail under ``JSI_REQUIRE_CLIENTS=1``) when poppler-utils is missing."""
    __tracebackhide__ = True
    require_all(poppler_missing(), "poppler-utils")


def qpdf_missing() -> list[str]:
    """What is missing to run qpdf, as install hints."""
    return [] if shutil.which("qpdf") else ["qpdf (apt-get install qpdf)"]


def qpdf_available() -> bool:
    """True when ``qpdf`` is on PATH."""
    return not qpdf_missing()


def require_qpdf() -> None:
    """Skip (or fail under ``JSI_REQUIRE_CLIENTS=1``) when qpdf is missing."""
    __tracebackhide__ = True
    require_all(qpdf_missing(), "qpdf")


def _poppler(tool: str, *args: str | Path, timeout: float = PDF_TIMEOUT) -> Completed:
    if shutil.which(tool) is None:
        raise ClientError(f"{tool} unavailable: apt-get install poppler-utils")
    done = run([tool, *args], timeout=timeout)
    if done.returncode != 0:
        raise ClientError(
            f"{tool} failed (exit {done.returncode})",
            command=done.command,
            stdout=done.stdout,
            stderr=done.stderr,
        )
    return done


def pdfinfo(path: Path) -> dict[str, str]:
    """``pdfinfo -isodates``: ``{"Pages": "1", "Title": ..., "Tagged": "yes", ...}``.

    Dates (``CreationDate``, ``ModDate``) are ISO 8601. Raises :class:`ClientError`
    when poppler cannot read the file.
    """
    info: dict[str, str] = {}
    for line in _poppler("pdfinfo", "-isodates", Path(path)).stdout.splitlines():
        key, sep, value = line.partition(":")
        if sep:
            info[key.strip()] = value.strip()
    return info


def pdfinfo_metadata(path: Path) -> str:
    """The document's XMP metadata stream as text (``pdfinfo -meta``); empty if none."""
    return _poppler("pdfinfo", "-meta", Path(path)).stdout


def pdffonts(path: Path) -> list[dict[str, str]]:
    """One dict per font: ``name``, ``type``, ``encoding``, ``emb``, ``sub``, ``uni``
    (``"yes"``/``"no"``) and ``object_id`` (``"14 0"``)."""
    lines = _poppler("pdffonts", Path(path)).stdout.splitlines()
    rule = next((i for i, line in enumerate(lines) if line.startswith("---")), None)
    if rule is None:
        return []
    spans = [m.span() for m in re.finditer(r"-+", lines[rule])]
    # The last column ("object ID") may be wider than its rule.
    spans[-1] = (spans[-1][0], 10**6)
    fonts = []
    for line in lines[rule + 1 :]:
        if line.strip():
            cells = [line[start:end].strip() for start, end in spans]
            fonts.append(dict(zip(_PDFFONTS_KEYS, cells, strict=True)))
    return fonts


def pdftotext(
    path: Path, *, layout: bool = False, first: int | None = None, last: int | None = None
) -> str:
    """The text poppler extracts, UTF-8 (``layout=True`` keeps the physical layout)."""
    args: list[str | Path] = ["-enc", "UTF-8"]
    if layout:
        args.append("-layout")
    if first is not None:
        args += ["-f", str(first)]
    if last is not None:
        args += ["-l", str(last)]
    return _poppler("pdftotext", *args, Path(path), "-").stdout


def pdf_words(path: Path, *, first: int = 1, last: int | None = None) -> list[PdfWord]:
    """``pdftotext -bbox``: every word poppler finds, with its box in points, in its order."""
    args: list[str | Path] = ["-bbox", "-enc", "UTF-8", "-f", str(first)]
    if last is not None:
        args += ["-l", str(last)]
    out = _poppler("pdftotext", *args, Path(path), "-").stdout
    words: list[PdfWord] = []
    page = first - 1
    for line in out.splitlines():
        line = line.strip()
        if line.startswith("<page "):
            page += 1
        elif line.startswith("<word "):
            box = dict(re.findall(r'(\w+)="([\d.]+)"', line))
            text = html.unescape(line[line.index(">") + 1 : line.rindex("</word>")])
            words.append(
                PdfWord(text, page, *(float(box[k]) for k in ("xMin", "yMin", "xMax", "yMax")))
            )
    return words


class PdfWord(NamedTuple):
    """A word on a PDF page and its box (points from the top left corner)."""

    text: str
    page: int
    x_min: float
    y_min: float
    x_max: float
    y_max: float


def pdftoppm(path: Path, out_prefix: Path, dpi: int = 72) -> list[Path]:
    """Render every page to ``{out_prefix}-{n}.png`` at ``dpi``; return the PNGs in page order."""
    out_prefix = Path(out_prefix)
    out_prefix.parent.mkdir(parents=True, exist_ok=True)
    _poppler("pdftoppm", "-png", "-r", str(dpi), Path(path), out_prefix)
    pattern = re.compile(re.escape(out_prefix.name) + r"-(\d+)\.png")
    pages = []
    for png in out_prefix.parent.iterdir():
        match = pattern.fullmatch(png.name)
        if match:
            pages.append((int(match.group(1)), png))
    return [png for _, png in sorted(pages)]


_QPDF_CHATTER = (
    "checking ",
    "PDF Version:",
    "File is not encrypted",
    "File is not linearized",
    "No syntax or stream encoding errors found",
    "errors that qpdf cannot detect",
    "R = ",
    "P = ",
    "User password = ",
    "extract for ",
    "print ",
    "modify ",
    "File is linearized",
)


def qpdf_check(path: Path) -> list[str]:
    """``qpdf --check``: structural errors and warnings (empty list = clean).

    qpdf exits 0 for a clean file, 3 for warnings only, 2 for errors.
    """
    if shutil.which("qpdf") is None:
        raise ClientError("qpdf unavailable: apt-get install qpdf")
    done = run(["qpdf", "--check", Path(path)], timeout=PDF_TIMEOUT)
    if done.returncode == 0:
        return []
    problems = [
        line.strip()
        for line in (done.stdout + "\n" + done.stderr).splitlines()
        if line.strip() and not line.strip().startswith(_QPDF_CHATTER)
    ]
    return problems or [f"qpdf --check exited {done.returncode}"]
