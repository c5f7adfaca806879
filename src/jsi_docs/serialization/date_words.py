"""Dates written in words, read back into figures for an error message: "May 24th, 2024" is
``2024-05-24``, "20-24 May 2024" is ``2024-05-20/2024-05-24``.

Only messages use this: the file format takes figures, so that what a file says is never a
guess. Month names are CLDR's (Babel) in the languages jsi_docs ships, full and abbreviated.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Final

from babel import Locale

__all__ = ["in_figures"]

_LOCALES: Final = ("en", "fr", "es", "ru", "ar", "zh")
_YEAR: Final = re.compile(r"(?<!\d)(\d{4})(?!\d)")
_DAY: Final = re.compile(r"(?<!\d)(\d{1,2})(?!\d)")
_WORD: Final = re.compile(r"[^\W\d_]+\.?", re.UNICODE)
_CJK_MONTH: Final = re.compile(r"(?<!\d)(\d{1,2})\s*月")


@functools.cache
def _months() -> dict[str, int]:
    """Every month name and abbreviation of the shipped languages, case-folded: its number."""
    names: dict[str, int] = {}
    for code in _LOCALES:
        locale = Locale.parse(code)
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in locale.months[context][width].items():
                    key = name.casefold().rstrip(".")
                    if key and not key.isdigit():
                        names.setdefault(key, number)
    return names


def _months_in(text: str) -> list[tuple[int, int]]:
    """(position, month number) of each month named in ``text``: by its name, or in figures
    before 月 (Chinese)."""
    months = _months()
    found = []
    for match in _WORD.finditer(text):
        number = months.get(match.group().casefold().rstrip("."))
        if number is not None:
            found.append((match.start(), number))
    for match in _CJK_MONTH.finditer(text):
        if 1 <= int(match.group(1)) <= 12:
            found.append((match.start(), int(match.group(1))))
    return sorted(found)


def in_figures(text: str, *, period: bool = False) -> str | None:
    """``text`` (words naming a calendar date) in the file format's figures, or None when the
    words give no year, or not one reading. ``period`` allows a range of days."""
    found = _read(text, period)
    if found is None:
        return None
    try:  # "31 June 2024" names no day
        for part in found.split("/"):
            if len(part) == 10:
                dt.date.fromisoformat(part)
    except ValueError:
        return None
    return found


def _read(text: str, period: bool) -> str | None:
    years = _YEAR.findall(text)
    if len(years) != 1:
        return None
    year = int(years[0])  # figures of any script: "٢٠٢٤" is 2024
    rest = _YEAR.sub(" ", text)
    months = _months_in(rest)
    without_months = _CJK_MONTH.sub(" ", rest)
    days = [int(d) for d in _DAY.findall(without_months)]
    if not 1800 <= year <= 2999 or any(not 1 <= d <= 31 for d in days):
        return None
    if not months:
        return str(year) if not days else None
    if len(months) == 1:
        month = months[0][1]
        if not days:
            return f"{year}-{month:02d}"
        if len(days) == 1:
            return f"{year}-{month:02d}-{days[0]:02d}"
        if len(days) == 2 and period and days[0] < days[1]:
            return f"{year}-{month:02d}-{days[0]:02d}/{year}-{month:02d}-{days[1]:02d}"
        return None
    if len(months) == 2 and len(days) == 2 and period:
        (_, first), (_, last) = months
        if first < last:
            return f"{year}-{first:02d}-{days[0]:02d}/{year}-{last:02d}-{days[1]:02d}"
    return None
