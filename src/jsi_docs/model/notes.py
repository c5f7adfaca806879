"""Notes (footnotes) of an item, the document symbols it is circulated under and the number
its publisher gives it."""

from __future__ import annotations

from typing import Any

import attrs

from jsi_docs.model._checks import FieldValueError, identifier
from jsi_docs.model.inline import SYMBOL_MAX_LENGTH, RichText, normalize, words_in

__all__ = ["SYMBOL_MAX_LENGTH", "Note", "optional_number", "symbols"]


@attrs.frozen
class Note:
    """A note of the item, shown once and pointed at by :class:`~jsi_docs.model.NoteRef` nodes.

    Exporters number notes in the order of their first reference.
    """

    id: str = attrs.field(validator=identifier)
    text: RichText = attrs.field(converter=normalize, validator=words_in)


def _one_symbol(where: str, symbol: str) -> None:
    """Non-blank, printable, on one line, at most :data:`SYMBOL_MAX_LENGTH` long."""
    if not symbol.strip():
        raise FieldValueError(where, "must not be empty")
    if not symbol.isprintable():
        raise FieldValueError(where, f"{symbol!r} holds a control or invisible character")
    if str(symbol) != symbol.strip():
        raise FieldValueError(where, f"{symbol!r} starts or ends with a space")
    if len(symbol) > SYMBOL_MAX_LENGTH:
        raise FieldValueError(where, f"longer than {SYMBOL_MAX_LENGTH} characters")


def optional_number(
    instance: Any, attribute: attrs.Attribute[str | None], value: str | None
) -> None:
    """A number as written ("IP/24/1234"), or None: written as a symbol is."""
    if value is not None:
        _one_symbol(attribute.name, value)


def symbols(
    instance: Any, attribute: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]
) -> None:
    """Each symbol non-blank, printable, on one line, at most :data:`SYMBOL_MAX_LENGTH` long."""
    for index, symbol in enumerate(value):
        where = f"{attribute.name}[{index}]"
        _one_symbol(where, symbol)
        if symbol in value[:index]:
            raise FieldValueError(where, f"{symbol!r} is listed twice")


attrs.resolve_types(Note, globals(), locals())
