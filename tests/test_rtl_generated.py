"""Generated right-to-left items: the property tests and the one-reading test run on items
drawn in Arabic (not only when the language draw happens to give it), and their PDF check,
which in a right-to-left item compares characters rather than whole texts (the bidi algorithm
moves digits and brackets at a run's edges), still catches a text that is lost.
"""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, Phase, given, settings

import jsi_docs
from _pdf_helpers import EXAMPLES
from _reading import expected_texts, find_in_order, find_letters
from jsi_docs.model import Emphasis, Inline, Link, NewsItem, Paragraph, Section, Strong, Table
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


# -- tables of long words -------------------------------------------------------------------
#
# A word wider than its column makes the column, and with the automatic table layout the whole
# table, wider than the page; WeasyPrint then sets the table past the page's end edge: off the
# right edge in a left-to-right item, off the left one in a right-to-left item, and that text
# is lost (the PDF checks count only text on the page). overflow-wrap does not help in
# WeasyPrint 70: break-word does not narrow a column, and neither it nor anywhere breaks the
# part of a word that follows an inline element's edge. The HTML writer marks such words
# (long-word spans, which break anywhere): see docs/pdf.md, "Known WeasyPrint issues".

REGRESSION = Path(__file__).parent / "regressions" / "rtl-table-loss.json"


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_a_table_of_long_words_keeps_its_text(language: str) -> None:
    """A generated Arabic item (tests/regressions/rtl-table-loss.json) whose table ran off the
    page's left edge; in French the same table ran off its right edge."""
    item = jsi_docs.loads(REGRESSION.read_text(encoding="utf-8"), "json")
    item = attrs.evolve(item, language=language)
    _check_text("pdf", item, jsi_docs.export(item, "pdf"))


def _long_word(n: int, letters: str) -> list[Inline]:
    """A word of 64 characters without a break, over three nested inline elements: emphasis
    holding a link holding strong text, with letters before and after each edge."""
    word = (letters * 4)[n : n + 64]
    return [
        Emphasis(
            [
                word[:12],
                Link([word[12:24], Strong([word[24:44]]), word[44:52]], url="https://example.org"),
                word[52:],
            ]
        )
    ]


def _with_long_word_table(item: NewsItem, letters: str) -> NewsItem:
    cells = [_long_word(n, letters) for n in range(9)]
    table = Table(
        [cells[3:6], cells[6:9]],
        header=cells[0:3],
    )
    return attrs.evolve(item, sections=(*item.sections, Section([table])))


@pytest.mark.parametrize(
    "letters",
    [
        "Zoqvixbramblequartzmonolithnebulaharpsichord",  # Latin, isolated in <bdi> in Arabic
        "الاستثماراتالإلكترونيةوالتجارةالرقمية",  # Arabic letters
    ],
    ids=["latin", "arabic"],
)
@pytest.mark.parametrize("language", ["ar", "fr"])
def test_long_words_in_narrow_cells_with_nested_inlines_stay_on_the_page(
    language: str, letters: str
) -> None:
    """The minimal case of the loss: three narrow columns, each cell one word of 64 characters
    whose letters run across the edges of emphasis, a link and strong text. Without the
    long-word spans the table is wider than the page (twice as wide in Latin letters), and
    text is lost."""
    path = EXAMPLES / f"jsi-ecommerce-2023-05-25.{language}.yaml"
    item = _with_long_word_table(jsi_docs.load(path), letters)
    _check_text("pdf", item, jsi_docs.export(item, "pdf"))


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_a_word_longer_than_a_line_stays_on_the_page(language: str) -> None:
    """A headline of one word longer than the line (plain text: overflow-wrap breaks it), and
    a paragraph whose word of 132 letters runs into emphasis (a long-word span breaks it)."""
    word = "Zoqvixbramblequartzmonolithnebulaharpsichord" * 3
    item = jsi_docs.load(EXAMPLES / f"jsi-ecommerce-2023-05-25.{language}.yaml")
    paragraph = Paragraph(["Texte " + word[:50], Emphasis([word[50:]]), " fin."])
    item = attrs.evolve(
        item, headline=f"Titre {word}", sections=(*item.sections, Section([paragraph]))
    )
    _check_text("pdf", item, jsi_docs.export(item, "pdf"))
