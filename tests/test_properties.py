"""Hypothesis properties over generated valid items (tests/strategies.py ``news_items()``, full of
markup, template syntax, bidi controls and combining marks): every format exports; the item's
text is in each output's extracted text; exporting twice gives the same bytes.

The default profile runs a few examples per format; ``JSI_FUZZ=1`` (the "fuzz" profile in
conftest.py) runs far more.
"""

from __future__ import annotations

import collections
import functools
import importlib
import json
import os
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings

import jsi_docs
from _extract import docx_text, html_hazards, html_text, normalise, pdf_text
from _html_parse import json_ld, parse
from jsi_docs.exporters import jsonld
from jsi_docs.model import BlockQuote, Figure, ListBlock, NewsItem, Paragraph, RichText, Table
from jsi_docs.view import build_view, direction
from jsi_docs.view.present import clean
from strategies import news_items
from tests_helpers import shown_text

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = settings().max_examples if os.environ.get("JSI_FUZZ") else 8
FORMATS = {
    "html": "jsi_docs.exporters.html",
    "pdf": "jsi_docs.exporters.pdf",
    "docx": "jsi_docs.exporters.docx",
}


def item_texts(item: NewsItem) -> Iterator[str]:
    """The item's own text, which every format shows: headline, series, lead, headings, blocks,
    related links' titles and the contact sentence -- with the code points no document may hold
    (noncharacters such as U+8FFFE) replaced by U+FFFD, as HTML shows them; the outputs' text
    goes through the same replacement (DOCX keeps U+FDD0-U+FDEF, which XML allows)."""
    return map(clean, _item_texts(item))


def _words(text: RichText) -> str:
    """What every format shows of ``text`` as words: an editor's insertion between its marks,
    no note numbers, and nothing for a truncation (its ellipsis and label are the labels')."""
    return shown_text(text, {})


def _item_texts(item: NewsItem) -> Iterator[str]:
    if item.headline is not None:
        yield item.headline
    if item.subtitle:
        yield _words(item.subtitle)
    if item.series is not None:
        yield item.series.label
    if item.lead:
        yield _words(item.lead)
    yield from (_words(h) for h in item.highlights)
    for section in item.sections:
        if section.heading:
            yield section.heading
        for block in section.blocks:
            match block:
                case Paragraph(text=text):
                    yield _words(text)
                case ListBlock(items=entries):
                    yield from (_words(entry) for entry in entries)
                case BlockQuote(paragraphs=paragraphs):
                    yield from (_words(p) for p in paragraphs)
                case Table():
                    yield from (_words(t) for t in block.texts())
                case Figure(caption=caption, credit=credit):
                    # The alt text is an attribute in HTML: tests/test_figure.py checks it.
                    if caption:
                        yield _words(caption)
                    if credit:
                        yield credit
    yield from (link.title for link in item.related_links)
    if item.contact is not None:
        yield _words(item.contact.text)


@functools.cache
def _covered() -> frozenset[int]:
    """Code points some font the PDF can use has a glyph for (the theme's and the system's)."""
    from fontTools.ttLib import TTFont

    fonts = [*(ROOT / "src/jsi_docs/themes/default/fonts").glob("*.ttf")]
    fonts += Path("/usr/share/fonts").rglob("*.ttf")
    points: set[int] = set()
    for path in fonts:
        with TTFont(path, lazy=True) as font:
            points.update(font.getBestCmap() or {})
    return frozenset(points)


_MIRRORED = str.maketrans(")>]}\u2019\u203a", "(<[{\u2018\u2039")
_STRONG_RTL = {"R", "AL", "RLE", "RLO", "RLI", "LRE", "LRO", "LRI", "FSI", "PDF", "PDI"}


# Unassigned code points in these blocks are right-to-left by default (UAX #9, DerivedBidiClass);
# Python's Unicode tables give them no class, the shaper's newer tables may give them a script.
_DEFAULT_RTL = (
    (0x0590, 0x08FF),
    (0xFB1D, 0xFDFF),
    (0xFE70, 0xFEFF),
    (0x10800, 0x10FFF),
    (0x1E800, 0x1EFFF),
)


def _rtl(c: str) -> bool:
    bidi = unicodedata.bidirectional(c)
    if bidi == "":
        return any(low <= ord(c) <= high for low, high in _DEFAULT_RTL)
    return bidi in _STRONG_RTL


def _boxed(c: str) -> bool:
    """A visible character no font has a glyph for."""
    return not c.isspace() and unicodedata.category(c) != "Cf" and ord(c) not in _covered()


def _reordered(text: str) -> bool:
    """Whether bidi reordering can change this text's visual order."""
    return any(_rtl(c) for c in text)


def _pdf_comparable(text: str) -> str:
    """What a PDF text extractor can give back: characters with a glyph, no combining marks
    (decomposed and dropped: in reversed runs they come before their base), mirrored brackets folded (pypdf keeps a
    right-to-left state across runs and may give ``>`` for ``<``), compatibility forms folded (one glyph may
    serve several code points, and the extractor gives back only one), no hyphens (a soft hyphen
    where a line breaks prints a glyph that DejaVu shares between U+2010 and "-")."""
    covered = _covered()
    # print.css sets some text in capitals (the series banner): compare in upper case, folded,
    # since lower case does not come back from upper ("ı" -> "I" -> "i")
    text = text.upper().casefold()
    return "".join(
        c
        for c in unicodedata.normalize("NFKD", normalise(text)).translate(_MIRRORED)
        if ord(c) in covered and not unicodedata.category(c).startswith("M") and c not in "-\u2010"
    )


def _require(fmt: str) -> None:
    try:
        importlib.import_module(FORMATS[fmt])
    except ImportError as exc:
        pytest.skip(f"{FORMATS[fmt]} is not importable yet: {exc}")


def _check_text(fmt: str, item: NewsItem, data: bytes) -> None:
    if fmt == "html":
        html = data.decode("utf-8")
        assert list(html_hazards(html)) == []
        shown = normalise(clean(html_text(html))).casefold()
        for text in item_texts(item):
            assert normalise(text).casefold() in shown, f"html lacks {text!r}"
    elif fmt == "docx":
        shown = normalise(clean(docx_text(data))).casefold()
        for text in item_texts(item):
            assert normalise(text).casefold() in shown, f"docx lacks {text!r}"
    else:
        # PDF text comes back in visual order, line by line: bidi runs reversed and, around
        # characters no font has (.notdef boxes, fallback metrics), even lines in another
        # order -- pypdf and poppler agree on it. So texts of left-to-right characters the fonts
        # have must appear whole; the others must have every character in the PDF, as many
        # times as the texts have it.
        shown = _pdf_comparable(pdf_text(data, body_only=True))
        needed: collections.Counter[str] = collections.Counter()
        # in a right-to-left item any text may be reordered (digits, brackets at its ends)
        rtl_item = direction(item.language) == "rtl"
        for text in item_texts(item):
            wanted = _pdf_comparable(text)
            if rtl_item or _reordered(text) or any(_boxed(c) for c in text):
                needed.update(wanted)
            else:
                assert wanted in shown, f"pdf lacks {text!r}"
        missing = needed - collections.Counter(shown)
        assert not missing, f"pdf lacks the characters {dict(missing)!r}"


@pytest.mark.parametrize("fmt", list(FORMATS))
@settings(max_examples=EXAMPLES)
@given(item=news_items())
def test_every_valid_item_exports_with_its_text_and_deterministically(
    fmt: str, item: NewsItem
) -> None:
    _require(fmt)
    first = jsi_docs.render(item, fmt)
    second = jsi_docs.export(item, fmt)
    assert first.data == second, f"{fmt} export is not deterministic"
    _check_text(fmt, item, first.data)


@settings(max_examples=EXAMPLES)
@given(item=news_items())
def test_the_page_states_the_structured_data_of_the_item(item: NewsItem) -> None:
    """The page's JSON-LD, whose quotations the HTML walk collects on its way, is the
    ``NewsArticle`` built from the item alone (quotations found by their own walk)."""
    page = jsi_docs.export(item, "html").decode("utf-8")
    expected = json.loads(jsonld.script_json(jsonld.news_article(build_view(item))))
    assert json_ld(parse(page)) == [expected]
