"""Labels: every language defines exactly the closed set of terms, with the same placeholders."""

from __future__ import annotations

import string
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from jsi_docs.errors import JsiDocsError
from jsi_docs.i18n import (
    GENDERED_TERMS,
    GENDERS,
    PLACEHOLDERS,
    SUPPORTED_LANGUAGES,
    LabelDataError,
    LabelFieldError,
    Placeholder,
    Term,
    UnknownTermError,
    UnsupportedLanguageError,
    capitalize_first,
    labels,
    language_name,
    normalize_language,
)
from jsi_docs.i18n.terms import DECISION_SENTENCES, split_action


def _raw(language: str) -> dict[str, Any]:
    """The ``[labels]`` table of a shipped language file, as TOML reads it."""
    path = resources.files("jsi_docs.i18n").joinpath("data", "languages", f"{language}.toml")
    with path.open("rb") as f:
        labels_table: dict[str, Any] = tomllib.load(f)["labels"]
    return labels_table


def _forms(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    assert isinstance(value, dict)
    return [str(v) for v in value.values()]


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_every_language_defines_every_term_and_nothing_else(language: str) -> None:
    assert set(_raw(language)) == {t.value for t in Term}


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_labels_load_and_are_not_blank(language: str) -> None:
    lab = labels(language)
    assert lab.language == language
    for term in Term:
        for gender in (None, *GENDERS):
            fields = {name: "X" for name in PLACEHOLDERS.get(term, ())}
            text = lab.get(term, gender=gender, **fields)
            assert text.strip() == text
            assert text


def test_placeholders_identical_across_languages_and_genders() -> None:
    for term in Term:
        found = {
            (language, frozenset(_fields(form)))
            for language in SUPPORTED_LANGUAGES
            for form in _forms(_raw(language)[term.value])
        }
        expected = PLACEHOLDERS.get(term, frozenset())
        if term in DECISION_SENTENCES:  # or verb first: the verb, then the body
            verb_first = (expected - {"action"}) | {"verb", "complement"}
            assert {fields for _, fields in found} <= {expected, verb_first}, term
        else:
            assert {fields for _, fields in found} == {expected}, term


def test_a_decision_sentence_is_verb_first_in_arabic_only() -> None:
    verb_first = {
        language
        for language in SUPPORTED_LANGUAGES
        if "verb" in _fields(_raw(language)[Term.DECISION.value])
    }
    assert verb_first == {"ar"}
    assert split_action("أحاطت علماً") == ("أحاطت", " علماً")
    assert split_action("اعتمدت") == ("اعتمدت", "")
    assert labels("ar").get(
        Term.DECISION, body="اللجنة", action="أحاطت علماً", object="بالتقرير"
    ) == ("أحاطت اللجنة علماً بالتقرير.")


def test_a_verb_first_sentence_needs_its_complement(tmp_path: Path) -> None:
    from jsi_docs.i18n.catalog import DATA, load_catalog

    (tmp_path / "languages").mkdir()
    ar = DATA.joinpath("languages/ar.toml").read_text(encoding="utf-8")
    broken = ar.replace(
        'decision = "{verb} {body}{complement} {object}."', 'decision = "{verb} {body} {object}."'
    )
    assert broken != ar
    (tmp_path / "languages" / "ar.toml").write_text(broken, encoding="utf-8")
    with pytest.raises(LabelDataError, match=r"labels\.decision: .*expected"):
        load_catalog(tmp_path)


def test_gendered_forms_only_on_roles_and_titles() -> None:
    for language in SUPPORTED_LANGUAGES:
        for key, value in _raw(language).items():
            if isinstance(value, dict):
                assert Term(key) in GENDERED_TERMS
                assert set(value) == set(GENDERS)


@pytest.mark.parametrize(
    ("language", "gender", "expected"),
    [
        ("fr", "masculine", "président"),
        ("fr", "feminine", "présidente"),
        ("fr", "neutral", "président"),
        ("fr", None, "président"),
        ("es", "feminine", "presidenta"),
        ("es", "masculine", "presidente"),
        ("en", "feminine", "chair"),
        ("ar", "feminine", "رئيسة"),
        ("ar", None, "رئيس"),
        ("ru", "feminine", "Председатель"),
        ("zh", "feminine", "主席"),
    ],
)
def test_role_gender(language: str, gender: str | None, expected: str) -> None:
    assert labels(language).get(Term.ROLE_CHAIR, gender=gender) == expected


def test_gender_ignored_by_ungendered_terms_and_checked() -> None:
    assert labels("fr").get(Term.TOPICS, gender="feminine") == "Thèmes"
    with pytest.raises(ValueError, match="gender"):
        labels("fr").get(Term.ROLE_CHAIR, gender="plural")


@pytest.mark.parametrize(
    ("term", "fr", "en", "es"),
    [
        (Term.FIND_OUT_MORE, "Pour en savoir plus", "Find out more", "Más información"),
        (Term.TOPICS, "Thèmes", "Topics", "Temas"),
        (Term.SAID, "a dit", "said", "dijo"),
        (Term.MEETING_PLENARY, "réunion plénière", "plenary meeting", "reunión plenaria"),
        (
            Term.MEETING_BRIEFING,
            "séance d'information",
            "information session",
            "sesión informativa",
        ),
        (Term.ROLE_CO_CONVENOR, "coorganisateur", "co-convenor", "coorganizador"),
        (Term.ROLE_FACILITATOR, "facilitateur", "facilitator", "facilitador"),
        (
            Term.LANGUAGE_VERSIONS,
            "Cette page en d'autres langues",
            "This page in other languages",
            "Esta página en otros idiomas",
        ),
        (
            Term.PROBLEMS_VIEWING,
            "Des problèmes pour visualiser cette page?",
            "Problems viewing this page?",
            "¿Problemas para visualizar esta página?",
        ),
    ],
)
def test_known_labels(term: Term, fr: str, en: str, es: str) -> None:
    assert (labels("fr")[term], labels("en")[term], labels("es")[term]) == (fr, en, es)


def test_placeholders_filled() -> None:
    assert labels("fr").get(Term.PAGE_X_OF_Y, page=2, pages=5) == "Page 2 sur 5"
    assert labels("en").get(Term.PAGE_X_OF_Y, page=2, pages=5) == "Page 2 of 5"
    assert labels("es").get("page_x_of_y", page=2, pages=5) == "Página 2 de 5"
    assert labels("fr").get(Term.PUBLISHED, date="1er juin 2023") == "Publié le 1er juin 2023"
    assert labels("fr").placeholders(Term.PAGE_X_OF_Y) == {"page", "pages"}
    assert labels("ru").get(Term.PAGE_X_OF_Y, page=2, pages=5) == "Страница 2 из 5"
    assert labels("ar").get(Term.PAGE_X_OF_Y, page=2, pages=5) == "الصفحة 2 من 5"
    assert labels("zh-Hans").get(Term.PAGE_X_OF_Y, page=2, pages=5) == "第2页，共5页"


def test_missing_or_extra_fields_are_errors() -> None:
    with pytest.raises(LabelFieldError, match="missing"):
        labels("fr").get(Term.PAGE_X_OF_Y, page=1)
    with pytest.raises(LabelFieldError, match="unexpected"):
        labels("fr").get(Term.TOPICS, page=1)
    with pytest.raises(ValueError, match="pages"):
        labels("fr")[Term.PAGE_X_OF_Y]


def test_segments_expose_placeholders() -> None:
    segments = labels("en").segments(Term.PROBLEMS_VIEWING_CONTACT)
    assert segments[0] == "Please contact "
    assert segments[1] == Placeholder("email")
    assert "".join(s for s in segments if isinstance(s, str)).endswith("you are using.")


@pytest.mark.parametrize("tag", ["fr", "fr-CH", "fr_CH", "FR", "fr-Latn-CA", " fr-ch "])
def test_regional_tags_fall_back(tag: str) -> None:
    assert normalize_language(tag) == "fr"
    assert labels(tag) is labels("fr")


@pytest.mark.parametrize("tag", ["de", "", "english", "x-fr", "pt-BR"])
def test_unsupported_language(tag: str) -> None:
    with pytest.raises(UnsupportedLanguageError) as info:
        labels(tag)
    assert isinstance(info.value, LookupError)
    assert isinstance(info.value, JsiDocsError)
    assert f"supported: {', '.join(SUPPORTED_LANGUAGES)}" in str(info.value)


def test_term_of_model_kinds() -> None:
    assert Term.of("role", "vice-chair") is Term.ROLE_VICE_CHAIR
    assert Term.of("meeting", "negotiating-round") is Term.MEETING_NEGOTIATING_ROUND
    assert Term.of("item", "chair-statement") is Term.ITEM_CHAIR_STATEMENT
    assert Term.of("collective", "co-convenors") is Term.COLLECTIVE_CO_CONVENORS
    with pytest.raises(UnknownTermError):
        Term.of("role", "other")
    with pytest.raises(LookupError):
        labels("fr").get("no_such_term")


def test_language_names() -> None:
    assert [language_name(code) for code in ("en", "es", "fr")] == [
        "English",
        "español",
        "français",
    ]
    assert language_name("es", capitalize=True) == "Español"
    assert language_name("es", "en") == "Spanish"
    assert language_name("en-GB", "fr-CH") == "anglais"
    with pytest.raises(UnsupportedLanguageError):
        language_name("fr", "de")


def test_capitalize_first() -> None:
    assert capitalize_first("réunion plénière") == "Réunion plénière"
    assert capitalize_first("") == ""
