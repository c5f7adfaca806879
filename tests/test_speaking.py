"""People who speak and people only named; statements as spans of rich text.

Who speaks is derived from the text by one function (``speaking_ids``); the "Speakers" box of
every format lists those, the "Also mentioned" box the others, and JSON-LD states the first as
the creators of their words and the others as ``mentions``. A statement span attributes words
anywhere in rich text (a paragraph, a list item, the lead) without quotation marks.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import attrs
import pypdf
import pytest

import jsi_docs
from jsi_docs.errors import InputError
from jsi_docs.exporters import jsonld
from jsi_docs.i18n import SUPPORTED_LANGUAGES, Term, labels
from jsi_docs.model import (
    CollectiveSpeaker,
    ListBlock,
    NewsItem,
    Note,
    NoteRef,
    Paragraph,
    PersonName,
    Quotation,
    Section,
    Speaker,
    SpeakerRef,
    Statement,
    Table,
    walk,
)
from jsi_docs.parity import compare_versions
from jsi_docs.serialization import item_from_json, to_json
from jsi_docs.serialization.richtext import format_rich_text, parse_rich_text
from jsi_docs.serialization.schema import json_schema
from jsi_docs.view import Reported, build_view, speaking_ids
from tests_helpers import EXAMPLES

NEW_CHAIR = EXAMPLES / "council-2024-02-new-chair.en.yaml"


def _item(**fields: object) -> NewsItem:
    base: dict[str, object] = {
        "speakers": [
            Speaker("chair", PersonName("Herrera", "Lucía")),
            Speaker("dg", PersonName("Diallo", "Amara")),
            Speaker("elected", PersonName("Lindqvist", "Tomas")),
        ],
    }
    base.update(fields)
    sections = base.pop("sections", [Section([Paragraph(["Nothing said."])])])
    return NewsItem("x", "en", "Headline", None, sections, **base)  # type: ignore[arg-type]


# -- who speaks -------------------------------------------------------------------------------


def test_nobody_speaks_in_a_text_that_only_names() -> None:
    item = _item(
        sections=[Section([Paragraph([SpeakerRef(["Ambassador Lindqvist"], speaker="elected")])])]
    )
    assert speaking_ids(item) == frozenset()
    view = build_view(item)
    assert view.speakers == ()
    assert [p.id for p in view.mentioned] == ["chair", "dg", "elected"]


def test_a_statement_in_a_list_item_and_a_quotation_in_the_lead_make_speakers() -> None:
    item = _item(
        lead=["The DG said ", Quotation(["hurry"], speaker="dg"), "."],
        sections=[
            Section(
                [ListBlock([["Adopted."], [Statement(["The chair was glad."], speaker="chair")]])]
            )
        ],
    )
    assert speaking_ids(item) == {"chair", "dg"}
    view = build_view(item)
    assert [s.id for s in view.speakers] == ["chair", "dg"]
    assert [p.id for p in view.mentioned] == ["elected"]


def test_a_block_attributed_to_someone_makes_them_speak() -> None:
    item = _item(sections=[Section([Paragraph(["Thanks."], speaker="elected")])])
    assert speaking_ids(item) == {"elected"}


def test_the_people_of_a_group_that_speaks_speak_through_it() -> None:
    group = CollectiveSpeaker("pair", "the co-facilitators", people=["chair", "dg"])
    silent = _item(collective_speakers=[group])
    assert speaking_ids(silent) == frozenset()
    spoken = attrs.evolve(
        silent, sections=[Section([Paragraph([Statement(["Stable."], speaker="pair")])])]
    )
    assert speaking_ids(spoken) == {"pair", "chair", "dg"}
    line = {s.id: s.text for s in build_view(spoken).speakers}["pair"]
    assert line == "The co-facilitators (Lucía Herrera, Amara Diallo)"


def test_a_quotation_in_a_note_is_not_the_item_s_speech() -> None:
    item = _item(
        sections=[Section([Paragraph(["See the note.", NoteRef("n")])])],
        notes=[Note("n", [Quotation(["as quoted elsewhere"], speaker="dg")])],
    )
    assert speaking_ids(item) == frozenset()


# -- the statement span -----------------------------------------------------------------------


def test_the_text_form_of_a_statement_round_trips() -> None:
    text = "[The Chair said [it is late.](quote:chair)](said:chair) Then _she left_."
    nodes = parse_rich_text(text)
    assert nodes[0] == Statement(
        ["The Chair said ", Quotation(["it is late."], speaker="chair")], speaker="chair"
    )
    assert format_rich_text(nodes) == text


def test_a_statement_round_trips_through_json_and_yaml() -> None:
    item = jsi_docs.load(NEW_CHAIR)
    assert item_from_json(to_json(item)) == item
    assert jsi_docs.loads(jsi_docs.dumps(item, format="yaml"), format="yaml") == item
    assert '"type": "statement"' in to_json(item)


def test_an_empty_statement_is_refused() -> None:
    with pytest.raises(ValueError, match="at least one element"):
        Statement([], speaker="chair")


def test_a_statement_gets_no_quotation_marks() -> None:
    view = build_view(jsi_docs.load(NEW_CHAIR))
    assert view.lead is not None
    span = next(n for n in view.lead if isinstance(n, Reported))
    assert span.speaker == "outgoing-chair"
    words = "The outgoing chair said the consultations had reached a turning point"
    assert jsi_docs.view.plain(span.content) == words
    assert f"{words}," in jsi_docs.view.plain(view.lead)  # no mark after the words


# -- validation ----------------------------------------------------------------------------


def _problems(text: str) -> list[str]:
    with pytest.raises(InputError) as caught:
        jsi_docs.loads(text, "yaml")
    return [p.format("item.yaml") for p in caught.value.problems]


def test_an_unknown_statement_speaker_is_named_with_its_line_and_path() -> None:
    source = NEW_CHAIR.read_text(encoding="utf-8")
    broken = source.replace("two articles.](said:co-facilitators)", "two articles.](said:cofac)")
    lines = source.splitlines()
    line = next(n for n, text in enumerate(lines, 1) if "(said:co-facilitators)" in text)
    found = _problems(broken)
    assert len(found) == 1
    assert re.match(
        rf"item\.yaml:{line}(:\d+)?: \$\.sections\[1\]\.blocks\[0\]\.items\[1\]\[0\]\.speaker: "
        r"unknown speaker 'cofac' \(known: ",
        found[0],
    ), found


def test_an_unknown_speaker_in_the_lead_is_a_problem() -> None:
    broken = NEW_CHAIR.read_text(encoding="utf-8").replace(
        "(said:outgoing-chair), and", "(said:x), and"
    )
    found = _problems(broken)
    assert any("$.lead[1].speaker: unknown speaker 'x'" in p for p in found), found


@pytest.mark.parametrize(
    ("people", "expected"),
    [
        (
            "[facilitator-one, nobody]",
            "$.collective_speakers[0].people[1]: unknown speaker 'nobody': a group's people are "
            "ids of the item's speakers",
        ),
        (
            "[facilitator-one, co-facilitators]",
            "$.collective_speakers[0].people[1]: unknown speaker 'co-facilitators'",
        ),
        (
            "[facilitator-one, facilitator-one]",
            "$.collective_speakers[0].people[1]: 'facilitator-one' is listed twice",
        ),
        ("[not an id]", "$.collective_speakers[0].people[0]: 'not an id' is not an id"),
    ],
)
def test_a_group_s_people_are_persons_of_the_item(people: str, expected: str) -> None:
    source = NEW_CHAIR.read_text(encoding="utf-8")
    broken = source.replace("people: [facilitator-one, facilitator-two]", f"people: {people}")
    line = next(n for n, text in enumerate(source.splitlines(), 1) if "    people: [" in text)
    found = _problems(broken)
    assert any(p.startswith(f"item.yaml:{line}") and expected in p for p in found), found


def test_people_given_as_one_text_are_refused() -> None:
    source = NEW_CHAIR.read_text(encoding="utf-8")
    found = _problems(
        source.replace("people: [facilitator-one, facilitator-two]", "people: facilitator-one")
    )
    assert any("$.collective_speakers[0].people" in p for p in found), found


def test_the_schema_knows_statements_and_a_group_s_people() -> None:
    schema = json_schema()
    assert schema["$defs"]["Statement"]["properties"]["type"] == {"const": "statement"}
    assert schema["$defs"]["Statement"]["required"] == ["type", "content", "speaker"]
    people = schema["$defs"]["CollectiveSpeaker"]["properties"]["people"]
    assert people["uniqueItems"] is True
    assert "pattern" in people["items"]


# -- every format ---------------------------------------------------------------------------


def test_the_mentioned_heading_has_words_in_every_language() -> None:
    words = {lang: labels(lang).get(Term.MENTIONED) for lang in SUPPORTED_LANGUAGES}
    assert all(words.values())
    assert len(set(words.values())) == len(words)
    assert words["en"] == "Also mentioned"


def _speakers_box(html: str) -> str:
    start = html.index('<section class="speakers"')
    return html[start : html.index("</section>", start)]


def test_html_lists_the_chair_only_named_apart_from_the_speakers() -> None:
    html = jsi_docs.export(jsi_docs.load(NEW_CHAIR), "html").decode("utf-8")
    assert "Lindqvist" not in _speakers_box(html)
    assert '<h2 id="council-2024-02-new-chair.en--mentioned">Also mentioned</h2>' in html
    assert 'data-person="new-chair"' in html
    assert (
        '<li><span class="statement" data-speaker="co-facilitators">The co-facilitators reported'
        in html
    )
    assert (
        '<p class="lead">Meeting on 14 February 2024, the Council elected its chair for the year. <span class="statement" data-speaker="outgoing-chair">'
        in html
    )


def test_a_hostile_speaker_id_never_becomes_markup() -> None:
    # ids are checked by the model; the writer escapes what it writes all the same
    from jsi_docs.exporters.html._inline import InlineRenderer
    from jsi_docs.view import Run

    html = InlineRenderer("x")((Reported((Run("<b>"),), '"><script>'),))
    assert html == '<span class="statement" data-speaker="&#34;&gt;&lt;script&gt;">&lt;b&gt;</span>'


def test_docx_and_pdf_say_the_same_words_and_the_same_boxes() -> None:
    item = jsi_docs.load(NEW_CHAIR)
    docx_data = jsi_docs.export(item, "docx")
    with zipfile.ZipFile(io.BytesIO(docx_data)) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    words = re.sub(r"<[^>]+>", "", xml)
    pdf = pypdf.PdfReader(io.BytesIO(jsi_docs.export(item, "pdf")))
    pdf_text = " ".join(" ".join(p.extract_text() for p in pdf.pages).split())
    for text in (words, pdf_text):
        assert "reached a turning point, and members" in text  # no marks around the statement
        assert (
            text.index("Herrera") < text.upper().index("ALSO MENTIONED") < text.rindex("Lindqvist")
        )


def test_json_ld_counts_statements_per_speaker_and_mentions_the_others() -> None:
    article = jsonld.news_article(build_view(jsi_docs.load(NEW_CHAIR)))
    parts = article["hasPart"]
    by_kind: dict[str, list[str]] = {}
    for part in parts:
        by_kind.setdefault(part["@type"], []).append(part["creator"]["name"])
    assert by_kind == {
        "Quotation": ["Amara Diallo"],
        "Statement": [
            "Lucía Herrera",
            "Lucía Herrera",
            "Amara Diallo",
            "The co-facilitators of the consultations",
        ],
    }
    group = parts[-1]["creator"]
    assert [m["name"] for m in group["member"]] == ["Mei Tan", "Kwame Mensah"]
    assert article["mentions"] == [
        {
            "@type": "Person",
            "name": "Tomas Lindqvist",
            "familyName": "Lindqvist",
            "givenName": "Tomas",
            "honorificPrefix": "Ambassador",
            "affiliation": [{"@type": "Organization", "name": "Sweden", "identifier": "SWE"}],
            "jobTitle": ["chair of the Council in 2024"],
        }
    ]
    json.dumps(article)  # plain data


def test_json_ld_states_blocks_attributed_to_a_speaker_as_spans_are() -> None:
    """A paragraph, a list and a table with a ``speaker`` are statements in JSON-LD, as a
    ``said:`` span is: a ``Statement`` part with its words and its creator, in reading order
    (a block before the spans inside it); a text only naming someone is none."""
    item = _item(
        sections=[
            Section(
                [
                    Paragraph(
                        [
                            "The chair opened the meeting. ",
                            Statement(["All went well"], speaker="dg"),
                        ],
                        speaker="chair",
                    ),
                    Paragraph([SpeakerRef(["Ambassador Lindqvist"], speaker="elected"), " came."]),
                    ListBlock([["First point"], ["Second point"]], speaker="dg"),
                    Table(
                        [[["Fish"], ["12"]]],
                        header=[["Kind"], ["Tonnes"]],
                        caption=["Catches"],
                        speaker="chair",
                    ),
                ]
            )
        ]
    )
    article = jsonld.news_article(build_view(item))
    found = [(p["@type"], p["creator"]["name"], p["text"]) for p in article["hasPart"]]
    assert found == [
        ("Statement", "Lucía Herrera", "The chair opened the meeting. All went well"),
        ("Statement", "Amara Diallo", "All went well"),
        ("Statement", "Amara Diallo", "First point\nSecond point"),
        ("Statement", "Lucía Herrera", "Catches\nKind\nTonnes\nFish\n12"),
    ]
    # the same in the page's own JSON-LD
    page = jsi_docs.export(item, "html").decode("utf-8")
    assert "Catches\\nKind\\nTonnes\\nFish\\n12" in page


def test_an_item_without_mentioned_people_has_no_mentions() -> None:
    article = jsonld.news_article(
        build_view(jsi_docs.load(EXAMPLES / "jsi-ecommerce-2023-05-25.fr.yaml"))
    )
    assert "mentions" not in article


# -- parity -------------------------------------------------------------------------------


def test_parity_sees_a_statement_span_missing_in_one_version(tmp_path: Path) -> None:
    item = jsi_docs.load(NEW_CHAIR)
    other = attrs.evolve(item, id="other", lead=["Meeting on 14 February 2024."])
    found = [str(d) for d in compare_versions([item, other])]
    # the lead's span is gone: every span after it moves up one place
    assert any(
        d.startswith("statement span 4:") and "statement by co-facilitators" in d and "missing" in d
        for d in found
    ), found


def test_the_existing_examples_keep_their_speakers_but_the_group_only_invited() -> None:
    for language in ("en", "fr", "es", "ar", "ru", "zh"):
        item = jsi_docs.load(EXAMPLES / f"jsi-ecommerce-2023-05-25.{language}.yaml")
        view = build_view(item)
        assert view.mentioned == (), language  # the private-sector views are a statement span
        assert "private-sector" in speaking_ids(item)
    chair = build_view(jsi_docs.load(EXAMPLES / "jsi-ecommerce-2023-12-chair-statement.en.yaml"))
    assert [s.id for s in chair.speakers] == ["solberg"]
    assert [p.id for p in chair.mentioned] == ["small-group"]  # only invited to comment


def test_generated_items_hold_statement_spans_and_people_only_named() -> None:
    from hypothesis import HealthCheck, Phase, find, settings

    from strategies import news_items

    def both(item: NewsItem) -> bool:
        spans = any(isinstance(n, Statement) for _, text in item.texts() for n in walk(text))
        return spans and bool(build_view(item).mentioned)

    quick = settings(  # the first found is enough: no shrinking
        max_examples=300,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
        deadline=None,
    )
    assert both(find(news_items(), both, settings=quick))


def test_taking_the_floor_is_speaking_even_without_content() -> None:
    from jsi_docs.model import Intervention, Interventions

    item = _item(
        sections=[
            Section(
                [Interventions([Intervention("dg"), Intervention(label="Some twenty Members")])]
            )
        ]
    )
    assert speaking_ids(item) == {"dg"}
    view = build_view(item)
    assert [s.id for s in view.speakers] == ["dg"]
    assert {s.id for s in view.mentioned} == {"chair", "elected"}


def test_a_group_line_names_its_people_with_one_space_after_an_honorific() -> None:
    """An honorific ending in a space ("Ambassador ") is joined to the name by one space, as
    every format shows it (HTML and PDF collapse two, DOCX would keep them): found by the
    generated one-reading test."""
    item = _item(
        speakers=[Speaker("tan", PersonName("Tan", "Mei"), honorific="Ambassador ")],
        collective_speakers=[
            CollectiveSpeaker("pair", "The co-facilitators", people=("tan",)),
        ],
    )
    [group] = [p for p in build_view(item).mentioned if p.id == "pair"]
    assert group.member == "Ambassador Mei Tan"
