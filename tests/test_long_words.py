"""Words too long for their line or table column: the HTML writer sets them in ``long-word``
spans, which the stylesheets let break between any two characters, so that a table of long
words stays as wide as the page (in WeasyPrint, ``overflow-wrap`` alone does not: see
docs/pdf.md, "Known WeasyPrint issues"). The PDF side is in test_rtl_generated.py."""

from __future__ import annotations

import re

import attrs
import pytest

import jsi_docs
from _pdf_helpers import EXAMPLES
from jsi_docs.exporters.html._inline import LINE_WORD, InlineRenderer, long_words
from jsi_docs.exporters.html._page import cell_word
from jsi_docs.model import Emphasis, Link, NewsItem, Paragraph, Section, Strong, Table
from jsi_docs.view import CellView, Emph, Inlines, LinkSpan, Run, Stress, TableView, Term

SPAN = re.compile(r'<span class="long-word">([^<]*)</span>')


def _text(markup: str) -> str:
    return re.sub(r"<[^>]*>", "", markup)


@pytest.mark.parametrize(
    ("text", "limit", "found"),
    [
        ("a" * 20, 20, []),  # as long as the limit: whole
        ("a" * 21, 20, [(0, 21)]),
        ("short " + "b" * 21 + " words", 20, [(6, 27)]),
        ("a" * 10 + "\u00a0" + "a" * 10, 20, [(0, 21)]),  # a no-break space joins
        ("a" * 10 + "\u200b" + "a" * 10, 20, []),  # a zero-width space breaks
        ("中" * 30, 20, []),  # ideographs break between each other
        ("a\u0301" * 20, 20, []),  # marks take no room: 20 letters
        ("a\u0301" * 21, 20, [(0, 42)]),
        # no break after an opening bracket, before a closing one or "!?,.:;/" (UAX #14)
        ("a" * 8 + "{{ 7*7 }}" + "b" * 8, 20, [(0, 25)]),
        ("a" * 12 + " !" + "b" * 8, 20, [(0, 22)]),
        ("« (" + "a" * 18, 20, [(0, 21)]),
        ("a" * 12 + " b" * 8, 20, []),  # ordinary spaces break
        ("中（" + "a" * 20 + "）文", 20, [(1, 23)]),  # wide brackets stay with their word
    ],
)
def test_a_long_word_is_one_longer_than_the_limit_between_two_breaks(
    text: str, limit: int, found: list[tuple[int, int]]
) -> None:
    assert long_words(text, limit) == found


def _nested(word: str) -> tuple[Emph, ...]:
    # a word over the edges of emphasis, a link and strong text, as in a cell of the bug
    return (
        Emph(
            (
                Run(word[:5]),
                LinkSpan(
                    (Run(word[5:10]), Stress((Run(word[10:15]),)), Run(word[15:])), "https://e.org"
                ),
            )
        ),
    )


def test_each_piece_of_a_long_word_across_elements_is_marked_and_the_text_is_the_same() -> None:
    word = "Zoqvixbramblequartzmonolith"  # 27 letters
    render = InlineRenderer("x", "rtl")
    nodes: Inlines = (Run("A cell: "), *_nested(word), Run(" and short words."))
    marked = render(nodes, 20)
    assert "".join(SPAN.findall(marked)) == word  # every piece, nothing else
    assert len(SPAN.findall(marked)) == 4  # one in each element the word crosses
    assert _text(marked) == _text(render(nodes, 30)) == f"A cell: {word} and short words."
    assert "long-word" not in render(nodes, 30)


def test_quotation_marks_and_escapes_belong_to_the_word() -> None:
    nodes = (Term((Run("<" + "a" * 20 + "&"),), "«\u00a0", "\u00a0»"),)
    marked = InlineRenderer("x")(nodes, 20)
    assert "".join(SPAN.findall(marked)) == "«\u00a0&lt;" + "a" * 20 + "&amp;\u00a0»"


def test_a_table_column_holds_a_share_of_a_page_line() -> None:
    def table(columns: int) -> TableView:
        cell = CellView((Run("x"),), numeric=False)
        return TableView("t", rows=((cell,) * columns,))

    assert [cell_word(table(n)) for n in (1, 2, 3, 4, 6, 20)] == [66, 32, 20, 15, 9, 4]
    assert cell_word(TableView("t", rows=())) == 66


def _arabic_item(*blocks: Paragraph | Table) -> NewsItem:
    """The Arabic seed item with ``blocks`` as its only section."""
    item = jsi_docs.load(EXAMPLES / "jsi-ecommerce-2023-05-25.ar.yaml")
    return attrs.evolve(item, sections=(Section(blocks),))


def test_the_page_marks_long_words_of_cells_by_the_table_and_of_paragraphs_by_the_line() -> None:
    word = "Zoqvixbramblequartzmonolith"  # too long for one of three columns, not for a line
    cell = [Emphasis([word[:9], Link([Strong([word[9:20]])], url="https://e.org"), word[20:]])]
    three = Table([[cell, ["كلمة"], ["12"]]], header=[["أ"], ["ب"], ["ج"]])
    html = jsi_docs.export(_arabic_item(three, Paragraph([word])), "html").decode()
    assert "".join(SPAN.findall(html)) == word  # the cell's word, not the paragraph's
    line = "y" * (LINE_WORD + 1)
    html = jsi_docs.export(_arabic_item(Paragraph([line])), "html").decode()
    assert SPAN.findall(html) == [line]
