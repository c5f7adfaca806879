"""PDF export: the HTML exporter's print-mode page and the theme's ``print.css`` through WeasyPrint.

Importing this package does not import WeasyPrint; the first PDF does. Output is tagged
(PDF/UA-1 by default, or PDF/A-3b/3u), carries the item's canonical JSON as an attachment
(``AFRelationship /Source`` under PDF/A-3), takes its metadata and creation date from the item,
and is byte-identical for the same item and options. Only the theme's files and ``data:`` URLs
are fetched, unless ``allowed_urls`` names more.
"""

from __future__ import annotations

import re
import sys
from typing import TYPE_CHECKING, ClassVar, Literal, TypeAlias

import attrs

from jsi_docs.errors import ExportError
from jsi_docs.exporters.base import (
    ExportResult,
    OptionEnum,
    ViewOptions,
    url_prefixes,
)
from jsi_docs.exporters.pdf._libraries import PdfEngineUnavailableError
from jsi_docs.exporters.pdf._metadata import PdfMetadata, pdf_metadata
from jsi_docs.model import NewsItem
from jsi_docs.themes import Theme

if TYPE_CHECKING:
    from types import ModuleType

__all__ = [
    "PageSize",
    "PageSizeName",
    "PdfEngineUnavailableError",
    "PdfExporter",
    "PdfMetadata",
    "PdfOptions",
    "PdfVariant",
    "clear_caches",
    "pdf_metadata",
]


class PdfVariant(OptionEnum):
    """The standard a PDF follows; every one is tagged and states the document language."""

    PDF_UA_1 = "pdf/ua-1"
    PDF_A_3B = "pdf/a-3b"
    PDF_A_3U = "pdf/a-3u"


class PageSize(OptionEnum):
    """The paper a PDF is laid out on."""

    A4 = "A4"
    LETTER = "Letter"


def _variant(value: PdfVariant | str) -> PdfVariant:
    return PdfVariant.parse(value)


PageSizeName: TypeAlias = Literal["A4", "a4", "Letter", "letter"]
"""The names ``page_size`` takes besides a :class:`PageSize` (a type checker refuses another;
at run time any case is read, and :meth:`PageSize.parse` reads a name from outside)."""


def _page_size(value: PageSize | PageSizeName) -> PageSize:
    return PageSize.parse(value)


@attrs.frozen(kw_only=True)
class PdfOptions(ViewOptions):
    """Options of the PDF exporter."""

    pdf_variant: PdfVariant = attrs.field(default=PdfVariant.PDF_UA_1, converter=_variant)
    """``pdf/ua-1`` (default), ``pdf/a-3b`` or ``pdf/a-3u``."""
    page_size: PageSize = attrs.field(default=PageSize.A4, converter=_page_size)
    """``A4`` (default) or ``Letter`` (case does not matter)."""
    allowed_urls: tuple[str, ...] = attrs.field(default=(), converter=url_prefixes)
    """URL prefixes images may be fetched from; nothing else is fetched."""


def _labels_language(item: NewsItem, options: PdfOptions) -> str:
    from jsi_docs.i18n.languages import normalize_language

    try:
        return normalize_language(options.labels_language or item.language)
    except LookupError:
        return "en"


class PdfExporter:
    """``jsi_docs.export(item, "pdf", pdf_variant=..., page_size=..., allowed_urls=...)``."""

    name: ClassVar[str] = "pdf"
    media_type: ClassVar[str] = "application/pdf"
    suffix: ClassVar[str] = ".pdf"
    options_type: ClassVar[type[PdfOptions]] = PdfOptions

    def export(self, item: NewsItem, options: PdfOptions) -> ExportResult:
        """Render ``item`` to PDF; raises :class:`PdfEngineUnavailableError` without Pango."""
        theme = Theme.load(options.theme)
        from jsi_docs.exporters.html import item_view, render_view
        from jsi_docs.exporters.html._environment import theme_errors

        view = item_view(item, options, siblings=False)  # see docs/batch.md
        with theme_errors():
            page = render_view(view, theme, print_mode=True, allowed_urls=options.allowed_urls)
        engine = _engine()
        data, pdf_diagnostics = engine.render_pdf(
            page.html,
            theme=theme,
            metadata=pdf_metadata(item, view),
            variant=options.pdf_variant.value,
            page_size=options.page_size.value.lower(),  # a CSS keyword
            labels_language=_labels_language(item, options),
            allowed_urls=options.allowed_urls,
            source=engine.Source(
                data=_canonical_json(item),
                name=f"{item.id}.json",
                description="Source of this document: the news item as jsi_docs JSON",
            ),
        )
        return ExportResult(
            data, self.media_type, self.suffix, (*page.diagnostics, *pdf_diagnostics)
        )


def clear_caches() -> None:
    """Forget the fonts and parsed stylesheets kept per theme (a changed theme's ``print.css``
    is noticed without this; its fonts or imported files are not)."""
    render = sys.modules.get("jsi_docs.exporters.pdf._render")
    if render is not None:
        render.clear_caches()


def _canonical_json(item: NewsItem) -> bytes:
    """The item's canonical JSON, UTF-8; text that is not Unicode (a lone surrogate) is an
    :class:`ExportError` naming the JSON field it sits in."""
    from jsi_docs.serialization import dumps

    text = dumps(item, format="json")
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:
        keys = re.findall(r'"([^"\\]+)":', text[: exc.start])
        where = f" in the field {keys[-1]!r}" if keys else ""
        raise ExportError(
            f"the item holds a character that is not Unicode text (U+{ord(text[exc.start]):04X}, "
            f"a lone surrogate){where}; validate items with jsi_docs.validate before export"
        ) from None


def _engine() -> ModuleType:
    """The module that runs WeasyPrint, imported (with WeasyPrint) after checking its libraries."""
    from jsi_docs.exporters.pdf._libraries import missing_libraries, unavailable_error

    missing = missing_libraries()
    if missing:
        raise unavailable_error(missing)
    try:
        from jsi_docs.exporters.pdf import _render
    except OSError as exc:  # a library present but unusable
        raise unavailable_error((), str(exc)) from exc
    return _render
