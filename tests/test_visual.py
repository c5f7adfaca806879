"""Visual regression: the seed example's pages, as a reader sees them in each format, match
the reviewed images in ``docs/images/`` within a tolerance, so a broken stylesheet, template or
reference.docx fails here. French in every format; Arabic (right to left) and Chinese in HTML and
PDF. ``pytest tests/test_visual.py --update-goldens`` (or ``python tools/page_images.py``) makes
the images again; review them by eye before committing."""

from __future__ import annotations

from pathlib import Path

import pytest

import jsi_docs
from _pictures import FORMATS, difference, keep, pictures

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = "examples/jsi-ecommerce-2023-05-25.{}.yaml"
IMAGES = ROOT / "docs" / "images"
CASES = [(fmt, "fr") for fmt in FORMATS] + [
    (fmt, lang) for lang in ("ar", "zh") for fmt in FORMATS if fmt != "docx"
]


def image_name(fmt: str, lang: str, number: object) -> str:
    """The file name of page ``number`` of ``lang`` in ``fmt`` ("*" for a glob)."""
    return f"html-{lang}.png" if fmt == "html" else f"{fmt}-{lang}-{number}.png"


def reference_images(fmt: str, lang: str) -> list[Path]:
    found = IMAGES.glob(image_name(fmt, lang, "*"))
    return sorted(found, key=lambda p: int(p.stem.rsplit("-", 1)[1]) if fmt != "html" else 0)


@pytest.mark.parametrize(("fmt", "lang"), CASES)
def test_pages_look_like_the_reviewed_images(
    fmt: str, lang: str, tmp_path: Path, update_goldens: bool
) -> None:
    fresh = pictures(jsi_docs.load(ROOT / EXAMPLE.format(lang)), fmt, tmp_path)
    if update_goldens:
        for old in reference_images(fmt, lang):
            old.unlink()
        for number, picture in enumerate(fresh, 1):
            keep(picture, IMAGES / image_name(fmt, lang, number))
    references = reference_images(fmt, lang)
    assert len(fresh) == len(references), f"{len(fresh)} pages, reference {len(references)}"
    found = {p.name: difference(p, r) for p, r in zip(fresh, references, strict=True)}
    assert {name: d for name, d in found.items() if d} == {}
