"""Field validators shared by the model classes (single-field rules only)."""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from typing import Any, TypeVar

import attrs

from jsi_docs.errors import JsiDocsError


class FieldValueError(JsiDocsError, ValueError):
    """A single field's value is wrong; ``field`` names it so errors can point at it (readers
    put it in the problem's path; a traceback shows it as a note)."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(message)
        self.add_note(f"field: {field}")


E = TypeVar("E", bound=enum.Enum)


def member(cls: type[E], value: object) -> E:
    """``value`` as a member of the enum ``cls``: a member, or its value (``"chair"``).

    Raises ``ValueError`` naming the values allowed, so that a misspelt kind is refused when
    the object is made rather than when it is exported."""
    if isinstance(value, cls):
        return value
    try:
        return cls(value)
    except ValueError:
        allowed = ", ".join(str(m.value) for m in cls)
        raise ValueError(f"expected one of: {allowed}; got {value!r}") from None


def each_of(kind: Any, values: Iterable[Any], what: str) -> tuple[Any, ...]:
    """``values`` as a tuple, each an instance of ``kind`` (a class or a union of classes);
    a ``TypeError`` naming ``what`` was expected otherwise (``sections=[Paragraph(...)]``)."""
    found = tuple(values)
    for index, value in enumerate(found):
        if not isinstance(value, kind):
            raise TypeError(f"expected {what}, not {type(value).__name__} (entry {index})")
    return found


ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"
LANGUAGE_PATTERN = r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"

_ID = re.compile(ID_PATTERN)
_LANGUAGE = re.compile(LANGUAGE_PATTERN)


def identifier(instance: Any, attribute: attrs.Attribute[str], value: str) -> None:
    if not _ID.fullmatch(value):
        raise FieldValueError(
            attribute.name,
            f"{value!r} is not an id: use letters, digits, '_', '.' or '-' (at most 64), "
            "starting with a letter or digit",
        )


def optional_identifier(
    instance: Any, attribute: attrs.Attribute[str | None], value: str | None
) -> None:
    if value is not None:
        identifier(instance, attribute, value)  # type: ignore[arg-type]


def language_tag(instance: Any, attribute: attrs.Attribute[str], value: str) -> None:
    if not _LANGUAGE.fullmatch(value):
        raise FieldValueError(
            attribute.name, f"{value!r} is not a BCP 47 language tag (e.g. 'fr', 'en-GB', 'es-419')"
        )


def of_type(*types: type) -> Any:
    """A validator refusing a value that is none of ``types`` (None passes: the field's default
    says whether it may be None), e.g. the text ``"2024-01-01"`` for a date."""
    names = " or ".join(t.__name__ for t in types)

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None and not isinstance(value, types):
            raise TypeError(
                f"{attribute.name}: expected a {names}, got {type(value).__name__} {value!r}"
            )

    return check


def not_blank(instance: Any, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str):
        raise TypeError(f"{attribute.name}: expected text, got {type(value).__name__} {value!r}")
    if not value.strip():
        raise FieldValueError(attribute.name, "must not be empty")


def optional_not_blank(
    instance: Any, attribute: attrs.Attribute[str | None], value: str | None
) -> None:
    if value is not None and not value.strip():
        raise FieldValueError(attribute.name, "must not be empty (leave the field out instead)")


def optional_text(instance: Any, attribute: attrs.Attribute[str | None], value: str | None) -> None:
    """None (not known), or text that is not blank."""
    if value is not None:
        not_blank(instance, attribute, value)  # type: ignore[arg-type]


def not_empty(
    instance: Any, attribute: attrs.Attribute[tuple[Any, ...]], value: tuple[Any, ...]
) -> None:
    if not value:
        raise FieldValueError(attribute.name, "must hold at least one element")


def optional_positive(
    instance: Any, attribute: attrs.Attribute[int | None], value: int | None
) -> None:
    if value is not None and (isinstance(value, bool) or value < 1):
        raise FieldValueError(attribute.name, f"must be a positive whole number, not {value!r}")


def identifiers(
    instance: Any, attribute: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]
) -> None:
    """Each entry an id (see :func:`identifier`), none twice."""
    seen: set[str] = set()
    for index, entry in enumerate(value):
        if not isinstance(entry, str) or not _ID.fullmatch(entry):
            raise FieldValueError(
                f"{attribute.name}[{index}]",
                f"{entry!r} is not an id: use letters, digits, '_', '.' or '-' (at most 64), "
                "starting with a letter or digit",
            )
        if entry in seen:
            raise FieldValueError(f"{attribute.name}[{index}]", f"{entry!r} is listed twice")
        seen.add(entry)
