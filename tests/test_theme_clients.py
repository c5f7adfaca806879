"""Real clients judge the house style: Chromium's computed style of the pages (screen, and print
as the PDF gets it) follows the design tokens, and LibreOffice lays the DOCX out on as many pages
as WeasyPrint lays out the PDF, its end kept together.

The expected look of each element is worked out from the tokens alone, as the cascade would:
of the elements whose selectors match a node and that set a property, the one with the most
specific selector wins. Hand-written CSS that overrode the tokens, or a rule pasted into another
rule's selector list, fails here. One exception: the space after any paragraph (the
"paragraph" element, ``.jsi-item p``) gives way where a context sets its own (the last paragraph
of a quotation, a table's note, the contact lines); the DOCX and generated-CSS tests check it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import cssselect2
import pypdf
import pytest

import jsi_docs
from _docx_helpers import FRENCH, every_node_item
from _theme_helpers import tokens
from clients import (
    Chromium,
    libreoffice_convert,
    pdftotext,
    require_chromium,
    require_libreoffice,
    require_poppler,
)
from jsi_docs.exporters.base import ExportOptions
from jsi_docs.exporters.html import build_page, page_assets
from jsi_docs.model import Dateline, NewsItem, PartialDate, Truncation
from jsi_docs.themes import Theme
from jsi_docs.themes.tokens import Element

pytestmark = pytest.mark.clients

PROPERTIES = (
    "font-family", "font-size", "font-weight", "font-style", "color", "line-height",
    "letter-spacing", "text-transform", "text-decoration-line", "text-align", "hyphens",
    "margin-top", "margin-bottom", "margin-left", "display", "background-color",
    *(f"border-{side}-{p}" for side in ("top", "bottom", "left") for p in ("width", "style", "color")),
    *(f"padding-{side}" for side in ("top", "bottom", "left")),
)  # fmt: skip
# Not elements of the tokens, but checked: every paragraph is ragged and unhyphenated, speaker
# names and speech spans draw nothing, topics are a line of text.
EXTRA = (".jsi-item p", ".jsi-item li", ".jsi-item span.speaker-ref", ".jsi-item .topics li",
         ".jsi-item .topic", ".jsi-item span.speech", ".jsi-item .quoted-term")  # fmt: skip


def _french() -> NewsItem:
    return jsi_docs.load(FRENCH)


def _captured_in_part() -> NewsItem:
    """Every node again, with no headline (the label "Untitled"), a standfirst, a dateline,
    a notice, a lead cut off in the source and highlights."""
    return every_node_item(
        headline=None,
        highlights=(("Un point clé",), ("Un autre",)),
        subtitle=("Un intertitre sous le titre",),
        dateline=Dateline("GENÈVE", PartialDate(2023, 6, 1)),
        notice=("Seul le texte prononcé fait foi",),
        lead=("Un chapeau que la page capturée coupe", Truncation()),
    )


def _chinese() -> NewsItem:
    """Every node again, in Chinese: its emphasis is upright and bold."""
    return every_node_item(language="zh")


_OWN_FONTS = frozenset({"zh-every-node"})
"""Items in a language whose script's fonts the tokens put first (tests/test_languages_six.py)."""

ITEMS: dict[str, Callable[[], NewsItem]] = {
    "every-node": every_node_item,
    "fr-example": _french,
    "captured-in-part": _captured_in_part,
    "zh-every-node": _chinese,
}


def _selectors() -> list[tuple[str, Element | None]]:
    return [(s, e) for e in tokens().elements for s in e.html] + [(s, None) for s in EXTRA]


@functools.cache
def _specificity(selector: str) -> tuple[int, int, int]:
    specificity = cssselect2.compile_selector_list(selector)[0].specificity
    return (int(specificity[0]), int(specificity[1]), int(specificity[2]))


def _px(value: str) -> float:
    assert value.endswith("px"), value
    return float(value[:-2])


def _rgb(hex_colour: str) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


def _check(prop: str, value: Any, style: dict[str, str], px_per_pt: float) -> list[str]:
    """What differs between the computed ``style`` and the token property ``prop`` = ``value``."""
    t = tokens()
    size = _px(style["font-size"])
    close = 0.1
    wanted: dict[str, Any] = {}
    match prop:
        case "family":
            first = style["font-family"].split(",")[0].strip().strip('"')
            return [] if first == t.fonts[value].css[0] else [f"font-family {first}"]
        case "size":
            wanted["font-size"] = value * px_per_pt
        case "weight":
            wanted["font-weight"] = str(value)
        case "style":
            wanted["font-style"] = value
        case "colour":
            wanted["color"] = _rgb(t.colours[value])
        case "leading":
            wanted["line-height"] = value * size
        case "tracking":
            if value:
                wanted["letter-spacing"] = value * size
            else:
                wanted["letter-spacing"] = "normal"
        case "case":
            wanted["text-transform"] = "uppercase" if value == "upper" else "none"
        case "decoration":
            wanted["text-decoration-line"] = value
        case "align":  # the stylesheets say left and right as start and end (logical sides)
            wanted["text-align"] = {"left": "start", "right": "end"}.get(str(value), str(value))
        case "hyphens":
            wanted["hyphens"] = "auto" if value else "manual"
        case "before":
            wanted["margin-top"] = value * px_per_pt
        case "after":
            wanted["margin-bottom"] = value * px_per_pt
        case "indent":
            wanted["margin-left"] = value * px_per_pt
        case "rule":
            side = value.side
            wanted[f"border-{side}-style"] = "solid"
            wanted[f"border-{side}-color"] = _rgb(t.colours[value.colour])
            wanted[f"padding-{side}"] = value.gap * px_per_pt
            # browsers draw a border in whole device pixels
            width = _px(style[f"border-{side}-width"])
            if abs(width - value.width * px_per_pt) > 1:
                return [f"border-{side}-width {width}"]
    problems = []
    for name, expected in wanted.items():
        got = style[name]
        if isinstance(expected, float):
            if abs(_px(got) - expected) > close:
                problems.append(f"{name} {got} (tokens: {expected:.2f}px)")
        elif got != expected:
            problems.append(f"{name} {got} (tokens: {expected})")
    return problems


@pytest.fixture(scope="module")
def computed(
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """Each item's page in each medium: the computed style of every node the selectors match."""
    require_chromium()
    out = tmp_path_factory.mktemp("theme")
    for relative, data in page_assets(Theme.load()).items():
        (out / relative).parent.mkdir(parents=True, exist_ok=True)
        (out / relative).write_bytes(data)
    found = {}
    selectors = [s for s, _ in _selectors()]
    with Chromium() as browser:
        for name, make in ITEMS.items():
            item: NewsItem = make()
            screen = out / f"{name}.html"
            screen.write_bytes(jsi_docs.export(item, "html"))
            printed = out / f"{name}.print.html"
            page = build_page(item, ExportOptions(), Theme.load(), print_mode=True)
            printed.write_text(page.html, encoding="utf-8")
            for medium, path in (("screen", screen), ("print", printed)):
                found[name, medium] = browser.computed_styles(
                    path, selectors, PROPERTIES, media=medium, within=".jsi-item"
                )
    return found


@pytest.mark.parametrize("medium", ["screen", "print"])
@pytest.mark.parametrize("name", sorted(ITEMS))
def test_computed_style_follows_the_tokens(
    computed: dict[tuple[str, str], list[dict[str, Any]]], name: str, medium: str
) -> None:
    selectors = _selectors()
    px_per_pt = tokens().px_per_pt if medium == "screen" else 4 / 3
    problems: list[str] = []
    seen: set[str] = set()  # the elements met on this page
    for node in computed[name, medium]:
        winners: dict[str, tuple[tuple[int, int, int], int, Element]] = {}
        for index in node["matches"]:
            selector, element = selectors[index]
            if element is None:
                continue
            seen.add(element.name)
            rank = (_specificity(selector), tokens().elements.index(element))
            for prop in element.look.set():
                if element.name == "paragraph":
                    continue  # its spacing, for any <p>, gives way to a context's (see above)
                if prop not in winners or rank > winners[prop][:2]:
                    winners[prop] = (*rank, element)
        for prop, (_, _, element) in sorted(winners.items()):
            if prop == "family" and name in _OWN_FONTS:
                continue  # its script's fonts come first (tokens' css-by-language)
            value = element.look.set()[prop]
            for problem in _check(prop, value, node["style"], px_per_pt):
                where = f"<{node['tag']} class={' '.join(node['classes'])!r}>"
                problems.append(f"{where} {element.name}.{prop}: {problem}")
    assert not problems, "\n".join(sorted(set(problems)))
    assert len(seen) >= 14


def test_every_element_is_on_some_page(
    computed: dict[tuple[str, str], list[dict[str, Any]]],
) -> None:
    selectors = _selectors()
    seen = {
        element.name
        for nodes in computed.values()
        for node in nodes
        for element in (selectors[i][1] for i in node["matches"])
        if element is not None
    }
    assert seen == {e.name for e in tokens().elements if e.html}


@pytest.mark.parametrize("medium", ["screen", "print"])
@pytest.mark.parametrize("name", sorted(ITEMS))
def test_one_convention_per_element(
    computed: dict[tuple[str, str], list[dict[str, Any]]], name: str, medium: str
) -> None:
    extra = {s: i for i, (s, e) in enumerate(_selectors()) if e is None}
    nodes = computed[name, medium]

    def matching(selector: str) -> list[dict[str, Any]]:
        return [n for n in nodes if extra[selector] in n["matches"]]

    paragraphs = matching(".jsi-item p") + matching(".jsi-item li")
    assert len(paragraphs) > 10
    for node in paragraphs:
        assert node["style"]["text-align"] in ("left", "start"), node
        assert node["style"]["hyphens"] == "manual", node
    names = matching(".jsi-item span.speaker-ref")
    assert names
    for node in names:  # bold, in the paragraph's colour, not underlined: not a link
        assert node["style"]["font-weight"] == "700"
        assert node["style"]["color"] == node["parent"]["color"]
        assert node["style"]["text-decoration-line"] == "none"
    for node in matching(".jsi-item span.speech") + matching(".jsi-item .quoted-term"):
        assert node["style"]["font-style"] == "normal"
        assert node["before"] in ("none", "normal"), node  # the marks are in the text
        assert node["after"] in ("none", "normal"), node
    topics = matching(".jsi-item .topics li") + matching(".jsi-item .topic")
    assert topics
    for node in topics:  # no pills: a line of text
        assert node["style"]["display"] == "inline"
        assert node["style"]["border-top-style"] == "none"
        assert node["style"]["background-color"] == "rgba(0, 0, 0, 0)"


def test_docx_takes_as_many_pages_as_the_pdf_and_ends_in_one_block(tmp_path: Path) -> None:
    """The French example: LibreOffice lays the DOCX out on the PDF's number of pages, and the
    related links are on the same page as the contact e-mail (which is not alone there)."""
    require_libreoffice()
    require_poppler()
    item = jsi_docs.load(FRENCH)
    pdf = tmp_path / "item.pdf"
    pdf.write_bytes(jsi_docs.export(item, "pdf"))
    docx = tmp_path / "item.docx"
    docx.write_bytes(jsi_docs.export(item, "docx"))
    office_pdf = libreoffice_convert(docx, "pdf", tmp_path / "office")
    pages = len(pypdf.PdfReader(pdf).pages)
    assert len(pypdf.PdfReader(office_pdf).pages) == pages
    last = pdftotext(office_pdf).split("\f")[pages - 1]
    assert item.contact is not None
    assert item.contact.email
    assert item.contact.email in last
    assert item.related_links[0].title in last
    assert len([line for line in last.splitlines() if line.strip()]) > 10
