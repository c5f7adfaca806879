"""Interventions (who took the floor, in order), decisions (what a body decided) and cited
documents: read and checked with their places, in the schema, shown in the item's language in
every format, and stated in JSON-LD."""

from __future__ import annotations

import io
import json
import re
import zipfile
from typing import Any

import attrs
import jsonschema
import pytest

import jsi_docs
from jsi_docs.errors import InputError
from jsi_docs.exporters import OptionError, jsonld
from jsi_docs.i18n import SUPPORTED_LANGUAGES
from jsi_docs.model import (
    CollectiveSpeaker,
    Decision,
    DecisionKind,
    DocumentRef,
    Intervention,
    Interventions,
    Link,
    NewsItem,
    Paragraph,
    Section,
    Speaker,
    Vote,
    VoteKind,
)
from jsi_docs.model.people import Affiliation, OnBehalfOf
from jsi_docs.serialization import to_json
from jsi_docs.serialization.richtext import format_rich_text, parse_rich_text
from jsi_docs.serialization.schema import json_schema
from jsi_docs.view import (
    Citation,
    DecisionView,
    InterventionsView,
    SpeakerName,
    build_view,
    document_link,
    plain,
)
from tests_helpers import EXAMPLES

SPANISH = EXAMPLES / "consejo-2024-03-resumen.es.yaml"
PATTERN = "https://docs.example.org/find?symbol={symbol}"

_HEAD = """\
schema_version: 1
id: records
language: en
headline: The Council meets
published: 2024-03
speakers:
  - {id: canada, member: {name: Canada}}
  - {id: eu, member: {name: the European Union}}
  - {id: india, member: {name: India}}
sections:
  - blocks:
"""


def _item(blocks: str) -> str:
    return _HEAD + "".join(f"      {line}\n" for line in blocks.strip("\n").split("\n"))


def _problems(text: str) -> list[str]:
    with pytest.raises(InputError) as caught:
        jsi_docs.loads(text, "yaml")
    return [p.format() for p in caught.value.problems]


def _delegation(sid: str, name: str) -> Speaker:
    return Speaker(sid, member=Affiliation(name))


def _item_of(*blocks: Any, language: str = "en", speakers: tuple[Speaker, ...] = ()) -> NewsItem:
    return NewsItem(
        "records",
        language,
        "The Council meets",
        None,
        [Section(list(blocks))],
        speakers=speakers
        or (
            _delegation("canada", "Canada"),
            _delegation("eu", "the European Union"),
            _delegation("india", "India"),
        ),
    )


def _lines(view_block: object) -> list[str]:
    assert isinstance(view_block, InterventionsView)
    return [plain(line.content) for line in view_block.lines]


# -- reading and checking --------------------------------------------------------------------


def test_the_three_kinds_read_from_yaml_with_the_text_form() -> None:
    item = jsi_docs.loads(
        _item("""
- type: interventions
  interventions:
    - speaker: canada
    - label: some twenty Members
    - speaker: india
      content: recalled [JOB/GC/400](doc:JOB/GC/400)
- type: decision
  body: The General Council
  action: took-note
  object: of [the MC12 Outcome Document](doc https://example.org/mc12)
"""),
        "yaml",
    )
    floor, decision = item.sections[0].blocks
    assert floor == Interventions(
        [
            Intervention("canada"),
            Intervention(label="some twenty Members"),
            Intervention(
                "india", content=["recalled ", DocumentRef(["JOB/GC/400"], symbol="JOB/GC/400")]
            ),
        ]
    )
    assert decision == Decision(
        "The General Council",
        DecisionKind.TOOK_NOTE,
        object=["of ", DocumentRef(["the MC12 Outcome Document"], url="https://example.org/mc12")],
    )


@pytest.mark.parametrize(
    ("blocks", "expected"),
    [
        (
            "- type: interventions\n  interventions:\n    - speaker: canada\n    - speaker: japan",
            "line 15: $.sections[0].blocks[0].interventions[1].speaker: unknown speaker 'japan' "
            "(known: canada, eu, india)",
        ),
        (
            "- type: interventions\n  interventions:\n    - content: said so",
            "line 14: $.sections[0].blocks[0].interventions[0].speaker: an intervention names a "
            "speaker (an id) or gives the item's words for speakers it does not name (label), "
            "one of the two",
        ),
        (
            "- type: interventions\n  interventions:\n    - {speaker: canada, label: Canada}",
            "line 14: $.sections[0].blocks[0].interventions[0].speaker: an intervention names a "
            "speaker (an id) or gives the item's words for speakers it does not name (label), "
            "one of the two",
        ),
        (
            "- type: interventions\n  interventions: []",
            "line 13: $.sections[0].blocks[0].interventions: must hold at least one element",
        ),
        (
            "- type: decision\n  body: The Council\n  action: other",
            "line 14:17: $.sections[0].blocks[0].label: a decision of kind 'other' needs its words "
            "(label)",
        ),
        (
            "- type: decision\n  body: The Council\n  action: took-notice",
            "line 14: $.sections[0].blocks[0].action: expected one of: took-note, adopted, "
            "approved, elected, referred, agreed, decided, joint-statement, other; got the text "
            "'took-notice'",
        ),
        (
            "- text: see [WT/1](doc:WT/1 javascript:alert(1\\))",
            "line 12: $.sections[0].blocks[0].text[1].url: 'javascript:alert(1)': only "
            "http, https, mailto URLs are allowed",
        ),
        (
            "- text: see [WT/1](doc:)",
            "line 12:19: $.sections[0].blocks[0].text: rich text: bad target 'doc:': 'doc:' "
            "must be followed by a document symbol",
        ),
    ],
)
def test_mistakes_are_reported_with_their_path_and_line(blocks: str, expected: str) -> None:
    assert _problems(_item(blocks)) == [expected]


@pytest.mark.parametrize("symbol", ["WT  1", "WT\t1", " WT/1", "WT/1\nRev.1"])
def test_a_symbol_is_words_on_one_line_in_the_json_form_too(symbol: str) -> None:
    data = json.loads(to_json(jsi_docs.loads(_item("- text: see [WT/1](doc:WT/1)"), "yaml")))
    data["sections"][0]["blocks"][0]["text"][1]["symbol"] = symbol
    with pytest.raises(InputError) as caught:
        jsi_docs.loads(json.dumps(data), "json")
    assert [p.message for p in caught.value.problems] == [
        f"{symbol!r} is not a document symbol (words with one space between them, on one line: "
        "'WT/GC/M/200', 'SCCR/48/1 Prov. 2')"
    ]
    errors = list(jsonschema.Draft202012Validator(json_schema()).iter_errors(data))
    assert errors


def test_a_symbol_may_hold_spaces_in_both_forms() -> None:
    """Real symbols hold spaces ("SCCR/48/1 Prov. 2"): the text form reads them up to a last
    word that is a URL, and the JSON form and the schema take them."""
    item = jsi_docs.loads(
        _item(
            "- text: see [the agenda](doc:SCCR/48/1 Prov. 2) and [the report](doc:SCCR/47/9 "
            "Rev. https://example.org/r)"
        ),
        "yaml",
    )
    refs = [n for n in item.sections[0].blocks[0].text if isinstance(n, DocumentRef)]  # type: ignore[union-attr]
    assert [(r.symbol, r.url) for r in refs] == [
        ("SCCR/48/1 Prov. 2", None),
        ("SCCR/47/9 Rev.", "https://example.org/r"),
    ]
    data = json.loads(to_json(item))
    assert list(jsonschema.Draft202012Validator(json_schema()).iter_errors(data)) == []
    assert jsi_docs.loads(jsi_docs.dumps(item, "yaml"), "yaml") == item


def test_the_schema_describes_the_new_kinds() -> None:
    defs = json_schema()["$defs"]
    assert defs["Interventions"]["required"] == ["type", "interventions"]
    assert defs["Decision"]["required"] == ["type", "body", "action"]
    assert "joint-statement" in defs["Decision"]["properties"]["action"]["enum"]
    assert set(defs["Intervention"]["properties"]) == {"speaker", "label", "content"}
    document = defs["DocumentRef"]["properties"]
    assert document["symbol"]["anyOf"][0]["maxLength"] == 64
    assert document["url"]["anyOf"][0]["pattern"].startswith("^([Hh][Tt][Tt][Pp]")
    validator = jsonschema.Draft202012Validator(json_schema())
    example = json.loads(to_json(jsi_docs.load(SPANISH)))
    assert list(validator.iter_errors(example)) == []


@pytest.mark.parametrize(
    "text",
    [
        "[WT/GC/M/200](doc:WT/GC/M/200)",
        "[paragraph 8 of the MC12 Outcome Document](doc)",
        "[TN/C/W/1](doc:TN/C/W/1 https://example.org/a?b=c)",
        "[WT/MIN(22)/24](doc:WT/MIN(22\\)/24)",
        "[a _named_ text](doc https://example.org/x)",
    ],
)
def test_the_text_form_of_a_citation_reads_back_the_same(text: str) -> None:
    nodes = parse_rich_text(text)
    assert isinstance(nodes[0], DocumentRef)
    assert format_rich_text(nodes) == text
    assert parse_rich_text(format_rich_text(nodes)) == nodes


def test_a_link_that_reads_as_a_citation_cannot_be_written_in_the_text_form() -> None:
    with pytest.raises(ValueError, match="cannot be written in the text form"):
        format_rich_text((Link(["x"], url="doc:WT/1"),))


def test_the_example_round_trips_through_yaml_and_json() -> None:
    item = jsi_docs.load(SPANISH)
    assert jsi_docs.loads(jsi_docs.dumps(item, "yaml"), "yaml") == item
    assert jsi_docs.loads(jsi_docs.dumps(item, "json"), "json") == item
    kinds = {type(b) for s in item.sections for b in s.blocks}
    assert {Interventions, Decision} <= kinds
    assert {d.action for s in item.sections for d in s.blocks if isinstance(d, Decision)} >= {
        DecisionKind.TOOK_NOTE,
        DecisionKind.ADOPTED,
        DecisionKind.OTHER,
    }


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_the_example_reads_back_from_its_pdf_and_docx(fmt: str, tmp_path: Any) -> None:
    item = _spanish()
    path = tmp_path / f"item.{fmt}"
    path.write_bytes(jsi_docs.export(item, fmt))
    assert jsi_docs.load(path) == item


# -- the view --------------------------------------------------------------------------------


def test_speakers_with_nothing_reported_share_a_sentence_in_order() -> None:
    floor = Interventions(
        [
            Intervention("canada"),
            Intervention("eu"),
            Intervention(label="some twenty Members"),
            Intervention("india", content=["supported the programme."]),
            Intervention("canada"),
        ]
    )
    view = build_view(_item_of(floor))
    block = view.sections[0].blocks[0]
    assert _lines(block) == [
        "Canada, the European Union and some twenty Members took the floor.",  # British usage
        "India: supported the programme.",
        "Canada took the floor.",
    ]
    assert isinstance(block, InterventionsView)
    assert [line.speakers for line in block.lines] == [("canada", "eu"), ("india",), ("canada",)]
    assert [line.said for line in block.lines] == [False, True, False]
    assert [(e.speaker, e.label) for e in block.entries] == [
        ("canada", None),
        ("eu", None),
        (None, "some twenty Members"),
        ("india", None),
        ("canada", None),
    ]
    assert isinstance(block.lines[0].content[0], SpeakerName)


@pytest.mark.parametrize(
    ("language", "several", "one"),
    [
        ("en", "Canada, the European Union and India took the floor.", "Canada took the floor."),
        (
            "fr",
            "Canada, the European Union et India ont pris la parole.",
            "Canada a pris la parole.",
        ),
        (
            "es",
            "Canada, the European Union y India hicieron uso de la palabra.",
            "Canada hizo uso de la palabra.",
        ),
        ("ru", "Слово предоставлено: Canada, the European Union и India.", None),
        ("zh", "Canada、the European Union和India发言。", "Canada发言。"),
        ("ar", "تناول الكلمة Canada وthe European Union وIndia.", None),
    ],
)
def test_took_the_floor_in_six_languages(language: str, several: str, one: str | None) -> None:
    floor = Interventions([Intervention("canada"), Intervention("eu"), Intervention("india")])
    alone = Interventions([Intervention("canada")])
    blocks = build_view(_item_of(floor, alone, language=language)).sections[0].blocks
    assert _lines(blocks[0]) == [several]
    if one is not None:
        assert _lines(blocks[1]) == [one]


def test_a_line_starts_with_a_capital_and_an_unnamed_group_is_plural() -> None:
    speakers = (_delegation("india", "la India"),)
    floor = Interventions(
        [Intervention(label="una veintena de Miembros"), Intervention("india", content=["dijo."])]
    )
    view = build_view(_item_of(floor, language="es", speakers=speakers))
    assert _lines(view.sections[0].blocks[0]) == [
        "Una veintena de Miembros hicieron uso de la palabra.",
        "La India: dijo.",
    ]


@pytest.mark.parametrize(
    ("language", "kind", "expected"),
    [
        ("en", DecisionKind.TOOK_NOTE, "The General Council took note of the report."),
        ("fr", DecisionKind.TOOK_NOTE, "The General Council a pris note of the report."),
        ("es", DecisionKind.ADOPTED, "The General Council adoptó of the report."),
        ("zh", DecisionKind.APPROVED, "The General Council批准了of the report。"),
        ("ru", DecisionKind.ELECTED, "The General Council избрал of the report."),
        ("ar", DecisionKind.REFERRED, "أحال The General Council of the report."),
        (
            "en",
            DecisionKind.JOINT_STATEMENT,
            "The General Council issued a joint statement of the report.",
        ),
    ],
)
def test_a_decision_is_one_sentence_in_the_item_language(
    language: str, kind: DecisionKind, expected: str
) -> None:
    decision = Decision("The General Council", kind, object=["of the report"])
    block = build_view(_item_of(decision, language=language)).sections[0].blocks[0]
    assert isinstance(block, DecisionView)
    assert plain(block.content) == expected
    assert block.kind == str(kind)


def test_a_decision_without_object_and_in_the_item_words() -> None:
    blocks = [
        Decision("The Council", DecisionKind.ADOPTED),
        Decision("The Council", DecisionKind.OTHER, label="agreed to revert", object=["to it"]),
    ]
    view = build_view(_item_of(*blocks))
    assert [plain(b.content) for b in view.sections[0].blocks] == [  # type: ignore[union-attr]
        "The Council adopted.",
        "The Council agreed to revert to it.",
    ]


def test_symbols_are_linked_only_by_the_pattern_and_never_unsafely() -> None:
    text = parse_rich_text(
        "[WT/GC/M/200](doc:WT/GC/M/200), [own](doc:JOB/1 https://example.org/own), "
        "[named](doc), [in a link [WT/2](doc:WT/2)](https://example.org/l)"
    )
    item = _item_of(Paragraph(text))
    plain_view = build_view(item)
    assert [c.href for c in plain_view.citations] == [None, "https://example.org/own", None, None]
    linked = build_view(item, document_url_pattern=PATTERN)
    assert [(c.symbol, c.href, c.verbatim) for c in linked.citations] == [
        ("WT/GC/M/200", "https://docs.example.org/find?symbol=WT%2FGC%2FM%2F200", True),
        ("JOB/1", "https://example.org/own", False),
        (None, None, False),
        ("WT/2", None, True),
    ]
    assert any("inside another link" in d.message for d in linked.diagnostics)
    assert document_link("javascript:{symbol}", "WT/1") is None


def test_a_note_mark_never_sits_inside_a_citation_link() -> None:
    notes = "notes:\n  - {id: n, text: A note.}\n"
    assert _problems(_item("- text: '[WT/1[^n]](doc:WT/1 https://example.org/a)'") + notes) == [
        "line 12: $.sections[0].blocks[0].text[0].content: a note reference cannot sit inside "
        "a linked citation (put it after)"
    ]
    item = jsi_docs.loads(_item("- text: '[WT/1[^n]](doc:WT/1)'") + notes, "yaml")
    view = build_view(item, document_url_pattern=PATTERN)
    assert [c.href for c in view.citations] == [None]
    assert any("holds a note mark" in d.message for d in view.diagnostics)


def test_a_bad_pattern_is_refused_as_an_option() -> None:
    item = _item_of(Paragraph(["x"]))
    with pytest.raises(OptionError, match="has no \\{symbol\\}"):
        jsi_docs.export(item, "html", document_url_pattern="https://example.org/")
    with pytest.raises(OptionError, match="does not make an http"):
        jsi_docs.export(item, "docx", document_url_pattern="javascript:{symbol}")


# -- the writers -----------------------------------------------------------------------------


def _spanish() -> NewsItem:
    return jsi_docs.load(SPANISH)


def test_html_shows_an_ordered_list_a_decision_paragraph_and_cited_documents() -> None:
    html = jsi_docs.export(_spanish(), "html", document_url_pattern=PATTERN).decode("utf-8")
    assert '<ol class="interventions">' in html
    assert (
        '<li data-speakers="canada ue"><span class="speaker-ref" data-speaker="canada">Canadá'
        '</span>, <span class="speaker-ref" data-speaker="ue">la Unión Europea</span> y una '
        "veintena de Miembros hicieron uso de la palabra.</li>"
    ) in html
    assert '<li data-speakers="india" class="said">' in html
    assert (
        '<p class="decision" data-decision="took-note">El Consejo General tomó nota del informe '
        "de la Presidencia.</p>"
    ) in html
    assert (
        '<cite class="doc-ref" data-symbol="JOB/GC/400" translate="no"><a '
        'href="https://docs.example.org/find?symbol=JOB%2FGC%2F400">JOB/GC/400</a></cite>'
    ) in html
    # a named document is a title a translator may translate
    assert '<cite class="doc-ref">párrafo 8 del Documento Final de la CM12</cite>' in html


def test_html_escapes_hostile_words_in_every_part() -> None:
    hostile = "<script>alert(1)</script>"
    item = _item_of(
        Interventions([Intervention(label=hostile, content=[hostile])]),
        Decision(hostile, DecisionKind.OTHER, label=hostile, object=[DocumentRef([hostile])]),
    )
    html = jsi_docs.export(item, "html").decode("utf-8")
    assert "<script>alert" not in html
    assert html.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 5


def test_docx_has_one_paragraph_per_line_and_decision_and_links_citations() -> None:
    import docx

    data = jsi_docs.export(_spanish(), "docx", document_url_pattern=PATTERN)
    document = docx.Document(io.BytesIO(data))
    texts = [(p.style.name if p.style else None, p.text) for p in document.paragraphs]
    assert (
        "Body Text",
        "Canadá, la Unión Europea y una veintena de Miembros hicieron uso de la palabra.",
    ) in texts
    assert (
        "Body Text",
        "El Consejo General acordó volver a examinar el punto en su próxima reunión.",
    ) in texts
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        rels = package.read("word/_rels/document.xml.rels").decode("utf-8")
    assert "https://docs.example.org/find?symbol=JOB%2FGC%2F400" in rels


def test_docx_gives_a_citation_its_run_style_and_a_link_the_hyperlink_one() -> None:
    data = jsi_docs.export(_spanish(), "docx")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        body = package.read("word/document.xml").decode("utf-8")
    assert re.search(
        r'<w:rStyle w:val="DocumentCitation"/></w:rPr><w:t[^>]*>WT/GC/M/200</w:t>', body
    )
    linked = jsi_docs.export(_spanish(), "docx", document_url_pattern=PATTERN)
    with zipfile.ZipFile(io.BytesIO(linked)) as package:
        body = package.read("word/document.xml").decode("utf-8")
    assert re.search(
        r'<w:hyperlink [^>]*><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t[^>]*>'
        r"WT/GC/M/200</w:t>",
        body,
    )


def test_json_ld_states_interventions_decisions_and_citations() -> None:
    article = jsonld.news_article(build_view(_spanish()))
    floor, *decisions = article["mentions"]
    assert floor["@type"] == "ItemList"
    items = [entry["item"] for entry in floor["itemListElement"]]
    assert [entry["position"] for entry in floor["itemListElement"]] == [1, 2, 3, 4, 5]
    assert {i["@type"] for i in items} == {"CommunicateAction"}
    assert [i["agent"]["name"] for i in items] == [
        "Canadá",
        "la Unión Europea",
        "una veintena de Miembros",
        "la India",
        "Kenya",
    ]
    assert "member" not in items[2]["agent"]  # nobody invented behind the words
    assert items[3]["description"].startswith("apoyó el programa")
    assert "description" not in items[0]
    took_note = decisions[0]
    assert took_note == {
        "@type": "Action",
        "additionalType": "urn:jsi-docs:decision:took-note",
        "name": "El Consejo General tomó nota del informe de la Presidencia.",
        "agent": {"@type": "Organization", "name": "El Consejo General"},
        "actionStatus": "https://schema.org/CompletedActionStatus",
        "object": {"@type": "Thing", "name": "del informe de la Presidencia"},
    }
    cited = article["citation"]
    assert {"@type": "CreativeWork", "name": "WT/GC/M/200", "identifier": "WT/GC/M/200"} in cited
    assert {"@type": "CreativeWork", "name": "párrafo 8 del Documento Final de la CM12"} in cited
    assert len({json.dumps(c, sort_keys=True) for c in cited}) == len(cited)


def test_a_citation_in_a_note_is_cited_too() -> None:
    item = jsi_docs.loads(
        _item("- text: A text.[^n]")
        + "notes:\n  - {id: n, text: 'See [WT/GC/W/1](doc:WT/GC/W/1).'}\n",
        "yaml",
    )
    view = build_view(item)
    assert [c.symbol for c in view.citations] == ["WT/GC/W/1"]
    assert isinstance(view.citations[0], Citation)


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_every_language_says_every_decision_kind(language: str) -> None:
    for kind in DecisionKind:
        if kind is DecisionKind.OTHER:
            continue
        item = _item_of(Decision("B", kind, object=["o"]), language=language)
        shown = plain(build_view(item).sections[0].blocks[0].content)  # type: ignore[union-attr]
        # The body first, or (Arabic) after the verb.
        assert re.fullmatch(r"B ?\S.*\S ?o[.。]|\S+ B( \S.*)? o\.", shown), shown


def test_the_blocks_are_nobodys_statement() -> None:
    assert Interventions([Intervention("a")]).speaker is None
    assert Decision("B", DecisionKind.DECIDED).speaker is None
    assert attrs.has(Intervention)


def test_names_keep_their_case_inside_a_list_and_open_a_line_capitalised() -> None:
    """A group's label and a delegation's Member are written as the item writes them inside
    the sentence ("several delegations", "the European Union"), and capitalised where they
    open it, in the text as in the speakers box."""
    floor = Interventions(
        [Intervention("eu"), Intervention("canada"), Intervention("several"), Intervention("eu")]
    )
    item = attrs.evolve(
        _item_of(floor),
        collective_speakers=(CollectiveSpeaker("several", "several delegations"),),
    )
    view = build_view(item)
    assert _lines(view.sections[0].blocks[0]) == [
        "The European Union, Canada, several delegations and the European Union took the floor."
    ]
    assert [s.text for s in view.speakers] == [
        "Canada",
        "The European Union",
        "Several delegations",
    ]


# -- votes -----------------------------------------------------------------------------------


def _voted(vote: str) -> str:
    return _item(
        "- type: decision\n  body: The Assembly\n  action: adopted\n"
        f"  object: resolution [A/78/L.1](doc:A/78/L.1)\n  vote: {vote}"
    )


@pytest.mark.parametrize(
    ("vote", "language", "sentence"),
    [
        (
            "{in_favour: 152, against: 3, abstentions: 11}",
            "en",
            "The Assembly adopted resolution A/78/L.1 by a recorded vote (in favour: 152; "
            "against: 3; abstentions: 11).",
        ),
        (
            "{kind: recorded, in_favour: 152, against: 0}",
            "en",
            "The Assembly adopted resolution A/78/L.1 by a recorded vote (in favour: 152; "
            "against: 0).",
        ),
        ("consensus", "en", "The Assembly adopted resolution A/78/L.1 by consensus."),
        ("{kind: without-vote}", "fr", "The Assembly a adopté resolution A/78/L.1 sans vote."),
        (
            "{in_favour: 152, against: 3, abstentions: 11}",
            "zh",
            "The Assembly经记录表决（赞成：152；反对：3；弃权：11）通过了resolution A/78/L.1。",
        ),
    ],
)
def test_a_vote_is_part_of_the_decision_sentence(vote: str, language: str, sentence: str) -> None:
    item = jsi_docs.loads(_voted(vote), "yaml")
    view = build_view(attrs.evolve(item, language=language))
    decision = view.sections[0].blocks[0]
    assert isinstance(decision, DecisionView)
    assert plain(decision.content).replace("\u202f", " ").replace("\u00a0", " ") == sentence
    assert jsi_docs.loads(jsi_docs.dumps(item, "yaml"), "yaml") == item
    data = json.loads(to_json(item))
    assert list(jsonschema.Draft202012Validator(json_schema()).iter_errors(data)) == []


@pytest.mark.parametrize(
    ("vote", "message"),
    [
        (
            "{in_favour: 152}",
            "vote.against: a recorded vote gives the votes in favour and against: "
            "{in_favour: 152, against: 3}",
        ),
        (
            "{kind: consensus, in_favour: 3}",
            "vote.kind: a decision taken consensus has no vote counts",
        ),
        ("{in_favour: 152, against: -1}", "vote.against: expected a count (0 or more), not -1"),
        (
            "unanimous",
            "vote: expected without-vote, consensus or acclamation, or the counts of a recorded "
            "vote: {in_favour: 152, against: 3, abstentions: 11}; got the text 'unanimous'",
        ),
        ("recorded", "vote: expected without-vote, consensus or acclamation, or the counts"),
    ],
)
def test_a_vote_the_source_cannot_have_given_is_refused(vote: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        jsi_docs.loads(_voted(vote), "yaml")
    assert any(message in p.format() for p in caught.value.problems), [
        p.format() for p in caught.value.problems
    ]


@pytest.mark.parametrize(
    ("vote", "valid"),
    [
        ({"in_favour": 152, "against": 3}, True),
        ({"kind": "recorded", "in_favour": 1, "against": 0, "abstentions": 0}, True),
        ("consensus", True),
        ({"kind": "acclamation"}, True),
        ({"in_favour": 152}, False),
        ({"kind": "consensus", "in_favour": 3}, False),
        ({"in_favour": 152, "against": -1}, False),
        ("recorded", False),
        ("unanimous", False),
    ],
)
def test_the_schema_agrees_on_votes(vote: object, valid: bool) -> None:
    item = jsi_docs.loads(_voted("consensus"), "yaml")
    data = json.loads(to_json(item))
    data["sections"][0]["blocks"][0]["vote"] = vote
    schema_errors = list(jsonschema.Draft202012Validator(json_schema()).iter_errors(data))
    assert (schema_errors == []) is valid
    if valid:
        jsi_docs.loads(json.dumps(data), "json")
    else:
        with pytest.raises(InputError):
            jsi_docs.loads(json.dumps(data), "json")


@pytest.mark.parametrize(
    ("language", "gender", "action"),
    [
        ("ru", None, "принял к сведению"),
        ("ru", "feminine", "приняла к сведению"),
        ("ru", "neutral", "приняло к сведению"),
        ("ar", None, "أحاط علماً"),
        ("ar", "feminine", "أحاطت علماً"),
        ("fr", "feminine", "a pris note"),
    ],
)
def test_a_decision_s_verb_agrees_with_its_body(
    language: str, gender: str | None, action: str
) -> None:
    """Russian and Arabic verbs agree with the body: ``gender`` picks the form (masculine when
    not given), and languages whose verb does not agree ignore it."""
    text = "- type: decision\n  body: X\n  action: took-note\n  object: of the report"
    if gender is not None:
        text += f"\n  gender: {gender}"
    item = jsi_docs.loads(_item(text), "yaml")
    decision = build_view(attrs.evolve(item, language=language)).sections[0].blocks[0]
    assert isinstance(decision, DecisionView)
    assert decision.action.replace("\u202f", " ") == action
    if language == "ar":  # verb first, the body after the verb
        verb, rest = action.split(" ", 1)
        assert plain(decision.content) == f"{verb} X {rest} of the report."
    else:
        assert action in plain(decision.content).replace("\u202f", " ")
    data = json.loads(to_json(item))
    assert list(jsonschema.Draft202012Validator(json_schema()).iter_errors(data)) == []


def test_whom_a_speaker_speaks_for_is_in_the_line_of_what_they_said() -> None:
    """ "Senegal, on behalf of the African Group: supported …": in a council summary the
    phrase belongs in the line, not only in the speakers box."""
    senegal = Speaker(
        "senegal", member=Affiliation("Senegal"), on_behalf_of=OnBehalfOf("the African Group")
    )
    floor = Interventions(
        [Intervention("senegal", content=["supported the draft."]), Intervention("senegal")]
    )
    view = build_view(_item_of(floor, speakers=(senegal,)))
    assert _lines(view.sections[0].blocks[0]) == [
        "Senegal, on behalf of the African Group: supported the draft.",
        "Senegal took the floor.",
    ]


_ARABIC_ACTIONS = {
    DecisionKind.TOOK_NOTE: ("أحاط المجلس علماً", "أحاطت اللجنة علماً"),
    DecisionKind.ADOPTED: ("اعتمد المجلس", "اعتمدت اللجنة"),
    DecisionKind.APPROVED: ("أقرّ المجلس", "أقرّت اللجنة"),
    DecisionKind.ELECTED: ("انتخب المجلس", "انتخبت اللجنة"),
    DecisionKind.REFERRED: ("أحال المجلس", "أحالت اللجنة"),
    DecisionKind.AGREED: ("اتفق المجلس", "اتفقت اللجنة"),
    DecisionKind.DECIDED: ("قرر المجلس", "قررت اللجنة"),
    DecisionKind.JOINT_STATEMENT: ("أصدر المجلس بياناً مشتركاً", "أصدرت اللجنة بياناً مشتركاً"),
}


@pytest.mark.parametrize("kind", list(_ARABIC_ACTIONS), ids=str)
def test_an_arabic_decision_puts_the_verb_first(kind: DecisionKind) -> None:
    """Verb, body, then the rest of the action's words; the verb singular, in the body's
    gender (masculine when not given)."""
    council = Decision("المجلس", kind)
    committee = Decision("اللجنة", kind, object=["بشأن التقرير"], gender="feminine")
    view = build_view(_item_of(council, committee, language="ar"))
    shown = [plain(b.content) for b in view.sections[0].blocks]  # type: ignore[union-attr]
    masculine, feminine = _ARABIC_ACTIONS[kind]
    assert shown == [f"{masculine}.", f"{feminine} بشأن التقرير."]


def test_an_arabic_decision_by_vote_and_in_the_item_s_words() -> None:
    blocks = [
        Decision(
            "الجمعية العامة",
            DecisionKind.ADOPTED,
            object=["القرار"],
            gender="feminine",
            vote=Vote(in_favour=152, against=3, abstentions=11),
        ),
        Decision("المجلس", DecisionKind.ADOPTED, vote=Vote(VoteKind.CONSENSUS)),
        Decision("اللجنة", DecisionKind.OTHER, label="قررت أن تعود", object=["إلى المسألة"]),
    ]
    view = build_view(_item_of(*blocks, language="ar"))
    assert [plain(b.content) for b in view.sections[0].blocks] == [  # type: ignore[union-attr]
        "اعتمدت الجمعية العامة القرار بتصويت مسجل (المؤيدون: 152؛ المعارضون: 3؛ الممتنعون: 11).",
        "اعتمد المجلس بتوافق الآراء.",
        "قررت اللجنة أن تعود إلى المسألة.",
    ]


@pytest.mark.parametrize("language", ["en", "fr", "es", "ru", "zh"])
def test_other_languages_keep_the_body_first(language: str) -> None:
    decision = Decision("BODY", DecisionKind.JOINT_STATEMENT, object=["OBJECT"])
    block = build_view(_item_of(decision, language=language)).sections[0].blocks[0]
    assert isinstance(block, DecisionView)
    assert plain(block.content).startswith(f"BODY{'' if language == 'zh' else ' '}{block.action}")
