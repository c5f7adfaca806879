"""Per-element language in every format: Arabic, Russian and Chinese passages inside a Latin
item, and a Latin passage inside an Arabic item, carry their language (and direction) in the
HTML (``lang``, ``dir``), the PDF (``/Lang`` on structure elements) and the DOCX (``w:lang``
with ``w:bidi`` / ``w:eastAsia``, ``w:rtl``).

The items list no language versions, so that the only passages in another language are the
ones added here (a versions line names each language in itself, with its ``lang``).
"""

from __future__ import annotations

import io
import zipfile

import attrs
import pytest
from lxml import etree

import jsi_docs
from _pdf_helpers import EXAMPLES
from jsi_docs.exporters.docx._oxml import W
from jsi_docs.model import Foreign, NewsItem, Paragraph
from test_weasyprint_hooks import _struct_languages

_W = f"{{{W}}}"
PASSAGES = {"ar": "نص عربي قصير", "ru": "короткий русский текст", "zh-Hans": "简短的中文文本"}
ENGLISH_PASSAGE = "a short English passage"


def _with_paragraph(code: str, nodes: list[object]) -> NewsItem:
    item = jsi_docs.load(EXAMPLES / f"jsi-ecommerce-2023-05-25.{code}.yaml")
    first = item.sections[0]
    first = attrs.evolve(first, blocks=(*first.blocks, Paragraph(nodes)))  # type: ignore[arg-type]
    return attrs.evolve(item, sections=(first, *item.sections[1:]), language_versions=())


def _latin_item() -> NewsItem:
    """The English seed with a paragraph quoting Arabic, Russian and Chinese."""
    nodes: list[object] = ["Three passages: "]
    for lang, text in PASSAGES.items():
        nodes += [Foreign([text], lang=lang), ", "]
    return _with_paragraph("en", [*nodes[:-1], "."])


def _arabic_item() -> NewsItem:
    """The Arabic seed with a paragraph holding an English passage."""
    return _with_paragraph(
        "ar", ["فقرة فيها ", Foreign([ENGLISH_PASSAGE], lang="en"), " ثم نهاية."]
    )


def _html_spans(item: NewsItem, fragment: bool) -> dict[str, dict[str, str]]:
    text = jsi_docs.export(item, "html", fragment=fragment).decode("utf-8")
    root = etree.fromstring(text, etree.HTMLParser())
    return {
        "".join(str(t) for t in span.itertext()): {str(k): str(v) for k, v in span.attrib.items()}
        for span in root.iter("span")
        if "lang" in span.attrib
    }


@pytest.mark.parametrize("fragment", [False, True], ids=["page", "fragment"])
def test_html_passages_carry_lang_and_dir(fragment: bool) -> None:
    spans = _html_spans(_latin_item(), fragment)
    assert spans[PASSAGES["ar"]] == {"lang": "ar", "dir": "rtl"}
    assert spans[PASSAGES["ru"]]["lang"] == "ru"
    assert spans[PASSAGES["zh-Hans"]]["lang"] == "zh-Hans"
    assert {spans[PASSAGES[c]].get("dir") for c in ("ru", "zh-Hans")} <= {None, "ltr"}
    spans = _html_spans(_arabic_item(), fragment)
    assert spans[ENGLISH_PASSAGE] == {"lang": "en", "dir": "ltr"}


def test_pdf_structure_elements_carry_the_passages_languages() -> None:
    latin = _struct_languages(jsi_docs.export(_latin_item(), "pdf"))
    assert set(PASSAGES) <= latin
    arabic = _struct_languages(jsi_docs.export(_arabic_item(), "pdf"))
    assert "en" in arabic
    # without the passages, none of these tags is there: the test sees the passages' own
    bare = jsi_docs.load(EXAMPLES / "jsi-ecommerce-2023-05-25.en.yaml")
    bare = attrs.evolve(bare, language_versions=())
    assert not set(PASSAGES) & _struct_languages(jsi_docs.export(bare, "pdf"))


def _runs(item: NewsItem) -> dict[str, etree._Element]:
    """Each run of the document's body by its text."""
    data = jsi_docs.export(item, "docx")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    return {"".join(t.text or "" for t in run.iter(f"{_W}t")): run for run in root.iter(f"{_W}r")}


def _lang(run: etree._Element) -> dict[str, str]:
    lang = run.find(f"{_W}rPr/{_W}lang")
    assert lang is not None
    return {etree.QName(k).localname: str(v) for k, v in lang.attrib.items()}


def test_docx_runs_carry_the_language_in_its_slot() -> None:
    runs = _runs(_latin_item())
    arabic, russian, chinese = (runs[PASSAGES[c]] for c in ("ar", "ru", "zh-Hans"))
    assert _lang(arabic) == {"val": "ar", "bidi": "ar"}
    assert arabic.find(f"{_W}rPr/{_W}rtl") is not None
    assert _lang(russian) == {"val": "ru"}
    assert _lang(chinese) == {"val": "zh-Hans", "eastAsia": "zh-Hans"}
    for run in (russian, chinese):
        assert run.find(f"{_W}rPr/{_W}rtl") is None
    english = _runs(_arabic_item())[ENGLISH_PASSAGE]
    assert _lang(english) == {"val": "en"}
    assert english.find(f"{_W}rPr/{_W}rtl") is None
    paragraph = english.getparent()
    assert paragraph is not None
    assert paragraph.find(f"{_W}pPr/{_W}bidi") is not None  # the paragraph stays right to left
