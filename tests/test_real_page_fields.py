"""Four things real pages say: how a meeting was held, a release number that is no document
symbol, speaking on behalf of several parties, and the lead-in of an interventions list.

Each is read and written back, checked, and shown with the same words in HTML, PDF, DOCX and
JSON-LD; when the file does not give it, nothing is shown."""

from __future__ import annotations

import json
import re
from typing import Any

import jsonschema
import pytest

import jsi_docs
from _docx_helpers import open_docx
from _extract import docx_text, html_text, normalise, parse_html, pdf_text
from jsi_docs.errors import InputError
from jsi_docs.exporters import jsonld
from jsi_docs.exporters.docx._template import StyleName
from jsi_docs.i18n import SUPPORTED_LANGUAGES
from jsi_docs.model import MeetingMode, NewsItem, OnBehalfOf, Speaker
from jsi_docs.serialization.schema import json_schema
from jsi_docs.view import InterventionsView, build_view, plain

ITEM = """\
id: real-page.LANG
language: LANG
headline: The committee closes its session
published: 2024-03-12
release_number: IP/24/1234
meeting:
  kind: committee-session
  dates: 2024-03-11/2024-03-12
  place: Geneva
  mode: hybrid
speakers:
  - id: senegal
    member: Senegal
    on_behalf_of: [the African Group, {name: the LDC Group, kind: group}]
  - id: kenya
    member: Kenya
    on_behalf_of: the African Group
  - id: canada
    member: Canada
  - id: japan
    member: Japan
sections:
  - blocks:
      - type: interventions
        lead_in: "The following delegations took the floor:"
        interventions:
          - speaker: canada
          - speaker: japan
          - speaker: senegal
            content: supported the work programme.
"""

BARE = """\
id: bare.en
language: en
headline: H
published: 2024-03-12
meeting: {kind: plenary, dates: 2024-03-11, place: Geneva}
speakers:
  - {id: canada, member: Canada}
  - {id: japan, member: Japan}
sections:
  - blocks:
      - type: interventions
        interventions: [{speaker: canada}, {speaker: japan}]
"""


def _item(language: str = "en", text: str = ITEM) -> NewsItem:
    return jsi_docs.loads(text.replace("LANG", language), format="yaml")


def _problems(text: str) -> list[str]:
    with pytest.raises(InputError) as caught:
        jsi_docs.loads(text, format="yaml")
    return [f"{p.path}: {p.message}" for p in caught.value.problems]


def _schema_accepts(text: str) -> bool:
    import yaml

    data = yaml.safe_load(text)
    data["published"] = str(data["published"])
    if isinstance(data.get("meeting"), dict):
        data["meeting"]["dates"] = str(data["meeting"]["dates"])
    return jsonschema.Draft202012Validator(json_schema()).is_valid(data)


@pytest.fixture(scope="module")
def outputs() -> dict[str, Any]:
    item = _item()
    return {
        "html": html_text(jsi_docs.export(item, "html").decode("utf-8")),
        "page": jsi_docs.export(item, "html").decode("utf-8"),
        "docx": docx_text(jsi_docs.export(item, "docx")),
        "pdf": pdf_text(jsi_docs.export(item, "pdf")),
        "jsonld": jsonld.news_article(build_view(item)),
    }


# -- how a meeting was held ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Committee session, in hybrid format, Geneva"),
        ("fr", "Session du Comité, en format hybride, Genève"),
        ("es", "Período de sesiones del Comité, en formato híbrido, Ginebra"),
        ("ru", "Сессия Комитета, в гибридном формате, Женева"),
        ("ar", "دورة اللجنة، بصيغة مختلطة، جنيف"),
        ("zh", "委员会会议，以混合形式，日内瓦"),
    ],
)
def test_the_meeting_line_says_how_it_was_held(language: str, expected: str) -> None:
    place = {"fr": "Genève", "es": "Ginebra", "ru": "Женева", "ar": "جنيف", "zh": "日内瓦"}
    text = ITEM.replace("place: Geneva", f"place: {place.get(language, 'Geneva')}")
    meeting = build_view(_item(language, text)).meeting
    assert meeting is not None
    assert meeting.name == expected
    assert meeting.mode == "hybrid"


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_every_mode_has_its_own_words_in_every_language(language: str) -> None:
    shown = set()
    for mode in MeetingMode:
        text = ITEM.replace("mode: hybrid", f"mode: {mode.value}")
        meeting = build_view(_item(language, text)).meeting
        assert meeting is not None
        shown.add(meeting.name)
    assert len(shown) == len(MeetingMode)


def test_a_meeting_without_a_mode_says_nothing_of_it() -> None:
    item = _item("en", BARE)
    meeting = build_view(item).meeting
    assert meeting is not None
    assert meeting.text == "Plenary meeting, Geneva, 11\u00a0March\u00a02024"
    assert meeting.mode is None
    page = jsi_docs.export(item, "html").decode("utf-8")
    assert "data-mode" not in page
    assert "format" not in html_text(page)
    assert "mode" not in jsi_docs.dumps(item, format="yaml")


def test_the_mode_is_said_alike_in_every_format(outputs: dict[str, Any]) -> None:
    words = normalise("Committee session, in hybrid format, Geneva")
    for fmt in ("html", "docx", "pdf"):
        assert words in normalise(outputs[fmt]), fmt
    assert '<p class="meeting" data-mode="hybrid">' in outputs["page"]


def test_a_mode_the_format_does_not_know_is_refused() -> None:
    text = BARE.replace("place: Geneva}", "place: Geneva, mode: online}")
    assert _problems(text) == [
        "$.meeting.mode: expected one of: in-person, hybrid, virtual; got the text 'online'"
    ]
    assert not _schema_accepts(text)
    assert _schema_accepts(text.replace("online", "virtual"))


# -- a release number that is no document symbol ---------------------------------------------


@pytest.mark.parametrize(
    ("language", "label", "gap"),
    [
        ("en", "Reference:", " "),
        ("fr", "Référence\u00a0:", " "),
        ("es", "Referencia:", " "),
        ("ru", "Номер:", " "),
        ("ar", "الرقم المرجعي:", " "),
        ("zh", "编号：", ""),
    ],
)
def test_the_release_number_has_its_label_in_every_language(
    language: str, label: str, gap: str
) -> None:
    view = build_view(_item(language))
    assert view.release_number == "IP/24/1234"
    assert (view.release_number_label, view.release_number_gap) == (label, gap)


def test_the_release_number_is_shown_as_written_and_never_linked(outputs: dict[str, Any]) -> None:
    for fmt in ("html", "docx", "pdf"):
        assert normalise("Reference: IP/24/1234") in normalise(outputs[fmt]), fmt
    [line] = [p for p in parse_html(outputs["page"]).iter("p") if p.get("class") == "item-release"]
    assert line.find(".//a") is None
    number = line.find(".//span[@class='release-number']")
    assert number is not None
    assert number.get("translate") == "no"
    assert "Document symbol" not in outputs["html"]
    assert outputs["jsonld"]["identifier"] == [
        {
            "@type": "PropertyValue",
            "propertyID": "urn:jsi-docs:release-number",
            "value": "IP/24/1234",
        }
    ]


def test_without_a_release_number_no_reference_is_shown() -> None:
    item = _item("en", BARE)
    assert build_view(item).release_number is None
    page = jsi_docs.export(item, "html").decode("utf-8")
    assert "item-release" not in page
    assert "Reference" not in docx_text(jsi_docs.export(item, "docx"))
    assert "identifier" not in jsonld.news_article(build_view(item))


def test_a_release_number_is_one_line_without_spaces_at_its_ends() -> None:
    text = BARE.replace("published: 2024-03-12", "published: 2024-03-12\nrelease_number: ' IP/24'")
    assert _problems(text) == ["$.release_number: ' IP/24' starts or ends with a space"]
    assert not _schema_accepts(text)
    assert _schema_accepts(text.replace("' IP/24'", "IP/24/1234"))


def test_the_release_number_round_trips_beside_the_symbols() -> None:
    item = _item()
    text = jsi_docs.dumps(item, format="yaml")
    assert "release_number: IP/24/1234\nmeeting:" in text
    assert jsi_docs.loads(text, format="yaml") == item
    assert jsi_docs.loads(jsi_docs.dumps(item, format="json"), format="json") == item


# -- on behalf of several parties -------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "on behalf of the African Group and the LDC Group"),
        ("fr", "au nom de the African Group et the LDC Group"),
        ("es", "en nombre de the African Group y the LDC Group"),
        ("ru", "от имени the African Group и the LDC Group"),
        ("ar", "باسم the African Group وthe LDC Group"),
        ("zh", "代表the African Group和the LDC Group"),
    ],
)
def test_several_parties_are_joined_as_the_language_joins_a_list(
    language: str, expected: str
) -> None:
    assert build_view(_item(language)).speaker_index["senegal"].on_behalf_of == expected


def test_english_lists_of_parties_have_no_serial_comma() -> None:
    speaker = Speaker(
        "x",
        on_behalf_of=[
            OnBehalfOf("the African Group"),
            OnBehalfOf("the ACP"),
            OnBehalfOf("the LDCs"),
        ],
        honorific="Ambassador",
    )
    from jsi_docs.view.present import Presenter

    line = Presenter.for_language("en").speaker(speaker).text
    assert line == "Ambassador, on behalf of the African Group, the ACP and the LDCs"


def test_parties_with_their_own_words_are_each_said_in_them() -> None:
    text = ITEM.replace(
        "on_behalf_of: [the African Group, {name: the LDC Group, kind: group}]",
        "on_behalf_of: [{name: Groupe africain, phrase: au nom du Groupe africain},"
        " {name: Groupe des PMA, phrase: au nom du Groupe des PMA}]",
    )
    shown = build_view(_item("fr", text)).speaker_index["senegal"].on_behalf_of
    assert shown == "au nom du Groupe africain et au nom du Groupe des PMA"


def test_one_party_is_written_alone_and_several_as_a_list() -> None:
    item = _item()
    text = jsi_docs.dumps(item, format="yaml")
    assert "  on_behalf_of:\n    name: the African Group\n" in text  # kenya, as before lists
    assert "  on_behalf_of:\n  - name: the African Group\n  - name: the LDC Group\n" in text
    assert jsi_docs.loads(text, format="yaml") == item
    assert jsi_docs.loads(jsi_docs.dumps(item, format="json"), format="json") == item
    kenya = item.speaker("kenya")
    assert isinstance(kenya, Speaker)
    assert kenya.on_behalf_of == (OnBehalfOf("the African Group"),)


def test_several_parties_are_said_alike_in_every_format(outputs: dict[str, Any]) -> None:
    words = normalise("Senegal, on behalf of the African Group and the LDC Group")
    for fmt in ("html", "docx", "pdf"):
        assert words in normalise(outputs[fmt]), fmt
    [floor] = [m for m in outputs["jsonld"]["mentions"] if m["@type"] == "ItemList"]
    agents = [entry["item"]["agent"] for entry in floor["itemListElement"]]
    assert [a.get("description") for a in agents] == [
        None,
        None,
        "on behalf of the African Group and the LDC Group",
    ]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("[]", "an empty list: give whom the speaker speaks for, or leave the field out"),
        (
            "5",
            "expected a name, a mapping with name, kind, code, phrase, or a list of them; "
            "got the number 5",
        ),
    ],
)
def test_a_wrong_on_behalf_of_is_refused(value: str, message: str) -> None:
    text = BARE.replace(
        "{id: canada, member: Canada}", f"{{id: canada, on_behalf_of: {value}, member: Canada}}"
    )
    assert _problems(text) == [f"$.speakers[0].on_behalf_of: {message}"]
    assert not _schema_accepts(text)


def test_the_schema_takes_one_party_or_a_list() -> None:
    for value in (
        "the African Group",
        "{name: the African Group}",
        "[the African Group, {name: x}]",
    ):
        text = BARE.replace(
            "{id: canada, member: Canada}", f"{{id: canada, on_behalf_of: {value}, member: Canada}}"
        )
        assert _schema_accepts(text), value
        jsi_docs.loads(text, format="yaml")


# -- the lead-in of an interventions list -----------------------------------------------------


def _floor(item: NewsItem) -> InterventionsView:
    block = build_view(item).sections[0].blocks[0]
    assert isinstance(block, InterventionsView)
    return block


def test_after_a_lead_in_the_speakers_are_named_alone() -> None:
    floor = _floor(_item())
    assert floor.lead_in is not None
    assert plain(floor.lead_in) == "The following delegations took the floor:"
    assert [plain(line.content) for line in floor.lines] == [
        "Canada and Japan.",
        "Senegal, on behalf of the African Group and the LDC Group: supported the work programme.",
    ]
    assert plain(_floor(_item("zh")).lines[0].content) == "Canada和Japan。"


def test_without_a_lead_in_the_speakers_took_the_floor() -> None:
    floor = _floor(_item("en", BARE))
    assert floor.lead_in is None
    assert [plain(line.content) for line in floor.lines] == ["Canada and Japan took the floor."]


def test_the_lead_in_comes_before_the_list_in_every_format(outputs: dict[str, Any]) -> None:
    lead, first = (
        normalise("The following delegations took the floor:"),
        normalise("Canada and Japan."),
    )
    for fmt in ("html", "docx", "pdf"):
        text = normalise(outputs[fmt])
        assert lead in text, fmt
        assert first in text, fmt
        assert text.index(lead) < text.index(first), fmt
    assert re.search(
        r'<p class="interventions-lead-in">The following delegations took the floor:</p>\s*'
        r'<ol class="interventions">',
        outputs["page"],
    )
    [floor] = [m for m in outputs["jsonld"]["mentions"] if m["@type"] == "ItemList"]
    assert floor["name"] == "The following delegations took the floor:"


def test_the_docx_lead_in_keeps_with_the_list() -> None:

    document = open_docx(jsi_docs.export(_item(), "docx"))
    styles = [p.style.name for p in document.paragraphs]
    at = styles.index(StyleName.LEAD_IN)
    assert document.paragraphs[at].text == "The following delegations took the floor:"
    assert document.paragraphs[at].paragraph_format.keep_with_next is None  # the style's
    assert document.styles[StyleName.LEAD_IN].paragraph_format.keep_with_next is True


def test_the_lead_in_is_rich_text_checked_as_any() -> None:
    text = ITEM.replace("LANG", "en").replace(
        'lead_in: "The following delegations took the floor:"',
        "lead_in: Also speaking were [Ambassador Tan](speaker:tan)",
    )
    assert _problems(text) == [
        "$.sections[0].blocks[0].lead_in[1].speaker: unknown speaker 'tan' "
        "(known: canada, japan, kenya, senegal)"
    ]


def test_an_empty_lead_in_is_refused() -> None:
    text = ITEM.replace("LANG", "en").replace(
        'lead_in: "The following delegations took the floor:"', 'lead_in: " "'
    )
    [problem] = _problems(text)
    assert problem.startswith("$.sections[0].blocks[0].lead_in: must not be blank")


def test_the_lead_in_is_written_before_the_list() -> None:
    item = _item()
    text = jsi_docs.dumps(item, format="yaml")
    assert "lead_in: 'The following delegations took the floor:'\n    interventions:" in text
    data = json.loads(jsi_docs.dumps(item, format="json"))
    assert list(data["sections"][0]["blocks"][0]) == ["type", "lead_in", "interventions"]
