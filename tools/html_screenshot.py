"""Make the screenshot of ``docs/html.md``: the French example as a page in headless Chromium.

``python tools/html_screenshot.py [CODE]`` exports the seed example (default: French; ``ar``
for ``docs/languages.md``) to HTML, writes it with the theme's
stylesheets and fonts to a temporary folder, takes a full-page screenshot 1000 CSS pixels wide
in Debian's headless Chromium (the test helpers in ``tests/clients``), and reduces the PNG to a
64-colour palette (Pillow) to keep it small. Writes ``docs/images/html-CODE.png``.
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
EXAMPLE = ROOT / "examples/jsi-ecommerce-2023-05-25.{}.yaml"
IMAGE = ROOT / "docs/images/html-{}.png"
WIDTH = 1000


def main() -> int:
    sys.path.insert(0, str(ROOT / "tests"))
    from clients import chromium_available, screenshot

    code = sys.argv[1] if len(sys.argv) > 1 else "fr"
    example, image_path = Path(str(EXAMPLE).format(code)), Path(str(IMAGE).format(code))
    if not chromium_available():
        print("needs chromium, chromium-driver and selenium", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="jsi-html-shot-") as tmp:
        folder = Path(tmp)
        for relative, data in page_assets(Theme.load()).items():
            (folder / relative).parent.mkdir(parents=True, exist_ok=True)
            (folder / relative).write_bytes(data)
        page = folder / "page.html"
        page.write_bytes(jsi_docs.export(jsi_docs.load(example), "html"))
        shot = screenshot(page, folder / "shot.png", width=WIDTH)
        with Image.open(shot) as image:
            small = image.convert("RGB").quantize(colors=64, method=Image.Quantize.MEDIANCUT)
            image_path.parent.mkdir(parents=True, exist_ok=True)
            small.save(image_path, optimize=True)
    print(f"{image_path.relative_to(ROOT)}: {image_path.stat().st_size // 1024} KiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
