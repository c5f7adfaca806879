"""The shipped reference.docx follows the design tokens: every style the tokens name has their
font, size, weight, slant, colour, case, tracking, spacing, line height, alignment, rules and
indent, read from styles.xml as Word resolves them (a style's own properties, then those of
the styles it is based on, then the document defaults)."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest
from lxml import etree

from _theme_helpers import tokens
from jsi_docs.exporters.docx._template import REFERENCE_NAME
from jsi_docs.themes import DEFAULT_THEME_DIR
from jsi_docs.themes.tokens import Element

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
OFF = frozenset({"0", "false", "off", "none"})


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


class Styles:
    """styles.xml of a DOCX, with properties resolved through ``w:basedOn``."""

    def __init__(self, data: bytes) -> None:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            root = etree.fromstring(archive.read("word/styles.xml"))
        self.by_id = {s.get(_w("styleId")): s for s in root.iter(_w("style"))}
        self.by_name = {
            s.find(_w("name")).get(_w("val")).casefold(): s  # type: ignore[union-attr]
            for s in root.iter(_w("style"))
        }
        self.defaults = root.find(_w("docDefaults"))

    def chain(self, name: str) -> list[Any]:
        """The style called ``name``, the styles it is based on, and the document defaults."""
        style: Any = self.by_name[name.casefold()]
        chain = []
        while style is not None:
            chain.append(style)
            based = style.find(_w("basedOn"))
            style = self.by_id.get(based.get(_w("val"))) if based is not None else None
        assert self.defaults is not None
        return [
            *chain,
            self.defaults.find(_w("rPrDefault")),
            self.defaults.find(_w("pPrDefault")),
        ]

    def attribute(self, name: str, path: str, attribute: str = "val") -> str | None:
        """The first value of ``path``'s ``attribute`` along the chain (None: never set)."""
        for node in self.chain(name):
            found = node.find(path, {"w": W}) if node is not None else None
            if found is not None and found.get(_w(attribute)) is not None:
                return str(found.get(_w(attribute)))
        return None

    def on(self, name: str, path: str) -> bool:
        """A toggle (``w:b``, ``w:keepNext``...) along the chain: its first occurrence decides."""
        for node in self.chain(name):
            found = node.find(path, {"w": W}) if node is not None else None
            if found is not None:
                return found.get(_w("val"), "1") not in OFF
        return False


@pytest.fixture(scope="module")
def styles() -> Styles:
    return Styles((DEFAULT_THEME_DIR / REFERENCE_NAME).read_bytes())


def _expected(elements: list[Element]) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for element in elements:
        merged |= element.look.set()
    return merged


def _size(styles: Styles, name: str) -> float:
    half_points = styles.attribute(name, "w:rPr/w:sz")
    assert half_points is not None, name
    return int(half_points) / 2


STYLES = sorted(tokens().docx_styles().items())


@pytest.mark.parametrize(("name", "elements"), STYLES, ids=[name for name, _ in STYLES])
def test_reference_style_has_the_look_of_its_tokens(
    styles: Styles, name: str, elements: list[Element]
) -> None:
    t = tokens()
    look = _expected(elements)
    paragraph = styles.by_name[name.casefold()].get(_w("type")) == "paragraph"
    at = styles.attribute
    for prop, value in look.items():
        match prop:
            case "family":
                assert at(name, "w:rPr/w:rFonts", "ascii") == t.fonts[value].docx
                assert at(name, "w:rPr/w:rFonts", "hAnsi") == t.fonts[value].docx
            case "size":
                assert _size(styles, name) == value
            case "weight":
                assert styles.on(name, "w:rPr/w:b") is (value == 700)
            case "style":
                assert styles.on(name, "w:rPr/w:i") is (value == "italic")
            case "colour":
                assert at(name, "w:rPr/w:color") == t.colours[value].removeprefix("#").upper()
            case "case":
                assert styles.on(name, "w:rPr/w:caps") is (value == "upper")
            case "tracking":
                twips = int(at(name, "w:rPr/w:spacing") or 0)
                assert abs(twips - value * _size(styles, name) * 20) <= 1
            case "decoration":
                assert at(name, "w:rPr/w:u") == ("single" if value == "underline" else "none")
            case "align":
                assert at(name, "w:pPr/w:jc") == value
            case "hyphens":
                assert styles.on(name, "w:pPr/w:suppressAutoHyphens") is (not value)
            case "before" | "after":
                assert int(at(name, "w:pPr/w:spacing", prop) or 0) == round(value * 20)
            case "leading":
                assert at(name, "w:pPr/w:spacing", "lineRule") == "atLeast"
                line = int(at(name, "w:pPr/w:spacing", "line") or 0)
                assert abs(line - value * _size(styles, name) * 20) <= 1
            case "indent":
                rule = look.get("rule")
                extra = rule.width + rule.gap if rule and rule.side == "left" else 0
                assert int(at(name, "w:pPr/w:ind", "left") or 0) == round((value + extra) * 20)
            case "rule":
                border = f"w:pPr/w:pBdr/w:{value.side}"
                assert at(name, border) == "single"
                assert int(at(name, border, "sz") or 0) == round(value.width * 8)
                assert int(at(name, border, "space") or 0) == round(value.gap)
                assert at(name, border, "color") == t.colours[value.colour][1:].upper()
            case _:
                raise AssertionError(f"no check for {prop}")
        assert paragraph or prop in {
            "family", "size", "weight", "style", "colour", "case", "tracking", "decoration"
        }, (name, prop)  # fmt: skip


def test_speaker_names_are_bold_uncoloured_and_not_underlined(styles: Styles) -> None:
    """A speaker's name must not read as a link: no colour of its own, no underline."""
    assert styles.on("Speaker Name", "w:rPr/w:b")
    assert styles.attribute("Speaker Name", "w:rPr/w:color") is None
    assert styles.attribute("Speaker Name", "w:rPr/w:u") in (None, "none")
    assert styles.attribute("Hyperlink", "w:rPr/w:u") == "single"


def test_body_text_is_serif_ragged_and_unhyphenated(styles: Styles) -> None:
    serif = tokens().fonts["serif"].docx
    for name in ("Body Text", "Statement", "Quote", "List Bullet", "Topics", "Lead"):
        assert styles.attribute(name, "w:rPr/w:rFonts", "ascii") == serif, name
        assert styles.attribute(name, "w:pPr/w:jc") in (None, "left"), name
        assert styles.on(name, "w:pPr/w:suppressAutoHyphens"), name
    assert not styles.on("Direct Quotation", "w:rPr/w:i")
    assert not styles.on("Quoted Term", "w:rPr/w:i")
    assert styles.on("Quote", "w:rPr/w:i")
    assert not styles.on("Quote Attribution", "w:rPr/w:i")


@pytest.mark.parametrize("name", ["List Bullet", "List Number"])
def test_a_list_is_spaced_as_the_stylesheets_space_it(styles: Styles, name: str) -> None:
    """No space between entries, a paragraph's space after the last one (print.css: ``li``
    without margins, the list's margin below): Word's contextual spacing does both."""
    assert styles.on(name, "w:pPr/w:contextualSpacing")
    after = styles.attribute(name, "w:pPr/w:spacing", "after")
    assert after == str(round((tokens().element("paragraph").look.after or 0) * 20))
    assert styles.attribute("Body Text", "w:pPr/w:spacing", "after") == after


def test_the_highlights_rule_runs_unbroken_beside_label_and_entries(styles: Styles) -> None:
    """Word and LibreOffice draw a left border beside a paragraph's first line, so each entry's
    first line (its bullet) starts where the label does, and both have the same rule."""
    label, entry = "Highlights Heading", "Highlights"
    for side in ("val", "sz", "space", "color"):
        rule = styles.attribute(label, "w:pPr/w:pBdr/w:left", side)
        assert rule is not None
        assert rule == styles.attribute(entry, "w:pPr/w:pBdr/w:left", side)
    left = int(styles.attribute(entry, "w:pPr/w:ind", "left") or 0)
    hanging = int(styles.attribute(entry, "w:pPr/w:ind", "hanging") or 0)
    assert left - hanging == int(styles.attribute(label, "w:pPr/w:ind", "left") or 0) > 0
    assert styles.on(label, "w:pPr/w:keepNext")


def test_the_end_of_the_document_keeps_together(styles: Styles) -> None:
    """Headings keep with their text; the links, language versions and contact lines keep with
    what follows, so the contact block never sits alone on a last page; widow control is on."""
    for name in (
        "Title", "Heading 1", "Back Matter Heading", "Speakers Heading", "Links Box Heading",
        "Links Box", "Language Versions", "Contact", "Table Caption",
    ):  # fmt: skip
        assert styles.on(name, "w:pPr/w:keepNext"), name
    for name in ("Body Text", "Speaker", "Back Matter"):
        assert not styles.on(name, "w:pPr/w:keepNext"), name
    assert styles.on("Normal", "w:pPr/w:widowControl")


def test_back_matter_boxes_share_one_heading(styles: Styles) -> None:
    heading = tokens().element("back-matter-heading").look
    for name in ("Speakers Heading", "Links Box Heading"):
        own = styles.by_name[name.casefold()]
        assert own.find(_w("pPr")) is None
        assert own.find(_w("rPr")) is None
        assert styles.chain(name)[1].get(_w("styleId")) == "BackMatterHeading"
        assert _size(styles, name) == heading.size
    for name in ("Speaker", "Links Box", "Language Versions", "Contact"):
        ids = [s.get(_w("styleId")) for s in styles.chain(name)[:-2]]
        assert "BackMatter" in ids, name
