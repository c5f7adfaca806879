"""Visual regression: the French example's pages, as a reader sees them in each format, match
the reviewed images in ``docs/images/`` within a tolerance, so a broken stylesheet, template or
reference.docx fails here. ``pytest tests/test_visual.py --update-goldens`` (or
``python tools/page_images.py``) makes the images again; review them by eye before committing."""

from __future__ import annotations

from pathlib import Path

import pytest

import jsi_docs
from _pictures import FORMATS, difference, keep, pictures

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "jsi-ecommerce-2023-05-25.fr.yaml"
IMAGES = ROOT / "docs" / "images"


def reference_images(fmt: str) -> list[Path]:
    if fmt == "html":
        return [IMAGES / "html-fr.png"]
    return sorted(IMAGES.glob(f"{fmt}-fr-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))


@pytest.mark.parametrize("fmt", FORMATS)
def test_pages_look_like_the_reviewed_images(
    fmt: str, tmp_path: Path, update_goldens: bool
) -> None:
    fresh = pictures(jsi_docs.load(EXAMPLE), fmt, tmp_path)
    if update_goldens:
        for old in reference_images(fmt):
            old.unlink()
        for number, picture in enumerate(fresh, 1):
            name = "html-fr.png" if fmt == "html" else f"{fmt}-fr-{number}.png"
            keep(picture, IMAGES / name)
    references = reference_images(fmt)
    assert len(fresh) == len(references), f"{len(fresh)} pages, reference {len(references)}"
    found = {p.name: difference(p, r) for p, r in zip(fresh, references, strict=True)}
    assert {name: d for name, d in found.items() if d} == {}
