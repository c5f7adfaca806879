"""The view of a whole item: what every format shows, decided once.

An :class:`ItemView` holds the header (banner, headline, meeting, dates, symbols, lead), the
sections, the notes and the back matter (speakers, topics, related links, language versions,
contact), every text typeset and every link checked, plus the plain-text derivatives that
metadata needs (title, description, keywords). Writers render it and never read the model.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import assert_never

import attrs

from jsi_docs.diagnostics import Diagnostic
from jsi_docs.i18n import Placeholder
from jsi_docs.view.blocks import (
    BlockView,
    FigureView,
    ListView,
    ParagraphView,
    QuoteView,
    SectionView,
    TableView,
)
from jsi_docs.view.front import DatelineView
from jsi_docs.view.inline import Citation, Inlines
from jsi_docs.view.present import with_honorific
from jsi_docs.view.records import DecisionView, InterventionsView

__all__ = [
    "ContactDetail",
    "ContactView",
    "DatedLine",
    "ItemView",
    "LinkView",
    "MeetingView",
    "NoteView",
    "Organisation",
    "QuotationView",
    "SpeakerView",
    "TopicView",
    "VersionView",
    "block_texts",
    "one_line",
]

_LINE_BREAKS = re.compile(r"[ \t\n\r\f\v]+")


def one_line(text: str) -> str:
    """``text`` on one line: runs of ASCII white space become one space (no-break and narrow
    no-break spaces are typography, and stay)."""
    return _LINE_BREAKS.sub(" ", text).strip(" ")


@attrs.frozen
class LinkView:
    """A link as shown: its words, its target (None when refused), the language of the words
    when it differs from the item's, and the language of the target."""

    text: str
    href: str | None
    lang: str | None = None
    hreflang: str | None = None


@attrs.frozen
class VersionView:
    """The item in another language: its name (in that language), link, and what is known of
    it (headline, item id)."""

    text: str
    href: str | None
    lang: str | None
    hreflang: str | None
    headline: str | None = None
    item_id: str | None = None


@attrs.frozen
class DatedLine:
    """A label around a date: ``before`` + ``date`` + ``after`` ("Publié le 25 mai 2023",
    "Published in May 2023", "Published: Wednesday"); ``iso`` is the date to the precision known
    (``2023-05``), None for a date known only as written (no machine date is stated then);
    ``date_lang`` the language of words as written when the labels are in another one."""

    before: str
    date: str
    iso: str | None
    after: str = ""
    date_lang: str | None = None

    @property
    def text(self) -> str:
        """The whole line as plain text."""
        return f"{self.before}{self.date}{self.after}"


@attrs.frozen
class MeetingView:
    """The meeting line: ``name`` (kind and place) and the ``dates`` it was held; ``start`` and
    ``end`` are ISO 8601 to the precision known (``2023``, ``2023-05``, ``2023-05-22``), None
    when the dates are known only as written (``dates`` holds the words)."""

    name: str
    dates: str
    start: str | None
    end: str | None
    comma: str = ", "
    """What separates the name from the dates (the text's typography: "，" in Chinese)."""
    mode: str | None = None
    """How it was held (``in-person``, ``hybrid``, ``virtual``) when the source says; its words
    are in ``name``."""

    @property
    def text(self) -> str:
        """ "Réunions plénières, 22–25 mai 2023"."""
        return f"{self.name}{self.comma}{self.dates}"


@attrs.frozen
class Organisation:
    """An organisation a speaker speaks for, or the members of a group: name and code."""

    name: str
    code: str | None = None


@attrs.frozen
class SpeakerView:
    """A speaker as every format lists it: ``name_line`` (honorific and name, shown as a name)
    then ``rest`` (affiliation in parentheses and roles), plus the parts behind them."""

    id: str
    name: str
    honorific: str | None
    member: str | None
    on_behalf_of: str | None
    """ "on behalf of the African Group", "au nom du Groupe africain": the words shown."""
    roles: tuple[str, ...]
    collective: bool
    family: str | None = None
    given: str | None = None
    organisations: tuple[Organisation, ...] = ()
    """The speaker's Member (a person) or who the group is (a collective speaker)."""
    behalf: tuple[Organisation, ...] = ()
    """Whom the speaker speaks for on this occasion, in order (``on_behalf_of`` is the words
    shown)."""
    delegation: bool = False
    """A Member's delegation with no person named (``name`` is the Member's)."""
    people: tuple[str, ...] = ()
    """The ids of the persons a group is made of (a collective speaker's ``people``)."""
    comma: str = ", "
    parentheses: tuple[str, str] = (" (", ")")
    """The punctuation of the line, from the text's typography ("，" and "（", "）" in
    Chinese, "، " in Arabic)."""
    honorific_after: bool = False
    honorific_gap: str = " "
    """Where the language puts the honorific: before the name ("Ambassador Tan"), or after
    it ("阿斯兰·努尔兰诺夫部长"), with :attr:`honorific_gap` between them."""

    @property
    def full_name(self) -> str:
        """Honorific and name: "Ambassadeur Hung Seng Tan", "阿斯兰·努尔兰诺夫部长"."""
        return with_honorific(self.honorific, self.name, self.honorific_after, self.honorific_gap)

    @property
    def affiliation(self) -> str | None:
        """What goes in the parentheses: the Member, "Singapour"."""
        return self.member

    @property
    def caption(self) -> str:
        """Name, Member and whom the speaker speaks for: "Aya Kouassi (Côte d'Ivoire), on behalf
        of the African Group"."""
        opening, closing = self.parentheses
        head = self.full_name
        if self.affiliation:
            head = f"{head}{opening}{self.affiliation}{closing}"
        return f"{head}{self.comma}{self.on_behalf_of}" if self.on_behalf_of else head

    @property
    def rest(self) -> str:
        """What follows the name in the list of speakers: " (Singapour), président ...", then
        ", au nom du Groupe africain" when the speaker speaks for someone on this occasion."""
        opening, closing = self.parentheses
        head = f"{opening}{self.affiliation}{closing}" if self.affiliation else ""
        behalf = f"{self.comma}{self.on_behalf_of}" if self.on_behalf_of else ""
        return head + "".join(f"{self.comma}{role}" for role in self.roles) + behalf

    @property
    def text(self) -> str:
        """The whole line."""
        return self.full_name + self.rest


@attrs.frozen
class TopicView:
    """A topic: id, label, and its vocabulary URI when that is a safe URL."""

    id: str
    label: str
    uri: str | None = None
    lang: str | None = None
    """The label's language when stated and not the item's."""


@attrs.frozen
class ContactDetail:
    """One line of contact details: ``label`` (typeset, with its colon) and the value."""

    label: str
    value: LinkView
    own: bool = False
    """The label is the item's words (a phone's own label), not the labels' (so it is not
    marked with the labels' language)."""
    label_lang: str | None = None
    """The language of the item's own label when stated and not the item's."""


@attrs.frozen
class ContactView:
    """The contact block: the prompt, the sentence, and details the sentence does not give.

    ``press`` says it is a press contact; ``prompt_own`` that the prompt is the item's words
    (in ``prompt_lang`` when stated), not a label; ``unit`` the office that answers."""

    prompt: str
    text: Inlines | None
    details: tuple[ContactDetail, ...] = ()
    press: bool = False
    prompt_own: bool = False
    prompt_lang: str | None = None
    unit: str | None = None
    unit_lang: str | None = None
    phones: tuple[str, ...] = ()
    person: str | None = None
    """Who answers, as the source names them ("Ana García Llorente, press officer")."""
    person_lang: str | None = None
    """Every phone number shown, in order (structured data states them)."""


@attrs.frozen
class NoteView:
    """A note: its number, its anchor, the anchor of its first reference, its text."""

    number: int
    anchor: str
    back: str
    content: Inlines


@attrs.frozen
class QuotationView:
    """A direct quotation (or, in :attr:`ItemView.statements`, a statement) as structured data
    states it: its words and who said them."""

    text: str
    speaker: SpeakerView | None


@attrs.frozen
class ItemView:
    """Everything every format shows of one item, in the order it is shown."""

    id: str
    language: str
    direction: str
    labels_language: str | None
    """The labels' language when it differs from the item's (then marked on each label)."""
    kind: str
    kind_label: str
    headline: str
    """The headline, or the labels' "Untitled" when the source gives none (see
    :attr:`headline_known`)."""
    banner: LinkView | None
    publisher: LinkView | None
    meeting: MeetingView | None
    published: DatedLine | None
    """None when the publication date is unknown: no date is shown or stated."""
    updated: DatedLine | None
    symbols: tuple[str, ...]
    symbols_label: str
    lead: Inlines | None
    sections: tuple[SectionView, ...]
    notes: tuple[NoteView, ...]
    speakers: tuple[SpeakerView, ...]
    """The people of the item who speak in it (see :attr:`mentioned` for the others)."""
    topics: tuple[TopicView, ...]
    related: tuple[LinkView, ...]
    versions: tuple[VersionView, ...]
    contact: ContactView | None
    labels: Mapping[str, str]
    """Headings and other words of the page furniture, by name (``speakers``, ``topics``...)."""
    page_x_of_y: tuple[str | Placeholder, ...]
    """The footer's "Page {page} of {pages}", typeset, with its two placeholders."""
    quotations: tuple[QuotationView, ...]
    url: str | None
    description: str
    """One line saying what the item is about: the lead, else the start of the first
    paragraph, else the headline, else empty (a page's description, a PDF's Subject)."""
    diagnostics: tuple[Diagnostic, ...] = ()
    headline_known: bool = True
    """False when the item has no headline: :attr:`headline` is then a label, which metadata
    stating facts (JSON-LD, DOCX properties) leaves out."""
    headline_lang: str | None = None
    symbols_separator: str = ", "
    """Between two document symbols: the typography's comma ("，" in Chinese)."""
    symbols_gap: str = " "
    """Between :attr:`symbols_label` and the symbols: none after a full-width colon."""
    """The headline's language when stated and not the item's."""
    subtitle: Inlines | None = None
    notice: Inlines | None = None
    """A notice about the text ("Check against delivery"), as the source words it."""
    """The standfirst under the headline (not the lead)."""
    dateline: DatelineView | None = None
    highlights: tuple[Inlines, ...] = ()
    """Key points shown before the body, under ``labels["highlights"]``."""
    mentioned: tuple[SpeakerView, ...] = ()
    """The people of the item who do not speak in it (only named): the "Also mentioned" box.
    :attr:`speakers` holds those who speak (see :func:`jsi_docs.view.speaking_ids`)."""
    statements: tuple[QuotationView, ...] = ()
    """Every statement (reported speech, not verbatim) with who made it, in reading order: the
    spans, and the paragraphs, lists and tables attributed to a speaker (before their spans)."""
    citations: tuple[Citation, ...] = ()
    """Every cited document, in reading order (notes last), as shown."""
    release_number: str | None = None
    """The number the publisher gives the release, when it is no document symbol."""
    release_number_label: str = ""
    """Before :attr:`release_number`: "Reference:"."""
    release_number_gap: str = " "
    """Between :attr:`release_number_label` and the number: none after a full-width colon."""
    speech_by: SpeakerView | None = None
    """Who gives the speech, for an item of kind ``speech`` whose attributed blocks are all
    one speaker's (see :func:`jsi_docs.view.speech_giver`); None otherwise."""

    LIST_SEPARATOR = " \u00b7 "
    """Between two topics on their line."""

    @property
    def keywords(self) -> tuple[str, ...]:
        """The topics' labels."""
        return tuple(t.label for t in self.topics)

    @property
    def author(self) -> str:
        """Who publishes the item: the publisher, else the banner."""
        source = self.publisher or self.banner
        return source.text if source else ""

    @property
    def speaker_index(self) -> Mapping[str, SpeakerView]:
        """The speakers by id."""
        return {s.id: s for s in self.speakers}

    @property
    def people_index(self) -> Mapping[str, SpeakerView]:
        """Everyone of the item by id: those who speak and those only mentioned."""
        return {s.id: s for s in (*self.speakers, *self.mentioned)}

    def blocks(self) -> Iterator[BlockView]:
        """Every block, in reading order."""
        for section in self.sections:
            yield from section.blocks

    def images(self) -> tuple[str, ...]:
        """The safe URLs of the item's images, each once, in reading order."""
        found = [b.src for b in self.blocks() if isinstance(b, FigureView) and b.src]
        return tuple(dict.fromkeys(found))


def block_texts(block: BlockView) -> Iterator[Inlines]:
    """Every inline text of ``block`` in reading order (the one generic traversal)."""
    match block:
        case ParagraphView(content=content):
            yield content
        case ListView(items=items):
            yield from items
        case QuoteView(paragraphs=paragraphs, attribution=attribution):
            yield from paragraphs
            if attribution:
                yield attribution
        case TableView(caption=caption, header=header, rows=rows, note=note):
            if caption:
                yield caption
            yield from (cell.content for cell in header)
            for row in rows:
                yield from (cell.content for cell in row)
            if note:
                yield note
        case FigureView(caption=caption):
            if caption:
                yield caption
        case InterventionsView(lines=lines, lead_in=lead_in):
            if lead_in:
                yield lead_in
            yield from (line.content for line in lines)
        case DecisionView(content=content):
            yield content
        case _:
            assert_never(block)
