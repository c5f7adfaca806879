"""Make the page images of the docs: the seed example as HTML (Chromium), PDF (poppler) and
DOCX (LibreOffice), in ``docs/images/``.

``python tools/page_images.py [html pdf docx] [LANG...]`` writes ``html-LANG.png``,
``pdf-LANG-N.png`` and ``docx-LANG-N.png`` (LANG: fr by default; ar, zh... for the seed item's
other versions), 1000 pixels wide, in 64 colours. The pictures come from the same code as the
visual regression test (``tests/_pictures.py``), which compares fresh pages with these images:
review them by eye before committing.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(args: list[str]) -> int:
    sys.path.insert(0, str(ROOT / "tests"))
    import pytest

    import jsi_docs
    from _pictures import FORMATS, keep, pictures
    from test_visual import EXAMPLE, IMAGES, image_name

    formats = [a for a in args if a in FORMATS] or list(FORMATS)
    languages = [a for a in args if a not in FORMATS] or ["fr"]
    for lang in languages:
        item = jsi_docs.load(ROOT / EXAMPLE.format(lang))
        for fmt in formats:
            with tempfile.TemporaryDirectory(prefix="jsi-pictures-") as tmp:
                try:
                    fresh = pictures(item, fmt, Path(tmp))
                except pytest.skip.Exception as missing:
                    print(f"{fmt}: {missing}", file=sys.stderr)
                    return 1
                for old in IMAGES.glob(image_name(fmt, lang, "*")):
                    old.unlink()
                for number, picture in enumerate(fresh, 1):
                    target = IMAGES / image_name(fmt, lang, number)
                    keep(picture, target)
                    print(f"wrote {target.relative_to(ROOT)} ({target.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
