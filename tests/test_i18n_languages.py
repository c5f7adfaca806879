"""Languages as data: the supported set is the files present, and a bad file names its fault.

A language is one file in ``jsi_docs/i18n/data/languages/``; these tests read copies of the
shipped data in a temporary directory, break them or add to them, and check what follows.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import attrs
import pytest

import jsi_docs
from jsi_docs.i18n import (
    FRENCH,
    SUPPORTED_LANGUAGES,
    LabelDataError,
    LanguageDataError,
    Term,
    UnsupportedLanguageError,
    direction,
    format_date,
    format_date_range,
    format_period,
    get_language,
    labels,
    normalize_language,
    profile_for,
    quote_marks,
    supported_languages,
)
from jsi_docs.i18n import catalog as catalog_module
from jsi_docs.i18n.catalog import load_catalog
from jsi_docs.model import CollectiveKind, ItemKind, MeetingKind, RoleKind
from tests_helpers import EXAMPLES

SHIPPED = Path(str(resources.files("jsi_docs.i18n").joinpath("data")))
D = dt.date


def test_supported_languages_are_the_files_present() -> None:
    files = sorted(p.stem for p in (SHIPPED / "languages").glob("*.toml"))
    assert list(supported_languages()) == files
    assert supported_languages() == SUPPORTED_LANGUAGES
    assert set(files) >= {"en", "es", "fr"}


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_every_language_has_a_direction_quotes_dates_and_labels(language: str) -> None:
    record = get_language(language)
    assert record.code == language
    assert record.direction == direction(language) in ("ltr", "rtl")
    assert record.source == f"languages/{language}.toml"
    assert record.quotes == quote_marks(language) == profile_for(language).quotes
    assert record.nested_quotes == quote_marks(language, nested=True)
    assert all(mark.strip() for mark in (*record.quotes, *record.nested_quotes))
    assert record.labels is labels(language)
    day = format_date(D(2023, 5, 25), language)
    assert "2023" in day, day
    assert "25" in day, day


def test_the_languages_page_lists_every_language() -> None:
    page = (Path(__file__).resolve().parent.parent / "docs" / "languages.md").read_text("utf-8")
    for code in supported_languages():
        assert f"| `{code}` | {direction(code)} |" in page, code


def test_direction_and_quotes_of_the_shipped_languages() -> None:
    assert [direction(code) for code in ("fr", "en-GB", "es-419")] == ["ltr"] * 3
    assert get_language("fr-CH").quotes == ("«\u00a0", "\u00a0»")
    assert get_language("es").nested_quotes == ("“", "”")
    with pytest.raises(
        UnsupportedLanguageError, match=f"supported: {', '.join(SUPPORTED_LANGUAGES)}"
    ):
        direction("xx")


# Broken files ------------------------------------------------------------------------------


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A copy of the shipped data directory, to break or extend."""
    shutil.copytree(SHIPPED, tmp_path / "data")
    return tmp_path / "data"


def _edit(path: Path, pattern: str, replacement: str) -> None:
    text = path.read_text(encoding="utf-8")
    edited, count = re.subn(pattern, replacement, text, count=1, flags=re.M)
    assert count == 1, f"{pattern!r} not found in {path.name}"
    path.write_text(edited, encoding="utf-8")


def test_the_copy_loads_like_the_shipped_data(data: Path) -> None:
    catalog = load_catalog(data)
    assert catalog.codes == supported_languages()
    assert catalog.profile("house").name == "house_wto"
    assert catalog.language("fr").labels[Term.TOPICS] == "Thèmes"


@pytest.mark.parametrize(
    ("file", "pattern", "replacement", "error", "key", "message"),
    [
        ("fr", r"^topics = .*\n", "", LabelDataError, "labels.topics", "missing term"),
        ("es", r"^said = .*\n", "", LabelDataError, "labels.said", "missing term"),
        (
            "en",
            r"^\[labels\]\n",
            "[labels]\nshare = 'Share'\n",
            LabelDataError,
            "labels.share",
            "unknown term",
        ),
        ("fr", r"^topics = .*", "topics = ''", LabelDataError, "labels.topics", "expected a text"),
        (
            "fr",
            r"^role_during = .*",
            "role_during = '{role}'",
            LabelDataError,
            "labels.role_during",
            "expected ['period', 'role']",
        ),
        (
            "fr",
            r"^role_chair = .*",
            "role_chair = { masculine = 'président' }",
            LabelDataError,
            "labels.role_chair",
            "give exactly",
        ),
        ("fr", r"^quotes = .*\n", "", LanguageDataError, "typography.quotes", "missing"),
        (
            "en",
            r"^nested_quotes = .*",
            "nested_quotes = ['‘']",
            LanguageDataError,
            "typography.nested_quotes",
            "expected [opening, closing]",
        ),
        ("es", r"^direction = .*\n", "", LanguageDataError, "direction", "missing"),
        (
            "es",
            r"^direction = .*",
            "direction = 'up'",
            LanguageDataError,
            "direction",
            "must be one of ltr, rtl",
        ),
        ("fr", r"^first_day = .*\n", "", LanguageDataError, "dates.first_day", "missing"),
        (
            "fr",
            r"^date = .*",
            "date = '{day} {monthyear}'",
            LanguageDataError,
            "dates.date",
            "unknown field monthyear",
        ),
        (
            "en",
            r"^range_in_month = .*",
            "range_in_month = '{start_day}–{end'",
            LanguageDataError,
            "dates.range_in_month",
            "expected '}'",
        ),
        (
            "fr",
            r'^";" = .*',
            '";" = "_"',
            LanguageDataError,
            "typography",
            "space_before[';'] must be made of spaces",
        ),
        (
            "fr",
            r"^curly_apostrophes = .*",
            "curly_apostrophes = 'yes'",
            LanguageDataError,
            "typography.curly_apostrophes",
            "true or false",
        ),
        (
            "fr",
            r"^name = .*",
            'name = "english"',
            LanguageDataError,
            "typography",
            "'english' is taken",
        ),
        (
            "en",
            r"^\[dates\]\n",
            "[dates]\ncalendar = 'gregorian'\n",
            LanguageDataError,
            "dates.calendar",
            "unknown key",
        ),
        (
            "en",
            r"^direction = .*",
            "direction = 'ltr'\nscript = 'Latn'",
            LanguageDataError,
            "script",
            "unknown key",
        ),
        ("fr", r"^\[labels\]", "[label]", LabelDataError, "labels", "missing table"),
        (
            "zh",
            r"^honorific = .*",
            'honorific = "{name}{title}"',
            LanguageDataError,
            "names.honorific",
            "must hold {honorific} and {name} once each",
        ),
        (
            "zh",
            r"^role = .*",
            'role = "{of}{role}{of}"',
            LanguageDataError,
            "names.role",
            "must hold {role} and {of} once each",
        ),
        (
            "zh",
            r"^role = .*",
            'role = "{of}{role}"\nstyle = "east"',
            LanguageDataError,
            "names.style",
            "unknown key",
        ),
    ],
)
def test_a_broken_language_file_names_the_file_and_key(
    data: Path,
    file: str,
    pattern: str,
    replacement: str,
    error: type[LanguageDataError],
    key: str,
    message: str,
) -> None:
    _edit(data / "languages" / f"{file}.toml", pattern, replacement)
    with pytest.raises(error) as info:
        load_catalog(data)
    assert (info.value.source, info.value.key) == (f"languages/{file}.toml", key)
    assert str(info.value).startswith(f"languages/{file}.toml: {key}: ")
    assert message in str(info.value)
    assert isinstance(info.value, ValueError)


def test_a_broken_profile_file_names_the_file_and_key(data: Path) -> None:
    _edit(data / "profiles" / "house_wto.toml", r"^name = .*", 'name = "house"')
    with pytest.raises(LanguageDataError, match=r"^profiles/house_wto.toml: typography.name: "):
        load_catalog(data)


def test_a_file_not_named_by_a_language_code_is_refused(data: Path) -> None:
    shutil.copy(data / "languages" / "fr.toml", data / "languages" / "french.toml")
    with pytest.raises(LanguageDataError, match=r"^languages/french.toml: name the file"):
        load_catalog(data)


def test_not_toml_is_refused(data: Path) -> None:
    (data / "languages" / "fr.toml").write_text("direction = \n", encoding="utf-8")
    with pytest.raises(LanguageDataError, match=r"^languages/fr.toml: not valid TOML"):
        load_catalog(data)


def test_an_unknown_locale_is_reported_when_first_used(data: Path) -> None:
    _edit(data / "languages" / "fr.toml", r"^locale = .*", 'locale = "fr_XX_zz"')
    dates = load_catalog(data).language("fr").dates
    with pytest.raises(LanguageDataError, match=r"^languages/fr.toml: dates.locale: 'fr_XX_zz'"):
        dates.format_date(D(2023, 5, 25))


# One more language ---------------------------------------------------------------------------


EXTRA = "qaa"
"""The extra language's code: ISO 639 keeps qaa-qtz for local use, so it is never shipped."""


def _add_extra_language(data: Path) -> None:
    """A file for an extra language (in Italian words) made from the English one: the ordinary
    way to start a new language."""
    path = data / "languages" / f"{EXTRA}.toml"
    shutil.copy(data / "languages" / "en.toml", path)
    for key, value in {
        "locale": "it",
        "first_day": "1º",
        "name": "local_use",
        "find_out_more": "Per saperne di più",
        "topics": "Temi",
        "role_chair": "presidente",
    }.items():
        _edit(path, rf"^{key} = .*", f'{key} = "{value}"')
    _edit(path, r"^quotes = .*", 'quotes = ["«", "»"]')
    _edit(path, r"^nested_quotes = .*", 'nested_quotes = ["“", "”"]')


@pytest.fixture
def extra_language(data: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The library reading a data directory that holds one more language."""
    _add_extra_language(data)
    monkeypatch.setattr(catalog_module, "DATA", data)
    monkeypatch.setattr(catalog_module, "_loaded", None)  # read again, from the new directory
    yield
    monkeypatch.undo()  # the shipped catalog again, the very same objects (FRENCH is FRENCH)


@pytest.mark.usefixtures("extra_language")
def test_a_new_language_file_is_supported_everywhere() -> None:
    assert supported_languages() == tuple(sorted((*SUPPORTED_LANGUAGES, EXTRA)))
    assert normalize_language(f"{EXTRA}-CH") == EXTRA
    assert direction(EXTRA) == "ltr"
    assert labels(EXTRA)[Term.TOPICS] == "Temi"
    assert labels(EXTRA).get(Term.ROLE_CHAIR, gender="feminine") == "presidente"
    assert format_date(D(2023, 5, 1), EXTRA) == "1º maggio 2023"
    assert (
        format_date_range(D(2023, 5, 30), D(2023, 6, 2), EXTRA) == "30 maggio\u00a0– 2 giugno 2023"
    )
    assert format_period(D(2023, 5, 1), D(2023, 5, 31), EXTRA) == "maggio 2023"
    assert profile_for(EXTRA).name == "local_use"
    assert profile_for(EXTRA, "house").name == "house_wto"
    assert quote_marks(EXTRA) == ("«", "»")

    item = attrs.evolve(
        jsi_docs.load(EXAMPLES / "jsi-ecommerce-2023-05-25.en.yaml"), language=EXTRA
    )
    assert jsi_docs.validate(item) == []
    result = jsi_docs.render(item, "html")
    assert result.diagnostics == ()  # no fallback to English labels
    page = result.data.decode()
    assert f'<html lang="{EXTRA}"' in page
    assert "Per saperne di più" in page


def test_without_its_file_the_language_is_refused_again() -> None:
    assert EXTRA not in supported_languages()
    assert profile_for("fr") is FRENCH
    item = attrs.evolve(
        jsi_docs.load(EXAMPLES / "jsi-ecommerce-2023-05-25.en.yaml"), language=EXTRA
    )
    assert [p.path for p in jsi_docs.validate(item)] == ["$.language"]
    with pytest.raises(UnsupportedLanguageError):
        labels(EXTRA)


# The terms ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("group", "kinds"),
    [
        ("role", RoleKind),
        ("meeting", MeetingKind),
        ("item", ItemKind),
        ("collective", CollectiveKind),
    ],
)
def test_one_term_per_model_kind_and_no_other(group: str, kinds: type[RoleKind]) -> None:
    """Every kind the model knows has a label (``other`` is named by the item itself), and the
    labels hold no kind the model cannot express."""
    expected = {Term.of(group, kind.value) for kind in kinds if kind.value != "other"}
    found = {t for t in Term if t.name.startswith(f"{group.upper()}_")} - {Term.ROLE_DURING}
    assert found == expected
