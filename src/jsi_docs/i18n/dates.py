"""Dates in words, through Babel: "1er juin 2023", "22–25 May 2023", "25 de mayo de 2023".

Each language's file says how (its ``[dates]`` table, see
:mod:`jsi_docs.i18n.dateformats`): a CLDR locale for month names (English follows the WTO's
British usage, day before month, whatever the region of the tag) and templates for a day and
for ranges. Ranges are composed from month names rather than with
``babel.dates.format_interval``: CLDR abbreviates months across months or years ("30 déc. 2023 –
2 janv. 2024", "30 May – 2 Jun 2023"), puts thin spaces around the dash within a month in
English, and cannot write the French "1er". English, French and Spanish use the shapes:

* within a month: ``22–25 mai 2023`` (closed en dash between the days);
* within a year: ``30 mai – 2 juin 2023``;
* across years: ``30 décembre 2023 – 2 janvier 2024``.

A spaced dash is preceded by a no-break space (U+00A0) so that a line never starts with it.
"""

from __future__ import annotations

import datetime as dt

from jsi_docs.i18n.exceptions import DateRangeError
from jsi_docs.i18n.languages import get_language

__all__ = [
    "format_date",
    "format_date_range",
    "format_known",
    "format_period",
    "iso",
    "iso_range",
]


def format_date(d: dt.date, language: str) -> str:
    """A day in words: ``"1er juin 2023"``, ``"25 May 2023"``, ``"25 de mayo de 2023"``."""
    return get_language(language).dates.format_date(d)


def format_date_range(start: dt.date, end: dt.date, language: str) -> str:
    """An inclusive range of days in words, as short as is unambiguous (see the module doc).

    ``format_date_range(date(2023, 5, 22), date(2023, 5, 25), "fr")`` -> ``"22–25 mai 2023"``;
    one day gives :func:`format_date`. Raises :class:`DateRangeError` if ``end < start``.
    """
    return get_language(language).dates.format_range(start, end)


def format_period(start: dt.date, end: dt.date, language: str) -> str:
    """Like :func:`format_date_range`, but a whole month or year is named as such.

    ``"mai 2023"``, ``"May 2023"``, ``"mayo de 2023"``; ``"2023"`` for 1 January-31 December.
    """
    return get_language(language).dates.format_period(start, end)


def format_known(start: dt.date, end: dt.date, precision: str, language: str) -> str:
    """A period in words to the ``precision`` it is known (``"day"``, ``"month"``, ``"year"``):
    ``"22–25 mai 2023"``, ``"mai 2023"``, ``"2021–2023"``; a year is never "1 January – 31
    December"."""
    return get_language(language).dates.format_known(start, end, precision)


def iso(d: dt.date) -> str:
    """ISO 8601 day, ``"2023-05-25"`` (the date part of a ``datetime``), e.g. for ``<time>``."""
    return dt.date(d.year, d.month, d.day).isoformat()


def iso_range(start: dt.date, end: dt.date) -> str:
    """ISO 8601 interval ``"2023-05-22/2023-05-25"``; a single day gives :func:`iso`."""
    if end < start:
        raise DateRangeError(f"date range ends ({end}) before it starts ({start})")
    return iso(start) if start == end else f"{iso(start)}/{iso(end)}"
