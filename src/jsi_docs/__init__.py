"""jsi_docs: plenary-meeting news items, modelled once and exported to HTML, PDF and DOCX.

>>> import jsi_docs
>>> item = jsi_docs.load("examples/jsi-ecommerce-2023-05-25.fr.yaml")
>>> pdf = jsi_docs.export(item, "pdf")

The facade is light: readers, exporters and their libraries are imported on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from jsi_docs.errors import (
    DiagnosticsError,
    ExportError,
    InputError,
    JsiDocsError,
    LimitExceededError,
    OutputConflictError,
    Problem,
    UnknownFormatError,
)
from jsi_docs.model import *  # noqa: F403
from jsi_docs.model import __all__ as _model_names
from jsi_docs.model._checks import FieldValueError

if TYPE_CHECKING:
    from jsi_docs.batch import ItemReport as ItemReport
    from jsi_docs.batch import render_many as render_many
    from jsi_docs.exporters import ExportOptions as ExportOptions
    from jsi_docs.exporters import ExportResult as ExportResult
    from jsi_docs.exporters import OptionError as OptionError
    from jsi_docs.exporters import available_formats as available_formats
    from jsi_docs.exporters.docx import DocxOptions as DocxOptions
    from jsi_docs.exporters.html import HtmlOptions as HtmlOptions
    from jsi_docs.exporters.pdf import PageSize as PageSize
    from jsi_docs.exporters.pdf import PageSizeName as PageSizeName
    from jsi_docs.exporters.pdf import PdfOptions as PdfOptions
    from jsi_docs.exporters.pdf import PdfVariant as PdfVariant
    from jsi_docs.exporting import export as export
    from jsi_docs.exporting import render as render
    from jsi_docs.i18n.profiles import ProfileName as ProfileName
    from jsi_docs.readers import load as load
    from jsi_docs.readers import loads as loads
    from jsi_docs.serialization import TextFormat as TextFormat
    from jsi_docs.serialization import dumps as dumps
    from jsi_docs.validation import validate as validate

__version__ = "0.1.0"

_LAZY = {
    "load": "jsi_docs.readers",
    "loads": "jsi_docs.readers",
    "dumps": "jsi_docs.serialization",
    "validate": "jsi_docs.validation",
    "export": "jsi_docs.exporting",
    "render": "jsi_docs.exporting",
    "ExportOptions": "jsi_docs.exporters",
    "HtmlOptions": "jsi_docs.exporters.html",
    "PdfOptions": "jsi_docs.exporters.pdf",
    "PdfVariant": "jsi_docs.exporters.pdf",
    "PageSize": "jsi_docs.exporters.pdf",
    "PageSizeName": "jsi_docs.exporters.pdf",
    "ProfileName": "jsi_docs.i18n.profiles",
    "TextFormat": "jsi_docs.serialization",
    "DocxOptions": "jsi_docs.exporters.docx",
    "OptionError": "jsi_docs.exporters",
    "ExportResult": "jsi_docs.exporters",
    "available_formats": "jsi_docs.exporters",
    "render_many": "jsi_docs.batch",
    "ItemReport": "jsi_docs.batch",
}

__all__ = [
    *_model_names,
    *_LAZY,
    "DiagnosticsError",
    "ExportError",
    "FieldValueError",
    "InputError",
    "JsiDocsError",
    "LimitExceededError",
    "OutputConflictError",
    "Problem",
    "UnknownFormatError",
    "__version__",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'jsi_docs' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
