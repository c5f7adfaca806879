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
from typing import TYPE_CHECKING, ClassVar

from jsi_docs.errors import ExportError
from jsi_docs.exporters.base import COMMON_OPTIONS, ExportOptions, ExportResult, OptionError
from jsi_docs.exporters.pdf._libraries import PdfEngineUnavailableError
from jsi_docs.exporters.pdf._metadata import PdfMetadata, pdf_metadata
from jsi_docs.model import NewsItem
from jsi_docs.themes import Theme

if TYPE_CHECKING:
    from types import ModuleType

__all__ = [
    "PAGE_SIZES",
    "PDF_VARIANTS",
    "PdfEngineUnavailableError",
    "PdfExporter",
    "PdfMetadata",
    "clear_caches",
    "pdf_metadata",
]

PDF_VARIANTS = ("pdf/ua-1", "pdf/a-3b", "pdf/a-3u")
"""Accepted ``pdf_variant`` values; every one is tagged and states the document language."""

PAGE_SIZES = {"a4": "A4", "letter": "letter"}
"""Accepted ``page_size`` values (case-insensitive) and their CSS ``size``."""


def _variant(value: str) -> str:
    variant = value.strip().lower()
    if variant not in PDF_VARIANTS:
        raise OptionError(f"pdf_variant must be one of {', '.join(PDF_VARIANTS)}, not {value!r}")
    return variant


def _page_size(value: str) -> str:
    size = PAGE_SIZES.get(value.strip().lower())
    if size is None:
        raise OptionError(f"page_size must be A4 or Letter, not {value!r}")
    return size


def _labels_language(item: NewsItem, options: ExportOptions) -> str:
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
    options: ClassVar[frozenset[str]] = COMMON_OPTIONS | {
        "pdf_variant",
        "page_size",
        "allowed_urls",
    }

    def export(self, item: NewsItem, options: ExportOptions) -> ExportResult:
        """Render ``item`` to PDF; raises :class:`PdfEngineUnavailableError` without Pango."""
        variant = _variant(options.pdf_variant)
        page_size = _page_size(options.page_size)
        theme = Theme.load(options.theme)
        from jsi_docs.exporters.html import item_view, render_view

        view = item_view(item, options)
        page = render_view(view, theme, print_mode=True, allowed_urls=options.allowed_urls)
        engine = _engine()
        data, pdf_diagnostics = engine.render_pdf(
            page.html,
            theme=theme,
            metadata=pdf_metadata(item, view),
            variant=variant,
            page_size=page_size,
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
