"""How one language writes a day, a range of days and a period: its ``[dates]`` table.

Month names and years come from CLDR through Babel (``month``, ``month_year`` and
``month_alone`` are CLDR patterns such as ``"MMMM y"`` or ``"'de' MMMM 'de' y"``); the language
file composes them with the day in templates of ``{field}`` names:

* ``date``: ``{day}`` (the day of the month, ``first_day`` on the 1st: "1er"), ``{month}``,
  ``{month_year}`` -- ``"{day} {month_year}"`` gives "25 mai 2023";
* ``range_in_month``, ``range_in_year``, ``range_across_years``: ``{start}`` and ``{end}`` (whole
  dates as ``date`` writes them), ``{start_day}``, ``{end_day}``, ``{start_month}``,
  ``{end_month}`` -- ``"{start_day}–{end}"`` gives "22–25 mai 2023".

Babel is imported on first use, so reading the language files stays light.
"""

from __future__ import annotations

import datetime as dt
import functools
import string
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

import attrs

from jsi_docs.i18n.exceptions import DateRangeError, LanguageDataError

if TYPE_CHECKING:
    from babel import Locale

__all__ = ["TEMPLATE_FIELDS", "DateFormats"]

_DATE_FIELDS: Final = frozenset({"day", "month", "month_year"})
_RANGE_FIELDS: Final = frozenset(
    {"start", "end", "start_day", "end_day", "start_month", "end_month"}
)
TEMPLATE_FIELDS: Final[Mapping[str, frozenset[str]]] = MappingProxyType(
    {
        "date": _DATE_FIELDS,
        "range_in_month": _RANGE_FIELDS,
        "range_in_year": _RANGE_FIELDS,
        "range_across_years": _RANGE_FIELDS,
    }
)
"""The fields each template of a ``[dates]`` table may use."""


@functools.lru_cache(maxsize=64)
def template_fields(template: str) -> frozenset[str]:
    """The ``{field}`` names in ``template``; raises ``ValueError`` if it is malformed."""
    return frozenset(
        name for _, name, _, _ in string.Formatter().parse(template) if name is not None
    )


def _fill(template: str, fields: Mapping[str, Callable[[], str]]) -> str:
    # Only the fields the template names are computed (each is a call into Babel).
    return template.format_map({k: fields[k]() for k in template_fields(template)})


@functools.lru_cache(maxsize=16)
def _locale(name: str, source: str) -> Locale:
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(name)
    except (UnknownLocaleError, ValueError, TypeError) as exc:
        raise LanguageDataError(
            source, "dates.locale", f"{name!r} is not a CLDR locale ({exc})"
        ) from None


@attrs.frozen
class DateFormats:
    """The ``[dates]`` table of a language file: a CLDR locale, patterns and templates."""

    locale: str
    """The CLDR locale (as Babel spells it) whose month names are used: ``"en_GB"``, ``"fr"``."""
    first_day: str
    """How the first day of a month is written: ``"1"``, or ``"1er"`` in French."""
    month: str
    month_year: str
    month_alone: str
    date: str
    range_in_month: str
    range_in_year: str
    range_across_years: str
    source: str = attrs.field(default="", eq=False, repr=False)
    """The data file it was read from, named in errors."""

    def format_date(self, d: dt.date) -> str:
        """A day in words: ``"1er juin 2023"``, ``"25 May 2023"``."""
        return _fill(
            self.date,
            {
                "day": lambda: self._day(d),
                "month": lambda: self._cldr(d, self.month),
                "month_year": lambda: self._cldr(d, self.month_year),
            },
        )

    def format_range(self, start: dt.date, end: dt.date) -> str:
        """An inclusive range of days, as short as is unambiguous: ``"22–25 mai 2023"``.

        One day gives :meth:`format_date`. Raises :class:`DateRangeError` if ``end < start``.
        """
        if end < start:
            raise DateRangeError(f"date range ends ({end}) before it starts ({start})")
        if start == end:
            return self.format_date(start)
        if (start.year, start.month) == (end.year, end.month):
            template = self.range_in_month
        elif start.year == end.year:
            template = self.range_in_year
        else:
            template = self.range_across_years
        return _fill(
            template,
            {
                "start": lambda: self.format_date(start),
                "end": lambda: self.format_date(end),
                "start_day": lambda: self._day(start),
                "end_day": lambda: self._day(end),
                "start_month": lambda: self._cldr(start, self.month),
                "end_month": lambda: self._cldr(end, self.month),
            },
        )

    def format_period(self, start: dt.date, end: dt.date) -> str:
        """Like :meth:`format_range`, but a whole month or year is named as such:
        ``"mai 2023"``, ``"2023"``."""
        if end < start:
            raise DateRangeError(f"date range ends ({end}) before it starts ({start})")
        whole_months = start.day == 1 and (end + dt.timedelta(days=1)).day == 1
        if whole_months and (start.year, start.month, end.month) == (end.year, 1, 12):
            return self._cldr(start, "y")
        if whole_months and (start.year, start.month) == (end.year, end.month):
            return self._cldr(start, self.month_alone)
        return self.format_range(start, end)

    def format_known(self, start: dt.date, end: dt.date, precision: str) -> str:
        """A period known to ``precision`` (``"day"``, ``"month"`` or ``"year"``), never more
        precisely than known: days as :meth:`format_range`; months ``"mai 2023"``, ``"mai 2023
        – juillet 2023"``; years ``"2023"``, ``"2021–2023"``."""
        if end < start:
            raise DateRangeError(f"date range ends ({end}) before it starts ({start})")
        if precision == "year":
            first, last = self._cldr(start, "y"), self._cldr(end, "y")
            return first if first == last else f"{first}\u2013{last}"
        if precision == "month":
            first, last = self._cldr(start, self.month_alone), self._cldr(end, self.month_alone)
            return first if first == last else f"{first}\u00a0\u2013 {last}"
        return self.format_range(start, end)

    def _day(self, d: dt.date) -> str:
        return self.first_day if d.day == 1 else self._cldr(d, "d")

    def _cldr(self, d: dt.date, pattern: str) -> str:
        from babel import dates as babel_dates

        return babel_dates.format_date(d, pattern, locale=_locale(self.locale, self.source))
