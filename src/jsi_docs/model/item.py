"""The news item and what surrounds its text: meeting, topics, links, versions, contact."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Iterator
from typing import assert_never

import attrs

from jsi_docs.model._checks import (
    FieldValueError,
    each_of,
    identifier,
    language_tag,
    member,
    not_blank,
    of_type,
    optional_identifier,
    optional_not_blank,
    optional_text,
)
from jsi_docs.model.blocks import Block, BlockQuote, Figure, ListBlock, Paragraph, Section, Table
from jsi_docs.model.inline import Inline, NoteRef, RichText, missing_words, normalize, walk
from jsi_docs.model.notes import Note, optional_number, symbols
from jsi_docs.model.people import CollectiveSpeaker, Speaker
from jsi_docs.model.period import DateAsWritten, PartialDate, Period
from jsi_docs.model.records import Decision, Interventions

__all__ = [
    "Contact",
    "ContactKind",
    "Dateline",
    "ItemKind",
    "LanguageVersion",
    "Meeting",
    "MeetingKind",
    "MeetingMode",
    "NewsItem",
    "Organization",
    "Phone",
    "PhoneKind",
    "RelatedLink",
    "Series",
    "Topic",
]


class ItemKind(enum.StrEnum):
    NEWS = "news"
    MEETING_SUMMARY = "meeting-summary"
    CHAIR_STATEMENT = "chair-statement"
    CHAIR_SUMMARY = "chair-summary"
    """A summary of a meeting issued by its chair, under the chair's own responsibility."""
    PRESS_RELEASE = "press-release"
    MEDIA_RELEASE = "media-release"
    SPEECH = "speech"
    """The text of a speech, as delivered or prepared."""
    MEETING_COVERAGE = "meeting-coverage"
    """An account of a meeting's proceedings, speaker by speaker."""


class MeetingKind(enum.StrEnum):
    PLENARY = "plenary"
    NEGOTIATING_ROUND = "negotiating-round"
    SMALL_GROUP = "small-group"
    INFORMAL = "informal"
    BRIEFING = "briefing"
    MINISTERIAL = "ministerial"
    HEADS_OF_DELEGATION = "heads-of-delegation"
    COUNCIL = "council"
    COMMITTEE_SESSION = "committee-session"
    GENERAL_ASSEMBLY = "general-assembly"
    OTHER = "other"


class MeetingMode(enum.StrEnum):
    """How a meeting was held, as the source says it ("held in hybrid format")."""

    IN_PERSON = "in-person"
    HYBRID = "hybrid"
    """Some in the room, some connected."""
    VIRTUAL = "virtual"
    """Online only ("réunion virtuelle", "held online")."""


def _date(
    value: PartialDate | DateAsWritten | dt.date | None,
) -> PartialDate | DateAsWritten | None:
    """A known day (``datetime.date``) as a :class:`PartialDate`; a date as written and None
    (unknown) stay as they are."""
    if isinstance(value, dt.date):
        return PartialDate.of(value)
    return value


def _lead(value: Iterable[Inline | str] | None) -> RichText | None:
    return None if value is None else normalize(value) or None


def _highlights(values: Iterable[Iterable[Inline | str]]) -> tuple[RichText, ...]:
    return tuple(normalize(v) for v in values)


def _each_with_words(
    instance: object, attribute: attrs.Attribute[tuple[RichText, ...]], value: tuple[RichText, ...]
) -> None:
    for index, entry in enumerate(value):
        if why := missing_words(entry):
            raise FieldValueError(f"{attribute.name}[{index}]", f"must not be {why}")


def _sections(values: Iterable[Section]) -> tuple[Section, ...]:
    return each_of(Section, values, "a Section")


def _speakers(values: Iterable[Speaker]) -> tuple[Speaker, ...]:
    return each_of(Speaker, values, "a Speaker")


def _collective(values: Iterable[CollectiveSpeaker]) -> tuple[CollectiveSpeaker, ...]:
    return each_of(CollectiveSpeaker, values, "a CollectiveSpeaker")


def _topics(values: Iterable[Topic]) -> tuple[Topic, ...]:
    return each_of(Topic, values, "a Topic")


def _links(values: Iterable[RelatedLink]) -> tuple[RelatedLink, ...]:
    return each_of(RelatedLink, values, "a RelatedLink")


def _versions(values: Iterable[LanguageVersion]) -> tuple[LanguageVersion, ...]:
    return each_of(LanguageVersion, values, "a LanguageVersion")


def _strings(values: Iterable[str]) -> tuple[str, ...]:
    return each_of(str, values, "a text")


def _notes(values: Iterable[Note]) -> tuple[Note, ...]:
    return each_of(Note, values, "a Note")


def _block_texts(block: Block, base: str) -> Iterator[tuple[str, RichText]]:
    match block:
        case Paragraph(text=text):
            yield f"{base}.text", text
        case ListBlock(items=items):
            for i, entry in enumerate(items):
                yield f"{base}.items[{i}]", entry
        case BlockQuote(paragraphs=paragraphs):
            for i, entry in enumerate(paragraphs):
                yield f"{base}.paragraphs[{i}]", entry
        case Figure(caption=caption):
            if caption:
                yield f"{base}.caption", caption
        case Table(caption=caption, header=header, rows=rows, note=note):
            if caption:
                yield f"{base}.caption", caption
            for i, entry in enumerate(header):
                yield f"{base}.header[{i}]", entry
            for r, row in enumerate(rows):
                for i, entry in enumerate(row):
                    yield f"{base}.rows[{r}][{i}]", entry
            if note:
                yield f"{base}.note", note
        case Interventions(interventions=interventions, lead_in=lead_in):
            if lead_in:
                yield f"{base}.lead_in", lead_in
            for i, turn in enumerate(interventions):
                if turn.content:
                    yield f"{base}.interventions[{i}].content", turn.content
        case Decision(object=what):
            if what:
                yield f"{base}.object", what
        case _:
            assert_never(block)


def _meeting_kind(value: MeetingKind | str) -> MeetingKind:
    return member(MeetingKind, value)


def _meeting_mode(value: MeetingMode | str | None) -> MeetingMode | None:
    return None if value is None else member(MeetingMode, value)


def _item_kind(value: ItemKind | str) -> ItemKind:
    return member(ItemKind, value)


@attrs.frozen
class Series:
    """The banner an item is published under, e.g. the negotiation it belongs to."""

    label: str = attrs.field(validator=not_blank)
    id: str | None = attrs.field(default=None, kw_only=True, validator=optional_identifier)
    url: str | None = attrs.field(default=None, kw_only=True, validator=optional_not_blank)


@attrs.frozen
class Meeting:
    """The meeting(s) an item reports: kind, days, place, the series they belong to, and how
    they were held (``mode``, only when the source says it)."""

    kind: MeetingKind = attrs.field(converter=_meeting_kind)
    dates: Period | DateAsWritten = attrs.field(validator=of_type(Period, DateAsWritten))
    """The days it was held, as known; :class:`DateAsWritten` when the source gives only words
    ("on Wednesday")."""
    place: str | None = attrs.field(default=None, kw_only=True, validator=optional_not_blank)
    series: str | None = attrs.field(default=None, kw_only=True, validator=optional_not_blank)
    label: str | None = attrs.field(default=None, kw_only=True, validator=optional_not_blank)
    mode: MeetingMode | None = attrs.field(default=None, kw_only=True, converter=_meeting_mode)
    """In person, hybrid or virtual, as the source says; None when it does not say."""


@attrs.frozen
class Topic:
    """A subject the item is about; ``uri`` points into a vocabulary (an IPTC Media Topic, say)."""

    id: str = attrs.field(validator=identifier)
    label: str = attrs.field(validator=not_blank)
    uri: str | None = attrs.field(default=None, kw_only=True, validator=optional_not_blank)


@attrs.frozen
class RelatedLink:
    """An entry of the "find out more" box."""

    title: str = attrs.field(validator=not_blank)
    url: str = attrs.field(validator=not_blank)
    language: str | None = attrs.field(default=None, kw_only=True)


@attrs.frozen
class LanguageVersion:
    """The same item in another language, known by its id, its URL, or both."""

    language: str = attrs.field(validator=language_tag)
    item_id: str | None = attrs.field(default=None, kw_only=True, validator=optional_identifier)
    url: str | None = attrs.field(default=None, kw_only=True, validator=optional_not_blank)
    headline: str | None = attrs.field(default=None, kw_only=True, validator=optional_not_blank)

    def __attrs_post_init__(self) -> None:
        if self.item_id is None and self.url is None:
            raise ValueError("a language version needs an item_id, a url, or both")


class ContactKind(enum.StrEnum):
    """What a contact is for: the item in general, help with the page, or the press."""

    GENERAL = "general"
    """Whom to ask about the item (the default prompt: "Contact")."""
    HELP = "help"
    """Problems viewing the page (the default prompt: "Problems viewing this page?")."""
    PRESS = "press"
    """Journalists' questions (the default prompt: "Media contacts")."""


class PhoneKind(enum.StrEnum):
    """The kind of a phone number, shown before it in the item's language."""

    OFFICE = "office"
    MOBILE = "mobile"


def _contact_kind(value: ContactKind | str) -> ContactKind:
    return member(ContactKind, value)


def _phone_kind(value: PhoneKind | str | None) -> PhoneKind | None:
    return None if value is None else member(PhoneKind, value)


@attrs.frozen
class Phone:
    """A phone number as written (``+41 22 739 50 07``), with what kind of line it is, or the
    source's own label for it (``label`` wins over ``kind``)."""

    number: str = attrs.field(validator=not_blank)
    kind: PhoneKind | None = attrs.field(default=None, kw_only=True, converter=_phone_kind)
    label: str | None = attrs.field(default=None, kw_only=True, validator=optional_not_blank)


def _phones(values: Iterable[Phone]) -> tuple[Phone, ...]:
    return tuple(values)


@attrs.frozen
class Contact:
    """Who to write to, with the sentence around it.

    ``prompt`` is the question before it ("Problems viewing this page?"; for a ``press``
    contact, "Media contacts"), ``text`` the sentence ("Please write to … stating your
    operating system and browser"), which may link the address. ``unit`` is the office that
    answers ("Information and External Relations Division"), ``person`` who answers, as the
    source names them ("Ana García Llorente, press officer"); ``phone`` one number, ``phones``
    several, each maybe labelled.
    """

    text: RichText = attrs.field(converter=normalize)
    prompt: str | None = attrs.field(default=None, kw_only=True, validator=optional_not_blank)
    email: str | None = attrs.field(default=None, kw_only=True, validator=optional_not_blank)
    url: str | None = attrs.field(default=None, kw_only=True, validator=optional_not_blank)
    phone: str | None = attrs.field(default=None, kw_only=True, validator=optional_not_blank)
    kind: ContactKind = attrs.field(
        default=ContactKind.GENERAL, kw_only=True, converter=_contact_kind
    )
    unit: str | None = attrs.field(default=None, kw_only=True, validator=optional_not_blank)
    phones: tuple[Phone, ...] = attrs.field(default=(), kw_only=True, converter=_phones)
    person: str | None = attrs.field(default=None, kw_only=True, validator=optional_not_blank)


def _dateline_parts(instance: Dateline, attribute: attrs.Attribute[object], value: object) -> None:
    if instance.place is None and instance.date is None:
        raise FieldValueError("place", "a dateline needs a place, a date, or both")


@attrs.frozen
class Dateline:
    """Where and when a release was issued, as the source gives them: "Geneva, 12 March 2024".

    ``date`` is known to the day, the month or the year, or only as written (never a day the source does not
    give); ``place`` is written as the source writes it ("GINEBRA").
    """

    place: str | None = attrs.field(default=None, validator=optional_not_blank)
    date: PartialDate | DateAsWritten | None = attrs.field(
        default=None,
        converter=_date,
        validator=[of_type(PartialDate, DateAsWritten), _dateline_parts],
    )


@attrs.frozen
class Organization:
    """The publisher of the item."""

    name: str = attrs.field(validator=not_blank)
    url: str | None = attrs.field(default=None, kw_only=True, validator=optional_not_blank)


@attrs.frozen
class NewsItem:
    """A news item published after a meeting: the root of the model.

    ``headline`` and ``published`` are None when the source does not say them (a page captured
    without its title or date); ``published`` and ``updated`` may be known to the day, the
    month or the year only (a ``datetime.date`` is taken as a known day), or given only in words
    (:class:`DateAsWritten`).
    """

    id: str = attrs.field(validator=identifier)
    language: str = attrs.field(validator=language_tag)
    headline: str | None = attrs.field(validator=optional_text)
    published: PartialDate | DateAsWritten | None = attrs.field(
        converter=_date, validator=of_type(PartialDate, DateAsWritten)
    )
    sections: tuple[Section, ...] = attrs.field(converter=_sections)
    kind: ItemKind = attrs.field(default=ItemKind.NEWS, kw_only=True, converter=_item_kind)
    series: Series | None = attrs.field(default=None, kw_only=True)
    lead: RichText | None = attrs.field(default=None, kw_only=True, converter=_lead)
    meeting: Meeting | None = attrs.field(default=None, kw_only=True)
    publisher: Organization | None = attrs.field(default=None, kw_only=True)
    url: str | None = attrs.field(default=None, kw_only=True, validator=optional_not_blank)
    speakers: tuple[Speaker, ...] = attrs.field(default=(), kw_only=True, converter=_speakers)
    collective_speakers: tuple[CollectiveSpeaker, ...] = attrs.field(
        default=(), kw_only=True, converter=_collective
    )
    topics: tuple[Topic, ...] = attrs.field(default=(), kw_only=True, converter=_topics)
    related_links: tuple[RelatedLink, ...] = attrs.field(default=(), kw_only=True, converter=_links)
    language_versions: tuple[LanguageVersion, ...] = attrs.field(
        default=(), kw_only=True, converter=_versions
    )
    contact: Contact | None = attrs.field(default=None, kw_only=True)
    symbols: tuple[str, ...] = attrs.field(
        default=(), kw_only=True, converter=_strings, validator=symbols
    )
    """Document symbols the item is circulated under, e.g. ``PRESS/921`` or ``INF/ECOM/87``."""
    updated: PartialDate | DateAsWritten | None = attrs.field(
        default=None, kw_only=True, converter=_date, validator=of_type(PartialDate, DateAsWritten)
    )
    notes: tuple[Note, ...] = attrs.field(default=(), kw_only=True, converter=_notes)
    subtitle: RichText | None = attrs.field(default=None, kw_only=True, converter=_lead)
    """The standfirst under the headline, distinct from the lead (the body's first words)."""
    dateline: Dateline | None = attrs.field(default=None, kw_only=True)
    """Where and when the item was issued ("Geneva, 12 March 2024"), as the source says."""
    highlights: tuple[RichText, ...] = attrs.field(
        default=(), kw_only=True, converter=_highlights, validator=_each_with_words
    )
    """Key points listed before the body, each a short rich text."""
    notice: RichText | None = attrs.field(default=None, kw_only=True, converter=_lead)
    """A notice the page carries about the text itself, as the source words it: "Check
    against delivery", "For information media. Not an official record."."""
    release_number: str | None = attrs.field(default=None, kw_only=True, validator=optional_number)
    """The number the publisher gives the release, as written, when it is no document symbol
    (those are :attr:`symbols`): "IP/24/1234", "PR/2024/912", "23/2024"."""

    def speaker(self, speaker_id: str) -> Speaker | CollectiveSpeaker | None:
        """The named or collective speaker with this id, or None."""
        found: Speaker | CollectiveSpeaker | None = next(
            (s for s in self.speakers if s.id == speaker_id), None
        )
        return found or next((s for s in self.collective_speakers if s.id == speaker_id), None)

    def topic(self, topic_id: str) -> Topic | None:
        """The topic with this id, or None."""
        return next((t for t in self.topics if t.id == topic_id), None)

    def blocks(self) -> Iterator[tuple[int, int, Block]]:
        """``(section index, block index, block)`` for every block, in reading order."""
        for s, section in enumerate(self.sections):
            for b, block in enumerate(section.blocks):
                yield s, b, block

    def texts(self) -> Iterator[tuple[str, RichText]]:
        """``(path, rich text)`` for every rich text outside the notes, in reading order:
        subtitle, notice, lead, highlights, blocks, contact. The path is the JSONPath errors
        name it by (``$.sections[0]...``)."""
        if self.subtitle:
            yield "$.subtitle", self.subtitle
        if self.notice:
            yield "$.notice", self.notice
        if self.lead:
            yield "$.lead", self.lead
        for i, highlight in enumerate(self.highlights):
            yield f"$.highlights[{i}]", highlight
        for s, b, block in self.blocks():
            yield from _block_texts(block, f"$.sections[{s}].blocks[{b}]")
        if self.contact is not None and self.contact.text:
            yield "$.contact.text", self.contact.text

    def all_texts(self) -> Iterator[tuple[str, RichText]]:
        """:meth:`texts`, then each note's text (``$.notes[i].text``)."""
        yield from self.texts()
        for i, note in enumerate(self.notes):
            yield f"$.notes[{i}].text", note.text

    def note_numbers(self) -> dict[str, int]:
        """Each referenced note's number (from 1), in the order of its first reference."""
        numbers: dict[str, int] = {}
        for _, text in self.texts():
            for node in walk(text):
                if isinstance(node, NoteRef) and node.note not in numbers:
                    numbers[node.note] = len(numbers) + 1
        return numbers

    def numbered_notes(self) -> list[tuple[int, Note]]:
        """The referenced notes with their numbers, in number order."""
        numbers = self.note_numbers()
        found = [(numbers[n.id], n) for n in self.notes if n.id in numbers]
        return sorted(found, key=lambda entry: entry[0])


for _cls in (
    Series,
    Meeting,
    Topic,
    RelatedLink,
    LanguageVersion,
    Phone,
    Contact,
    Dateline,
    Organization,
    NewsItem,
):
    attrs.resolve_types(_cls, globals(), locals())
