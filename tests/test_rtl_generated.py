"""Generated right-to-left items: the property tests and the one-reading test run on items
drawn in Arabic (not only when the language draw happens to give it), and their PDF check,
which in a right-to-left item compares characters rather than whole texts (the bidi algorithm
moves digits and brackets at a run's edges), still catches a text that is lost.
"""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, Phase, assume, given, settings

import jsi_docs
from _pdf_helpers import EXAMPLES
from _reading import expected_texts, find_in_order, find_letters
from jsi_docs.model import NewsItem, Paragraph, Table
from jsi_docs.view import build_view
from strategies import news_items
from test_one_reading import _differences, _drawable, _streams
from test_properties import FORMATS, _check_text, _require


def _in_arabic(item: NewsItem) -> NewsItem:
    versions = tuple(v for v in item.language_versions if v.language != "ar")
    return attrs.evolve(item, language="ar", language_versions=versions)


arabic_items = news_items().map(_in_arabic)


@pytest.mark.parametrize("fmt", list(FORMATS))
@settings(max_examples=6, suppress_health_check=[HealthCheck.too_slow])
@given(item=arabic_items)
def test_generated_arabic_items_export_with_their_text(fmt: str, item: NewsItem) -> None:
    _require(fmt)
    # Known loss, open: see test_a_right_to_left_table_keeps_its_text below.
    assume(fmt != "pdf" or not any(isinstance(b, Table) for _, _, b in item.blocks()))
    first = jsi_docs.render(item, fmt)
    assert first.data == jsi_docs.export(item, fmt), f"{fmt} export is not deterministic"
    _check_text(fmt, item, first.data)


@settings(max_examples=6, phases=[Phase.explicit, Phase.reuse, Phase.generate])
@given(item=arabic_items)
def test_generated_arabic_items_read_the_same_in_html_pdf_and_docx(item: NewsItem) -> None:
    assert _differences(_drawable(item)) == {}


# -- the checks can fail -------------------------------------------------------------------


def _with_lost_paragraph(item: NewsItem, words: str) -> NewsItem:
    first = item.sections[0]
    first = attrs.evolve(first, blocks=(*first.blocks, Paragraph([words])))
    return attrs.evolve(item, sections=(first, *item.sections[1:]))


LOST = [
    "Zoqvix 1234 (WT/Q/9)",  # Latin letters, digits and brackets
    "قطاع الخزف والزجاج ٤٥٦",  # Arabic words and Arabic-Indic digits
]


@pytest.mark.parametrize("words", LOST)
def test_a_lost_text_in_an_arabic_item_fails_the_pdf_check(words: str) -> None:
    """The PDF of the Arabic seed, judged against the item with one more paragraph: the
    paragraph's characters are not all in the PDF, and the check says so."""
    item = jsi_docs.load(EXAMPLES / "jsi-ecommerce-2023-05-25.ar.yaml")
    pdf = jsi_docs.export(item, "pdf")
    _check_text("pdf", item, pdf)  # the item itself passes
    with pytest.raises(AssertionError, match="pdf lacks the characters"):
        _check_text("pdf", _with_lost_paragraph(item, words), pdf)


@settings(max_examples=3, phases=[Phase.explicit, Phase.reuse, Phase.generate])
@given(item=arabic_items)
def test_a_lost_text_in_a_generated_arabic_item_is_found_by_one_reading(item: NewsItem) -> None:
    """The one-reading comparison of a generated Arabic item finds a paragraph that only the
    expected side has (the outputs are made from the item, the expectation from the item with
    one more paragraph): in order in the HTML and the DOCX, by its letters in the PDF."""
    drawn = _drawable(item)
    _, streams, _ = _streams(drawn)
    lost = _drawable(_with_lost_paragraph(item, LOST[0]))  # the test draws other scripts as x
    expected = list(expected_texts(build_view(lost), footnotes=False))
    assert find_in_order(streams["html"], expected, line_breaks=False)
    assert find_letters(streams["pdf"], expected)
    assert find_letters(streams["pdf"], list(expected_texts(build_view(drawn)))) == []


@pytest.mark.xfail(
    strict=True,
    reason="open bug: in a right-to-left item WeasyPrint drops characters of long unbreakable "
    "words in table cells holding nested inlines (the same item in French keeps them)",
)
def test_a_right_to_left_table_keeps_its_text() -> None:
    """A generated Arabic item (tests/regressions/rtl-table-loss.json) whose PDF lacks some
    characters of its table's cells; generated PDF checks leave tables out until it is fixed."""
    path = Path(__file__).parent / "regressions" / "rtl-table-loss.json"
    item = jsi_docs.loads(path.read_text(encoding="utf-8"), "json")
    _check_text("pdf", item, jsi_docs.export(item, "pdf"))
