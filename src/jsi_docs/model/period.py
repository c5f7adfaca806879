"""Date ranges: meeting dates and the periods for which a role is held."""

from __future__ import annotations

import datetime as dt
import re

import attrs

from jsi_docs.model._checks import FieldValueError

__all__ = ["Period"]

_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def _check_order(instance: Period, attribute: attrs.Attribute[dt.date], value: dt.date) -> None:
    if value < instance.start:
        raise FieldValueError(
            attribute.name, f"period ends ({value}) before it starts ({instance.start})"
        )


@attrs.frozen
class Period:
    """An inclusive range of days, from ``start`` to ``end`` (one day when they are equal).

    Written in files as ISO 8601: ``2023`` (a year), ``2023-05`` (a month), ``2023-05-25`` (a day)
    or ``2023-05-22/2023-05-25`` (a range).
    """

    start: dt.date
    end: dt.date = attrs.field(validator=_check_order)

    @classmethod
    def day(cls, day: dt.date) -> Period:
        return cls(day, day)

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31))

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        following = dt.date(year + month // 12, month % 12 + 1, 1)
        return cls(dt.date(year, month, 1), following - dt.timedelta(days=1))

    @classmethod
    def parse(cls, text: str) -> Period:
        """Read the ISO 8601 forms listed in the class docstring."""
        text = text.strip()
        if m := _YEAR.fullmatch(text):
            return cls.year(int(m[1]))
        if m := _MONTH.fullmatch(text):
            return cls.month(int(m[1]), int(m[2]))
        if "/" in text:
            first, _, last = text.partition("/")
            return cls(dt.date.fromisoformat(first), dt.date.fromisoformat(last))
        return cls.day(dt.date.fromisoformat(text))

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
        return self == Period.month(self.start.year, self.start.month)

    def isoformat(self) -> str:
        """The shortest ISO 8601 form; ``Period.parse`` reads it back."""
        if self.is_whole_year:
            return f"{self.start.year:04d}"
        if self.is_whole_month:
            return f"{self.start.year:04d}-{self.start.month:02d}"
        if self.start == self.end:
            return self.start.isoformat()
        return f"{self.start.isoformat()}/{self.end.isoformat()}"

    def __contains__(self, other: object) -> bool:
        if isinstance(other, Period):
            return self.start <= other.start and other.end <= self.end
        if isinstance(other, dt.date):
            return self.start <= other <= self.end
        return False

    def overlaps(self, other: Period) -> bool:
        return self.start <= other.end and other.start <= self.end
