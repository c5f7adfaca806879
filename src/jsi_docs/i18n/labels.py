"""Localised labels: the closed set of :class:`Term` and each language's texts for them.

The terms and the :class:`Labels` class live in :mod:`jsi_docs.i18n.terms`; the texts in the
``[labels]`` table of each language file.
"""

from __future__ import annotations

from jsi_docs.i18n.languages import get_language
from jsi_docs.i18n.terms import (
    GENDERED_TERMS,
    GENDERS,
    PLACEHOLDERS,
    Gender,
    Labels,
    Placeholder,
    Segment,
    Term,
    capitalize_first,
)

__all__ = [
    "GENDERED_TERMS",
    "GENDERS",
    "PLACEHOLDERS",
    "Gender",
    "Labels",
    "Placeholder",
    "Segment",
    "Term",
    "capitalize_first",
    "labels",
]


def labels(language: str) -> Labels:
    """The labels of ``language``; regional tags fall back: ``"fr-CH"`` -> ``"fr"``.

    Raises :class:`UnsupportedLanguageError` (a ``LookupError``) for other languages.
    """
    return get_language(language).labels
