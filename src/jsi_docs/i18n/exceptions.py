"""Errors raised by :mod:`jsi_docs.i18n` (each also inherits the builtin it refines)."""

from __future__ import annotations

from collections.abc import Sequence

from jsi_docs.errors import JsiDocsError

__all__ = [
    "DateRangeError",
    "LabelDataError",
    "LabelFieldError",
    "LanguageDataError",
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


class LanguageDataError(JsiDocsError, ValueError):
    """A language or profile data file with a missing, unknown or malformed key.

    ``source`` names the file (``"languages/fr.toml"``), ``key`` the dotted key in it
    (``"labels.topics"``, ``"typography.quotes"``; ``""`` for the file as a whole).
    """

    def __init__(self, source: str, key: str, message: str) -> None:
        self.source = source
        self.key = key
        super().__init__(f"{source}: {key}: {message}" if key else f"{source}: {message}")


class LabelDataError(LanguageDataError):
    """A language file whose labels do not define exactly the closed set of terms."""


class DateRangeError(JsiDocsError, ValueError):
    """A date range that ends before it starts."""
