"""Golden files: the XML parts of the French example's DOCX and of an item using every node,
pretty-printed, in tests/golden/docx/.

DOCX files are compared by their normalised XML parts, not their zip bytes, so a diff reads as
a change of content. ``pytest --update-goldens tests/test_docx_golden.py`` rewrites them from
the current output; review the diff before committing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

from _docx_helpers import FRENCH, every_node_item, export, load, members, part_bytes
from jsi_docs.model import NewsItem

GOLDEN = Path(__file__).resolve().parent / "golden" / "docx"

# The parts the exporter writes per item; styles, numbering, settings and theme come from the
# reference document (tests/test_docx_reference.py checks it).
PARTS = (
    "[Content_Types].xml",
    "_rels/.rels",
    "word/document.xml",
    "word/_rels/document.xml.rels",
    "word/header1.xml",
    "word/footer1.xml",
    "docProps/core.xml",
    "docProps/app.xml",
    "docProps/custom.xml",
)
# Parts written only for items that need them (notes become footnotes).
OPTIONAL_PARTS = ("word/footnotes.xml", "word/_rels/footnotes.xml.rels")


def _pretty(blob: bytes) -> str:
    parser = etree.XMLParser(remove_blank_text=True)
    root = etree.fromstring(blob, parser)
    return etree.tostring(root, encoding="unicode", pretty_print=True)


CASES: dict[str, Callable[[], NewsItem]] = {
    "fr-example": lambda: load(FRENCH),
    "every-node": every_node_item,
}


def _golden_name(case: str, member: str) -> str:
    return f"{case}/{member.replace('/', '__')}"


@pytest.mark.parametrize("case", sorted(CASES))
def test_docx_parts_match_golden(case: str, update_goldens: bool) -> None:
    data = export(CASES[case]())
    written = set(members(data))
    assert set(PARTS) <= written
    for member in OPTIONAL_PARTS:
        if member not in written:
            assert not (GOLDEN / _golden_name(case, member)).exists(), member
    for member in (*PARTS, *(m for m in OPTIONAL_PARTS if m in written)):
        golden = GOLDEN / _golden_name(case, member)
        text = _pretty(part_bytes(data, member))
        if update_goldens:
            golden.parent.mkdir(parents=True, exist_ok=True)
            golden.write_text(text, encoding="utf-8")
        assert golden.is_file(), f"{golden} missing: run pytest --update-goldens"
        assert text == golden.read_text(encoding="utf-8"), member


def test_every_golden_belongs_to_an_example() -> None:
    expected = {_golden_name(c, m) for c in CASES for m in (*PARTS, *OPTIONAL_PARTS)}
    found = {f"{g.parent.name}/{g.name}" for g in GOLDEN.glob("*/*")}
    assert found <= expected
