"""Golden files: the HTML of every example, reviewed by eye and stored in tests/golden/html/.

``pytest --update-goldens tests/test_html_golden.py`` rewrites them from the current output;
review the diff before committing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import jsi_docs
from _html_parse import example_paths
from jsi_docs.exporters.base import ExportOptions
from jsi_docs.exporters.html import build_page
from jsi_docs.themes import Theme

GOLDEN = Path(__file__).resolve().parent / "golden" / "html"

CASES = [
    *((p, "page") for p in example_paths()),
    *((p, "fragment") for p in example_paths()),
    *((p, "print") for p in example_paths() if p.name.endswith(".fr.yaml")),
]


def rendered(path: Path, shape: str) -> str:
    item = jsi_docs.load(path)
    if shape == "print":
        return build_page(item, ExportOptions(), Theme.load(), print_mode=True).html
    return jsi_docs.export(item, "html", fragment=shape == "fragment").decode("utf-8")


@pytest.mark.parametrize(("path", "shape"), CASES, ids=lambda v: getattr(v, "stem", v))
def test_html_matches_golden(path: Path, shape: str, update_goldens: bool) -> None:
    golden = GOLDEN / f"{path.stem}{'' if shape == 'page' else '.' + shape}.html"
    html = rendered(path, shape)
    if update_goldens:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(html, encoding="utf-8")
    assert golden.is_file(), f"{golden.name} missing: run pytest --update-goldens"
    assert html == golden.read_text(encoding="utf-8")


def test_every_golden_belongs_to_a_case() -> None:
    expected = {f"{p.stem}{'' if s == 'page' else '.' + s}.html" for p, s in CASES}
    assert {g.name for g in GOLDEN.glob("*.html")} <= expected
