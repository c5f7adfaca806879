"""Make the page images of ``docs/docx.md``: the French example as DOCX, opened by LibreOffice.

``python tools/docx_page_images.py`` exports the example, converts it to PDF with headless
LibreOffice (a throw-away profile) and writes ``docs/images/docx-fr-N.png``, about 1000 pixels
wide, with pdftoppm. Needs ``soffice`` and poppler-utils on PATH.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import jsi_docs

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples/jsi-ecommerce-2023-05-25.fr.yaml"
IMAGES = ROOT / "docs/images"
DPI = 120  # A4 is 8.27 in wide: 992 pixels


def _shrink(image: Path) -> None:
    """Requantise to 64 colours (Pillow comes with WeasyPrint): a third of the size."""
    from PIL import Image

    with Image.open(image) as page:
        small = page.convert("RGB").quantize(colors=64, dither=Image.Dither.NONE)
    small.save(image, optimize=True)


def main() -> int:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or shutil.which("pdftoppm") is None:
        print("needs soffice (LibreOffice) and pdftoppm (poppler-utils)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="jsi-docx-images-") as tmp:
        work = Path(tmp)
        docx = work / "docx-fr.docx"
        docx.write_bytes(jsi_docs.export(jsi_docs.load(EXAMPLE), "docx"))
        profile = (work / "profile").as_uri()
        subprocess.run(
            [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
             "--convert-to", "pdf", "--outdir", str(work), str(docx)],
            check=True, capture_output=True, timeout=180,
        )  # fmt: skip
        IMAGES.mkdir(parents=True, exist_ok=True)
        for old in IMAGES.glob("docx-fr-*.png"):
            old.unlink()
        subprocess.run(
            ["pdftoppm", "-r", str(DPI), "-png", str(work / "docx-fr.pdf"), str(IMAGES / "docx-fr")],
            check=True, timeout=120,
        )  # fmt: skip
    for image in sorted(IMAGES.glob("docx-fr-*.png")):
        _shrink(image)
        print(f"wrote {image.relative_to(ROOT)} ({image.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
