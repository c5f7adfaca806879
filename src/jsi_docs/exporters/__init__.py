"""The exporter registry: built-in exporters, imported lazily, and the ``jsi_docs.exporters``
entry-point group for third-party ones (as Pygments does for its formatters)."""

from __future__ import annotations

import functools
import importlib

from jsi_docs.errors import UnknownFormatError
from jsi_docs.exporters.base import (
    Exporter,
    ExportOptions,
    ExportResult,
    OptionEnum,
    OptionError,
    option_from_text,
    option_names,
    option_types,
    structure_options,
)

__all__ = [
    "ENTRY_POINT_GROUP",
    "ExportOptions",
    "ExportResult",
    "Exporter",
    "OptionEnum",
    "OptionError",
    "available_formats",
    "format_name",
    "get_exporter",
    "option_from_text",
    "option_names",
    "option_types",
    "structure_options",
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
    from importlib.metadata import entry_points  # scanning them costs ~30 ms: only when needed

    return {ep.name: ep.value for ep in entry_points(group=ENTRY_POINT_GROUP)}


def available_formats() -> tuple[str, ...]:
    """Every format name, built-in or plugged in, sorted."""
    return tuple(sorted({*_BUILTINS, *_plugins()}))


def format_name(name: str) -> str:
    """The registered name of the format ``name`` written in any case (``PDF`` is ``pdf``);
    :class:`UnknownFormatError` lists the known ones."""
    if name in _BUILTINS:  # a built-in wins over a plug-in of its name: no need to look
        return name
    known = available_formats()
    if name in known:
        return name
    found = [k for k in known if k.casefold() == name.strip().casefold()]
    if not found:
        raise UnknownFormatError(name, known)
    return found[0]


@functools.cache
def get_exporter(name: str) -> Exporter:
    """The exporter registered as ``name`` (in any case); :class:`UnknownFormatError` lists
    the known ones."""
    name = format_name(name)
    target = _BUILTINS.get(name) or _plugins()[name]
    module_name, _, class_name = target.partition(":")
    exporter = getattr(importlib.import_module(module_name), class_name)()
    if not isinstance(exporter, Exporter):
        raise TypeError(f"{target} does not implement the Exporter protocol")
    options_type = exporter.options_type
    if not (isinstance(options_type, type) and issubclass(options_type, ExportOptions)):
        raise TypeError(f"{target}.options_type is not a subclass of ExportOptions")
    return exporter
