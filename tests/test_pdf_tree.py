"""The print page read by expat (``exporters/pdf/_tree.py``) is the tree WeasyPrint's own HTML5
parser builds, and the PDF made from it is the same file, byte for byte."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given, settings

import jsi_docs
from _pdf_helpers import example_paths, load
from jsi_docs.exporters.base import ExportOptions
from jsi_docs.exporters.html import build_page
from jsi_docs.exporters.pdf._tree import own_tree
from jsi_docs.model import NewsItem
from jsi_docs.themes import Theme
from strategies import news_items

tinyhtml5 = pytest.importorskip("tinyhtml5", reason="tinyhtml5 comes with WeasyPrint")

CORPUS = Path(__file__).resolve().parent / "corpus"
VALID = sorted(p for p in CORPUS.iterdir() if p.name.startswith("valid-"))
PAGE = (
    "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>T</title>\n"
    "</head>\n<body>\n{body}\n</body>\n</html>\n"
)


def _print_page(item: NewsItem) -> str:
    return build_page(item, ExportOptions(), Theme.load(), print_mode=True).html


def _html5(html: str) -> ET.Element:
    root: ET.Element = tinyhtml5.parse(html, namespace_html_elements=False)
    return root


def _difference(ours: ET.Element, theirs: ET.Element, path: str = "html") -> str | None:
    """Where two trees first differ (tag, attributes, text, tail or children), or None."""
    for what in ("tag", "attrib", "text", "tail"):
        if getattr(ours, what) != getattr(theirs, what):
            return f"{path}: {what} {getattr(ours, what)!r} != {getattr(theirs, what)!r}"
    if len(ours) != len(theirs):
        return f"{path}: {len(ours)} children != {len(theirs)}"
    for index, (mine, other) in enumerate(zip(ours, theirs, strict=True)):
        found = _difference(mine, other, f"{path}/{other.tag}[{index}]")
        if found:
            return found
    return None


def _assert_same_tree_or_refused(html: str) -> ET.Element | None:
    root = own_tree(html)
    if root is not None:
        assert _difference(root, _html5(html)) is None
    return root


@pytest.mark.parametrize("path", example_paths(), ids=lambda p: p.stem)
def test_every_example_is_read_by_expat_as_an_html5_parser_reads_it(path: Path) -> None:
    html = _print_page(load(path))
    root = own_tree(html)
    assert root is not None, "the shortcut refused one of our own examples"
    assert _difference(root, _html5(html)) is None


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_hostile_and_odd_items_are_read_by_expat_as_an_html5_parser_reads_them(path: Path) -> None:
    assert _assert_same_tree_or_refused(_print_page(jsi_docs.load(path))) is not None


@settings(max_examples=30, deadline=None)
@given(item=news_items())
def test_generated_items_give_the_html5_tree_or_none(item: NewsItem) -> None:
    _assert_same_tree_or_refused(_print_page(item))


@pytest.mark.parametrize(
    "body",
    [
        "<p>a&nbsp;b</p>",  # a named reference XML does not know
        "<p>a&#150;b</p>",  # HTML reads Windows-1252 here
        "<p>a\r\nb</p>",
        "<div/>",  # HTML ignores the slash: an open div
        "<P>upper</P>",
        '<p xml:lang="fr">namespace</p>',
        '<p xmlns="http://www.w3.org/2000/svg">namespace</p>',
        "<svg><title>t</title></svg>",
        "<pre>\nfirst line feed dropped by HTML</pre>",
        "<style>p::after { content: '&amp;' }</style>",
        "<p>unclosed",
        "<!-- a comment --><p>x</p>",
    ],
)
def test_what_xml_and_html_read_differently_is_left_to_weasyprint(body: str) -> None:
    assert own_tree(PAGE.format(body=body)) is None


@pytest.mark.parametrize(
    "body",
    [
        '<p title="two\nlines\tand a tab">text</p>',  # XML would make those spaces
        "<p>R&amp;D &lt;b&gt; &#34;quoted&#34; &#39;single&#39;</p>",
        '<img src="a.png" alt="a">',
        "",
    ],
)
def test_what_both_read_alike_gives_the_html5_tree(body: str) -> None:
    assert _assert_same_tree_or_refused(PAGE.format(body=body)) is not None


def test_whitespace_is_placed_as_an_html5_parser_places_it() -> None:
    html = "<!DOCTYPE html>\n<html>\n  <head></head>\n<body><p>x</p>\n</body>\n\n</html>\n"
    root = own_tree(html)
    assert root is not None
    assert root.text is None
    assert root.find("body/p").tail == "\n\n\n\n"  # type: ignore[union-attr]
    assert _difference(root, _html5(html)) is None


@pytest.mark.parametrize(
    "path",
    [*example_paths(), CORPUS / "valid-markup-in-every-field.yaml", CORPUS / "valid-rtl-and-combining.yaml"],
    ids=lambda p: p.stem,
)
def test_the_pdf_is_the_same_file_as_when_weasyprint_parses_the_page(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("weasyprint")
    from jsi_docs.exporters.pdf import _render

    item = jsi_docs.load(path)
    fast = jsi_docs.export(item, "pdf")
    monkeypatch.setattr(_render, "own_tree", lambda html: None)
    parsed_by_weasyprint = jsi_docs.export(item, "pdf")
    assert fast == parsed_by_weasyprint


def test_a_theme_s_own_templates_are_parsed_by_weasyprint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Markup we did not write is not vouched for: a template that is well-formed XML but not
    HTML as written (a <div> inside a <p>, which an HTML5 parser closes) gets WeasyPrint's
    parser, with a stylesheet only the HTML5 reading of it matches."""
    pytest.importorskip("weasyprint")
    from _extract import pdf_text
    from jsi_docs.exporters.pdf import _render

    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "article.html.j2").write_text(
        '<article><p class="outer"><div>Inside the paragraph?</div></p></article>\n',
        encoding="utf-8",
    )
    (tmp_path / "print.css").write_text(
        "p.outer div { display: none }\n", encoding="utf-8"  # matches in the XML tree only
    )
    item = load(example_paths()[0])
    parsed = []
    monkeypatch.setattr(_render, "own_tree", lambda html: parsed.append(html))
    result = jsi_docs.render(item, "pdf", theme=tmp_path)
    assert parsed == []
    assert "Inside the paragraph?" in pdf_text(result.data)
    assert _render._default_templates(Theme.load(tmp_path)) is False
    assert _render._default_templates(Theme.load()) is True
    assert _render._default_templates(Theme.load(tmp_path / "templates")) is True
