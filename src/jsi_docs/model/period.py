"""Dates as known: a day, a month or a year (:class:`PartialDate`), ranges of them
(:class:`Period`: meeting dates, the periods for which a role is held), and a date the source
gives only in words (:class:`DateAsWritten`: "mercredi", "last Tuesday").

Nothing here fills in what a source does not say: "2023-05" stays a month, never becomes the
first of May.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import re

import attrs

from jsi_docs.model._checks import FieldValueError, not_blank

__all__ = ["DateAsWritten", "DatePrecision", "PartialDate", "Period"]

_PARTIAL = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


class DatePrecision(enum.StrEnum):
    """How much of a date is known."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"


def _check_partial(instance: PartialDate, attribute: attrs.Attribute[int], value: int) -> None:
    if instance.day is not None and instance.month is None:
        raise FieldValueError("day", "a day needs its month")
    try:
        dt.date(instance.year, instance.month or 1, instance.day or 1)
    except (ValueError, TypeError) as exc:
        raise FieldValueError(attribute.name, f"not a date: {exc}") from None


@attrs.frozen
class PartialDate:
    """A date known to the day, the month or only the year (ISO 8601: ``2023-05-25``,
    ``2023-05``, ``2023``)."""

    year: int = attrs.field(validator=_check_partial)
    month: int | None = None
    day: int | None = None

    @classmethod
    def of(cls, day: dt.date) -> PartialDate:
        """The date of a known day."""
        return cls(day.year, day.month, day.day)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; raises ``ValueError`` otherwise."""
        m = _PARTIAL.fullmatch(text.strip())
        if m is None:
            raise ValueError(f"{text!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        month = int(m[2]) if m[2] else None
        day = int(m[3]) if m[3] else None
        try:
            return cls(int(m[1]), month, day)
        except FieldValueError as exc:
            raise ValueError(f"{text!r}: {exc}") from None

    @property
    def precision(self) -> DatePrecision:
        if self.day is not None:
            return DatePrecision.DAY
        return DatePrecision.YEAR if self.month is None else DatePrecision.MONTH

    @property
    def date(self) -> dt.date | None:
        """The day, when it is known."""
        if self.month is None or self.day is None:
            return None
        return dt.date(self.year, self.month, self.day)

    @property
    def first(self) -> dt.date:
        """The earliest day it may be."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last(self) -> dt.date:
        """The latest day it may be."""
        month = self.month or 12
        return dt.date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def isoformat(self) -> str:
        """ISO 8601 to the precision known: ``2023``, ``2023-05`` or ``2023-05-25``."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def __str__(self) -> str:
        return self.isoformat()


AS_WRITTEN_PATTERN = r"^(?![^\r\n\u2028\u2029]*[\r\n\u2028\u2029])\s*\S"
"""Words of a date as written: one line, not blank. (No "$": a validator that searches with
Python's re would let it match before a final line break.)"""


def one_line_words(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    """Text that is not blank and holds no line break."""
    not_blank(instance, attribute, value)
    if any(c in value for c in "\n\r\u2028\u2029"):
        raise FieldValueError(attribute.name, "a date as written is one line")


@attrs.frozen
class DateAsWritten:
    """A date the source gives only in words, with no calendar date one can know from them:
    "mercredi", "last Tuesday", "el miércoles". Kept and shown as written; never turned into a
    day, a month or a year, so no output states a machine-readable date from it."""

    as_written: str = attrs.field(validator=one_line_words)

    def __str__(self) -> str:
        return self.as_written


def _check_order(instance: Period, attribute: attrs.Attribute[dt.date], value: dt.date) -> None:
    if value < instance.start:
        raise FieldValueError(
            attribute.name, f"period ends ({value}) before it starts ({instance.start})"
        )


def _check_precision(
    instance: Period, attribute: attrs.Attribute[DatePrecision], value: DatePrecision
) -> None:
    whole_months = instance.start.day == 1 and (instance.end + dt.timedelta(days=1)).day == 1
    whole_years = whole_months and (instance.start.month, instance.end.month) == (1, 12)
    if value is DatePrecision.MONTH and not whole_months:
        raise FieldValueError("precision", "a period of months runs from a 1st to a month's end")
    if value is DatePrecision.YEAR and not whole_years:
        raise FieldValueError("precision", "a period of years runs from 1 January to 31 December")


@attrs.frozen
class Period:
    """An inclusive range of days, from ``start`` to ``end`` (one day when they are equal),
    known to the day, the month or the year (``precision``).

    Written in files as ISO 8601: ``2023`` (a year), ``2023-05`` (a month), ``2023-05-25`` (a
    day), or a range of two of the same precision: ``2023-05-22/2023-05-25``, ``2023-05/2023-07``,
    ``2021/2023``. A period known to the month is "May 2023", never "1–31 May 2023".
    """

    start: dt.date
    end: dt.date = attrs.field(validator=_check_order)
    precision: DatePrecision = attrs.field(
        default=DatePrecision.DAY, kw_only=True, validator=_check_precision
    )

    @classmethod
    def day(cls, day: dt.date) -> Period:
        return cls(day, day)

    @classmethod
    def year(cls, year: int) -> Period:
        return cls.between(PartialDate(year), PartialDate(year))

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        return cls.between(PartialDate(year, month), PartialDate(year, month))

    @classmethod
    def between(cls, first: PartialDate, last: PartialDate) -> Period:
        """From ``first`` to ``last`` inclusive, both of the same precision."""
        if first.precision is not last.precision:
            raise ValueError(
                f"both ends of a period are written to the same precision, not "
                f"{first.precision} ({first}) and {last.precision} ({last})"
            )
        return cls(first.first, last.last, precision=first.precision)

    @classmethod
    def parse(cls, text: str) -> Period:
        """Read the ISO 8601 forms listed in the class docstring."""
        first, _, last = text.strip().partition("/")
        start = PartialDate.parse(first)
        return cls.between(start, PartialDate.parse(last) if last else start)

    @property
    def ends(self) -> tuple[PartialDate, PartialDate]:
        """The first and last day, month or year, as known."""
        if self.precision is DatePrecision.YEAR:
            return PartialDate(self.start.year), PartialDate(self.end.year)
        if self.precision is DatePrecision.MONTH:
            return (
                PartialDate(self.start.year, self.start.month),
                PartialDate(self.end.year, self.end.month),
            )
        return PartialDate.of(self.start), PartialDate.of(self.end)

    @property
    def is_whole_year(self) -> bool:
        return (self.start.month, self.start.day, self.end.month, self.end.day) == (
            1,
            1,
            12,
            31,
        ) and (self.start.year == self.end.year)

    @property
    def is_whole_month(self) -> bool:
        return (
            self.start.day == 1 and self.end == Period.month(self.start.year, self.start.month).end
        )

    def isoformat(self) -> str:
        """The ISO 8601 form at the period's precision; ``Period.parse`` reads it back."""
        first, last = self.ends
        return first.isoformat() if first == last else f"{first}/{last}"

    def __contains__(self, other: object) -> bool:
        if isinstance(other, Period):
            return self.start <= other.start and other.end <= self.end
        if isinstance(other, dt.date):
            return self.start <= other <= self.end
        return False

    def overlaps(self, other: Period) -> bool:
        return self.start <= other.end and other.start <= self.end
