"""Kinds for real genres (items, meetings, roles) with their words in every language, and
speaking on behalf of a Member, a group, a person or an office, said so in every format."""

from __future__ import annotations

import io
import json
import zipfile

import attrs
import pypdf
import pytest

import jsi_docs
from jsi_docs.errors import InputError
from jsi_docs.exporters import jsonld
from jsi_docs.i18n import SUPPORTED_LANGUAGES, labels
from jsi_docs.model import (
    Affiliation,
    AffiliationKind,
    GrammaticalGender,
    ItemKind,
    MeetingKind,
    OnBehalfOf,
    Role,
    RoleKind,
    Speaker,
)
from jsi_docs.serialization.schema import json_schema
from jsi_docs.view import build_view
from jsi_docs.view.present import Presenter
from tests_helpers import EXAMPLES, french_example

SPANISH = EXAMPLES / "consejo-2024-03-resumen.es.yaml"
KOUASSI = EXAMPLES / "ecommerce-work-programme-2023-09-19-meeting-summary.en.yaml"


@pytest.mark.parametrize(
    ("language", "role", "gender", "expected"),
    [
        ("es", RoleKind.MINISTER, GrammaticalGender.FEMININE, "ministra"),
        (
            "fr",
            RoleKind.PERMANENT_REPRESENTATIVE,
            GrammaticalGender.FEMININE,
            "représentante permanente",
        ),
        ("en", RoleKind.DELEGATE, None, "delegate"),
        ("fr", RoleKind.DELEGATE, GrammaticalGender.MASCULINE, "délégué"),
        ("es", RoleKind.REPRESENTATIVE, GrammaticalGender.FEMININE, "representante"),
        ("en", RoleKind.SECRETARY_GENERAL, None, "Secretary-General"),
        ("fr", RoleKind.SECRETARY_GENERAL, GrammaticalGender.FEMININE, "Secrétaire générale"),
        ("zh", RoleKind.DEPUTY_SECRETARY_GENERAL, None, "常务副秘书长"),
        ("en", RoleKind.PRESIDENT, None, "President"),
        ("es", RoleKind.VICE_PRESIDENT, GrammaticalGender.FEMININE, "vicepresidenta"),
        ("es", RoleKind.RAPPORTEUR, GrammaticalGender.FEMININE, "relatora"),
        ("ar", RoleKind.SECRETARY_GENERAL, GrammaticalGender.FEMININE, "الأمينة العامة"),
    ],
)
def test_new_role_kinds_have_their_words(
    language: str, role: RoleKind, gender: GrammaticalGender | None, expected: str
) -> None:
    shown = Presenter.for_language(language).role(Role(role), str(gender) if gender else None)
    assert shown == expected


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_every_new_kind_has_words_in_every_language(language: str) -> None:
    words = labels(language)
    new = [
        *(
            f"item_{k.value}"
            for k in (ItemKind.SPEECH, ItemKind.MEDIA_RELEASE, ItemKind.MEETING_COVERAGE)
        ),
        *(
            f"meeting_{k.value}"
            for k in (
                MeetingKind.COUNCIL,
                MeetingKind.COMMITTEE_SESSION,
                MeetingKind.GENERAL_ASSEMBLY,
                MeetingKind.HEADS_OF_DELEGATION,
            )
        ),
    ]
    for key in new:
        assert words[key.replace("-", "_")].strip()


def test_the_meeting_kind_and_item_kind_are_shown() -> None:
    item = attrs.evolve(jsi_docs.load(SPANISH), kind=ItemKind.SPEECH)
    assert build_view(item).kind_label == "discurso"
    assert item.meeting is not None
    unlabelled = attrs.evolve(item, meeting=attrs.evolve(item.meeting, label=None))
    meeting = build_view(unlabelled).meeting
    assert meeting is not None
    assert meeting.name == "Reunión del Consejo, Ginebra"


# -- on behalf of ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Ambassador Aya Kouassi (Côte d'Ivoire), on behalf of the African Group"),
        ("fr", "Ambassador Aya Kouassi (Côte d'Ivoire), au nom de the African Group"),
        ("es", "Ambassador Aya Kouassi (Côte d'Ivoire), en nombre de the African Group"),
    ],
)
def test_on_behalf_of_is_said_in_the_item_language(language: str, expected: str) -> None:
    item = jsi_docs.load(KOUASSI)
    speaker = item.speaker("kouassi")
    assert isinstance(speaker, Speaker)
    shown = Presenter.for_language(language).speaker(speaker)
    assert shown.text.replace("\u2019", "'") == expected
    assert shown.affiliation == "Côte d\u2019Ivoire"  # no longer printed like a second Member


def test_old_files_with_an_affiliation_on_behalf_still_load() -> None:
    speaker = jsi_docs.load(KOUASSI).speaker("kouassi")
    assert isinstance(speaker, Speaker)
    assert speaker.on_behalf_of == (
        OnBehalfOf("the African Group", AffiliationKind.GROUP, "african-group"),
    )
    given = Speaker("x", member=Affiliation("Kenya"), on_behalf_of=Affiliation("the African Group"))
    assert given.on_behalf_of == (OnBehalfOf("the African Group"),)


def test_a_phrase_gives_the_item_s_own_words() -> None:
    lines = {s.id: s.text for s in build_view(jsi_docs.load(SPANISH)).speakers}
    assert lines["kenya"] == "Kenya, en nombre del Grupo Africano"
    assert (
        lines["weber"] == "Jonas Weber, Director General Adjunto, en nombre de la Directora General"
    )
    assert lines["sato"].endswith("delegada, en nombre de la Presidencia del Comité de Presupuesto")


def test_a_delegation_with_no_person_is_a_speaker() -> None:
    view = build_view(jsi_docs.load(SPANISH))
    kenya = view.speaker_index["kenya"]
    assert (kenya.name, kenya.member, kenya.delegation) == ("Kenya", None, True)
    data = jsonld.news_article(view)
    creators = [q["creator"] for q in data["hasPart"] if q["@type"] == "Quotation"]
    assert creators == [
        {
            "@type": "Person",
            "name": "Jonas Weber",
            "familyName": "Weber",
            "givenName": "Jonas",
            "jobTitle": ["Director General Adjunto"],
            "description": "en nombre de la Directora General",
        }
    ]
    # its paragraph is a statement of the Member itself: no person invented, and not listed
    # as a member of itself
    stated = [q["creator"] for q in data["hasPart"] if q["@type"] == "Statement"]
    assert {
        "@type": "Organization",
        "name": "Kenya",
        "identifier": "KEN",
        "description": "en nombre del Grupo Africano",
    } in stated


def test_a_speaker_needs_something_to_be_known_by() -> None:
    with pytest.raises(ValueError, match="a name, or a role, honorific or member"):
        Speaker("x", on_behalf_of=OnBehalfOf("the African Group"))


def test_a_person_is_no_member() -> None:
    text = SPANISH.read_text(encoding="utf-8").replace(
        "member: {name: Chile, code: CHL}", "member: {name: Chile, code: CHL, kind: person}"
    )
    with pytest.raises(InputError) as caught:
        jsi_docs.loads(text, "yaml")
    assert [p.format() for p in caught.value.problems] == [
        "line 38: $.speakers[1].member.kind: a Member, country, organization or group is expected "
        "here, not a person (someone speaking for a person or an office says so with on_behalf_of)"
    ]


def test_the_schema_knows_phrase_and_the_new_kinds() -> None:
    schema = json_schema()
    behalf = schema["$defs"]["OnBehalfOf"]["properties"]
    assert "phrase" in behalf
    assert {"person", "office"} <= set(behalf["kind"]["enum"])
    assert {"speech", "media-release", "meeting-coverage"} <= set(
        schema["properties"]["kind"]["enum"]
    )
    assert "council" in schema["$defs"]["Meeting"]["properties"]["kind"]["enum"]
    assert "minister" in schema["$defs"]["Role"]["properties"]["kind"]["enum"]


@pytest.mark.parametrize("fmt", ["html", "pdf", "docx"])
def test_every_format_says_on_behalf_of(fmt: str) -> None:
    data = jsi_docs.export(jsi_docs.load(SPANISH), fmt)
    if fmt == "html":
        text = data.decode("utf-8")
        assert '<span class="on-behalf-of">en nombre del Grupo Africano</span>' in text
    elif fmt == "pdf":
        text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)
    else:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            text = z.read("word/document.xml").decode("utf-8")
    assert "en nombre del Grupo Africano" in " ".join(text.split())
    assert "Kenya (" not in text


def test_the_french_label_and_a_french_phrase() -> None:
    item = french_example()
    tan = item.speaker("tan")
    assert isinstance(tan, Speaker)
    behalf = attrs.evolve(tan, on_behalf_of=OnBehalfOf("Singapour"))
    assert Presenter.for_language("fr").speaker(behalf).on_behalf_of == "au nom de Singapour"
    phrased = attrs.evolve(
        tan, on_behalf_of=OnBehalfOf("Groupe africain", phrase="au nom du Groupe africain")
    )
    line = Presenter.for_language("fr").speaker(phrased).text
    assert line.endswith(", au nom du Groupe africain")
    assert json.loads(jsi_docs.dumps(attrs.evolve(item, speakers=[phrased]), "json"))["speakers"][
        0
    ]["on_behalf_of"] == {
        "name": "Groupe africain",
        "phrase": "au nom du Groupe africain",
    }


def test_a_member_may_be_written_as_its_name_alone() -> None:
    """`member: Norway` is `member: {name: Norway}` (a Member), in the reader and the schema."""
    from jsonschema import Draft202012Validator

    from jsi_docs.serialization.schema import json_schema

    text = SPANISH.read_text(encoding="utf-8").replace(
        "member: {name: Chile, code: CHL}", "member: Chile"
    )
    item = jsi_docs.loads(text, "yaml")
    speaker = item.speaker("robles")
    assert isinstance(speaker, Speaker)
    assert speaker.member == Affiliation("Chile", AffiliationKind.MEMBER)
    data = json.loads(jsi_docs.dumps(item, "json"))
    assert data["speakers"][1]["member"] == {"name": "Chile"}  # written back in full
    validator = Draft202012Validator(json_schema())
    data["speakers"][1]["member"] = "Chile"
    assert list(validator.iter_errors(data)) == []
    data["speakers"][1]["member"] = " "
    assert list(validator.iter_errors(data))
    with pytest.raises(InputError, match=r"member: expected a name or a mapping"):
        jsi_docs.loads(text.replace("member: Chile", "member: [Chile]"), "yaml")
