
"""Dates in words, through Babel: "1er juin 2023", "22–25 May 2023", "25 de mayo de 2023".

English follows the WTO's British usage (day before month) whatever the region of the tag.
Ranges are composed here from Babel's month names rather than with
``babel.dates.format_interval``: CLDR abbreviates months across months or years ("30 déc. 2023 –
2 janv. 2024", "30 May – 2 Jun 2023"), puts thin spaces around the dash within a month in
English, and cannot write the French "1er". The shapes are:

* within a month: ``22–25 mai 2023`` (closed en dash between the days);
* within a year: ``30 mai – 2 juin 2023``;
* across years: ``30 décembre 2023 – 2 janvier 2024``.

A spaced dash is preceded by a no-break space (U+00A0) so that a line never starts with it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

import attrs
from babel import dates as babel_dates

from jsi_docs.i18n.exceptions import DateRangeError
from jsi_docs.i18n.languages import normalize_language

__all__ = ["format_date", "format_date_range", "format_period", "iso", "iso_range"]

EN_DASH: Final = "\u2013"
_SPACED_DASH: Final = f"\u00a0{EN_DASH} "


@attrs.frozen
class _Style:
    locale: str
    month: str  # CLDR pattern for the month after a day: "MMMM" / "'de' MMMM"
    month_year: str  # ... for the month and year after a day
    alone: str  # ... for a month and year on their own: "MMMM y" / "MMMM 'de' y"
    first: str  # how the first day of a month is written


_STYLES: Final[Mapping[str, _Style]] = MappingProxyType(
    {
        "en": _Style("en_GB", "MMMM", "MMMM y", "MMMM y", "1"),
        "es": _Style("es", "'de' MMMM", "'de' MMMM 'de' y", "MMMM 'de' y", "1"),
        "fr": _Style("fr", "MMMM", "MMMM y", "MMMM y", "1er"),
    }
)


def _style(language: str) -> _Style:
    return _STYLES[normalize_language(language)]


def _day(d: dt.date, style: _Style) -> str:
    return style.first if d.day == 1 else str(d.day)


def _pattern(d: dt.date, pattern: str, style: _Style) -> str:
    return babel_dates.format_date(d, pattern, locale=style.locale)


def format_date(d: dt.date, language: str) -> str:
    """A day in words: ``"1er juin 2023"``, ``"25 May 2023"``, ``"25 de mayo de 2023"``."""
    style = _style(language)
    return f"{_day(d, style)} {_pattern(d, style.month_year, style)}"


def format_date_range(start: dt.date, end: dt.date, language: str) -> str:
    """An inclusive range of days in words, as short as is unambiguous (see the module doc).

    ``format_date_range(date(2023, 5, 22), date(2023, 5, 25), "fr")`` -> ``"22–25 mai 2023"``;
    one day gives :func:`format_date`. Raises :class:`DateRangeError` if ``end < start``.
    """
    if end < start:
        raise DateRangeError(f"date range ends ({end}) before it starts ({start})")
    style = _style(language)
    if start == end:
        return format_date(start, language)
    if (start.year, start.month) == (end.year, end.month):
        return f"{_day(start, style)}{EN_DASH}{format_date(end, language)}"
    if start.year == end.year:
        head = f"{_day(start, style)} {_pattern(start, style.month, style)}"
        return f"{head}{_SPACED_DASH}{format_date(end, language)}"
    return f"{format_date(start, language)}{_SPACED_DASH}{format_date(end, language)}"


def format_period(start: dt.date, end: dt.date, language: str) -> str:
    """Like :func:`format_date_range`, but a whole month or year is named as such.

    ``"mai 2023"``, ``"May 2023"``, ``"mayo de 2023"``; ``"2023"`` for 1 January-31 December.
    """
    style = _style(language)
    if end < start:
        raise DateRangeError(f"date range ends ({end}) before it starts ({start})")
    if start.year == end.year and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return str(start.year)
    after_end = end + dt.timedelta(days=1)
    if (start.year, start.month) == (end.year, end.month) and start.day == 1 and after_end.day == 1:
        return _pattern(start, style.alone, style)
    return format_date_range(start, end, language)


def iso(d: dt.date) -> str:
    """ISO 8601 day, ``"2023-05-25"`` (the date part of a ``datetime``), e.g. for ``<time>``."""
    return dt.date(d.year, d.month, d.day).isoformat()


def iso_range(start: dt.date, end: dt.date) -> str:
    """ISO 8601 interval ``"2023-05-22/2023-05-25"``; a single day gives :func:`iso`."""
    if end < start:
        raise DateRangeError(f"date range ends ({end}) before it starts ({start})")
    return iso(start) if start == end else f"{iso(start)}/{iso(end)}"
