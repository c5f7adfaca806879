"""The pages of an item as a reader sees them, as pictures: the HTML page in headless Chromium,
the PDF through poppler, the DOCX through LibreOffice then poppler. ``tools/page_images.py``
makes the images of ``docs/`` with these functions, and ``tests/test_visual.py`` compares
fresh pictures with those images, so the two never drift apart."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PIL import Image, ImageChops, ImageStat

import jsi_docs
from clients import libreoffice_convert, require_chromium, require_libreoffice, require_poppler
from clients.browser import screenshot
from jsi_docs.exporters.html import page_assets
from jsi_docs.model import NewsItem
from jsi_docs.themes import Theme

WIDTH = 1000
"""Pixels across every picture."""
FORMATS = ("html", "pdf", "docx")


def pictures(item: NewsItem, fmt: str, folder: Path) -> list[Path]:
    """PNG pictures of ``item`` in ``fmt``, ``WIDTH`` pixels wide: one full-page screenshot of
    the HTML page, one picture per page of the PDF or DOCX. Needs the format's client."""
    folder.mkdir(parents=True, exist_ok=True)
    if fmt == "html":
        require_chromium()
        for relative, data in page_assets(Theme.load()).items():
            (folder / relative).parent.mkdir(parents=True, exist_ok=True)
            (folder / relative).write_bytes(data)
        page = folder / "page.html"
        page.write_bytes(jsi_docs.export(item, "html"))
        return [screenshot(page, folder / "html.png", width=WIDTH)]
    require_poppler()
    pdf = folder / f"{fmt}.pdf"
    if fmt == "pdf":
        pdf.write_bytes(jsi_docs.export(item, "pdf"))
    else:
        require_libreoffice()
        docx = folder / "item.docx"
        docx.write_bytes(jsi_docs.export(item, "docx"))
        libreoffice_convert(docx, "pdf", folder / "office").replace(pdf)
    prefix = folder / fmt
    subprocess.run(
        ["pdftoppm", "-png", "-scale-to-x", str(WIDTH), "-scale-to-y", "-1", pdf, prefix],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return sorted(folder.glob(f"{fmt}-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))


def keep(picture: Path, target: Path) -> None:
    """Save ``picture`` as a reviewed image: 64 colours, so it stays small in the repository."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with Image.open(picture) as image:
        small = image.convert("RGB").quantize(colors=64, method=Image.Quantize.MEDIANCUT)
        small.save(target, optimize=True)


def difference(picture: Path, reference: Path) -> str | None:
    """How ``picture`` differs from ``reference`` beyond the noise of saving it in 64 colours,
    or None. Both are compared in grey, a quarter of their size: the mean difference must stay
    under 2 levels of 255, and no more than 0.5 % of the points may differ by more than 40."""
    with Image.open(picture) as a, Image.open(reference) as b:
        if abs(a.height - b.height) > 2 or a.width != b.width:
            return f"size {a.size}, reference {b.size}"
        size = (b.width // 4, b.height // 4)
        grey_a = a.convert("L").resize(size, Image.Resampling.BOX)
        grey_b = b.convert("L").resize(size, Image.Resampling.BOX)
        delta = ImageChops.difference(grey_a, grey_b)
        mean = ImageStat.Stat(delta).mean[0]
        far = sum(delta.histogram()[41:]) / (size[0] * size[1])
    if mean >= 2 or far > 0.005:
        return f"mean difference {mean:.2f}, {far:.2%} of points far off"
    return None
