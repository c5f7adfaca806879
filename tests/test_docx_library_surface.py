"""The parts of python-docx the DOCX writer uses beyond its documented API, each checked here so
that a python-docx release that moves or changes one fails this file by name, not a render.

Documented API is not listed (``Document``, sections, headers, ``core_properties``). What is:
the package layer (``docx.opc``: parts, pack URIs, relationship and content types), the
inline-picture factory (``docx.oxml.shape.CT_Inline``) and a part's ``element``. The writer
reaches no private attribute (``_p``, ``_element``, ``_body``); the last test proves it on the
source."""

from __future__ import annotations

import ast
import io
from pathlib import Path

import docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part, XmlPart
from docx.oxml import parse_xml
from docx.oxml.shape import CT_Inline
from docx.shared import Emu
from lxml import etree

WRITER = Path(__file__).resolve().parents[1] / "src/jsi_docs/exporters/docx"


def test_constants_the_writer_names_exist() -> None:
    for name in ("CORE_PROPERTIES", "CUSTOM_XML", "CUSTOM_XML_PROPS", "FOOTNOTES", "HEADER"):
        assert isinstance(getattr(RT, name), str), name
    for name in ("XML", "OFC_CUSTOM_XML_PROPERTIES", "WML_FOOTNOTES"):
        assert isinstance(getattr(CT, name), str), name


def test_a_part_made_by_hand_is_saved_and_related() -> None:
    document = docx.Document()
    blob = b'<?xml version="1.0"?><root xmlns="urn:test"/>'
    part = Part(PackURI("/customXml/item9.xml"), CT.XML, blob, document.part.package)
    document.part.relate_to(part, RT.CUSTOM_XML)
    saved = io.BytesIO()
    document.save(saved)
    reopened = docx.Document(io.BytesIO(saved.getvalue()))
    related = [
        rel.target_part
        for rel in reopened.part.rels.values()
        if rel.reltype == RT.CUSTOM_XML and rel.target_part.partname == "/customXml/item9.xml"
    ]
    assert [part.blob for part in related] == [blob]


def test_an_xml_part_holds_a_live_element() -> None:
    document = docx.Document()
    element = parse_xml(b'<w:footnotes xmlns:w="urn:w"/>')
    part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, element, document.part.package)
    etree.SubElement(part.element, "{urn:w}footnote")
    assert b"<w:footnote/>" in part.blob


def test_core_properties_and_headers_are_parts_with_an_element() -> None:
    document = docx.Document()
    core = document.part.package.part_related_by(RT.CORE_PROPERTIES)
    assert etree.QName(core.element).localname == "coreProperties"
    header = document.sections[0].header
    header.is_linked_to_previous = False
    assert etree.QName(header.part.element).localname == "hdr"


def test_the_inline_picture_factory_keeps_its_signature() -> None:
    inline = CT_Inline.new_pic_inline(1, "rId9", "x.png", Emu(914400), Emu(457200))
    assert inline.docPr is not None
    assert inline.extent.cx == 914400


def test_the_writer_reaches_no_private_attribute_of_python_docx() -> None:
    """``obj._name`` in the DOCX exporter is ours (``self._x``) or lxml's ``etree._Element``
    type, never a python-docx object's private attribute."""
    found = []
    for path in sorted(WRITER.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Attribute)
                and node.attr.startswith("_")
                and not node.attr.startswith("__")
            ):
                owner = node.value
                if isinstance(owner, ast.Name) and owner.id in ("self", "cls", "etree", "_oxml"):
                    continue
                if isinstance(owner, ast.Attribute) and owner.attr == "_w":  # our writer
                    continue
                found.append(f"{path.name}:{node.lineno}: .{node.attr}")
    assert found == []
