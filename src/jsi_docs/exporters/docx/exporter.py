"""The DOCX exporter: a news item as a Word document styled by a reference document."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

import attrs
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part

from jsi_docs.diagnostics import Diagnostic
from jsi_docs.exporters.base import (
    ExportResult,
    OptionError,
    ViewOptions,
    item_view,
    to_path,
    url_prefixes,
)
from jsi_docs.exporters.docx import _oxml
from jsi_docs.exporters.docx._package import ExtraPart, docx_members, write_package
from jsi_docs.exporters.docx._template import REFERENCE_NAME, Template, load_template
from jsi_docs.exporters.docx._writer import BodyWriter
from jsi_docs.exporters.docx._xmlchars import check_xml_text, may_hold_illegal_xml
from jsi_docs.model import NewsItem
from jsi_docs.themes import Theme
from jsi_docs.view import ItemView, one_line

__all__ = ["DocxExporter", "DocxOptions"]

_MAX_PROPERTY = 255
"""python-docx (and Word's dialog) take at most 255 characters in a core property."""


def _clip(text: str) -> str:
    text = one_line(text)
    return text if len(text) <= _MAX_PROPERTY else text[: _MAX_PROPERTY - 1] + "\u2026"


@attrs.frozen(kw_only=True)
class DocxOptions(ViewOptions):
    """Options of the DOCX exporter."""

    reference_docx: Path | None = attrs.field(default=None, converter=to_path)
    """A reference document whose styles replace the theme's."""
    allowed_urls: tuple[str, ...] = attrs.field(default=(), converter=url_prefixes)
    """URL prefixes images may be fetched from; nothing else is fetched."""


class DocxExporter:
    """A news item as DOCX, from the theme's ``reference.docx`` (or ``reference_docx``).

    Named styles only (see :class:`~jsi_docs.exporters.docx._template.StyleName`), real
    hyperlinks, the item's language as the document's, "page X of Y" fields in the footer,
    core and custom properties, and the item's canonical JSON in a custom XML part, so that
    ``jsi_docs.load("x.docx")`` gives the item back. Figures embed their image only when its
    URL starts with one of ``allowed_urls``; otherwise their text alternative is written. The
    same item (and images) give the same bytes.
    """

    name: ClassVar[str] = "docx"
    media_type: ClassVar[str] = (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    suffix: ClassVar[str] = ".docx"
    options_type: ClassVar[type[DocxOptions]] = DocxOptions

    def export(self, item: NewsItem, options: DocxOptions) -> ExportResult:
        """Render ``item``; text XML cannot hold raises :class:`~jsi_docs.errors.InputError`."""
        from jsi_docs.serialization import to_json

        source = to_json(item, indent=None)  # compact: the indenting encoder is pure Python
        if may_hold_illegal_xml(source):
            check_xml_text(item)
        view = item_view(item, options)
        diagnostics: list[Diagnostic] = list(view.diagnostics)
        template = self._template(options)
        document = template.new_document()
        writer = BodyWriter(document, template, view, diagnostics, options.allowed_urls)
        writer.write()
        writer.header_footer()
        for part in _text_parts(document.part):
            _oxml.set_directions(part.element, right_to_left=view.direction == "rtl")
        settings = _related(document.part, RT.SETTINGS)
        _oxml.set_document_language(
            document.part.styles.element,
            settings.element if settings is not None else None,
            item.language,
        )
        self._core_properties(document, item, view)
        self._source_part(document, item, source)
        members = docx_members(
            document.part,
            [(document.part.package.part_related_by(RT.CORE_PROPERTIES), RT.CORE_PROPERTIES)],
            [
                ExtraPart(
                    "/docProps/app.xml",
                    CT.OFC_EXTENDED_PROPERTIES,
                    RT.EXTENDED_PROPERTIES,
                    _oxml.app_properties_xml(item.publisher.name if item.publisher else None),
                ),
                ExtraPart(
                    "/docProps/custom.xml",
                    CT.OFC_CUSTOM_PROPERTIES,
                    RT.CUSTOM_PROPERTIES,
                    _oxml.custom_properties_xml(_custom_properties(item)),
                ),
            ],
        )
        return ExportResult(
            write_package(members), self.media_type, self.suffix, tuple(diagnostics)
        )

    @staticmethod
    def _template(options: DocxOptions) -> Template:
        if options.reference_docx is not None:
            return load_template(options.reference_docx)
        try:
            path = Theme.load(options.theme).find(REFERENCE_NAME)
        except (FileNotFoundError, NotADirectoryError) as exc:
            raise OptionError(str(exc)) from None
        return load_template(path)

    @staticmethod
    def _core_properties(document: Any, item: NewsItem, view: ItemView) -> None:
        core = document.core_properties
        publisher = view.publisher.text if view.publisher else ""
        values = {
            "title": view.headline if view.headline_known else "",
            "subject": view.description if view.lead else "",
            "keywords": ", ".join(view.keywords),
            "language": item.language,
            "author": publisher,
            "last_modified_by": publisher,
            "category": view.kind_label,
            "identifier": item.url or item.id,
            "comments": "",
            "content_status": "",
            "version": "",
        }
        for name, value in values.items():
            value = _clip(value)
            if value or getattr(core, name):
                setattr(core, name, value)
        # Dates as known: a month or year stays so (W3CDTF allows it); an unknown date is left
        # out rather than taken from the clock or invented.
        published = view.published.iso if view.published else None
        updated = view.updated.iso if view.updated else None
        created = _w3c(published)
        printed = created if published and _is_day(published) else None
        element = document.part.package.part_related_by(RT.CORE_PROPERTIES).element
        _oxml.set_core_date(element, "created", created)
        _oxml.set_core_date(element, "modified", _w3c(updated or published))
        if core.last_printed is not None:
            _oxml.set_core_date(element, "lastPrinted", printed)
        core.revision = 1

    @staticmethod
    def _source_part(document: Any, item: NewsItem, json_text: str) -> None:
        package = document.part.package
        source = Part(PackURI("/customXml/item1.xml"), CT.XML, _oxml.source_xml(json_text), package)
        properties = Part(
            PackURI("/customXml/itemProps1.xml"),
            CT.OFC_CUSTOM_XML_PROPERTIES,
            _oxml.item_props_xml(item.id),
            package,
        )
        source.relate_to(properties, RT.CUSTOM_XML_PROPS)
        document.part.relate_to(source, RT.CUSTOM_XML)


def _is_day(iso: str) -> bool:
    return len(iso) == len("2023-05-25")


def _w3c(iso: str | None) -> str | None:
    """A core property's date from an ISO 8601 date known to the day, month or year: midnight
    UTC of a known day, else the month or year as known."""
    if iso is None:
        return None
    return f"{iso}T00:00:00Z" if _is_day(iso) else iso


def _text_parts(part: Any) -> list[Any]:
    """The document part and the parts holding its text: headers, footers, footnotes."""
    kinds = (RT.HEADER, RT.FOOTER, RT.FOOTNOTES)
    return [part] + [rel.target_part for rel in part.rels.values() if rel.reltype in kinds]


def _related(part: Any, reltype: str) -> Any:
    try:
        return part.part_related_by(reltype)
    except KeyError:
        return None


def _custom_properties(item: NewsItem) -> list[tuple[str, str]]:
    properties = [("ItemId", item.id), ("ItemKind", str(item.kind))]
    if item.series is not None:
        properties.append(("Series", item.series.label))
        if item.series.id:
            properties.append(("SeriesId", item.series.id))
    if item.meeting is not None and item.meeting.series:
        properties.append(("MeetingSeries", item.meeting.series))
    return properties
