"""Real clients judge the DOCX: LibreOffice opens every example and converts it to PDF and
text holding every statement, quotation and speaker name in order; openxml-audit (the Open XML
SDK's rules, stricter than LibreOffice, as Word is) finds no error."""

from __future__ import annotations

import re
from pathlib import Path
from typing import assert_never

import pytest

from _docx_helpers import every_node_item, example_paths, export, load
from clients import (
    libreoffice_convert,
    libreoffice_text,
    openxml_audit,
    pdfinfo,
    require_libreoffice,
    require_openxml_audit,
    require_poppler,
)
from jsi_docs.i18n import labels
from jsi_docs.model import (
    BlockQuote,
    Decision,
    Figure,
    Interventions,
    ListBlock,
    NewsItem,
    NoteRef,
    Paragraph,
    Quotation,
    RichText,
    SpeakerRef,
    Statement,
    Table,
    Text,
    Truncation,
    plain_text,
)
from tests_helpers import shown_text

pytestmark = pytest.mark.clients


def squeeze(text: str) -> str:
    """Letters and digits only, case-folded: compares across typography and quotation marks."""
    return re.sub(r"[\W_]+", "", text.casefold())


def _expected_in_order(item: NewsItem) -> list[tuple[str, str]]:
    """(what, text) in reading order: each statement whole (it holds its speaker names and
    quotations), and the speaker names and quotations of the other blocks."""
    found: list[tuple[str, str]] = []
    notes = item.note_numbers()  # a note's mark is its number, next to the words
    for _, _, block in item.blocks():
        match block:
            case Paragraph(text=rich):
                texts: list[RichText] = [rich]
            case ListBlock(items=items):
                texts = list(items)
            case BlockQuote(paragraphs=paragraphs):
                texts = list(paragraphs)
            case Table():
                texts = list(block.texts())
            case Figure(caption=caption):
                texts = [caption] if caption else []
            case Interventions(interventions=entries):
                texts = [e.content for e in entries if e.content]
            case Decision(object=what):
                texts = [what] if what else []
            case _:
                assert_never(block)
        for rich in texts:
            if block.speaker:
                found.append(("statement", shown_text(rich, notes)))
                continue
            _spans(rich, notes, found)
    return found


def _spans(rich: RichText, notes: dict[str, int], found: list[tuple[str, str]]) -> None:
    """The speaker names and quotations of ``rich``; a statement span whole (its words hold
    the names and quotations inside it)."""
    for node in rich:
        if isinstance(node, Statement):
            found.append(("statement", shown_text(node.content, notes)))
            continue
        if isinstance(node, SpeakerRef):
            found.append(("speaker name", plain_text(node.content)))
        elif isinstance(node, Quotation):
            found.append(("quotation", plain_text(node.content)))
        if not isinstance(node, Text | NoteRef | Truncation):
            _spans(node.content, notes, found)


def _assert_in_order(text: str, expected: list[tuple[str, str]]) -> None:
    haystack = squeeze(text)
    position = 0
    for what, words in expected:
        needle = squeeze(words)
        start = haystack.find(needle, position)
        assert start >= 0, f"{what} {words!r} missing, or out of order"
        position = start + len(needle)


@pytest.fixture(scope="module", params=example_paths(), ids=lambda p: p.name)
def example_docx(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[NewsItem, Path]:
    item = load(request.param)
    path = tmp_path_factory.mktemp("docx") / request.param.name.replace(".yaml", ".docx")
    path.write_bytes(export(item))
    return item, path


def test_libreoffice_text_holds_statements_quotations_and_speakers_in_order(
    example_docx: tuple[NewsItem, Path],
) -> None:
    require_libreoffice()
    item, path = example_docx
    text = libreoffice_text(path)
    expected = _expected_in_order(item)
    assert any(what == "statement" for what, _ in expected), "the example has statements"
    _assert_in_order(text, expected)
    assert squeeze(item.headline or labels(item.language)["untitled"]) in squeeze(text)


def test_libreoffice_converts_to_pdf(example_docx: tuple[NewsItem, Path], tmp_path: Path) -> None:
    require_libreoffice()
    require_poppler()
    _, path = example_docx
    pdf = libreoffice_convert(path, "pdf", tmp_path)
    info = pdfinfo(pdf)
    assert int(info["Pages"]) >= 1


def test_openxml_audit_finds_no_error(example_docx: tuple[NewsItem, Path]) -> None:
    require_openxml_audit()
    _, path = example_docx
    assert openxml_audit(path, app_compat=True) == []


def test_openxml_audit_finds_no_error_in_an_item_using_every_node(tmp_path: Path) -> None:
    require_openxml_audit()
    path = tmp_path / "every-node.docx"
    path.write_bytes(export(every_node_item()))
    assert openxml_audit(path, app_compat=True) == []
