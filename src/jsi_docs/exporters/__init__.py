"""The exporter registry: built-in exporters, imported lazily, and the ``jsi_docs.exporters``
entry-point group for third-party ones (as Pygments does for its formatters)."""

from __future__ import annotations

import functools
import importlib
from importlib.metadata import entry_points

from jsi_docs.errors import UnknownFormatError
from jsi_docs.exporters.base import Exporter, ExportOptions, ExportResult, OptionError

__all__ = [
    "ENTRY_POINT_GROUP",
    "ExportOptions",
    "ExportResult",
    "Exporter",
    "OptionError",
    "available_formats",
    "get_exporter",
]

ENTRY_POINT_GROUP = "jsi_docs.exporters"

# name -> "module:Class"; the module is imported only when that format is asked for.
_BUILTINS: dict[str, str] = {
    "html": "jsi_docs.exporters.html:HtmlExporter",
    "pdf": "jsi_docs.exporters.pdf:PdfExporter",
    "docx": "jsi_docs.exporters.docx:DocxExporter",
    "json": "jsi_docs.exporters.source:JsonExporter",
    "yaml": "jsi_docs.exporters.source:YamlExporter",
}


@functools.cache
def _plugins() -> dict[str, str]:
    return {ep.name: ep.value for ep in entry_points(group=ENTRY_POINT_GROUP)}


def available_formats() -> tuple[str, ...]:
    """Every format name, built-in or plugged in, sorted."""
    return tuple(sorted({*_BUILTINS, *_plugins()}))


@functools.cache
def get_exporter(name: str) -> Exporter:
    """The exporter registered as ``name``; :class:`UnknownFormatError` lists the known ones."""
    target = _BUILTINS.get(name) or _plugins().get(name)
    if target is None:
        raise UnknownFormatError(name, available_formats())
    module_name, _, class_name = target.partition(":")
    exporter = getattr(importlib.import_module(module_name), class_name)()
    if not isinstance(exporter, Exporter):
        raise TypeError(f"{target} does not implement the Exporter protocol")
    return exporter
