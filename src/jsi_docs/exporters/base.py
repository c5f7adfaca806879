"""What every exporter shares: the options record, the result, and the ``Exporter`` protocol."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, ClassVar, Protocol, runtime_checkable

import attrs

from jsi_docs.diagnostics import Diagnostic, logger
from jsi_docs.errors import DiagnosticsError, JsiDocsError
from jsi_docs.model import NewsItem

__all__ = ["COMMON_OPTIONS", "ExportOptions", "ExportResult", "Exporter", "OptionError"]


class OptionError(JsiDocsError, TypeError):
    """An export option that the chosen exporter does not take, or a bad option value."""


def _optional_path(value: str | Path | None) -> Path | None:
    return None if value is None else Path(value)


def _url_prefixes(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if value is None:
        return ()
    return tuple(str(v) for v in value)  # type: ignore[attr-defined]


@attrs.frozen
class ExportOptions:
    """One options record shared by every exporter (as pandoc's ``WriterOptions``).

    Each exporter declares in ``Exporter.options`` which of these it reads; passing another is
    an :class:`OptionError`.
    """

    theme: Path | None = attrs.field(default=None, converter=_optional_path)
    """A folder whose files override the built-in theme's (templates, CSS, reference.docx)."""
    labels_language: str | None = None
    """Show labels ("Find out more"...) in this language instead of the item's."""
    typography: str | None = None
    """A typography profile name (see :mod:`jsi_docs.i18n.typography`); default: the language's."""
    strict: bool = False
    """Turn every diagnostic into a :class:`~jsi_docs.errors.DiagnosticsError`."""
    fragment: bool = False
    """HTML: one ``<article>`` to embed in another page, with no ``<html>`` or ``<head>``."""
    pdf_variant: str = "pdf/ua-1"
    """PDF: ``pdf/ua-1`` (default), ``pdf/a-3b`` or ``pdf/a-3u``."""
    page_size: str = "A4"
    """PDF: ``A4`` or ``Letter``."""
    allowed_urls: tuple[str, ...] = attrs.field(default=(), converter=_url_prefixes)
    """PDF: URL prefixes the renderer may fetch besides the theme's own files and ``data:``."""
    reference_docx: Path | None = attrs.field(default=None, converter=_optional_path)
    """DOCX: a reference document whose styles replace the theme's."""

    @classmethod
    def from_kwargs(cls, accepted: frozenset[str], exporter: str, **kwargs: Any) -> ExportOptions:
        """Options from keyword arguments, refusing those the exporter does not take."""
        known = {f.name for f in attrs.fields(cls)}
        unknown = sorted(set(kwargs) - known)
        if unknown:
            raise OptionError(f"unknown export option(s): {', '.join(unknown)}")
        refused = sorted(set(kwargs) - accepted)
        if refused:
            raise OptionError(
                f"the {exporter} exporter does not take: {', '.join(refused)} "
                f"(it takes: {', '.join(sorted(accepted))})"
            )
        return cls(**kwargs)


COMMON_OPTIONS = frozenset({"theme", "labels_language", "typography", "strict"})


@attrs.frozen
class ExportResult:
    """The bytes an exporter made and what it noticed on the way."""

    data: bytes
    media_type: str
    suffix: str
    diagnostics: tuple[Diagnostic, ...] = ()
    resources: Mapping[str, bytes] = attrs.field(factory=dict)
    """Files the output refers to by relative path (a page's stylesheets and fonts), to be
    written beside it; empty for self-contained formats."""

    def check(self, strict: bool) -> ExportResult:
        """Log the diagnostics; raise :class:`DiagnosticsError` if ``strict`` and there are any."""
        for diagnostic in self.diagnostics:
            logger.warning("%s", diagnostic)
        if strict and self.diagnostics:
            raise DiagnosticsError([d.message for d in self.diagnostics])
        return self


@runtime_checkable
class Exporter(Protocol):
    """Turns a :class:`NewsItem` into the bytes of one file format."""

    name: ClassVar[str]
    media_type: ClassVar[str]
    suffix: ClassVar[str]
    options: ClassVar[frozenset[str]]

    def export(self, item: NewsItem, options: ExportOptions) -> ExportResult:
        """Render ``item``; never print, never read a file or URL the options did not allow."""
        ...


def describe(exporters: Mapping[str, type[Exporter]]) -> str:
    """One line per exporter: name, suffix, media type (for ``jsi-docs formats``)."""
    return "\n".join(f"{n}\t{e.suffix}\t{e.media_type}" for n, e in sorted(exporters.items()))
