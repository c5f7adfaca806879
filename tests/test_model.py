"""Model rules that hold however an item is built: in code, from YAML or from JSON."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import jsi_docs
from jsi_docs.model import (
    Emphasis,
    NewsItem,
    Paragraph,
    Period,
    PersonName,
    Role,
    RoleKind,
    Section,
    Speaker,
    Text,
)
from jsi_docs.model._checks import FieldValueError
from jsi_docs.view.present import Presenter


def test_rich_text_is_normalised_so_equal_text_compares_equal() -> None:
    assert Paragraph(["a", "b", Text("c")]) == Paragraph([Text("abc")])
    assert Paragraph(["a", "", Emphasis(["x"])]).text == (Text("a"), Emphasis([Text("x")]))


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda: Speaker("bad id", PersonName("X")), "id"),
        (lambda: Paragraph([]), "text"),
        (lambda: PersonName(" "), "family"),
        (lambda: Speaker("chair"), "name"),
        (lambda: Period(dt.date(2023, 5, 2), dt.date(2023, 5, 1)), "end"),
    ],
)
def test_single_field_rules_name_their_field(build: object, field: str) -> None:
    with pytest.raises(FieldValueError) as caught:
        build()  # type: ignore[operator]
    assert caught.value.field == field


def test_name_order_decides_how_a_name_reads() -> None:
    assert PersonName("Yamazaki", "Kazuyuki").full == "Kazuyuki Yamazaki"
    assert (
        PersonName("Yamazaki", "Kazuyuki", order=jsi_docs.NameOrder.FAMILY_GIVEN).full
        == "Yamazaki Kazuyuki"
    )


def test_a_speaker_known_only_by_role_is_shown_by_that_role() -> None:
    chair = Speaker("chair", roles=[Role(RoleKind.CHAIR, of="du Comité", period=Period.year(2023))])
    shown = Presenter.for_language("fr").speaker(chair)
    assert shown.name == "Président du Comité en 2023"
    assert shown.roles == ()


def test_items_with_an_unnamed_speaker_export_everywhere() -> None:
    chair = Speaker("chair", honorific="Le Directeur général")
    item = NewsItem(
        "x", "fr", "Titre", dt.date(2023, 5, 25),
        [Section([Paragraph([jsi_docs.SpeakerRef(["Le Directeur général"], speaker="chair"), " a dit."], speaker="chair")])],
        speakers=[chair],
    )  # fmt: skip
    assert jsi_docs.loads(jsi_docs.dumps(item, "yaml")) == item
    for fmt in ("html", "docx", "pdf"):
        assert jsi_docs.export(item, fmt)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: jsi_docs.Paragraph(["  \t"]), "must not be blank"),
        (lambda: jsi_docs.Paragraph([]), "must not be empty"),
        (lambda: jsi_docs.ListBlock([["a"], ["\u00a0"]]), "entry 1 is blank"),
        (lambda: jsi_docs.BlockQuote([[" "]]), "entry 0 is blank"),
        (lambda: jsi_docs.Note("n", [jsi_docs.Emphasis([" "])]), "must not be blank"),
        (lambda: jsi_docs.Figure("https://a.org/p.png", "alt", caption=[" "]), "must not be blank"),
    ],
)
def test_block_text_of_white_space_only_is_refused(make: Any, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        make()


def test_a_note_mark_or_any_visible_character_is_enough() -> None:
    assert jsi_docs.Paragraph([" ", jsi_docs.NoteRef("n")]).text
    assert jsi_docs.Paragraph(["\u200b"]).text  # a zero-width space is not white space
