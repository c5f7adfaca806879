"""The view of an item that the templates render: plain strings (escaped by Jinja2) and
:class:`~markupsafe.Markup` made by the rich-text renderer (already escaped).

Templates receive only these records, so a theme can rearrange the page without knowing the
model, and every text value has been typeset and is escaped exactly once.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple, assert_never

import attrs
from markupsafe import Markup, escape

from jsi_docs.diagnostics import Diagnostic
from jsi_docs.exporters import jsonld
from jsi_docs.exporters.base import ExportOptions, OptionError
from jsi_docs.exporters.display import (
    Presenter,
    SpeakerDisplay,
    clean,
    is_number,
    safe_image_url,
    safe_url,
    supported,
)
from jsi_docs.exporters.html._richtext import RichTextRenderer
from jsi_docs.exporters.remote import allowed_url
from jsi_docs.i18n import (
    Placeholder,
    Term,
    UnknownProfileError,
    iso,
    language_name,
)
from jsi_docs.model import (
    Block,
    BlockQuote,
    CollectiveSpeaker,
    Figure,
    ListBlock,
    NewsItem,
    Paragraph,
    RichText,
    Speaker,
    Table,
    plain_text,
)

__all__ = [
    "BlockView",
    "ContactView",
    "FigureView",
    "Link",
    "NoteView",
    "PageView",
    "SectionView",
    "TableView",
    "TopicView",
    "page_view",
]

_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")

DESCRIPTION_LIMIT = 300
"""Longest ``<meta name="description">`` taken from the first paragraph when there is no lead."""


class Link(NamedTuple):
    """A link to show; ``href`` is None when the URL was refused (the text is shown alone)."""

    text: str
    href: str | None
    hreflang: str | None = None
    lang: str | None = None


class FigureView(NamedTuple):
    """An image with its caption; ``src`` is None when the image is not to be shown (its URL
    was refused, or a PDF may not fetch it), and then the text alternative takes its place."""

    src: str | None
    alt: str
    width: int | None
    height: int | None
    caption: Markup | None
    credit: str | None
    credit_label: str
    labels_lang: str | None
    """The credit label's language when it differs from the item's."""


class CellView(NamedTuple):
    """A table cell: its rendered text, and whether it holds a number (set flush right)."""

    content: Markup
    numeric: bool


class TableView(NamedTuple):
    """A table's parts, rendered; ``id`` names the table so its note can describe it."""

    id: str
    caption: Markup | None
    header: tuple[CellView, ...]
    rows: tuple[tuple[CellView, ...], ...]
    row_headers: bool
    note: Markup | None


class BlockView(NamedTuple):
    """One block of a section, its rich text already rendered.

    Every record of the view is a named tuple: built in half the time of a frozen attrs
    instance, and as immutable.
    """

    kind: str
    """``paragraph``, ``list``, ``ordered-list``, ``quote``, ``table`` or ``figure``."""
    content: tuple[Markup, ...]
    """One entry for a paragraph; one per list item or quoted paragraph; none for a table or a
    figure."""
    speaker: str | None = None
    speaker_name: str | None = None
    cite: str | None = None
    table: TableView | None = None
    figure: FigureView | None = None


class SectionView(NamedTuple):
    """A section: its element id, its heading (None for an opening run of blocks), blocks."""

    id: str
    heading: str | None
    blocks: tuple[BlockView, ...]


class TopicView(NamedTuple):
    """A topic: its id, its label, and its vocabulary URI when that is a safe URL."""

    id: str
    label: str
    uri: str | None


class ContactView(NamedTuple):
    """The contact box: the prompt, the sentence, and details not already in the sentence."""

    prompt: str | None
    text: Markup | None
    email: Link | None
    url: Link | None
    phone: str | None


class NoteView(NamedTuple):
    """A note: its number, its element id, the id of its first reference, its text."""

    number: int
    id: str
    back: str
    content: Markup


class PageView(NamedTuple):
    """Everything a page template shows."""

    id: str
    lang: str
    labels_lang: str | None
    """The labels' language when it differs from the item's (set as ``lang`` on them)."""
    kind: str
    title: str
    description: str
    keywords: str
    author: str
    created: str
    canonical: str | None
    alternates: tuple[Link, ...]
    jsonld: Markup
    quotes_css: Markup
    series: Link | None
    headline: str
    meeting: str | None
    meeting_dates: str | None
    meeting_start: str | None
    meeting_end: str | None
    published: Markup
    updated: Markup | None
    symbols_label: str
    symbols: str
    """The item's document symbols, comma-separated (empty when it has none)."""
    lead: Markup | None
    sections: tuple[SectionView, ...]
    speakers: tuple[SpeakerDisplay, ...]
    topics: tuple[TopicView, ...]
    related: tuple[Link, ...]
    versions: tuple[Link, ...]
    contact: ContactView | None
    notes: tuple[NoteView, ...]
    labels: Mapping[str, str]
    print_mode: bool
    stylesheets: tuple[tuple[str, str | None], ...]


def _presenters(
    item: NewsItem, options: ExportOptions
) -> tuple[Presenter, Presenter, list[Diagnostic]]:
    diagnostics: list[Diagnostic] = []
    if not supported(item.language):
        diagnostics.append(
            Diagnostic(
                f"no labels or typography for language {item.language!r}: using English ones",
                source="html",
            )
        )
    labels_language = options.labels_language
    if labels_language is not None and not supported(labels_language):
        raise OptionError(f"labels_language {labels_language!r} has no labels (use en, es or fr)")
    try:
        text = Presenter.for_item(item, options.typography)
        labels = text
        if labels_language is not None and not _same_language(labels_language, text.language):
            labels = Presenter.for_language(labels_language)
    except UnknownProfileError as exc:
        raise OptionError(str(exc)) from None
    return text, labels, diagnostics


def _same_language(a: str, b: str) -> bool:
    return a.split("-")[0].lower() == b.split("-")[0].lower()


def _presenter_for(language: str) -> Presenter | None:
    return Presenter.for_language(language) if supported(language) else None


def _css_string(text: str) -> str:
    """``text`` as a CSS string literal that cannot end the string, rule or element."""
    return (
        '"' + "".join(c if c.isalnum() and c.isascii() else f"\\{ord(c):06x}" for c in text) + '"'
    )


@functools.lru_cache(maxsize=32)
def _quotes_css(presenter: Presenter) -> Markup:
    outer, inner = presenter.quote_marks(0), presenter.quote_marks(1)
    marks = " ".join(_css_string(m) for m in (*outer, *inner))
    return Markup(f".jsi-item q {{ quotes: {marks}; }}")


@functools.lru_cache(maxsize=1024)  # the same dates and addresses recur from page to page
def _label_markup(presenter: Presenter, term: Term, **fields: Markup) -> Markup:
    """A label whose ``{placeholders}`` are filled with markup (e.g. a ``<time>``)."""
    parts: list[str] = []
    for segment in presenter.labels.segments(term):
        if isinstance(segment, Placeholder):
            parts.append(fields[segment.name])
        else:
            parts.append(escape(presenter.text(segment)))
    return Markup("".join(parts))


def _description(item: NewsItem, presenter: Presenter) -> str:
    if item.lead:
        return presenter.text(plain_text(item.lead))
    for _, _, block in item.blocks():
        if isinstance(block, Paragraph):
            text = presenter.text(plain_text(block.text))
            if len(text) > DESCRIPTION_LIMIT:
                text = text[:DESCRIPTION_LIMIT].rsplit(" ", 1)[0] + "\u2026"
            return text
    return presenter.text(item.headline)


@attrs.frozen
class _Figures:
    """What a figure needs besides its block: where its image may come from, the credit label,
    and where to report an image left out."""

    text: Presenter
    labels: Presenter
    print_mode: bool
    allowed_urls: tuple[str, ...]
    diagnostics: list[Diagnostic]

    def view(
        self,
        figure: Figure,
        where: str,
        render: RichTextRenderer,
        quoted: list[tuple[str, str]] | None,
    ) -> FigureView:
        src = safe_image_url(figure.image)
        if src is None:
            self.diagnostics.append(
                Diagnostic(
                    f"{where}.image: {figure.image!r} is not an http or https URL; "
                    "the image is left out and its text alternative shown",
                    source="html",
                )
            )
        elif self.print_mode and allowed_url(src, self.allowed_urls) is None:
            self.diagnostics.append(
                Diagnostic(
                    f"{where}.image: {src} not fetched (not under allowed_urls); "
                    "its text alternative is printed instead",
                    source="pdf",
                )
            )
            src = None
        return FigureView(
            src,
            self.text.text(figure.alt),
            figure.width,
            figure.height,
            render.render(figure.caption, quoted) if figure.caption else None,
            self.text.text(figure.credit) if figure.credit else None,
            self.labels.label(Term.PHOTO_CREDIT),
            None if self.labels is self.text else self.labels.language,
        )


def _table(
    table: Table, id: str, render: RichTextRenderer, quoted: list[tuple[str, str]] | None
) -> TableView:
    def cell(text: RichText) -> CellView:
        return CellView(render.render(text, quoted), is_number(plain_text(text)))

    return TableView(
        id,
        render.render(table.caption, quoted) if table.caption else None,
        tuple(cell(c) for c in table.header),
        tuple(tuple(cell(c) for c in row) for row in table.rows),
        table.row_headers,
        render.render(table.note, quoted) if table.note else None,
    )


def _block(
    block: Block,
    at: tuple[int, int],
    id_prefix: str,
    render: RichTextRenderer,
    names: dict[str, str],
    quoted: list[tuple[str, str]] | None,
    figures: _Figures,
) -> BlockView:
    """The view of ``block`` (``at``: the indexes of its section and of itself), whose element
    ids start with ``id_prefix``; its direct quotations are appended to ``quoted`` (when given)
    in the order of :func:`jsi_docs.exporters.jsonld.quotations`."""
    match block:
        case Paragraph(text=text, speaker=speaker):
            return BlockView("paragraph", (render.render(text, quoted),), speaker)
        case ListBlock(items=items, ordered=ordered, speaker=speaker):
            kind = "ordered-list" if ordered else "list"
            return BlockView(kind, tuple(render.render(i, quoted) for i in items), speaker)
        case BlockQuote(paragraphs=paragraphs, speaker=speaker, cite=cite):
            if quoted is not None and speaker is not None:
                quoted.append(("\n".join(plain_text(p) for p in paragraphs), speaker))
            return BlockView(
                "quote",
                tuple(render.render(p, quoted) for p in paragraphs),
                speaker,
                names.get(speaker) if speaker else None,
                safe_url(cite) if cite else None,
            )
        case Table(speaker=speaker):
            table = _table(block, f"{id_prefix}{at[1] + 1}", render, quoted)
            return BlockView("table", (), speaker, table=table)
        case Figure():
            where = f"$.sections[{at[0]}].blocks[{at[1]}]"
            return BlockView("figure", (), figure=figures.view(block, where, render, quoted))
        case _:
            assert_never(block)


def _speaker_caption(shown: SpeakerDisplay) -> str:
    return f"{shown.full_name} ({shown.affiliation})" if shown.affiliation else shown.full_name


def _link(
    title: str,
    url: str | None,
    what: str,
    diagnostics: list[Diagnostic],
    hreflang: str | None = None,
) -> Link:
    href = safe_url(url)
    if url is not None and href is None:
        diagnostics.append(
            Diagnostic(
                f"{what} {url!r} left as text: not an http, https or mailto URL", source="html"
            )
        )
    return Link(title, href, hreflang if href and hreflang and _LANGUAGE.match(hreflang) else None)


def _contact(
    item: NewsItem,
    render: RichTextRenderer,
    text: Presenter,
    labels: Presenter,
    diagnostics: list[Diagnostic],
) -> ContactView:
    c = item.contact
    assert c is not None
    email = (
        _link(clean(c.email), f"mailto:{c.email}", "contact e-mail", diagnostics)
        if c.email
        else None
    )
    body: Markup | None = render.render(c.text) if c.text else None
    if body is None and email is not None:
        address = escape(email.text)
        if email.href:
            address = Markup(f'<a href="{escape(email.href)}">{address}</a>')
        body = _label_markup(labels, Term.PROBLEMS_VIEWING_CONTACT, email=address)
        email = None
    elif email is not None and c.email and c.email in plain_text(c.text):
        email = None  # the sentence already gives the address
    return ContactView(
        text.text(c.prompt) if c.prompt else labels.label(Term.PROBLEMS_VIEWING),
        body,
        email,
        _link(clean(c.url), c.url, "contact URL", diagnostics) if c.url else None,
        clean(c.phone) if c.phone else None,
    )


@functools.lru_cache(maxsize=1024)
def _dated(labels: Presenter, term: Term, day: dt.date) -> Markup:
    """A dated line, "Publié le <time ...>25 mai 2023</time>" (the same days recur)."""
    time = Markup(f'<time datetime="{escape(iso(day))}">{escape(labels.date(day))}</time>')
    return _label_markup(labels, term, date=time)


def _notes(item: NewsItem, render: RichTextRenderer) -> tuple[NoteView, ...]:
    """The referenced notes in number order (their quotations are not the item's speech)."""
    return tuple(
        NoteView(number, render.note_id(number), render.note_ref_id(number), render.render(n.text))
        for number, n in item.numbered_notes()
    )


_LABELS = {
    "skip_to_content": Term.SKIP_TO_CONTENT,
    "find_out_more": Term.FIND_OUT_MORE,
    "speakers": Term.SPEAKERS,
    "topics": Term.TOPICS,
    "language_versions": Term.LANGUAGE_VERSIONS,
    "contact": Term.CONTACT,
    "email": Term.EMAIL,
    "phone": Term.PHONE,
    "website": Term.WEBSITE,
    "meeting": Term.MEETING,
    "notes": Term.NOTES,
    "back_to_text": Term.BACK_TO_TEXT,
}


@functools.lru_cache(maxsize=32)
def _labels(presenter: Presenter) -> Mapping[str, str]:
    """The page's labels by template name (the same for every page in that language)."""
    return MappingProxyType({key: presenter.label(term) for key, term in _LABELS.items()})


def page_view(
    item: NewsItem, options: ExportOptions, *, print_mode: bool, fragment: bool = False
) -> tuple[PageView, tuple[Diagnostic, ...]]:
    """The view of ``item`` and the diagnostics found while making it.

    For a ``fragment`` the head's structured data is left empty (a fragment has no head).
    """
    text, labels, diagnostics = _presenters(item, options)
    render = RichTextRenderer(
        text,
        presenter_for=_presenter_for,
        diagnostics=diagnostics,
        notes=item.note_numbers() if item.notes else None,
        note_ids=f"{item.id}--",  # "--" keeps them apart from section ids (see below)
    )
    lang = item.language

    speakers: list[Speaker | CollectiveSpeaker] = [*item.speakers, *item.collective_speakers]
    shown = tuple(text.speaker(s) for s in speakers)
    captions = {s.id: _speaker_caption(s) for s in shown}

    # The lead, then the sections: the order in which the structured data lists quotations.
    quoted: list[tuple[str, str]] | None = None if fragment else []
    figures = _Figures(text, labels, print_mode, options.allowed_urls, diagnostics)
    lead = render.render(item.lead, quoted) if item.lead else None
    sections: list[SectionView] = []
    for index, section in enumerate(item.sections):
        # "--" never follows the item id in a section's own id (ids start alphanumeric),
        # so generated ids cannot collide with the item's.
        section_id = f"{item.id}-{section.id}" if section.id else f"{item.id}--s{index + 1}"
        # Ids after "--" are ours alone (see above): "--t" for a table's, by its position.
        prefix = f"{item.id}--t{index + 1}-"
        blocks = tuple(
            _block(b, (index, i), prefix, render, captions, quoted, figures)
            for i, b in enumerate(section.blocks)
        )
        heading = text.text(section.heading) if section.heading else None
        sections.append(SectionView(section_id, heading, blocks))

    series = None
    if item.series:
        series = _link(text.text(item.series.label), item.series.url, "series URL", diagnostics)

    related = tuple(
        _link(text.text(r.title), r.url, "related link", diagnostics, r.language)
        for r in item.related_links
    )

    versions: list[Link] = []
    for version in item.language_versions:
        name = (
            language_name(version.language, capitalize=True)
            if supported(version.language)
            else version.language
        )
        link = _link(name, version.url, "language version URL", diagnostics, version.language)
        versions.append(Link(link.text, link.href, link.hreflang, version.language))
    alternates = tuple(v for v in versions if v.href)

    contact = None
    if item.contact:
        contact = _contact(item, render, text, labels, diagnostics)

    notes = _notes(item, render) if item.notes else ()
    topic_labels = [text.text(t.label) for t in item.topics]
    meeting = item.meeting
    structured = ""
    if not fragment:
        article = jsonld.news_article(item, text, speakers={s.id: s for s in shown}, quoted=quoted)
        structured = jsonld.script_json(article)
    view = PageView(
        id=item.id,
        lang=lang,
        labels_lang=None if labels is text else labels.language,
        kind=str(item.kind),
        title=text.text(item.headline),
        description=_description(item, text),
        keywords=", ".join(topic_labels),
        author=clean(
            item.publisher.name if item.publisher else item.series.label if item.series else ""
        ),
        created=iso(item.published),
        canonical=safe_url(item.url) if item.url else None,
        alternates=alternates,
        jsonld=Markup(structured),
        quotes_css=_quotes_css(text),
        series=series,
        headline=text.text(item.headline),
        meeting=(
            ", ".join(
                [text.meeting_kind(meeting), *([text.text(meeting.place)] if meeting.place else [])]
            )
            if meeting
            else None
        ),
        meeting_dates=text.date_range(meeting.dates) if meeting else None,
        meeting_start=iso(meeting.dates.start) if meeting else None,
        meeting_end=iso(meeting.dates.end) if meeting else None,
        published=_dated(labels, Term.PUBLISHED, item.published),
        updated=_dated(labels, Term.UPDATED, item.updated) if item.updated else None,
        symbols_label=labels.label(
            Term.DOCUMENT_SYMBOLS if len(item.symbols) > 1 else Term.DOCUMENT_SYMBOL
        ),
        symbols=", ".join(clean(symbol) for symbol in item.symbols),
        lead=lead,
        sections=tuple(sections),
        speakers=shown,
        topics=tuple(
            TopicView(t.id, label, safe_url(t.uri) if t.uri else None)
            for t, label in zip(item.topics, topic_labels, strict=True)
        ),
        related=related,
        versions=tuple(versions),
        contact=contact,
        notes=notes,
        labels=_labels(labels),
        print_mode=print_mode,
        stylesheets=(("print.css", None),)
        if print_mode
        else (("screen.css", "screen"), ("print.css", "print")),
    )
    return view, tuple(diagnostics)
