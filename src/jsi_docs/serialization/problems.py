"""Turning cattrs' grouped exceptions into :class:`~jsi_docs.errors.Problem` records."""

from __future__ import annotations

from collections.abc import Iterator

import attrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from jsi_docs.errors import did_you_mean, path_step
from jsi_docs.model._checks import FieldValueError
from jsi_docs.serialization.converter import BLOCK_TAGS
from jsi_docs.serialization.richtext import RichTextSyntaxError

__all__ = ["problems_of"]

Found = tuple[str, str, int | None]  # (path, message, position in the text value or None)


def _child_path(path: str, exc: BaseException) -> str:
    for note in reversed(getattr(exc, "__notes__", [])):
        if isinstance(note, AttributeValidationNote):
            return f"{path}.{note.name}"
        if isinstance(note, IterableValidationNote):
            return f"{path}[{note.index}]"
    return path


def _hint(key: str) -> str:
    if " " in key.strip():
        return "; if this is text holding ': ', put the whole text in quotes"
    if key in BLOCK_TAGS:
        return f"; a block says what it is with 'type: {key}' (a block with no type is a paragraph)"
    return ""


def problems_of(exc: BaseException, path: str = "$") -> Iterator[Found]:
    """Every leaf error of ``exc`` with the path of the value it is about."""
    if isinstance(exc, ClassValidationError | IterableValidationError):
        for sub in exc.exceptions:
            yield from problems_of(sub, _child_path(path, sub))
    elif isinstance(exc, ForbiddenExtraKeysError):
        names = [f.name for f in attrs.fields(exc.cl)] if attrs.has(exc.cl) else []
        allowed = ", ".join(names)
        for key in sorted(exc.extra_fields):
            yield (
                path + path_step(key),
                f"unknown key{did_you_mean(key, names)} (allowed here: {allowed}){_hint(key)}",
                None,
            )
    elif isinstance(exc, FieldValueError):
        yield f"{path}.{exc.field}", str(exc), None
    elif isinstance(exc, KeyError):
        yield path, "is required", None
    elif isinstance(exc, RichTextSyntaxError):
        yield path, f"rich text: {exc.message}", exc.column - 1
    elif isinstance(exc, TypeError) and "__init__() missing" in str(exc):
        yield path, f"missing field: {str(exc).rpartition(':')[2].strip()}", None
    else:
        yield path, str(exc), None
