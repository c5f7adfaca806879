"""``export`` and ``render``: one item to the bytes of one format.

Options are keyword arguments (``export(item, "pdf", page_size="Letter")``) or an options
object (``export(item, "pdf", options=PdfOptions(page_size="Letter"))``), or both: keywords
then change the object's values. The keyword arguments of the built-in formats are typed
(:class:`HtmlKwargs`, :class:`PdfKwargs`, :class:`DocxKwargs`), so that ``mypy --strict``
refuses a misspelt one; a plug-in format's own options go in its options object.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Literal, TypedDict, Unpack, overload

import attrs

from jsi_docs.diagnostics import ITEM, Diagnostic, Severity
from jsi_docs.exporters import (
    ExportOptions,
    ExportResult,
    OptionError,
    get_exporter,
    structure_options,
)
from jsi_docs.model import NewsItem
from jsi_docs.serialization.plain_markup import item_warnings
from jsi_docs.validation import checked

if TYPE_CHECKING:
    from jsi_docs.exporters.docx import DocxOptions
    from jsi_docs.exporters.html import HtmlOptions
    from jsi_docs.exporters.pdf import PageSize, PageSizeName, PdfOptions, PdfVariant
    from jsi_docs.i18n.profiles import ProfileName

__all__ = ["CommonKwargs", "DocxKwargs", "HtmlKwargs", "PdfKwargs", "export", "render"]


class CommonKwargs(TypedDict, total=False):
    """Keyword options every format takes (see :class:`~jsi_docs.exporters.ExportOptions`)."""

    theme: str | os.PathLike[str] | None
    labels_language: str | None
    typography: ProfileName | None
    strict: bool
    sibling_files: Mapping[str, str]


class HtmlKwargs(CommonKwargs, total=False):
    """Keyword options of ``html`` (see :class:`~jsi_docs.exporters.html.HtmlOptions`)."""

    document_url_pattern: str | None

    fragment: bool


class PdfKwargs(CommonKwargs, total=False):
    """Keyword options of ``pdf`` (see :class:`~jsi_docs.exporters.pdf.PdfOptions`)."""

    document_url_pattern: str | None

    pdf_variant: PdfVariant | str
    page_size: PageSize | PageSizeName
    allowed_urls: str | Iterable[str]


class DocxKwargs(CommonKwargs, total=False):
    """Keyword options of ``docx`` (see :class:`~jsi_docs.exporters.docx.DocxOptions`)."""

    document_url_pattern: str | None

    reference_docx: str | os.PathLike[str] | None
    allowed_urls: str | Iterable[str]


@overload
def render(
    item: NewsItem,
    fmt: Literal["html"],
    /,
    *,
    options: HtmlOptions | None = None,
    **kwargs: Unpack[HtmlKwargs],
) -> ExportResult: ...
@overload
def render(
    item: NewsItem,
    fmt: Literal["pdf"],
    /,
    *,
    options: PdfOptions | None = None,
    **kwargs: Unpack[PdfKwargs],
) -> ExportResult: ...
@overload
def render(
    item: NewsItem,
    fmt: Literal["docx"],
    /,
    *,
    options: DocxOptions | None = None,
    **kwargs: Unpack[DocxKwargs],
) -> ExportResult: ...
@overload
def render(
    item: NewsItem,
    fmt: str,
    /,
    *,
    options: ExportOptions | None = None,
    **kwargs: Unpack[CommonKwargs],
) -> ExportResult: ...
def render(
    item: NewsItem, fmt: str, /, *, options: ExportOptions | None = None, **kwargs: Any
) -> ExportResult:
    """Export ``item`` as ``fmt`` and return the bytes with the diagnostics.

    ``options`` is an instance of the format's options class (``exporter.options_type``);
    keyword arguments are read into that class, on top of ``options`` when both are given.
    An option the format does not take, or a wrong value, raises
    :class:`~jsi_docs.exporters.OptionError`. Diagnostics are logged to the ``jsi_docs``
    logger; under ``strict=True`` any diagnostic raises
    :class:`~jsi_docs.errors.DiagnosticsError`.
    """
    if not isinstance(item, NewsItem):
        raise TypeError(f"export() takes a NewsItem, not {type(item).__name__}")
    exporter = get_exporter(fmt)
    wanted = exporter.options_type
    if options is not None and not isinstance(options, wanted):
        raise OptionError(
            f"the {exporter.name} exporter takes {wanted.__name__}, not {type(options).__name__}"
        )
    if options is None or kwargs:
        options = structure_options(wanted, exporter.name, kwargs, options)
    result = exporter.export(item, options)
    # An item built in code is checked as a file is read (an item read is known valid): its
    # problems are diagnostics, so that strict=True refuses it and the exporters, which make
    # any item safe, still give their output otherwise.
    invalid = tuple(
        Diagnostic(f"not valid: {p.message}", Severity.ERROR, ITEM, path=p.path)
        for p in checked(item)
    )
    warnings = invalid + tuple(Diagnostic.of_problem(p) for p in item_warnings(item))
    if warnings:
        result = attrs.evolve(result, diagnostics=(*warnings, *result.diagnostics))
    return result.check(options.strict)


@overload
def export(
    item: NewsItem,
    fmt: Literal["html"],
    /,
    *,
    options: HtmlOptions | None = None,
    **kwargs: Unpack[HtmlKwargs],
) -> bytes: ...
@overload
def export(
    item: NewsItem,
    fmt: Literal["pdf"],
    /,
    *,
    options: PdfOptions | None = None,
    **kwargs: Unpack[PdfKwargs],
) -> bytes: ...
@overload
def export(
    item: NewsItem,
    fmt: Literal["docx"],
    /,
    *,
    options: DocxOptions | None = None,
    **kwargs: Unpack[DocxKwargs],
) -> bytes: ...
@overload
def export(
    item: NewsItem,
    fmt: str,
    /,
    *,
    options: ExportOptions | None = None,
    **kwargs: Unpack[CommonKwargs],
) -> bytes: ...
def export(
    item: NewsItem, fmt: str, /, *, options: ExportOptions | None = None, **kwargs: Any
) -> bytes:
    """Export ``item`` as ``fmt`` (``"html"``, ``"pdf"``, ``"docx"``...) and return the bytes.

    Takes the options :func:`render` takes.
    """
    return render(item, fmt, options=options, **kwargs).data
