"""Internationalisation, format-agnostic: labels, dates, typography and direction, as data.

One file per language (``data/languages/<code>.toml``) holds its labels, date formats,
typography profile, quotation marks and text direction; the supported languages are the files
present (see ``docs/languages.md``). Used alike by every exporter; nothing here knows a file
format, and Babel is imported only when a date or a language name is first written.
"""

from jsi_docs.i18n.catalog import Direction, Language
from jsi_docs.i18n.dates import (
    format_date,
    format_date_range,
    format_known,
    format_period,
    iso,
    iso_range,
)
from jsi_docs.i18n.exceptions import (
    DateRangeError,
    LabelDataError,
    LabelFieldError,
    LanguageDataError,
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
from jsi_docs.i18n.languages import (
    SUPPORTED_LANGUAGES,
    direction,
    get_language,
    language_name,
    normalize_language,
    supported_languages,
)
from jsi_docs.i18n.profiles import (
    ENGLISH,
    FRENCH,
    HOUSE_WTO,
    PROFILES,
    SPANISH,
    profile_for,
    quote_marks,
)
from jsi_docs.i18n.typography import NARROW_NBSP, NBSP, TypographyProfile

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
    "Direction",
    "Gender",
    "LabelDataError",
    "LabelFieldError",
    "Labels",
    "Language",
    "LanguageDataError",
    "Placeholder",
    "Segment",
    "Term",
    "TypographyProfile",
    "UnknownProfileError",
    "UnknownTermError",
    "UnsupportedLanguageError",
    "capitalize_first",
    "direction",
    "format_date",
    "format_date_range",
    "format_known",
    "format_period",
    "get_language",
    "iso",
    "iso_range",
    "labels",
    "language_name",
    "normalize_language",
    "profile_for",
    "quote_marks",
    "supported_languages",
]
