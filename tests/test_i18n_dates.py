"""Dates in words through Babel, with the French "1er" and compact ranges."""

from __future__ import annotations

import datetime as dt

import pytest
from babel.dates import format_date as babel_format_date
from hypothesis import given
from hypothesis import strategies as st

from jsi_docs.i18n import (
    SUPPORTED_LANGUAGES,
    DateRangeError,
    UnsupportedLanguageError,
    format_date,
    format_date_range,
    format_period,
    get_language,
    iso,
    iso_range,
)

D = dt.date
NB_DASH = "\u00a0\u2013 "  # no-break space, en dash, space


@pytest.mark.parametrize(
    ("day", "language", "expected"),
    [
        (D(2023, 5, 25), "fr", "25 mai 2023"),
        (D(2023, 5, 25), "en", "25 May 2023"),
        (D(2023, 5, 25), "es", "25 de mayo de 2023"),
        (D(2023, 6, 1), "fr", "1er juin 2023"),
        (D(2023, 6, 1), "fr-CA", "1er juin 2023"),
        (D(2023, 6, 1), "en", "1 June 2023"),
        (D(2023, 6, 1), "en-US", "1 June 2023"),
        (D(2023, 6, 1), "es", "1 de junio de 2023"),
        (D(2023, 6, 11), "fr", "11 juin 2023"),
        (D(2023, 6, 21), "fr", "21 juin 2023"),
        (dt.datetime(2023, 5, 25, 12, 30), "fr", "25 mai 2023"),
        (D(2023, 5, 25), "ru", "25 мая 2023\u202fг."),
        (D(2023, 5, 25), "ar", "25 مايو 2023"),
        (D(2023, 5, 25), "zh-Hans", "2023年5月25日"),
        (D(2023, 6, 1), "zh", "2023年6月1日"),
    ],
)
def test_format_date(day: dt.date, language: str, expected: str) -> None:
    assert format_date(day, language) == expected


@pytest.mark.parametrize(
    ("start", "end", "language", "expected"),
    [
        (D(2023, 5, 22), D(2023, 5, 25), "fr", "22\u201325 mai 2023"),
        (D(2023, 5, 22), D(2023, 5, 25), "en", "22\u201325 May 2023"),
        (D(2023, 5, 22), D(2023, 5, 25), "es", "22\u201325 de mayo de 2023"),
        (D(2023, 6, 1), D(2023, 6, 3), "fr", "1er\u20133 juin 2023"),
        (D(2023, 6, 1), D(2023, 6, 3), "en", "1\u20133 June 2023"),
        (D(2023, 5, 30), D(2023, 6, 2), "fr", f"30 mai{NB_DASH}2 juin 2023"),
        (D(2023, 5, 30), D(2023, 6, 1), "fr", f"30 mai{NB_DASH}1er juin 2023"),
        (D(2023, 5, 1), D(2023, 6, 2), "fr", f"1er mai{NB_DASH}2 juin 2023"),
        (D(2023, 5, 30), D(2023, 6, 2), "en", f"30 May{NB_DASH}2 June 2023"),
        (D(2023, 5, 30), D(2023, 6, 2), "es", f"30 de mayo{NB_DASH}2 de junio de 2023"),
        (D(2023, 12, 30), D(2024, 1, 2), "fr", f"30 décembre 2023{NB_DASH}2 janvier 2024"),
        (D(2023, 12, 30), D(2024, 1, 1), "fr", f"30 décembre 2023{NB_DASH}1er janvier 2024"),
        (D(2023, 12, 30), D(2024, 1, 2), "en", f"30 December 2023{NB_DASH}2 January 2024"),
        (
            D(2023, 12, 30),
            D(2024, 1, 2),
            "es",
            f"30 de diciembre de 2023{NB_DASH}2 de enero de 2024",
        ),
        (D(2023, 5, 25), D(2023, 5, 25), "fr", "25 mai 2023"),
        (D(2023, 5, 30), D(2023, 6, 2), "ru", f"30 мая{NB_DASH}2 июня 2023\u202fг."),
        (D(2023, 5, 22), D(2023, 5, 25), "ar", "22\u201325 مايو 2023"),
        (D(2023, 5, 22), D(2023, 5, 25), "zh", "2023年5月22日至25日"),
        (D(2023, 5, 30), D(2023, 6, 2), "zh", "2023年5月30日至6月2日"),
        (D(2023, 12, 30), D(2024, 1, 2), "zh", "2023年12月30日至2024年1月2日"),
    ],
)
def test_format_date_range(start: dt.date, end: dt.date, language: str, expected: str) -> None:
    assert format_date_range(start, end, language) == expected


@pytest.mark.parametrize(
    ("start", "end", "language", "expected"),
    [
        (D(2023, 5, 1), D(2023, 5, 31), "fr", "mai 2023"),
        (D(2023, 5, 1), D(2023, 5, 31), "en", "May 2023"),
        (D(2023, 5, 1), D(2023, 5, 31), "es", "mayo de 2023"),
        (D(2024, 2, 1), D(2024, 2, 29), "en", "February 2024"),
        (D(2023, 1, 1), D(2023, 12, 31), "fr", "2023"),
        (D(2023, 5, 1), D(2023, 5, 30), "fr", "1er\u201330 mai 2023"),
        (D(2023, 5, 22), D(2023, 5, 25), "en", "22\u201325 May 2023"),
        (D(2023, 5, 1), D(2023, 5, 31), "ru", "май 2023\u202fг."),
        (D(2023, 5, 1), D(2023, 5, 31), "zh", "2023年5月"),
    ],
)
def test_format_period(start: dt.date, end: dt.date, language: str, expected: str) -> None:
    assert format_period(start, end, language) == expected


def test_reversed_range_is_an_error() -> None:
    with pytest.raises(DateRangeError):
        format_date_range(D(2023, 5, 25), D(2023, 5, 22), "fr")
    with pytest.raises(ValueError, match="before it starts"):
        iso_range(D(2023, 5, 25), D(2023, 5, 22))


def test_unsupported_language() -> None:
    with pytest.raises(UnsupportedLanguageError):
        format_date(D(2023, 5, 25), "de")


def test_iso() -> None:
    assert iso(D(2023, 5, 25)) == "2023-05-25"
    assert iso(dt.datetime(2023, 5, 25, 12, 30)) == "2023-05-25"
    assert iso_range(D(2023, 5, 22), D(2023, 5, 25)) == "2023-05-22/2023-05-25"
    assert iso_range(D(2023, 5, 25), D(2023, 5, 25)) == "2023-05-25"


@given(st.dates(min_value=D(1900, 1, 1), max_value=D(2200, 12, 31)))
def test_single_dates_agree_with_babel_long_format(day: dt.date) -> None:
    for language in SUPPORTED_LANGUAGES:
        dates = get_language(language).dates
        expected = babel_format_date(day, "long", locale=dates.locale)
        if day.day == 1 and dates.date.startswith("{day}"):
            expected = dates.first_day + expected[1:]
        assert format_date(day, language) == expected


@given(
    st.dates(min_value=D(2000, 1, 1), max_value=D(2100, 1, 1)),
    st.integers(min_value=0, max_value=800),
)
def test_ranges_end_with_the_end_date_and_mention_the_start_day(start: dt.date, days: int) -> None:
    end = start + dt.timedelta(days=days)
    for language in SUPPORTED_LANGUAGES:
        text = format_date_range(start, end, language)
        first = get_language(language).dates.first_day if start.day == 1 else str(start.day)
        if get_language(language).dates.date.startswith("{day}"):  # day first: "22–25 May 2023"
            assert text.endswith(format_date(end, language))
            assert text.startswith(first)
        else:  # year first: "2023年5月22日至25日"
            assert text.startswith(format_date(start, language))
            assert str(end.day) in text
        assert str(start.year) in text
