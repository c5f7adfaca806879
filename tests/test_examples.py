"""The examples under ``examples/``: valid, lossless both ways, schema-valid, and consistent.

The three language versions of the 22-25 May 2023 item must carry the same structure (speakers,
statements, quotations, the quoted term, topics) and point at each other.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

import jsi_docs
from jsi_docs.model import (
    BlockQuote,
    CollectiveSpeaker,
    Figure,
    Foreign,
    GrammaticalGender,
    Inline,
    ItemKind,
    ListBlock,
    NameOrder,
    NewsItem,
    Paragraph,
    PartialDate,
    Period,
    Quotation,
    QuotedTerm,
    RichText,
    Speaker,
    SpeakerRef,
    Table,
    TopicRef,
    walk,
)
from jsi_docs.model.people import AffiliationKind, RoleKind
from jsi_docs.serialization.schema import json_schema
from jsi_docs.validation import validate

EXAMPLES_DIR = Path(__file__).resolve().parent.parent / "examples"
EXAMPLES = sorted(EXAMPLES_DIR.glob("*.yaml"))
JSI_IDS = {
    f"jsi-ecommerce-2023-05-25.{lang.split('-')[0]}": lang
    for lang in ("fr", "en", "es", "ar", "ru", "zh-Hans")
}
LATIN_SCRIPT = {"fr", "en", "es"}  # versions whose people's names are spelt alike
CHAIR_STATEMENT = EXAMPLES_DIR / "jsi-ecommerce-2023-12-chair-statement.en.yaml"
MEETING_SUMMARY = EXAMPLES_DIR / "ecommerce-work-programme-2023-09-19-meeting-summary.en.yaml"


@cache
def _load(path: Path) -> NewsItem:
    return jsi_docs.load(path)


@cache
def _validator() -> Draft202012Validator:
    schema = json_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def _jsonable(value: Any) -> Any:
    """Plain YAML data as JSON would hold it: JSON has no date type, only strings."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _jsonable(child) for key, child in value.items()}
    if isinstance(value, list):
        return [_jsonable(child) for child in value]
    return value


def _schema_errors(data: Any) -> list[str]:
    return [f"{error.json_path}: {error.message}" for error in _validator().iter_errors(data)]


def _rich_texts(item: NewsItem) -> Iterator[RichText]:
    if item.lead:
        yield item.lead
    for _, _, block in item.blocks():
        match block:
            case Paragraph(text=text):
                yield text
            case ListBlock(items=items):
                yield from items
            case BlockQuote(paragraphs=paragraphs):
                yield from paragraphs
            case Table():
                yield from block.texts()
            case Figure(caption=caption):
                if caption:
                    yield caption
    if item.contact is not None:
        yield item.contact.text


def _inlines(item: NewsItem) -> list[Inline]:
    return [node for text in _rich_texts(item) for node in walk(text)]


def _jsi_items() -> dict[str, NewsItem]:
    return {item_id: _load(EXAMPLES_DIR / f"{item_id}.yaml") for item_id in JSI_IDS}


def test_the_examples_are_there() -> None:
    names = {path.name for path in EXAMPLES}
    assert {f"{item_id}.yaml" for item_id in JSI_IDS} <= names
    assert {CHAIR_STATEMENT.name, MEETING_SUMMARY.name} <= names
    assert len({_load(path).kind for path in EXAMPLES}) >= 3, "examples of different shapes"


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_example_loads_and_validates(path: Path) -> None:
    item = _load(path)
    assert isinstance(item, NewsItem)
    assert validate(item) == []
    assert item.id == path.stem, "an example's file name is its id"
    assert item.sections


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_example_round_trips_through_yaml(path: Path) -> None:
    item = _load(path)
    text = jsi_docs.dumps(item, format="yaml")
    again = jsi_docs.loads(text, format="yaml")
    assert again == item
    assert jsi_docs.dumps(again, format="yaml") == text


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_example_round_trips_through_json(path: Path) -> None:
    item = _load(path)
    text = jsi_docs.dumps(item, format="json")
    assert json.loads(text)["schema_version"] == 1
    again = jsi_docs.loads(text, format="json")
    assert again == item
    assert jsi_docs.dumps(again, format="json") == text
    via_yaml = jsi_docs.loads(jsi_docs.dumps(again, format="yaml"), format="yaml")
    assert jsi_docs.dumps(via_yaml, format="json") == text


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_example_file_matches_the_json_schema(path: Path) -> None:
    raw = _jsonable(yaml.safe_load(path.read_text(encoding="utf-8")))
    assert _schema_errors(raw) == []


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_example_dumps_match_the_json_schema(path: Path) -> None:
    item = _load(path)
    assert _schema_errors(json.loads(jsi_docs.dumps(item, format="json"))) == []
    dumped_yaml = _jsonable(yaml.safe_load(jsi_docs.dumps(item, format="yaml")))
    assert _schema_errors(dumped_yaml) == []


def test_the_schema_rejects_a_broken_example() -> None:
    raw = _jsonable(yaml.safe_load(CHAIR_STATEMENT.read_text(encoding="utf-8")))
    raw["surprise"] = True
    raw["speakers"][0]["member"]["code"] = False  # what bare NO becomes in YAML 1.1
    raw["related_links"][0]["url"] = "javascript:alert(1)"
    errors = _schema_errors(raw)
    assert len(errors) >= 3, errors


def test_language_versions_are_reciprocal() -> None:
    items = _jsi_items()
    for item_id, item in items.items():
        assert item.language == JSI_IDS[item_id]
        targets = {v.item_id: v for v in item.language_versions}
        assert set(targets) == set(items) - {item_id}
        for target_id, version in targets.items():
            assert target_id is not None
            target = items[target_id]
            assert version.language == target.language
            if version.headline is not None:
                assert version.headline == target.headline


def test_english_headline_and_dates() -> None:
    items = _jsi_items()
    english = items["jsi-ecommerce-2023-05-25.en"]
    assert english.headline == (
        "E-commerce negotiations maintain positive momentum, focus on key issues"
    )
    for item in items.values():
        assert isinstance(item.published, PartialDate)
        assert item.published.date == dt.date(2023, 5, 25)
        assert item.meeting is not None
        assert isinstance(item.meeting.dates, Period)
        assert (item.meeting.dates.start, item.meeting.dates.end) == (
            dt.date(2023, 5, 22),
            dt.date(2023, 5, 25),
        )


@pytest.mark.parametrize("item_id", sorted(JSI_IDS))
def test_jsi_item_has_both_quotations_and_the_term(item_id: str) -> None:
    item = _jsi_items()[item_id]
    nodes = _inlines(item)
    quotations = [n for n in nodes if isinstance(n, Quotation)]
    assert [q.speaker for q in quotations] == ["yamazaki", "tan"]
    terms = [n for n in nodes if isinstance(n, QuotedTerm)]
    assert len(terms) == 1
    # Each quotation sits in a statement by its own speaker.
    for _, _, block in item.blocks():
        if isinstance(block, Paragraph):
            for node in walk(block.text):
                if isinstance(node, Quotation):
                    assert block.speaker == node.speaker


def _structure(item: NewsItem) -> dict[str, object]:
    """What must not differ between language versions: everything but the words."""
    nodes = _inlines(item)
    return {
        "speakers": [
            (s.id, s.member and s.member.code, [(r.kind, r.period) for r in s.roles])
            for s in item.speakers
        ],
        "collective": [(c.id, c.kind) for c in item.collective_speakers],
        "topics": [t.id for t in item.topics],
        "sections": [
            [(type(b).__name__, b.speaker) for b in section.blocks] for section in item.sections
        ],
        "headed": [section.heading is not None for section in item.sections],
        "refs": [
            (type(n).__name__, getattr(n, "speaker", None) or getattr(n, "topic", None))
            for n in nodes
            if isinstance(n, SpeakerRef | TopicRef | Quotation | QuotedTerm)
        ],
        "related": len(item.related_links),
        "contact": item.contact and item.contact.email,
        "meeting": item.meeting and (item.meeting.kind, item.meeting.dates),
        "series": item.series and item.series.id,
    }


def test_language_versions_share_one_structure() -> None:
    items = _jsi_items()
    french = _structure(items["jsi-ecommerce-2023-05-25.fr"])
    for item_id in JSI_IDS:
        assert _structure(items[item_id]) == french, item_id


def test_latin_script_versions_spell_names_alike() -> None:
    items = [item for item in _jsi_items().values() if item.language in LATIN_SCRIPT]
    names = {tuple(s.name for s in item.speakers) for item in items}
    assert len(items) == 3
    assert len(names) == 1


def test_jsi_roles_are_written_as_they_read_after_the_role_name() -> None:
    expected = {
        "fr": ("de l'initiative", "des réunions plénières"),
        "en": ("of the initiative", "of the plenary meetings"),
        "es": ("de la iniciativa", "de las reuniones plenarias"),
        "ru": ("инициативы", "пленарных заседаний"),
        "ar": ("للمبادرة", "للاجتماعات العامة"),
        "zh-Hans": (None, None),  # Chinese puts the whole role in its label: 全体会议主席
    }
    for item in _jsi_items().values():
        tan = item.speaker("tan")
        assert isinstance(tan, Speaker)
        assert tuple(r.of for r in tan.roles) == expected[item.language]


def test_related_links_follow_each_language_url_pattern() -> None:
    # the WTO publishes these pages in English, French and Spanish; the other versions link
    # to the English ones
    pattern = {"fr": "/french/", "en": "/english/", "es": "/spanish/"}
    pattern |= dict.fromkeys(("ar", "ru", "zh-Hans"), "/english/")
    for item in _jsi_items().values():
        assert item.related_links
        assert all(pattern[item.language] in link.url for link in item.related_links)


def test_chair_statement_has_no_direct_speech() -> None:
    item = _load(CHAIR_STATEMENT)
    assert item.kind == ItemKind.CHAIR_STATEMENT
    assert not any(isinstance(n, Quotation) for n in _inlines(item))
    assert not any(isinstance(b, BlockQuote) for _, _, b in item.blocks())
    chair = item.speakers[0]
    assert all(b.speaker in {chair.id, None} for _, _, b in item.blocks())
    assert any(isinstance(b, ListBlock) and b.ordered for _, _, b in item.blocks())


def test_meeting_summary_shows_what_its_readme_entry_says() -> None:
    item = _load(MEETING_SUMMARY)
    assert item.kind == ItemKind.MEETING_SUMMARY
    floor = item.speaker("took-the-floor")
    assert isinstance(floor, CollectiveSpeaker)
    assert len(floor.members) >= 10
    blocks = [b for _, _, b in item.blocks()]
    assert any(isinstance(b, ListBlock) and b.speaker == floor.id for b in blocks)
    quotes = [b for b in blocks if isinstance(b, BlockQuote)]
    assert any(q.speaker is not None and len(q.paragraphs) >= 2 for q in quotes)
    foreign = [n for n in _inlines(item) if isinstance(n, Foreign)]
    assert [f.lang for f in foreign] == ["fr"]
    speakers = {s.id: s for s in item.speakers}
    hoshino = speakers["hoshino"].name
    assert hoshino is not None
    assert (hoshino.family, hoshino.given, hoshino.order) == ("Hoshino", "Ren", "family-given")
    assert speakers["montes"].honorific == "Deputy Director-General"
    kouassi = speakers["kouassi"]
    assert [p.name for p in kouassi.on_behalf_of] == ["the African Group"]
    assert kouassi.gender == GrammaticalGender.FEMININE
    figures = [b for b in blocks if isinstance(b, Figure)]
    assert len(figures) == 1
    figure = figures[0]
    assert figure.image.startswith("https://www.wto.org/images/")
    assert figure.alt.strip()
    assert figure.caption
    assert figure.credit
    assert figure.width
    assert figure.height


def test_enum_fields_are_structured_as_enums() -> None:
    item = _load(MEETING_SUMMARY)
    speakers = {s.id: s for s in item.speakers}
    hoshino = speakers["hoshino"].name
    assert hoshino is not None
    assert isinstance(hoshino.order, NameOrder)
    assert hoshino.full == "Hoshino Ren"
    assert isinstance(speakers["hoshino"].roles[0].kind, RoleKind)
    assert isinstance(speakers["montes"].member and speakers["montes"].member.kind, AffiliationKind)
    assert isinstance(item.kind, ItemKind)
