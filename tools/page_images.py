"""Make the page images of the docs: the French example as HTML (Chromium), PDF (poppler) and
DOCX (LibreOffice), in ``docs/images/``.

``python tools/page_images.py [html pdf docx]`` writes ``html-fr.png``, ``pdf-fr-N.png`` and
``docx-fr-N.png``, 1000 pixels wide, in 64 colours. The pictures come from the same code as the
visual regression test (``tests/_pictures.py``), which compares fresh pages with these images:
review them by eye before committing.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples/jsi-ecommerce-2023-05-25.fr.yaml"
IMAGES = ROOT / "docs/images"


def main(formats: list[str]) -> int:
    sys.path.insert(0, str(ROOT / "tests"))
    import pytest

    import jsi_docs
    from _pictures import FORMATS, keep, pictures

    item = jsi_docs.load(EXAMPLE)
    for fmt in formats or FORMATS:
        with tempfile.TemporaryDirectory(prefix="jsi-pictures-") as tmp:
            try:
                fresh = pictures(item, fmt, Path(tmp))
            except pytest.skip.Exception as missing:
                print(f"{fmt}: {missing}", file=sys.stderr)
                return 1
            for old in IMAGES.glob("html-fr.png" if fmt == "html" else f"{fmt}-fr-*.png"):
                old.unlink()
            for number, picture in enumerate(fresh, 1):
                target = IMAGES / ("html-fr.png" if fmt == "html" else f"{fmt}-fr-{number}.png")
                keep(picture, target)
                print(f"wrote {target.relative_to(ROOT)} ({target.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
