"""Make the screenshot of ``docs/html.md``: the French example as a page in headless Chromium.

``python tools/html_screenshot.py`` exports the example to HTML, writes it with the theme's
stylesheets and fonts to a temporary folder, takes a full-page screenshot 1000 CSS pixels wide
in Debian's headless Chromium (the test helpers in ``tests/clients``), and reduces the PNG to a
64-colour palette (Pillow) to keep it small. Writes ``docs/images/html-fr.png``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PIL import Image

import jsi_docs
from jsi_docs.exporters.html import page_assets
from jsi_docs.themes import Theme

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples/jsi-ecommerce-2023-05-25.fr.yaml"
IMAGE = ROOT / "docs/images/html-fr.png"
WIDTH = 1000


def main() -> int:
    sys.path.insert(0, str(ROOT / "tests"))
    from clients import chromium_available, screenshot

    if not chromium_available():
        print("needs chromium, chromium-driver and selenium", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="jsi-html-shot-") as tmp:
        folder = Path(tmp)
        for relative, data in page_assets(Theme.load()).items():
            (folder / relative).parent.mkdir(parents=True, exist_ok=True)
            (folder / relative).write_bytes(data)
        page = folder / "page.html"
        page.write_bytes(jsi_docs.export(jsi_docs.load(EXAMPLE), "html"))
        shot = screenshot(page, folder / "shot.png", width=WIDTH)
        with Image.open(shot) as image:
            small = image.convert("RGB").quantize(colors=64, method=Image.Quantize.MEDIANCUT)
            IMAGE.parent.mkdir(parents=True, exist_ok=True)
            small.save(IMAGE, optimize=True)
    print(f"{IMAGE.relative_to(ROOT)}: {IMAGE.stat().st_size // 1024} KiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
