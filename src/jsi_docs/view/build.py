"""Building the view of an item from the model: the one walk every writer relies on."""

from __future__ import annotations

import functools
import re
import unicodedata
import urllib.parse
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import assert_never

import attrs
from babel import Locale, UnknownLocaleError

from jsi_docs.diagnostics import VIEW, Diagnostic
from jsi_docs.errors import JsiDocsError
from jsi_docs.i18n import (
    Placeholder,
    Term,
    UnknownProfileError,
    language_name,
    languages,
)
from jsi_docs.model import (
    Block,
    BlockQuote,
    CollectiveSpeaker,
    Contact,
    ContactKind,
    DateAsWritten,
    Dateline,
    DatePrecision,
    Decision,
    Figure,
    Interventions,
    ListBlock,
    NewsItem,
    Paragraph,
    PartialDate,
    PhoneKind,
    RichText,
    Speaker,
    Table,
    lang_of,
    plain_text,
)
from jsi_docs.model._checks import LANGUAGE_PATTERN
from jsi_docs.view.bidi import (
    FIRST_STRONG_ISOLATE,
    POP_DIRECTIONAL_ISOLATE,
    needs_isolation,
)
from jsi_docs.view.blocks import (
    BlockView,
    CellView,
    FigureView,
    ListView,
    ParagraphView,
    QuoteView,
    SectionView,
    TableView,
)
from jsi_docs.view.front import DatelinePart, DatelineView
from jsi_docs.view.inline import InlineBuilder, Inlines, LinkSpan, Run, SpeakerName, plain
from jsi_docs.view.item import (
    ContactDetail,
    ContactView,
    DatedLine,
    ItemView,
    LinkView,
    MeetingView,
    NoteView,
    Organisation,
    QuotationView,
    SpeakerView,
    TopicView,
    VersionView,
    one_line,
)
from jsi_docs.view.present import (
    FALLBACK_LANGUAGE,
    Presenter,
    SpeakerDisplay,
    clean,
    is_number,
    safe_image_url,
    safe_url,
    supported,
)
from jsi_docs.view.records import RecordsBuilder, document_link
from jsi_docs.view.speaking import speaking_ids, speech_giver

__all__ = ["DESCRIPTION_LIMIT", "ViewOptionError", "build_view", "direction"]

DESCRIPTION_LIMIT = 300
"""Longest description taken from the first paragraph when the item has no lead."""

_LANGUAGE = re.compile(LANGUAGE_PATTERN)  # the model's own test of a language tag

_LABELS = {
    "skip_to_content": Term.SKIP_TO_CONTENT,
    "find_out_more": Term.FIND_OUT_MORE,
    "speakers": Term.SPEAKERS,
    "mentioned": Term.MENTIONED,
    "topics": Term.TOPICS,
    "language_versions": Term.LANGUAGE_VERSIONS,
    "contact": Term.CONTACT,
    "meeting": Term.MEETING,
    "notes": Term.NOTES,
    "back_to_text": Term.BACK_TO_TEXT,
    "highlights": Term.HIGHLIGHTS,
}


class ViewOptionError(JsiDocsError, ValueError):
    """A labels language or typography profile the view cannot use."""


@functools.lru_cache(maxsize=256)
def direction(language: str) -> str:
    """``"rtl"`` for a language written right to left, else ``"ltr"``: the language file's word
    for a supported language, CLDR's for any other (a passage may be in any language)."""
    if supported(language):
        return languages.direction(language)
    try:
        locale = Locale.parse(language.strip().replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return "ltr"
    return "rtl" if locale.character_order == "right-to-left" else "ltr"


def _unbroken(date: str) -> str:
    """A date on one line: "20 September 2023" never ends a line at "20"."""
    return date.replace(" ", "\u00a0")


def _trim(text: str | None) -> str | None:
    """``text`` without spaces at its ends (they would show in a DOCX, not in a page)."""
    return text.strip(" ") if text else text


def _same_language(a: str, b: str) -> bool:
    return a.split("-")[0].lower() == b.split("-")[0].lower()


def _presenter_for(language: str) -> Presenter | None:
    return Presenter.for_language(language) if supported(language) else None


def build_view(
    item: NewsItem,
    *,
    labels_language: str | None = None,
    typography: str | None = None,
    sibling_files: Mapping[str, str] | None = None,
    document_url_pattern: str | None = None,
) -> ItemView:
    """The view of ``item``: labels in ``labels_language`` (default: the item's), text set
    with the ``typography`` profile (default: the item language's); a cited document's symbol
    linked by ``document_url_pattern`` (``{symbol}`` in it replaced by the symbol,
    percent-encoded) when the citation has no URL of its own.

    ``sibling_files`` maps the item id of a language version to the name of its file written
    beside this one (``x.en.html``): a version the item gives no URL links there, by a
    relative link. A version with a URL keeps it; one in neither stays text. A name that is
    not one plain file name (a folder, a scheme, a leading dot) is refused, with a diagnostic.

    Raises :class:`ViewOptionError` for a labels language without labels or an unknown
    profile. What could be worked around (a refused link, an unknown note, a language without
    labels) is in :attr:`ItemView.diagnostics`.
    """
    return _Builder(
        item, labels_language, typography, sibling_files or {}, document_url_pattern
    ).build()


_FILE_NAME = re.compile(r"[^/\\\x00-\x1f\x7f.][^/\\\x00-\x1f\x7f]*")


class _Builder:
    def __init__(
        self,
        item: NewsItem,
        labels_language: str | None,
        typography: str | None,
        sibling_files: Mapping[str, str],
        document_url_pattern: str | None = None,
    ) -> None:
        self.item = item
        self.sibling_files = sibling_files
        self.diagnostics: list[Diagnostic] = []
        if not supported(item.language):
            self.note(
                f"no labels, dates or typography for language {item.language!r}: "
                f"using {FALLBACK_LANGUAGE!r} ones",
                "$.language",
            )
        if labels_language is not None and not supported(labels_language):
            raise ViewOptionError(f"labels_language {labels_language!r} has no labels")
        try:
            self.text = Presenter.for_item(item, typography)
        except UnknownProfileError as exc:
            raise ViewOptionError(str(exc)) from None
        self.labels = self.text
        if labels_language is not None and not _same_language(labels_language, self.text.language):
            self.labels = Presenter.for_language(labels_language)
        self.inlines = InlineBuilder(
            self.text,
            presenter_for=_presenter_for,
            direction_for=direction,
            notes=item.note_numbers() if item.notes else {},
            diagnostics=self.diagnostics,
            cut_note=(self.labels.label(Term.TEXT_CUT_OFF), self.labels_lang()),
            document_url=self.document_url_for(document_url_pattern),
        )
        self.records = RecordsBuilder(
            self.text, self.inlines, self.speaker_named, self.speaker_behalf
        )

    def note(self, message: str, path: str | None = None) -> None:
        self.diagnostics.append(Diagnostic(message, source=VIEW, path=path))

    def document_url_for(self, pattern: str | None) -> Callable[[str], str | None] | None:
        """The link a cited document's symbol gets from ``pattern``, refused links noted."""
        if pattern is None:
            return None

        def url(symbol: str) -> str | None:
            href = document_link(pattern, symbol)
            if href is None:
                self.note(
                    f"document_url_pattern: no link for {symbol!r}: the pattern does not make "
                    "an http, https or mailto URL of it"
                )
            return href

        return url

    def speaker_behalf(self, speaker_id: str) -> str | None:
        """Whom the speaker speaks for on this occasion, in the item's words, or None."""
        speaker = self.item.speaker(speaker_id)
        if isinstance(speaker, Speaker) and speaker.on_behalf_of:
            return self.speaker(speaker).on_behalf_of
        return None

    def speaker_named(self, speaker_id: str) -> tuple[str, bool] | None:
        """A speaker's name as the text shows it, and whether it names a group."""
        speaker = self.item.speaker(speaker_id)
        if speaker is None:
            return None
        # A group's label and a delegation's Member as written ("Canada, the European Union
        # and several delegations"); a line that opens with one is capitalised as a sentence.
        if isinstance(speaker, CollectiveSpeaker):
            return self.text.text(speaker.label).strip(" "), True
        if speaker.name is None and not speaker.roles and not speaker.honorific and speaker.member:
            return self.text.text(speaker.member.name).strip(" "), False
        shown = self.speaker(speaker)
        return shown.full_name, shown.collective

    # -- the whole item ----------------------------------------------------------------------

    def build(self) -> ItemView:
        item, labels = self.item, self.labels
        people: list[Speaker | CollectiveSpeaker] = [*item.speakers, *item.collective_speakers]
        speaking = speaking_ids(item)
        speakers = tuple(self.speaker(s) for s in people if s.id in speaking)
        mentioned = tuple(self.speaker(s) for s in people if s.id not in speaking)
        subtitle = self.inlines.build(item.subtitle, "$.subtitle") if item.subtitle else None
        notice = self.inlines.build(item.notice, "$.notice") if item.notice else None
        lead = self.inlines.build(item.lead, "$.lead") if item.lead else None
        highlights = tuple(
            self.inlines.build(h, f"$.highlights[{i}]") for i, h in enumerate(item.highlights)
        )
        sections = tuple(self.section(s) for s in range(len(item.sections)))
        notes = self.notes()
        by_id = {s.id: s for s in speakers}
        quotations = tuple(
            QuotationView(plain(content), by_id.get(speaker))
            for content, speaker in self.inlines.quotations
        )
        statements = tuple(
            QuotationView(plain(content), by_id.get(speaker))
            for content, speaker in self.inlines.statements
        )
        symbols_term = Term.DOCUMENT_SYMBOLS if len(item.symbols) > 1 else Term.DOCUMENT_SYMBOL
        try:
            kind_label = labels.labels.get(Term.of("item", str(item.kind)))
        except LookupError:
            kind_label = str(item.kind)
        publisher = None
        if item.publisher:
            publisher = self.link(
                clean(item.publisher.name),
                item.publisher.url,
                "$.publisher.url",
                lang=self.other_lang(item.publisher.name),
            )
        banner = None
        if item.series:
            banner = self.link(
                self.line(item.series.label),
                item.series.url,
                "$.series.url",
                lang=self.other_lang(item.series.label),
            )
        return ItemView(
            id=item.id,
            language=item.language,
            direction=direction(item.language),
            labels_language=None
            if _same_language(labels.language, item.language)
            else labels.language,
            kind=str(item.kind),
            kind_label=labels.text(kind_label),
            headline=self.line(item.headline)
            if item.headline is not None
            else labels.label(Term.UNTITLED),
            banner=banner,
            publisher=publisher,
            meeting=self.meeting(),
            published=self.dated(
                Term.PUBLISHED, Term.PUBLISHED_IN, Term.PUBLISHED_AS_WRITTEN, item.published
            ),
            updated=self.dated(
                Term.UPDATED, Term.UPDATED_IN, Term.UPDATED_AS_WRITTEN, item.updated
            ),
            symbols=tuple(clean(s) for s in item.symbols),
            symbols_label=(symbols_label := labels.label(symbols_term)),
            symbols_separator=self.text.profile.comma,
            symbols_gap="" if _ends_full_width(symbols_label) else " ",
            lead=lead,
            sections=sections,
            notes=notes,
            speakers=speakers,
            topics=tuple(
                TopicView(
                    t.id,
                    self.line(t.label),
                    safe_url(t.uri) if t.uri else None,
                    self.other_lang(t.label),
                )
                for t in item.topics
            ),
            related=tuple(
                self.link(
                    self.typeset_in(r.title, lang_of(r.title) or r.language),
                    r.url,
                    f"$.related_links[{i}].url",
                    lang=self.other_lang(r.title)
                    or (r.language if r.language and r.language != item.language else None),
                    hreflang=r.language,
                )
                for i, r in enumerate(item.related_links)
            ),
            versions=tuple(self.version(i) for i in range(len(item.language_versions))),
            contact=self.contact(item.contact) if item.contact else None,
            labels=_labels(labels),
            page_x_of_y=tuple(
                s if isinstance(s, Placeholder) else labels.text(s)
                for s in labels.labels.segments(Term.PAGE_X_OF_Y)
            ),
            quotations=quotations,
            url=safe_url(item.url) if item.url else None,
            description=self.description(lead, sections),
            diagnostics=tuple(self.diagnostics),
            headline_known=item.headline is not None,
            headline_lang=self.other_lang(item.headline),
            subtitle=subtitle,
            notice=notice,
            dateline=self.dateline(item.dateline) if item.dateline else None,
            highlights=highlights,
            mentioned=mentioned,
            statements=statements,
            citations=tuple(self.inlines.citations),
            release_number=clean(item.release_number) if item.release_number else None,
            release_number_label=(release_label := labels.label(Term.RELEASE_NUMBER)),
            release_number_gap="" if _ends_full_width(release_label) else " ",
            speech_by=by_id.get(giver) if (giver := speech_giver(item)) else None,
        )

    def description(self, lead: Inlines | None, sections: tuple[SectionView, ...]) -> str:
        if lead:
            return one_line(plain(lead))
        for section in sections:
            for block in section.blocks:
                if isinstance(block, ParagraphView):
                    found = one_line(plain(block.content))
                    if len(found) > DESCRIPTION_LIMIT:
                        found = found[:DESCRIPTION_LIMIT].rsplit(" ", 1)[0] + "\u2026"
                    return found
        return self.line(self.item.headline) if self.item.headline else ""

    # -- header ------------------------------------------------------------------------------

    def dated(
        self, on: Term, during: Term, written: Term, when: PartialDate | DateAsWritten | None
    ) -> DatedLine | None:
        """The line of a date: ``on`` a known day, ``during`` a month or year, ``written`` the
        words the source gives (no machine date then); None unknown."""
        if when is None:
            return None
        labels = self.labels
        iso: str | None
        date_lang = None
        if isinstance(when, DateAsWritten):
            date, iso, term = self.line(when.as_written), None, written
            date_lang = self.item.language if self.labels_lang() else None
        else:
            date, iso = _unbroken(labels.partial_date(when)), when.isoformat()
            term = on if when.precision is DatePrecision.DAY else during
        before: list[str] = []
        after: list[str] = []
        seen = False
        for segment in labels.labels.segments(term):
            if isinstance(segment, Placeholder):
                seen = True
            elif seen:
                after.append(labels.text(segment, before=date))
            else:
                before.append(labels.text(segment, after=date))
        return DatedLine("".join(before), date, iso, "".join(after), date_lang)

    def meeting(self) -> MeetingView | None:
        meeting = self.item.meeting
        if meeting is None:
            return None
        text = self.text
        name = text.meeting_kind(meeting)
        comma = text.profile.comma
        banner = self.item.series.label if self.item.series else None
        if meeting.series and not _same_words(meeting.series, banner):  # the banner says it
            name = f"{name}{comma}{self.line(meeting.series)}"
        if held := text.meeting_mode(meeting):  # only when the source says how it was held
            name = f"{name}{comma}{held}"
        if meeting.place:
            name = f"{name}{comma}{self.line(meeting.place)}"
        mode = str(meeting.mode) if meeting.mode else None
        if isinstance(meeting.dates, DateAsWritten):  # words only: no machine date
            return MeetingView(name, self.line(meeting.dates.as_written), None, None, comma, mode)
        first, last = meeting.dates.ends
        return MeetingView(
            name,
            _unbroken(text.period(meeting.dates)),
            first.isoformat(),
            last.isoformat(),
            comma,
            mode,
        )

    # -- body --------------------------------------------------------------------------------

    def section(self, index: int) -> SectionView:
        item = self.item
        section = item.sections[index]
        # "--" never follows the item id in a section's own id (ids start alphanumeric), so
        # generated anchors cannot collide with the item's.
        anchor = f"{item.id}-{section.id}" if section.id else f"{item.id}--s{index + 1}"
        blocks = tuple(
            self.block(
                block, f"$.sections[{index}].blocks[{b}]", f"{item.id}--t{index + 1}-{b + 1}"
            )
            for b, block in enumerate(section.blocks)
        )
        heading = (
            self.typeset_in(section.heading, lang_of(section.heading)) if section.heading else None
        )
        agenda = None
        if section.agenda_item:
            number = section.agenda_item.strip()
            if needs_isolation(number, direction(self.item.language)):  # "3(b)" in Arabic
                number = f"{FIRST_STRONG_ISOLATE}{number}{POP_DIRECTIONAL_ISOLATE}"
            agenda = self.text.label(Term.AGENDA_ITEM, number=number)
        return SectionView(anchor, heading, blocks, agenda, self.other_lang(section.heading))

    def block(self, block: Block, where: str, anchor: str) -> BlockView:
        build = self.inlines.build
        match block:
            case Paragraph(text=text, speaker=speaker):
                at = len(self.inlines.statements)
                shown = build(text, f"{where}.text")
                self.block_statement(at, speaker, (shown,))
                return ParagraphView(shown, speaker)
            case ListBlock(items=items, ordered=ordered, speaker=speaker):
                at = len(self.inlines.statements)
                entries = tuple(build(e, f"{where}.items[{i}]") for i, e in enumerate(items))
                self.block_statement(at, speaker, entries)
                return ListView(entries, ordered, speaker)
            case BlockQuote(paragraphs=paragraphs, speaker=speaker, cite=cite):
                return self.quote(paragraphs, speaker, cite, where)
            case Table():
                return self.table(block, where, anchor)
            case Figure():
                return self.figure(block, where)
            case Interventions():
                return self.records.interventions(block, where)
            case Decision():
                return self.records.decision(block, where)
            case _:
                assert_never(block)

    def block_statement(self, at: int, speaker_id: str | None, texts: Iterable[Inlines]) -> None:
        """A paragraph, list or table attributed to ``speaker_id`` is a statement as a span is:
        its words (one line per text) go to the statements, before the spans inside it."""
        if speaker_id is not None:
            joined = "\n".join(plain(t) for t in texts)
            self.inlines.statements.insert(at, ((Run(joined),), speaker_id))

    def quote(
        self, paragraphs: tuple[RichText, ...], speaker_id: str | None, cite: str | None, where: str
    ) -> QuoteView:
        # The quotation as a whole comes before the quotations inside it, in reading order.
        quotations = self.inlines.quotations
        at = len(quotations)
        built = tuple(
            self.inlines.build(p, f"{where}.paragraphs[{i}]") for i, p in enumerate(paragraphs)
        )
        if speaker_id is not None:
            joined = "\n".join(plain(p) for p in built)
            quotations.insert(at, ((Run(joined),), speaker_id))
        href = safe_url(cite) if cite else None
        if cite is not None and href is None:
            self.note(f"{cite!r} left out: not an http, https or mailto URL", f"{where}.cite")
        speaker = self.item.speaker(speaker_id) if speaker_id else None
        parts: list[LinkSpan | Run | SpeakerName] = []
        if speaker is not None:
            shown = self.speaker(speaker)
            parts.append(SpeakerName((Run(shown.full_name),), speaker.id))
            opening, closing = shown.parentheses  # the language's: "（", "）" in Chinese
            if shown.affiliation:
                parts.append(Run(f"{opening}{shown.affiliation}{closing}"))
            if shown.on_behalf_of:
                parts.append(Run(f"{shown.comma}{shown.on_behalf_of}"))
        if href is not None:
            if parts:
                parts.append(Run(self.text.profile.comma))
            parts.append(LinkSpan((Run(href),), href))
        attribution = (Run("\u2014\u00a0"), *parts) if parts else None
        return QuoteView(built, speaker_id, href, attribution)

    def table(self, table: Table, where: str, anchor: str) -> TableView:
        build = self.inlines.build

        def cell(text: RichText, at: str) -> CellView:
            return CellView(build(text, at), is_number(plain_text(text)))

        at = len(self.inlines.statements)
        rows = tuple(
            tuple(cell(c, f"{where}.rows[{r}][{i}]") for i, c in enumerate(row))
            for r, row in enumerate(table.rows)
        )
        header = tuple(cell(c, f"{where}.header[{i}]") for i, c in enumerate(table.header))
        caption = build(table.caption, f"{where}.caption") if table.caption else None
        note = build(table.note, f"{where}.note") if table.note else None
        # Its words in reading order: caption, header, rows (a line per cell), note.
        self.block_statement(
            at,
            table.speaker,
            [
                *([caption] if caption else []),
                *(c.content for c in header),
                *(c.content for row in rows for c in row),
                *([note] if note else []),
            ],
        )
        return TableView(anchor, rows, header, table.row_headers, caption, note, table.speaker)

    def figure(self, figure: Figure, where: str) -> FigureView:
        src = safe_image_url(figure.image)
        if src is None:
            self.note(
                f"{figure.image!r} is not an http or https URL; "
                "the image is left out and its text alternative shown",
                f"{where}.image",
            )
        return FigureView(
            src,
            self.line(figure.alt),
            figure.width,
            figure.height,
            self.inlines.build(figure.caption, f"{where}.caption") if figure.caption else None,
            self.line(figure.credit) if figure.credit else None,
            self.labels.label(Term.PHOTO_CREDIT),
            where,
        )

    def notes(self) -> tuple[NoteView, ...]:
        item = self.item
        if not item.notes:
            return ()
        index = {n.id: i for i, n in enumerate(item.notes)}
        return tuple(
            NoteView(
                number,
                f"{item.id}--note-{number}",
                f"{item.id}--noteref-{number}",
                # A note's quotations are not the item's speech.
                self.inlines.build(note.text, f"$.notes[{index[note.id]}].text", quotations=False),
            )
            for number, note in item.numbered_notes()
        )

    # -- people and back matter --------------------------------------------------------------

    def speaker(self, speaker: Speaker | CollectiveSpeaker) -> SpeakerView:
        shown = self.text.speaker(speaker)
        behalf: tuple[Organisation, ...] = ()
        people: tuple[str, ...] = ()
        if isinstance(speaker, CollectiveSpeaker) and speaker.people:
            shown, people = self.with_people(shown, speaker.people), speaker.people
        if isinstance(speaker, CollectiveSpeaker):
            organisations = tuple(
                Organisation(clean(m.name), clean(m.code) if m.code else None)
                for m in speaker.members
            )
            family = given = None
        else:
            organisations = tuple(
                Organisation(clean(a.name), clean(a.code) if a.code else None)
                for a in (speaker.member,)
                if a is not None
            )
            behalf = tuple(
                Organisation(clean(party.name), clean(party.code) if party.code else None)
                for party in speaker.on_behalf_of
            )
            family = clean(speaker.name.family) if speaker.name else None
            given = clean(speaker.name.given) if speaker.name and speaker.name.given else None
        return SpeakerView(
            shown.id,
            shown.name.strip(" "),
            _trim(shown.honorific),
            _trim(shown.member),
            _trim(shown.on_behalf_of),
            tuple(role.strip(" ") for role in shown.roles),
            shown.collective,
            family,
            given,
            organisations,
            behalf,
            shown.delegation,
            people,
            shown.comma,
            shown.parentheses,
            shown.honorific_after,
            shown.honorific_gap,
        )

    def with_people(self, shown: SpeakerDisplay, people: tuple[str, ...]) -> SpeakerDisplay:
        """A group's line with the names of the people it is made of after its Members, in
        the parentheses: "Co-convenors (Ambassador Tan, Ambassador Mina)"."""
        names = [
            self.text.speaker(person).full_name
            for person_id in people
            if (person := self.item.speaker(person_id)) is not None
        ]
        parts = (p.strip(" ") for p in (shown.member, *names) if p and p.strip(" "))
        listed = shown.comma.join(parts)
        return attrs.evolve(shown, member=listed or None)

    def line(self, text: str) -> str:
        """A plain-text field typeset in the item's language, without the spaces a block's
        edges would not show."""
        return self.text.text(text).strip(" ")

    def typeset_in(self, text: str, language: str | None) -> str:
        if language is None or _same_language(language, self.item.language):
            return self.line(text)
        presenter = _presenter_for(language)
        return (presenter.text(text) if presenter else clean(text)).strip(" ")

    def link(
        self,
        text: str,
        url: str | None,
        where: str,
        *,
        lang: str | None = None,
        hreflang: str | None = None,
    ) -> LinkView:
        href = safe_url(url)
        if url is not None and href is None:
            self.note(f"{url!r} left as text: not an http, https or mailto URL", where)
        valid = hreflang if href and hreflang and _LANGUAGE.fullmatch(hreflang) else None
        return LinkView(text, href, lang if lang and _LANGUAGE.fullmatch(lang) else None, valid)

    def version(self, index: int) -> VersionView:
        version = self.item.language_versions[index]
        try:
            name = language_name(version.language, capitalize=True)
        except LookupError:
            name = clean(version.language)
        lang = version.language if _LANGUAGE.fullmatch(version.language) else None
        link = self.link(name, version.url, f"$.language_versions[{index}].url", hreflang=lang)
        href, hreflang = link.href, link.hreflang
        if version.url is None and version.item_id is not None:
            href = self.sibling(version.item_id)
            hreflang = lang if href else None
        return VersionView(
            name,
            href,
            lang,
            hreflang,
            clean(version.headline) if version.headline else None,
            version.item_id,
        )

    def sibling(self, item_id: str) -> str | None:
        """The relative link to the file of the version ``item_id`` rendered beside this one."""
        name = self.sibling_files.get(item_id)
        if name is None:
            return None
        if not _FILE_NAME.fullmatch(name):
            self.note(f"sibling file {name!r} of {item_id!r} left out: not a plain file name")
            return None
        return urllib.parse.quote(name, safe="")

    def contact(self, contact: Contact) -> ContactView:
        labels = self.labels
        email = (
            self.link(clean(contact.email), f"mailto:{contact.email}", "$.contact.email")
            if contact.email
            else None
        )
        body = self.inlines.build(contact.text, "$.contact.text") if contact.text else None
        if body is None and email is not None:
            body = self.contact_sentence(email)
            email = None
        elif email is not None and contact.email and contact.email in plain_text(contact.text):
            email = None  # the sentence already gives the address
        details: list[ContactDetail] = []
        if email is not None:
            details.append(ContactDetail(_field(labels, Term.EMAIL), email))
        if contact.url:
            details.append(
                ContactDetail(
                    _field(labels, Term.WEBSITE),
                    self.link(clean(contact.url), contact.url, "$.contact.url"),
                )
            )
        if contact.phone:
            details.append(
                ContactDetail(_field(labels, Term.PHONE), LinkView(self.line(contact.phone), None))
            )
        for phone in contact.phones:
            number = LinkView(self.line(phone.number), None)
            if phone.label:
                label = self.text.text(f"{phone.label.strip()}:")
                details.append(ContactDetail(label, number, True, self.other_lang(phone.label)))
            else:
                term = _PHONE_TERMS[phone.kind] if phone.kind else Term.PHONE
                details.append(ContactDetail(_field(labels, term), number))
        press = contact.kind is ContactKind.PRESS
        if contact.prompt:
            prompt = self.typeset_in(contact.prompt, lang_of(contact.prompt))
        else:
            prompt = labels.label(_CONTACT_PROMPTS[contact.kind])
        return ContactView(
            prompt,
            body,
            tuple(details),
            press=press,
            prompt_own=contact.prompt is not None,
            prompt_lang=self.other_lang(contact.prompt),
            unit=self.typeset_in(contact.unit, lang_of(contact.unit)) if contact.unit else None,
            unit_lang=self.other_lang(contact.unit),
            person=(
                self.typeset_in(contact.person, lang_of(contact.person)) if contact.person else None
            ),
            person_lang=self.other_lang(contact.person),
            phones=tuple(
                self.line(n) for n in (contact.phone, *(p.number for p in contact.phones)) if n
            ),
        )

    def dateline(self, dateline: Dateline) -> DatelineView:
        """ "Geneva, 12 March 2024", "GINEBRA, 12 de marzo de 2024": the place as written and
        the date to the precision known, in the item's language, or as written."""
        place = self.typeset_in(dateline.place, lang_of(dateline.place)) if dateline.place else None
        place_lang = self.other_lang(dateline.place)
        when = dateline.date
        if when is None:
            return DatelineView((("place", place or ""),), place_lang)
        if isinstance(when, DateAsWritten):  # the words, and no machine date
            date, iso = self.line(when.as_written), None
        else:
            date, iso = _unbroken(self.text.partial_date(when)), when.isoformat()
        if place is None:
            return DatelineView((("date", date),), None, iso)
        parts: list[DatelinePart] = []
        for segment in self.text.labels.segments(Term.DATELINE):
            if isinstance(segment, Placeholder):
                parts.append(("date", date) if segment.name == "date" else ("place", place))
            elif segment:
                parts.append(("text", self.text.text(segment)))
        return DatelineView(tuple(parts), place_lang, iso)

    def other_lang(self, text: str | None) -> str | None:
        """The language stated for ``text`` when it is not the item's (then marked)."""
        lang = lang_of(text)
        if lang is None or _same_language(lang, self.item.language):
            return None
        return lang

    def labels_lang(self) -> str | None:
        """The labels' language when it is not the item's."""
        language = self.labels.language
        return None if _same_language(language, self.item.language) else language

    def contact_sentence(self, email: LinkView) -> Inlines:
        """The labels' sentence asking to write to ``email``, the address a link."""
        out: list[Run | LinkSpan] = []
        segments = self.labels.labels.segments(Term.PROBLEMS_VIEWING_CONTACT)
        for k, segment in enumerate(segments):
            if isinstance(segment, Placeholder):
                out.append(LinkSpan((Run(email.text),), email.href))
            else:
                before = email.text if k > 0 else ""
                after = email.text if k < len(segments) - 1 else ""
                out.append(Run(self.labels.text(segment, before=before, after=after)))
        return tuple(out)


_PHONE_TERMS = {PhoneKind.OFFICE: Term.PHONE_OFFICE, PhoneKind.MOBILE: Term.PHONE_MOBILE}


def _field(labels: Presenter, term: Term) -> str:
    """The name of a field with its colon, typeset: "E-mail\u00a0:"."""
    return labels.text(f"{labels.labels.get(term)}:")


@functools.lru_cache(maxsize=32)
def _labels(presenter: Presenter) -> Mapping[str, str]:
    """The page furniture's words by name (the same for every item in that language)."""
    return MappingProxyType({key: presenter.label(term) for key, term in _LABELS.items()})


def _ends_full_width(text: str) -> bool:
    """Whether ``text`` ends with a full-width or wide character ("文件编号："), after which
    no space is written."""
    return bool(text) and unicodedata.east_asian_width(text[-1]) in ("F", "W")


def _same_words(text: str, other: str | None) -> bool:
    return (
        other is not None
        and " ".join(text.split()).casefold() == " ".join(other.split()).casefold()
    )


_CONTACT_PROMPTS = {
    ContactKind.GENERAL: Term.CONTACT,
    ContactKind.HELP: Term.PROBLEMS_VIEWING,
    ContactKind.PRESS: Term.MEDIA_CONTACTS,
}
"""The heading of a contact whose file gives no prompt: the page's furniture for its kind."""
