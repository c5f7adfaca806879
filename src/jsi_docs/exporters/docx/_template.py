"""The reference document, loaded once per file and copied for each export.

Loading parses the package; what every export needs from it is worked out here once: the
style ids of the named styles (a reference made in a French Word calls "heading 1" ``Titre1``),
styles the reference lacks (copied from the default theme's), the numbering behind "List
Number", and a body emptied of the sample text. Each export then deep-copies the prepared
document, which costs less than opening the file again.
"""

from __future__ import annotations

import copy
import enum
import io
import threading
from pathlib import Path
from typing import Any, Final

import attrs
import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

from jsi_docs.errors import ExportError
from jsi_docs.exporters.docx._oxml import qn
from jsi_docs.themes import DEFAULT_THEME_DIR

__all__ = [
    "CHARACTER_STYLES",
    "REFERENCE_NAME",
    "TABLE_STYLES",
    "StyleName",
    "Template",
    "load_template",
]

REFERENCE_NAME: Final = "reference.docx"
"""The theme file the DOCX exporter starts from."""


class StyleName(enum.StrEnum):
    """The named styles the exporter assigns; a reference document defines how they look."""

    # paragraph styles
    TITLE = "Title"
    SUBTITLE = "Subtitle"
    DATELINE = "Dateline"
    ITEM_DATELINE = "Item Dateline"
    NOTICE = "Notice"
    DOCUMENT_SYMBOL = "Document Symbol"
    LEAD = "Lead"
    HEADING = "Heading 1"
    BODY = "Body Text"
    STATEMENT = "Statement"
    LEAD_IN = "Lead-in"
    QUOTE = "Quote"
    QUOTE_ATTRIBUTION = "Quote Attribution"
    LIST_BULLET = "List Bullet"
    LIST_NUMBER = "List Number"
    HIGHLIGHTS_HEADING = "Highlights Heading"
    HIGHLIGHTS = "Highlights"
    FIGURE = "Figure"
    FIGURE_ALT = "Figure Alt"
    CAPTION = "Caption"
    BACK_MATTER_HEADING = "Back Matter Heading"
    SPEAKER = "Speaker"
    TOPICS = "Topics"
    LINKS_BOX = "Links Box"
    LANGUAGE_VERSIONS = "Language Versions"
    CONTACT = "Contact"
    TABLE_TEXT = "Table Text"
    TABLE_HEADING = "Table Heading"
    TABLE_NUMBER = "Table Number"
    TABLE_CAPTION = "Table Caption"
    TABLE_NOTE = "Table Note"
    FOOTNOTE_TEXT = "Footnote Text"
    HEADER = "Header"
    FOOTER = "Footer"
    # character styles
    HYPERLINK = "Hyperlink"
    SPEAKER_NAME = "Speaker Name"
    DIRECT_QUOTATION = "Direct Quotation"
    QUOTED_TERM = "Quoted Term"
    DOCUMENT_CITATION = "Document Citation"
    EMPHASIS = "Emphasis"
    EMPHASIS_UPRIGHT = "Emphasis Upright"
    STRONG = "Strong"
    EDITORIAL_NOTE = "Editorial Note"
    UNTITLED = "Untitled"
    FOOTNOTE_REFERENCE = "Footnote Reference"
    # table styles
    TABLE = "Item Table"


CHARACTER_STYLES: Final = frozenset(
    {
        StyleName.HYPERLINK,
        StyleName.SPEAKER_NAME,
        StyleName.DIRECT_QUOTATION,
        StyleName.QUOTED_TERM,
        StyleName.DOCUMENT_CITATION,
        StyleName.EMPHASIS,
        StyleName.EMPHASIS_UPRIGHT,
        StyleName.STRONG,
        StyleName.EDITORIAL_NOTE,
        StyleName.UNTITLED,
        StyleName.FOOTNOTE_REFERENCE,
    }
)
TABLE_STYLES: Final = frozenset({StyleName.TABLE})

_STYLE, _NAME, _STYLE_ID, _TYPE = qn("w:style"), qn("w:name"), qn("w:styleId"), qn("w:type")
_VAL = qn("w:val")
# Relationships a reference document may carry that must not reach an item's DOCX.
# stylesWithEffects is Word 2010's copy of styles.xml: left in, it would restate the
# reference's own languages and fonts (en-US in python-docx's default template).
_DROPPED_DOCUMENT_RELS: Final = frozenset(
    {
        RT.CUSTOM_XML,
        RT.COMMENTS,
        RT.GLOSSARY_DOCUMENT,
        "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
    }
)


def _style_key(name: str) -> str:
    # Word stores built-in names in lower case ("heading 1", "header"); users see "Heading 1".
    return name.casefold()


def _styles_by_name(styles: etree._Element) -> dict[str, etree._Element]:
    found: dict[str, etree._Element] = {}
    for style in styles.iterchildren(_STYLE):
        name = style.find(_NAME)
        if name is not None:
            found.setdefault(_style_key(name.get(_VAL, "")), style)
    return found


@attrs.frozen
class Template:
    """A prepared reference document: copy it with :meth:`new_document` for each export."""

    document: Any
    """The python-docx ``Document``, body emptied; never modified after preparation."""
    style_ids: dict[StyleName, str]
    list_number_id: int | None
    """The ``numId`` behind "List Number" (each ordered list restarts from a copy of it)."""
    added_styles: tuple[str, ...]
    """Named styles the reference lacked, copied from the default theme's."""

    def new_document(self) -> Any:
        """A fresh, independent copy of the prepared document."""
        return copy.deepcopy(self.document)


def _open(data: bytes, where: str) -> Any:
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds on a damaged package
        raise ExportError(f"cannot open the reference document {where}: {exc}") from exc


def _prepare(data: bytes, where: str) -> Template:
    document = _open(data, where)
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    part = document.part
    for r_id, rel in list(part.rels.items()):
        if rel.reltype in _DROPPED_DOCUMENT_RELS:
            part.drop_rel(r_id)

    styles = part.styles.element
    by_name = _styles_by_name(styles)
    added: list[str] = []
    missing = [n for n in StyleName if _style_key(n) not in by_name]
    if missing:
        defaults = _default_styles()
        used_ids = {s.get(_STYLE_ID) for s in styles.iterchildren(_STYLE)}
        for name in missing:
            style = copy.deepcopy(defaults[_style_key(name)])
            style_id = style.get(_STYLE_ID, "")
            while style_id in used_ids:
                style_id = f"Jsi{style_id}"
            style.set(_STYLE_ID, style_id)
            used_ids.add(style_id)
            styles.append(style)
            by_name[_style_key(name)] = style
            added.append(str(name))
    style_ids = {n: by_name[_style_key(n)].get(_STYLE_ID, "") for n in StyleName}

    list_number = by_name[_style_key(StyleName.LIST_NUMBER)]
    num_id = list_number.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
    list_number_id = int(num_id.get(_VAL, "0")) if num_id is not None else None
    return Template(document, style_ids, list_number_id, tuple(added))


_DEFAULT_STYLES: dict[str, etree._Element] = {}


def _default_styles() -> dict[str, etree._Element]:
    if not _DEFAULT_STYLES:
        path = DEFAULT_THEME_DIR / REFERENCE_NAME
        document = _open(path.read_bytes(), str(path))
        _DEFAULT_STYLES.update(_styles_by_name(document.part.styles.element))
    return _DEFAULT_STYLES


_CACHE: dict[str, tuple[tuple[int, int], Template]] = {}
_LOCK = threading.Lock()


def load_template(path: Path) -> Template:
    """The prepared template of the reference document at ``path``, cached per file.

    A file changed on disk (other size or modification time) is loaded again and replaces the
    cached one.
    """
    try:
        stat = path.stat()
        key = str(path.resolve())
    except OSError as exc:
        raise ExportError(f"cannot read the reference document {path}: {exc}") from exc
    identity = (stat.st_mtime_ns, stat.st_size)
    with _LOCK:
        cached = _CACHE.get(key)
        if cached is not None and cached[0] == identity:
            return cached[1]
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ExportError(f"cannot read the reference document {path}: {exc}") from exc
        template = _prepare(data, str(path))
        _CACHE[key] = (identity, template)
        return template
