"""The document view on its own: what it decides once for every format."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest

from _docx_helpers import every_node_item, section
from jsi_docs.model import (
    Contact,
    Emphasis,
    Foreign,
    NewsItem,
    Paragraph,
    PersonName,
    Quotation,
    QuotedTerm,
    Section,
    Series,
    Speaker,
    Text,
)
from jsi_docs.view import ParagraphView, Speech, build_view, plain
from jsi_docs.view import Term as TermView


def _item(*text: object, language: str = "fr", **changes: Any) -> NewsItem:
    item = NewsItem(
        "view-test",
        language,
        "Un titre",
        dt.date(2023, 9, 20),
        [Section([Paragraph(text)])],  # type: ignore[arg-type]
        speakers=[Speaker("tan", PersonName("Tan"))],
    )
    return attrs.evolve(item, **changes)


def _first_text(item: NewsItem, **options: Any) -> str:
    block = build_view(item, **options).sections[0].blocks[0]
    assert isinstance(block, ParagraphView)
    return plain(block.content)


def test_runs_are_typeset_with_their_neighbours() -> None:
    """ "<em>Note</em> : suite" keeps its French space although the colon starts another run."""
    item = _item(Emphasis((Text("Note"),)), Text(": suite et fin!"))
    assert _first_text(item) == "Note\u00a0: suite et fin\u202f!"


def test_labels_language_changes_labels_not_the_text() -> None:
    item = every_node_item()
    view = build_view(item, labels_language="en")
    french = build_view(item)
    assert view.labels["topics"] == "Topics"
    assert view.lead == french.lead  # the text keeps the item's language and typography
    assert view.published is not None
    assert view.published.before.startswith("Published")


def test_quotation_marks_follow_the_passage_language_and_nesting() -> None:
    inner = Quotation((Text("inner"),), speaker="tan")
    item = _item(
        Quotation((Text("il a dit "), inner), speaker="tan"),
        Text(" puis "),
        Foreign((Quotation((Text("she said"),), speaker="tan"),), lang="en"),
    )
    assert _first_text(item) == "«\u00a0il a dit “inner”\u00a0» puis “she said”"


def test_speech_and_terms_carry_their_marks_as_characters() -> None:
    item = _item(Quotation((Text("oui"),), speaker="tan"), QuotedTerm((Text("mis de côté"),)))
    block = build_view(item).sections[0].blocks[0]
    assert isinstance(block, ParagraphView)
    speech, term = block.content
    assert isinstance(speech, Speech)
    assert isinstance(term, TermView)
    assert (speech.opening, speech.closing) == ("«\u00a0", "\u00a0»")
    assert (term.opening, term.closing) == ("«\u00a0", "\u00a0»")


def test_white_space_is_one_space_and_no_block_edges() -> None:
    item = _item(Text("  un\tdeux\n\ntrois   quatre  "))
    assert _first_text(item) == "un deux trois quatre"


def test_a_space_after_a_space_in_the_run_before_is_dropped_as_a_browser_does() -> None:
    item = _item(Text("un\t"), Emphasis((Text(" deux "),)), Text("\ttrois"), language="en")
    assert _first_text(item) == "un deux trois"


def test_a_note_number_between_two_spaces_keeps_both() -> None:
    from jsi_docs.model import Note, NoteRef

    item = _item(Text("un "), NoteRef("n"), Text(" deux"), language="en")
    item = attrs.evolve(item, notes=(Note("n", (Text("note"),)),))
    block = build_view(item).sections[0].blocks[0]
    assert isinstance(block, ParagraphView)
    assert [getattr(node, "text", None) for node in block.content] == ["un ", None, " deux"]


def test_dates_do_not_break_across_lines() -> None:
    view = build_view(_item(Text("x"), language="en"))
    assert view.published is not None
    assert view.published.date == "20\u00a0September\u00a02023"


def test_the_contact_address_is_given_once() -> None:
    with_sentence = _item(
        Text("x"),
        contact=Contact((Text("Write to web@example.org."),), email="web@example.org"),
    )
    apart = _item(Text("x"), contact=Contact((Text("Write to us."),), email="web@example.org"))
    for item in (with_sentence, apart):
        contact = build_view(item).contact
        assert contact is not None
        shown = (plain(contact.text) if contact.text else "") + "".join(
            d.value.text for d in contact.details
        )
        assert shown.count("web@example.org") == 1


def test_the_view_of_an_item_is_the_same_every_time() -> None:
    item = every_node_item(sections=(section((Paragraph((Text("a"),)),)),))
    assert build_view(item) == build_view(item)


def test_a_page_without_topics_writes_no_keywords_meta() -> None:
    import jsi_docs

    page = jsi_docs.export(_item(Text("x")), "html").decode()
    assert 'name="keywords"' not in page


@pytest.mark.parametrize(
    ("lang", "comma", "opening"), [("zh", "，", "（"), ("ar", "، ", " ("), ("fr", ", ", " (")]
)
def test_composed_lines_take_the_punctuation_of_the_text(
    lang: str, comma: str, opening: str
) -> None:
    """The view joins a meeting's name, place and dates and a speaker's Member and roles with
    the comma and parentheses of the item's language; every format shows those lines."""
    import jsi_docs
    from tests_helpers import EXAMPLES

    view = build_view(jsi_docs.load(EXAMPLES / f"jsi-ecommerce-2023-05-25.{lang}.yaml"))
    assert view.meeting is not None
    assert view.meeting.text.count(comma) == 2, view.meeting.text
    with_member = next(s for s in view.speakers if s.member)
    assert with_member.rest.startswith(f"{opening}{with_member.member}"), with_member.rest
    assert comma in with_member.rest
    if comma != ", ":
        assert ", " not in view.meeting.text + with_member.rest


def test_a_meeting_series_is_shown_unless_the_banner_says_it() -> None:
    """A meeting's series is part of its line ("Second Committee, Seventy-eighth session ...,
    New York"); when it is the item's own series, the banner above already says it."""
    item = every_node_item(language="en", series=None)
    assert item.meeting is not None
    meeting = attrs.evolve(item.meeting, series="Seventy-eighth session", place="New York")
    view = build_view(attrs.evolve(item, meeting=meeting))
    assert view.meeting is not None
    assert view.meeting.name == "Plenary meeting, Seventy-eighth session, New York"
    same = attrs.evolve(item, meeting=meeting, series=Series(" seventy-eighth  Session"))
    shown = build_view(same).meeting
    assert shown is not None
    assert shown.name == "Plenary meeting, New York"
