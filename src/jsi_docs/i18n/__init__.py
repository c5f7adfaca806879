"""Internationalisation, format-agnostic: labels, dates and typography for en, es and fr.

Used alike by the HTML, PDF and DOCX exporters; nothing here knows a file format.
"""

from jsi_docs.i18n.dates import format_date, format_date_range, format_period, iso, iso_range
from jsi_docs.i18n.exceptions import (
    DateRangeError,
    LabelDataError,
    LabelFieldError,
    UnknownProfileError,
    UnknownTermError,
    UnsupportedLanguageError,
)
from jsi_docs.i18n.labels import (
    GENDERED_TERMS,
    GENDERS,
    PLACEHOLDERS,
    Gender,
    Labels,
    Placeholder,
    Segment,
    Term,
    capitalize_first,
    labels,
)
from jsi_docs.i18n.languages import SUPPORTED_LANGUAGES, language_name, normalize_language
from jsi_docs.i18n.typography import (
    ENGLISH,
    FRENCH,
    HOUSE_WTO,
    NARROW_NBSP,
    NBSP,
    PROFILES,
    SPANISH,
    TypographyProfile,
    profile_for,
    quote_marks,
)

__all__ = [
    "ENGLISH",
    "FRENCH",
    "GENDERED_TERMS",
    "GENDERS",
    "HOUSE_WTO",
    "NARROW_NBSP",
    "NBSP",
    "PLACEHOLDERS",
    "PROFILES",
    "SPANISH",
    "SUPPORTED_LANGUAGES",
    "DateRangeError",
    "Gender",
    "LabelDataError",
    "LabelFieldError",
    "Labels",
    "Placeholder",
    "Segment",
    "Term",
    "TypographyProfile",
    "UnknownProfileError",
    "UnknownTermError",
    "UnsupportedLanguageError",
    "capitalize_first",
    "format_date",
    "format_date_range",
    "format_period",
    "iso",
    "iso_range",
    "labels",
    "language_name",
    "normalize_language",
    "profile_for",
    "quote_marks",
]
