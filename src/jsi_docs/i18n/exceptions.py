"""Errors raised by :mod:`jsi_docs.i18n` (each also inherits the builtin it refines)."""

from __future__ import annotations

from collections.abc import Sequence

from jsi_docs.errors import JsiDocsError

__all__ = [
    "DateRangeError",
    "LabelDataError",
    "LabelFieldError",
    "UnknownProfileError",
    "UnknownTermError",
    "UnsupportedLanguageError",
]


class UnsupportedLanguageError(JsiDocsError, LookupError):
    """A language tag whose base language has no labels (``"de"``, ``""``)."""

    def __init__(self, tag: str, supported: Sequence[str]) -> None:
        self.tag = tag
        self.supported = tuple(supported)
        super().__init__(f"unsupported language {tag!r} (supported: {', '.join(self.supported)})")

    def __str__(self) -> str:  # LookupError would otherwise repr() the message
        return str(self.args[0])


class UnknownTermError(JsiDocsError, LookupError):
    """A label term that is not a member of :class:`~jsi_docs.i18n.labels.Term`."""

    def __str__(self) -> str:
        return str(self.args[0])


class UnknownProfileError(JsiDocsError, LookupError):
    """A typography profile name nobody defined."""

    def __init__(self, name: str, known: Sequence[str]) -> None:
        self.name = name
        self.known = tuple(known)
        super().__init__(f"unknown typography profile {name!r} (known: {', '.join(self.known)})")

    def __str__(self) -> str:
        return str(self.args[0])


class LabelFieldError(JsiDocsError, ValueError):
    """A label formatted with missing or unexpected placeholder fields."""


class LabelDataError(JsiDocsError, ValueError):
    """A label data file that does not define exactly the closed set of terms."""


class DateRangeError(JsiDocsError, ValueError):
    """A date range that ends before it starts."""
