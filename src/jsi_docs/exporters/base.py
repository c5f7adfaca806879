"""What every exporter shares: the options base class, the result, and the ``Exporter`` protocol.

Each exporter declares its own options class (a subclass of :class:`ExportOptions`, e.g.
``PdfOptions``) in ``Exporter.options_type``; :func:`structure_options` builds one from keyword
arguments with the project's cattrs converter, refusing keys the class does not have.
"""

from __future__ import annotations

import difflib
import enum
import functools
import os
import typing
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, Self, TypeVar, runtime_checkable

import attrs
import cattrs

from jsi_docs.diagnostics import Diagnostic, logger
from jsi_docs.errors import DiagnosticsError, JsiDocsError
from jsi_docs.model import NewsItem

if TYPE_CHECKING:
    from jsi_docs.i18n.profiles import ProfileName
    from jsi_docs.view import ItemView

__all__ = [
    "ExportOptions",
    "ExportResult",
    "Exporter",
    "OptionEnum",
    "OptionError",
    "ViewOptions",
    "item_view",
    "option_from_text",
    "option_names",
    "option_types",
    "structure_options",
    "to_path",
    "url_prefixes",
]

OptionsT = TypeVar("OptionsT", bound="ExportOptions")


class OptionError(JsiDocsError, TypeError):
    """An export option that the chosen exporter does not take, or a bad option value."""


def to_path(value: str | os.PathLike[str] | None) -> Path | None:
    """``value`` as a :class:`~pathlib.Path` (None stays None)."""
    if value is None or isinstance(value, Path):
        return value
    if isinstance(value, str | os.PathLike):
        return Path(value)
    raise TypeError(f"expected a path, got {type(value).__name__}")


def url_prefixes(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """One URL prefix or several as a tuple (a lone string is one prefix, not its letters)."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    prefixes = tuple(value)
    if not all(isinstance(p, str) for p in prefixes):
        raise TypeError("expected URL prefixes as text")
    return prefixes


def _known_language(_: object, attribute: attrs.Attribute[str | None], value: str | None) -> None:
    from jsi_docs.i18n.languages import normalize_language

    if value is not None:
        try:
            normalize_language(value)
        except LookupError as exc:
            raise OptionError(f"{attribute.name}: {exc}") from None


def _known_profile(_: object, attribute: attrs.Attribute[str | None], value: str | None) -> None:
    from jsi_docs.i18n.profiles import profile_for

    if value is not None:
        try:
            profile_for("en", value)
        except LookupError as exc:
            raise OptionError(f"{attribute.name}: {exc}") from None


def _profile_name(value: ProfileName | None) -> str | None:
    """A typography profile's name as given (the type says which names are known)."""
    return value


def _names(value: Mapping[str, str]) -> Mapping[str, str]:
    """A read-only copy of an id -> file name mapping."""
    if not isinstance(value, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise TypeError("expected a mapping of item ids to file names")
    return MappingProxyType(dict(value))


def _document_url_pattern(
    _: object, attribute: attrs.Attribute[str | None], value: str | None
) -> None:
    from jsi_docs.view.records import SYMBOL_FIELD, document_link

    if value is None:
        return
    if not isinstance(value, str):
        raise OptionError(f"{attribute.name}: expected text, got {type(value).__name__}")
    if SYMBOL_FIELD not in value:
        raise OptionError(f"{attribute.name}: {value!r} has no {SYMBOL_FIELD} for the symbol")
    if document_link(value, "WT/GC/M/200") is None:
        raise OptionError(f"{attribute.name}: {value!r} does not make an http, https or mailto URL")


class OptionEnum(enum.StrEnum):
    """An option's closed set of values, read case-insensitively (``"letter"`` is ``Letter``)."""

    @classmethod
    def parse(cls, value: object) -> Self:
        if isinstance(value, cls):
            return value
        if isinstance(value, str):
            wanted = value.strip().casefold()
            for member in cls:
                if wanted in (member.value.casefold(), member.name.casefold()):
                    return member
        choices = ", ".join(m.value for m in cls)
        raise ValueError(f"expected one of {choices}; got {value!r}")


@attrs.frozen(kw_only=True)
class ExportOptions:
    """The options every exporter takes; each exporter extends it with its own.

    The json and yaml exporters take these alone. Values are read strictly: an unknown option
    or a wrong value is an :class:`OptionError` (see :func:`structure_options`).
    """

    theme: Path | None = attrs.field(default=None, converter=to_path)
    """A folder whose files override the built-in theme's (templates, CSS, reference.docx)."""
    labels_language: str | None = attrs.field(default=None, validator=_known_language)
    """Show labels ("Find out more"...) in this language instead of the item's."""
    typography: str | None = attrs.field(
        default=None, converter=_profile_name, validator=_known_profile
    )
    """A typography profile name (``french``, ``english``, ``spanish``, ``house_wto``);
    default: the item language's."""
    strict: bool = False
    """Turn every diagnostic into a :class:`~jsi_docs.errors.DiagnosticsError`."""
    sibling_files: Mapping[str, str] = attrs.field(
        factory=dict, converter=_names, eq=False, metadata={"text": False}
    )
    """Item id -> file name of a language version of this item written beside its output in
    the same format (``render_many`` fills it in): the version's link points there when the
    item gives it no URL. The PDF exporter ignores it (see docs/batch.md)."""

    @property
    def allowed_urls(self) -> tuple[str, ...]:
        """URL prefixes the export may fetch from: none, unless the format fetches (PDF, DOCX
        declare it as an option)."""
        return ()


@attrs.frozen(kw_only=True)
class ViewOptions(ExportOptions):
    """The options of the exporters that render the item's view (HTML, PDF, DOCX)."""

    document_url_pattern: str | None = attrs.field(default=None, validator=_document_url_pattern)
    """Link a cited document's symbol to this URL, ``{symbol}`` replaced by the symbol
    percent-encoded (``https://example.org/doc?symbol={symbol}``); a citation's own URL wins.
    Nothing is fetched. Default: symbols are not linked."""


def item_view(item: NewsItem, options: ExportOptions, *, siblings: bool = True) -> ItemView:
    """The view of ``item`` with the labels language, typography and (unless ``siblings`` is
    false) sibling files of ``options``; a view option it cannot use is an
    :class:`OptionError`."""
    from jsi_docs.view import ViewOptionError, build_view

    try:
        return build_view(
            item,
            labels_language=options.labels_language,
            typography=options.typography,
            sibling_files=options.sibling_files if siblings else None,
            document_url_pattern=options.document_url_pattern
            if isinstance(options, ViewOptions)
            else None,
        )
    except ViewOptionError as exc:
        raise OptionError(str(exc)) from None


def option_names(options_type: type[ExportOptions], *, as_text: bool = False) -> tuple[str, ...]:
    """The keyword arguments ``options_type`` takes, sorted; with ``as_text``, only those that
    may be written as text (``-O key=value``, ``?key=value``)."""
    return tuple(sorted(option_types(options_type, as_text=as_text)))


def option_types(options_type: type[ExportOptions], *, as_text: bool = False) -> dict[str, Any]:
    """Each option's name and annotated type; with ``as_text``, only those that may be written
    as text (an option such as ``sibling_files``, a mapping a batch fills in, may not)."""
    hints = typing.get_type_hints(options_type)
    return {
        f.name: hints[f.name]
        for f in attrs.fields(options_type)
        if not (as_text and f.metadata.get("text") is False)
    }


_TRUE = frozenset({"true", "yes", "on", "1"})
_FALSE = frozenset({"false", "no", "off", "0"})


def option_from_text(key: str, text: str, hint: Any) -> Any:
    """The value of option ``key`` written as ``text`` (``-O key=text``, ``?key=text``) for an
    option annotated ``hint``: a bool from true/false, yes/no, on/off or 1/0, an int from its
    digits, a tuple option as a one-value tuple (given again, the caller adds values), anything
    else as the text, which :func:`structure_options` then reads strictly.

    Raises :class:`OptionError` naming ``key`` when the text cannot be of that type.
    """
    choices = [a for a in typing.get_args(hint) if a is not type(None)]
    if choices and typing.get_origin(hint) is not tuple:
        if len(choices) > 1:
            return text
        hint = choices[0]
    if hint is bool:
        if text.lower() in _TRUE | _FALSE:
            return text.lower() in _TRUE
        raise OptionError(f"{key}: expected true or false, got {text!r}")
    if hint is int:
        try:
            return int(text)
        except ValueError:
            raise OptionError(f"{key}: expected a whole number, got {text!r}") from None
    if typing.get_origin(hint) is tuple:
        return (text,)
    return text


@functools.cache
def _converter() -> cattrs.Converter:
    from jsi_docs.serialization import make_converter

    converter = make_converter()

    def path(value: object, _: type) -> Path:
        found = to_path(value)  # type: ignore[arg-type]
        if found is None:
            raise TypeError("expected a path, got null")
        return found

    def prefixes(value: object, _: type) -> tuple[str, ...]:
        return url_prefixes(value)  # type: ignore[arg-type]

    converter.register_structure_hook(Path, path)
    converter.register_structure_hook_func(lambda t: t == tuple[str, ...], prefixes)
    converter.register_structure_hook(OptionEnum, lambda v, t: t.parse(v))
    return converter


def _unknown(keys: Iterable[str], options_type: type[ExportOptions], exporter: str) -> str:
    names = option_names(options_type)
    parts = []
    for key in sorted(keys):
        close = difflib.get_close_matches(key, names, n=1)
        parts.append(f"{key} (did you mean {close[0]}?)" if close else key)
    return f"the {exporter} exporter does not take {', '.join(parts)}; it takes: {', '.join(names)}"


def structure_options(
    options_type: type[OptionsT],
    exporter: str,
    kwargs: Mapping[str, Any],
    base: OptionsT | None = None,
) -> OptionsT:
    """``options_type`` from keyword arguments (on top of ``base``'s values, if given).

    Unknown keys and wrong values raise :class:`OptionError`, naming every one of them and
    the options the exporter takes.
    """
    from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError

    from jsi_docs.serialization.problems import problems_of

    converter = _converter()
    unknown = set(kwargs) - {f.name for f in attrs.fields(options_type)}
    if unknown:
        raise OptionError(_unknown(unknown, options_type, exporter))
    data = {} if base is None else {f.name: getattr(base, f.name) for f in attrs.fields(type(base))}
    data.update(kwargs)
    try:
        return converter.structure(data, options_type)
    except (ClassValidationError, ForbiddenExtraKeysError, ValueError, TypeError) as exc:
        found = [
            message if path == "$" else f"{path.removeprefix('$.')}: {message}"
            for path, message, _ in problems_of(exc)
        ]
        raise OptionError(f"bad {exporter} option: {'; '.join(found)}") from None


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
            logger.warning("%s", diagnostic, extra={"jsi_docs_diagnostic": True})
        if strict and self.diagnostics:
            raise DiagnosticsError([d.with_path for d in self.diagnostics])
        return self


@runtime_checkable
class Exporter(Protocol):
    """Turns a :class:`NewsItem` into the bytes of one file format.

    ``options_type`` is the exporter's options class: :class:`ExportOptions` or a subclass
    with the exporter's own fields. ``export`` receives an instance of it.
    """

    name: ClassVar[str]
    media_type: ClassVar[str]
    suffix: ClassVar[str]
    options_type: ClassVar[type[ExportOptions]]

    def export(self, item: NewsItem, options: Any) -> ExportResult:
        """Render ``item``; never print, never read a file or URL the options did not allow."""
        ...


def describe(exporters: Mapping[str, type[Exporter]]) -> str:
    """One line per exporter: name, suffix, media type (for ``jsi-docs formats``)."""
    return "\n".join(f"{n}\t{e.suffix}\t{e.media_type}" for n, e in sorted(exporters.items()))
