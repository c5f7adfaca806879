"""``export`` and ``render``: one item to the bytes of one format."""

from __future__ import annotations

from typing import Any

from jsi_docs.exporters import ExportOptions, ExportResult, get_exporter
from jsi_docs.model import NewsItem

__all__ = ["export", "render"]


def render(item: NewsItem, fmt: str, /, **options: Any) -> ExportResult:
    """Export ``item`` as ``fmt`` and return the bytes with the diagnostics.

    Options are those of :class:`~jsi_docs.exporters.ExportOptions` that the format takes.
    Diagnostics are logged to the ``jsi_docs`` logger; under ``strict=True`` any diagnostic
    raises :class:`~jsi_docs.errors.DiagnosticsError`.
    """
    if not isinstance(item, NewsItem):
        raise TypeError(f"export() takes a NewsItem, not {type(item).__name__}")
    exporter = get_exporter(fmt)
    opts = ExportOptions.from_kwargs(exporter.options, fmt, **options)
    return exporter.export(item, opts).check(opts.strict)


def export(item: NewsItem, fmt: str, /, **options: Any) -> bytes:
    """Export ``item`` as ``fmt`` (``"html"``, ``"pdf"``, ``"docx"``...) and return the bytes."""
    return render(item, fmt, **options).data
