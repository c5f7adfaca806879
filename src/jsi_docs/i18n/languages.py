"""The supported languages -- the data files present -- and what is known of each.

Normalising BCP 47 tags, a language's :class:`~jsi_docs.i18n.catalog.Language` record (text
direction, quotation marks, typography, dates, labels) and the names of languages (Babel).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Final

from jsi_docs.i18n.catalog import Direction, Language, default_catalog
from jsi_docs.i18n.exceptions import UnsupportedLanguageError

if TYPE_CHECKING:
    from babel import Locale

__all__ = [
    "SUPPORTED_LANGUAGES",
    "direction",
    "get_language",
    "language_name",
    "normalize_language",
    "supported_languages",
]


def supported_languages() -> tuple[str, ...]:
    """The codes of the languages with a data file, in alphabetical order: ``("en", "es", "fr")``."""
    return default_catalog().codes


SUPPORTED_LANGUAGES: Final[tuple[str, ...]] = supported_languages()
"""The shipped languages when this module was imported (code should call
:func:`supported_languages`, which follows the data files)."""


def normalize_language(tag: str) -> str:
    """The supported base language of a BCP 47 tag: ``"fr-CH"``, ``"FR_ch"`` -> ``"fr"``.

    Raises :class:`UnsupportedLanguageError` (a ``LookupError``) for any other language.
    """
    return default_catalog().normalize(tag)


def get_language(tag: str) -> Language:
    """What is known of the language of a BCP 47 tag: ``get_language("fr-CH").quotes``.

    Raises :class:`UnsupportedLanguageError` (a ``LookupError``) for a language with no file.
    """
    return default_catalog().language(tag)


def direction(tag: str) -> Direction:
    """``"ltr"`` or ``"rtl"``: the direction of a supported language's script."""
    return get_language(tag).direction


@functools.lru_cache(maxsize=64)
def _locale(tag: str) -> Locale:
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(tag.strip().replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError) as exc:
        raise UnsupportedLanguageError(tag, supported_languages()) from exc


@functools.lru_cache(maxsize=256)
def language_name(code: str, in_language: str | None = None, *, capitalize: bool = False) -> str:
    """The name of language ``code`` in ``in_language`` (default: in itself), from Babel.

    ``language_name("fr")`` -> ``"français"``; ``language_name("es", "en")`` -> ``"Spanish"``.
    ``code`` may be any language Babel knows (its region is ignored); ``in_language`` must be
    supported. ``capitalize=True`` upper-cases the first letter, as CLDR does for names standing
    alone in a list or menu ("Français", "Español"), e.g. a language switcher.
    """
    display = _locale(normalize_language(in_language)) if in_language else None
    target = _locale(code)
    name = target.get_language_name(display or target)
    if not name:
        raise UnsupportedLanguageError(code, supported_languages())
    return name[:1].upper() + name[1:] if capitalize else name
