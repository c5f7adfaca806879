"""Raw WordprocessingML for what python-docx has no public API for.

Everything that writes XML by hand lives here (as python-docx keeps its own in ``docx.oxml``):
external hyperlinks, run and document languages, text direction (``w:bidi``, ``w:rtl``),
PAGE/NUMPAGES fields, restarted numbering, tables, footnotes, extended and custom document
properties, and the custom XML part that carries the item's canonical JSON. The rest of the
exporter builds elements through these helpers.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from typing import Any, Final

from lxml import etree

__all__ = [
    "SOURCE_NAMESPACE",
    "W",
    "add_field",
    "add_footnote",
    "add_footnote_reference",
    "add_hyperlink",
    "add_run",
    "add_table_cell",
    "add_table_row",
    "add_text",
    "app_properties_xml",
    "custom_properties_xml",
    "inline_picture",
    "item_props_xml",
    "new_footnotes",
    "new_numbering_instance",
    "new_paragraph",
    "new_table",
    "qn",
    "set_core_date",
    "set_directions",
    "set_document_language",
    "source_xml",
    "text_width",
]

W: Final = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML: Final = "http://www.w3.org/XML/1998/namespace"
_PIC: Final = "http://schemas.openxmlformats.org/drawingml/2006/picture"
SOURCE_NAMESPACE: Final = "urn:jsi-docs:source"
"""Namespace of the root element of the custom XML part that holds the canonical JSON."""

_OFFICE_DS: Final = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"
_CUSTOM_PROPS: Final = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT: Final = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_EXTENDED: Final = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
_XML_HEAD: Final = b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"


def qn(tag: str) -> str:
    """``"w:p"`` -> ``"{...wordprocessingml...}p"`` (only the ``w`` and ``r`` prefixes)."""
    prefix, _, local = tag.partition(":")
    return f"{{{W if prefix == 'w' else R}}}{local}"


_P, _PPR, _PSTYLE = qn("w:p"), qn("w:pPr"), qn("w:pStyle")
_R, _RPR, _RSTYLE, _T = qn("w:r"), qn("w:rPr"), qn("w:rStyle"), qn("w:t")
_BR, _TAB, _LANG, _VAL = qn("w:br"), qn("w:tab"), qn("w:lang"), qn("w:val")
_HYPERLINK, _RID, _HISTORY = qn("w:hyperlink"), qn("r:id"), qn("w:history")
_FLDCHAR, _FLDCHARTYPE, _INSTR = qn("w:fldChar"), qn("w:fldCharType"), qn("w:instrText")
_NUMPR, _ILVL, _NUMID = qn("w:numPr"), qn("w:ilvl"), qn("w:numId")
_TBL, _W, _TYPE = qn("w:tbl"), qn("w:w"), qn("w:type")
_SPACE = f"{{{XML}}}space"
_BREAKS = re.compile(r"(\r\n|\r|\n|\t)")

# Languages whose text Word files under "East Asian" or "complex script" rather than Latin.
_EAST_ASIAN: Final = frozenset({"ja", "ko", "zh"})
_COMPLEX: Final = frozenset(
    {"ar", "dv", "fa", "he", "hi", "ks", "ku", "ps", "sd", "syr", "th", "ug", "ur", "yi"}
)


def new_paragraph(style_id: str | None, num_id: int | None = None) -> etree._Element:
    """A ``w:p`` with paragraph style ``style_id`` (and, for a restarted list, its ``numId``)."""
    p = etree.Element(_P, nsmap={"w": W, "r": R})
    if style_id is not None or num_id is not None:
        ppr = etree.SubElement(p, _PPR)
        if style_id is not None:
            etree.SubElement(ppr, _PSTYLE).set(_VAL, style_id)
        if num_id is not None:
            numpr = etree.SubElement(ppr, _NUMPR)
            etree.SubElement(numpr, _ILVL).set(_VAL, "0")
            etree.SubElement(numpr, _NUMID).set(_VAL, str(num_id))
    return p


def add_run(parent: etree._Element, style_id: str | None, lang: str | None) -> etree._Element:
    """An empty ``w:r`` appended to ``parent``, with a character style and a language."""
    r = etree.SubElement(parent, _R)
    if style_id is not None or lang is not None:
        rpr = etree.SubElement(r, _RPR)
        if style_id is not None:
            etree.SubElement(rpr, _RSTYLE).set(_VAL, style_id)
        if lang is not None:
            _set_lang(etree.SubElement(rpr, _LANG), lang)
    return r


def add_text(run: etree._Element, text: str) -> None:
    """Append ``text`` to ``run``: line breaks become ``w:br``, tabs ``w:tab``."""
    pieces = _BREAKS.split(text) if ("\n" in text or "\r" in text or "\t" in text) else (text,)
    for piece in pieces:
        if not piece:
            continue
        if piece == "\t":
            etree.SubElement(run, _TAB)
        elif piece in ("\n", "\r", "\r\n"):
            etree.SubElement(run, _BR)
        else:
            t = etree.SubElement(run, _T)
            t.text = piece
            if piece[0].isspace() or piece[-1].isspace():
                t.set(_SPACE, "preserve")


def add_hyperlink(parent: etree._Element, r_id: str) -> etree._Element:
    """A ``w:hyperlink`` to the external relationship ``r_id``; runs go inside it."""
    link = etree.SubElement(parent, _HYPERLINK)
    link.set(_RID, r_id)
    link.set(_HISTORY, "1")
    return link


_FOOTNOTE, _ID = qn("w:footnote"), qn("w:id")


def new_footnotes() -> etree._Element:
    """The root of a footnotes part, holding the two separators Word expects (ids -1 and 0)."""
    root = etree.Element(qn("w:footnotes"), nsmap={"w": W, "r": R})
    for number, kind in ((-1, "separator"), (0, "continuationSeparator")):
        footnote = etree.SubElement(root, _FOOTNOTE)
        footnote.set(_TYPE, kind)
        footnote.set(_ID, str(number))
        run = etree.SubElement(etree.SubElement(footnote, _P), _R)
        etree.SubElement(run, qn(f"w:{kind}"))
    return root


def add_footnote(
    footnotes: etree._Element, number: int, style_id: str, mark_style_id: str
) -> etree._Element:
    """Footnote ``number``: a paragraph in ``style_id`` that opens with its mark; returned for
    the note's runs to follow."""
    footnote = etree.SubElement(footnotes, _FOOTNOTE)
    footnote.set(_ID, str(number))
    p = new_paragraph(style_id)
    footnote.append(p)
    etree.SubElement(add_run(p, mark_style_id, None), qn("w:footnoteRef"))
    add_text(add_run(p, None, None), " ")
    return p


def add_footnote_reference(parent: etree._Element, number: int, style_id: str) -> None:
    """The mark of footnote ``number`` in the text, in the character style ``style_id``."""
    reference = etree.SubElement(add_run(parent, style_id, None), qn("w:footnoteReference"))
    reference.set(_ID, str(number))


def add_field(parent: etree._Element, instruction: str, cached: str, style_id: str | None) -> None:
    """A complex field (``PAGE``, ``NUMPAGES``...) whose last computed value is ``cached``."""
    for kind, text in (
        ("begin", None),
        (None, f" {instruction} "),
        ("separate", None),
        (None, cached),
        ("end", None),
    ):
        r = add_run(parent, style_id, None)
        if kind is not None:
            etree.SubElement(r, _FLDCHAR).set(_FLDCHARTYPE, kind)
        elif text == cached:
            t = etree.SubElement(r, _T)
            t.text = text
        else:
            instr = etree.SubElement(r, _INSTR)
            instr.text = text
            instr.set(_SPACE, "preserve")


def inline_picture(
    shape_id: int, r_id: str, filename: str, cx: int, cy: int, description: str
) -> etree._Element:
    """A ``w:drawing`` with the picture related as ``r_id`` inline, ``cx`` by ``cy`` EMU.

    ``description`` goes to ``wp:docPr/@descr`` and the picture's own ``pic:cNvPr/@descr``:
    the alternative text Word shows and reads out.
    """
    from docx.oxml.shape import CT_Inline
    from docx.shared import Emu

    inline = CT_Inline.new_pic_inline(shape_id, r_id, filename, Emu(cx), Emu(cy))
    inline.docPr.set("descr", description)
    for properties in inline.iter(f"{{{_PIC}}}cNvPr"):
        properties.set("descr", description)
    drawing = etree.Element(qn("w:drawing"))
    drawing.append(inline)
    return drawing


def new_table(
    style_id: str, widths: Iterable[int], *, header: bool, row_headers: bool, caption: str | None
) -> etree._Element:
    """A ``w:tbl`` in table style ``style_id`` across the text width, columns ``widths`` wide
    (twentieths of a point); ``header`` and ``row_headers`` say which parts of the style's
    conditional formatting apply, ``caption`` is its title for assistive technology."""
    tbl = etree.Element(_TBL, nsmap={"w": W, "r": R})
    tblpr = etree.SubElement(tbl, qn("w:tblPr"))
    etree.SubElement(tblpr, qn("w:tblStyle")).set(_VAL, style_id)
    width = etree.SubElement(tblpr, qn("w:tblW"))
    width.set(_W, "5000")
    width.set(_TYPE, "pct")
    look = etree.SubElement(tblpr, qn("w:tblLook"))
    flags = {
        "firstRow": header,
        "lastRow": False,
        "firstColumn": row_headers,
        "lastColumn": False,
        "noHBand": True,
        "noVBand": True,
    }
    bits = 0x20 * header + 0x80 * row_headers + 0x200 + 0x400  # the same flags as w:val
    look.set(_VAL, f"{bits:04X}")
    for name, on in flags.items():
        look.set(qn(f"w:{name}"), "1" if on else "0")
    if caption:
        etree.SubElement(tblpr, qn("w:tblCaption")).set(_VAL, caption)
    grid = etree.SubElement(tbl, qn("w:tblGrid"))
    for w in widths:
        etree.SubElement(grid, qn("w:gridCol")).set(_W, str(w))
    return tbl


def add_table_row(tbl: etree._Element, *, header: bool) -> etree._Element:
    """A ``w:tr`` that never breaks across pages; a ``header`` row repeats on each page."""
    tr = etree.SubElement(tbl, qn("w:tr"))
    trpr = etree.SubElement(tr, qn("w:trPr"))
    etree.SubElement(trpr, qn("w:cantSplit"))
    if header:
        etree.SubElement(trpr, qn("w:tblHeader"))
    return tr


def add_table_cell(tr: etree._Element, width: int, paragraph: etree._Element) -> None:
    """A ``w:tc`` of ``width`` twentieths of a point holding ``paragraph``."""
    tc = etree.SubElement(tr, qn("w:tc"))
    tcw = etree.SubElement(etree.SubElement(tc, qn("w:tcPr")), qn("w:tcW"))
    tcw.set(_W, str(width))
    tcw.set(_TYPE, "dxa")
    tc.append(paragraph)


def text_width(section_properties: etree._Element | None, default: int = 9638) -> int:
    """The width between the margins (twentieths of a point) of a ``w:sectPr``."""
    if section_properties is None:
        return default
    size = section_properties.find(qn("w:pgSz"))
    margins = section_properties.find(qn("w:pgMar"))
    try:
        width = int(size.get(_W, "")) if size is not None else 0
        if margins is not None:
            width -= int(margins.get(qn("w:left"), "0")) + int(margins.get(qn("w:right"), "0"))
            width -= int(margins.get(qn("w:gutter"), "0"))
    except ValueError:
        return default
    return width if width > 0 else default


def _set_lang(element: etree._Element, tag: str) -> None:
    """Set ``w:val`` (and ``w:eastAsia`` / ``w:bidi`` for such languages) to ``tag``."""
    base = tag.split("-", 1)[0].lower()
    element.set(_VAL, tag)
    for attribute, languages in ((qn("w:eastAsia"), _EAST_ASIAN), (qn("w:bidi"), _COMPLEX)):
        if base in languages:
            element.set(attribute, tag)
        elif attribute in element.attrib:
            del element.attrib[attribute]


def set_document_language(
    styles: etree._Element, settings: etree._Element | None, tag: str
) -> None:
    """The document default language (``w:docDefaults``) and ``w:themeFontLang`` become ``tag``.

    Every other language a reference document may carry there (en-US, ja-JP, ar-SA from
    Word's own defaults) is removed, not left behind.
    """
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = etree.Element(qn("w:docDefaults"))
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = etree.Element(qn("w:rPrDefault"))
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(_RPR)
    if rpr is None:
        rpr = etree.SubElement(rpr_default, _RPR)
    lang = rpr.find(_LANG)
    if lang is None:
        lang = _insert_lang(rpr)
    _set_lang(lang, tag)
    if settings is not None:
        theme_lang = settings.find(qn("w:themeFontLang"))
        if theme_lang is not None:
            _set_lang(theme_lang, tag)


# Children of w:rPr that come after w:lang in the schema's sequence.
_AFTER_LANG: Final = frozenset(
    qn(f"w:{name}") for name in ("eastAsianLayout", "specVanish", "oMath")
)


def _insert_lang(rpr: etree._Element) -> etree._Element:
    lang = etree.Element(_LANG)
    for index, child in enumerate(rpr):
        if child.tag in _AFTER_LANG:
            rpr.insert(index, lang)
            return lang
    rpr.append(lang)
    return lang


# -- text direction ----------------------------------------------------------------------------


def _tags(names: str) -> tuple[str, ...]:
    return tuple(qn(f"w:{name}") for name in names.split())


# The schema's order of the children concerned (ECMA-376 Part 1, CT_PPrBase, CT_RPr, CT_SectPr,
# CT_TblPr): a new child goes before the first one already there that comes after it.
_PPR_ORDER: Final = _tags(
    "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
    "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct "
    "topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind "
    "contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment "
    "textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange"
)
_RPR_ORDER: Final = _tags(
    "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint "
    "noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u "
    "effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath"
)
_SECTPR_ORDER: Final = _tags(
    "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc "
    "pgBorders lnNumType pgNumType cols formProt vAlign noEndnote titlePg textDirection "
    "bidi rtlGutter docGrid printerSettings sectPrChange"
)
_TBLPR_ORDER: Final = _tags(
    "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
    "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption "
    "tblDescription tblPrChange"
)
_STRONG_RTL: Final = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
"""Hebrew, Arabic, Syriac, Thaana, N'Ko... and their presentation forms: right-to-left
letters (a run holding one is a right-to-left run)."""


def _ensure_child(parent: etree._Element, tag: str, order: tuple[str, ...]) -> etree._Element:
    """``parent``'s child ``tag``, inserted at its place in the schema's ``order`` if absent."""
    found = parent.find(tag)
    if found is not None:
        return found
    child = etree.Element(tag)
    later = order[order.index(tag) + 1 :]
    for index, existing in enumerate(parent):
        if existing.tag in later:
            parent.insert(index, child)
            return child
    parent.append(child)
    return child


def _properties(element: etree._Element, tag: str) -> etree._Element:
    """The properties child (``w:pPr``, ``w:rPr``, ``w:tblPr``) of ``element``, made first if absent."""
    props = element.find(tag)
    if props is None:
        props = etree.Element(tag)
        element.insert(0, props)
    return props


def set_directions(root: etree._Element, *, right_to_left: bool) -> None:
    """Mark the text direction in a part (document, header, footer, footnotes).

    Every run holding a right-to-left letter gets ``w:rtl`` (Word then shapes it right to left
    with the complex-script font and size). When ``right_to_left`` (the item's language is
    written right to left), every paragraph also gets ``w:bidi``, each table ``w:bidiVisual``
    and the section ``w:bidi``: paragraphs start at the right, lists and indents are mirrored.
    """
    for run in root.iter(qn("w:r")):
        if any(_STRONG_RTL.search(t.text or "") for t in run.iter(qn("w:t"))):
            _ensure_child(_properties(run, _RPR), qn("w:rtl"), _RPR_ORDER)
    if not right_to_left:
        return
    for paragraph in root.iter(qn("w:p")):
        _ensure_child(_properties(paragraph, qn("w:pPr")), qn("w:bidi"), _PPR_ORDER)
    for table in root.iter(qn("w:tbl")):
        _ensure_child(_properties(table, qn("w:tblPr")), qn("w:bidiVisual"), _TBLPR_ORDER)
    for section in root.iter(qn("w:sectPr")):
        _ensure_child(section, qn("w:bidi"), _SECTPR_ORDER)


def new_numbering_instance(numbering: etree._Element, num_id: int) -> int | None:
    """A new ``w:num`` sharing ``num_id``'s list definition, restarted at 1; its id.

    None when ``num_id`` is not defined (a reference document without that list).
    """
    nums = numbering.findall(qn("w:num"))
    source = next((n for n in nums if n.get(qn("w:numId")) == str(num_id)), None)
    if source is None:
        return None
    abstract = source.find(qn("w:abstractNumId"))
    if abstract is None:
        return None
    new_id = max(int(n.get(qn("w:numId"), "0")) for n in nums) + 1
    num = etree.SubElement(numbering, qn("w:num"))
    nums[-1].addnext(num)  # w:num come before w:numIdMacAtCleanup, which Word may write
    num.set(qn("w:numId"), str(new_id))
    etree.SubElement(num, qn("w:abstractNumId")).set(_VAL, abstract.get(_VAL, "0"))
    override = etree.SubElement(num, qn("w:lvlOverride"))
    override.set(_ILVL, "0")
    etree.SubElement(override, qn("w:startOverride")).set(_VAL, "1")
    return new_id


def _nsmap(default: str, **prefixed: str) -> dict[Any, str]:
    return {None: default, **prefixed}


def _serialise(root: etree._Element) -> bytes:
    return _XML_HEAD + etree.tostring(root, encoding="UTF-8")


def custom_properties_xml(properties: Iterable[tuple[str, str]]) -> bytes:
    """``docProps/custom.xml`` holding ``(name, text)`` pairs as string properties."""
    root = etree.Element(f"{{{_CUSTOM_PROPS}}}Properties", nsmap=_nsmap(_CUSTOM_PROPS, vt=_VT))
    for pid, (name, value) in enumerate(properties, start=2):
        prop = etree.SubElement(root, f"{{{_CUSTOM_PROPS}}}property")
        prop.set("fmtid", "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}")
        prop.set("pid", str(pid))
        prop.set("name", name)
        etree.SubElement(prop, f"{{{_VT}}}lpwstr").text = value
    return _serialise(root)


def app_properties_xml(company: str | None) -> bytes:
    """``docProps/app.xml``: the application, and the publisher as company; nothing else."""
    root = etree.Element(f"{{{_EXTENDED}}}Properties", nsmap=_nsmap(_EXTENDED))
    etree.SubElement(root, f"{{{_EXTENDED}}}Application").text = "jsi_docs"
    if company:
        etree.SubElement(root, f"{{{_EXTENDED}}}Company").text = company
    return _serialise(root)


def source_xml(json_text: str, media_type: str = "application/json") -> bytes:
    """The custom XML part carrying the item's canonical JSON as the text of one element."""
    root = etree.Element(f"{{{SOURCE_NAMESPACE}}}source", nsmap=_nsmap(SOURCE_NAMESPACE))
    root.set("media-type", media_type)
    root.text = json_text
    return _serialise(root)


def item_props_xml(item_id: str) -> bytes:
    """The data-store properties of the source part; its GUID is derived from the item id."""
    guid = uuid.uuid5(uuid.NAMESPACE_URL, f"urn:jsi-docs:item:{item_id}")
    root = etree.Element(f"{{{_OFFICE_DS}}}datastoreItem", nsmap={"ds": _OFFICE_DS})
    root.set(f"{{{_OFFICE_DS}}}itemID", "{" + str(guid).upper() + "}")
    refs = etree.SubElement(root, f"{{{_OFFICE_DS}}}schemaRefs")
    etree.SubElement(refs, f"{{{_OFFICE_DS}}}schemaRef").set(
        f"{{{_OFFICE_DS}}}uri", SOURCE_NAMESPACE
    )
    return _serialise(root)


_CORE_DATES: Final = {
    "created": "http://purl.org/dc/terms/",
    "modified": "http://purl.org/dc/terms/",
    "lastPrinted": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
}
_XSI: Final = "http://www.w3.org/2001/XMLSchema-instance"


def set_core_date(element: etree._Element, name: str, w3c: str | None) -> None:
    """Set the core property ``name`` (``created``, ``modified`` or ``lastPrinted``) of the
    ``cp:coreProperties`` ``element`` to the W3CDTF text ``w3c`` (``2023-05-25T00:00:00Z``,
    ``2023-05``, ``2023``), or remove it when None: python-docx writes only whole date-times."""
    tag = f"{{{_CORE_DATES[name]}}}{name}"
    found = element.find(tag)
    if w3c is None:
        if found is not None:
            element.remove(found)
        return
    if found is None:
        found = etree.SubElement(element, tag)
    found.text = w3c
    if name != "lastPrinted":
        found.set(f"{{{_XSI}}}type", "dcterms:W3CDTF")
