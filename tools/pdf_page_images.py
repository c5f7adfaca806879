"""Make the page images of ``docs/pdf.md`` and the README: the French example as PDF.

``python tools/pdf_page_images.py [CODE...]`` exports the seed example in each language
(default: ``fr``; ``ar zh`` for ``docs/languages.md``) to PDF and writes
``docs/images/pdf-CODE-N.png``, 1000 pixels wide, with pdftoppm; the PNGs are reduced to a
64-colour palette (Pillow) to stay small. Needs poppler-utils on PATH.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

import jsi_docs

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples/jsi-ecommerce-2023-05-25.{}.yaml"
IMAGES = ROOT / "docs/images"
WIDTH = 1000


def main() -> int:
    if shutil.which("pdftoppm") is None:
        print("needs pdftoppm (apt-get install poppler-utils)", file=sys.stderr)
        return 1
    IMAGES.mkdir(parents=True, exist_ok=True)
    for code in sys.argv[1:] or ["fr"]:
        _images(code)
    return 0


def _images(code: str) -> None:
    for old in IMAGES.glob(f"pdf-{code}-*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory(prefix="jsi-pdf-images-") as tmp:
        pdf = Path(tmp) / f"pdf-{code}.pdf"
        pdf.write_bytes(jsi_docs.export(jsi_docs.load(str(EXAMPLE).format(code)), "pdf"))
        subprocess.run(
            ["pdftoppm", "-png", "-scale-to-x", str(WIDTH), "-scale-to-y", "-1",
             str(pdf), str(IMAGES / f"pdf-{code}")],
            check=True, timeout=120,
        )  # fmt: skip
    for image in sorted(IMAGES.glob(f"pdf-{code}-*.png")):
        with Image.open(image) as page:
            small = page.convert("RGB").quantize(colors=64, dither=Image.Dither.NONE)
        small.save(image, optimize=True)
        print(f"wrote {image.relative_to(ROOT)} ({image.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    sys.exit(main())
