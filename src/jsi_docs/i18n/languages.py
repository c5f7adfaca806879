"""Supported languages: normalising BCP 47 tags and naming languages (through Babel)."""

from __future__ import annotations

import functools
from typing import Final

from babel import Locale, UnknownLocaleError

from jsi_docs.i18n.exceptions import UnsupportedLanguageError

__all__ = ["SUPPORTED_LANGUAGES", "language_name", "normalize_language"]

SUPPORTED_LANGUAGES: Final[tuple[str, ...]] = ("en", "es", "fr")
"""Base languages with labels, date formats and a typography profile."""


def normalize_language(tag: str) -> str:
    """The supported base language of a BCP 47 tag: ``"fr-CH"``, ``"FR_ch"`` -> ``"fr"``.

    Raises :class:`UnsupportedLanguageError` (a ``LookupError``) for any other language.
    """
    base = tag.strip().replace("_", "-").split("-", 1)[0].lower()
    if base not in SUPPORTED_LANGUAGES:
        raise UnsupportedLanguageError(tag, SUPPORTED_LANGUAGES)
    return base


@functools.lru_cache(maxsize=64)
def _locale(tag: str) -> Locale:
    try:
        return Locale.parse(tag.strip().replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError) as exc:
        raise UnsupportedLanguageError(tag, SUPPORTED_LANGUAGES) from exc


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
        raise UnsupportedLanguageError(code, SUPPORTED_LANGUAGES)
    return name[:1].upper() + name[1:] if capitalize else name
