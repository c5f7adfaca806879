"""The item's content as WordprocessingML paragraphs and runs, named styles only.

Paragraphs are built as detached lxml elements (creating elements inside python-docx's tree
goes through its custom element classes, about twice as slow) and moved before the body's
section properties at the end, each in constant time: python-docx's ``add_paragraph`` looks for
the insertion point among all the body's children each time, which is quadratic on long
documents. Every paragraph and run gets a
style from the reference document; the only run property written directly is ``w:lang``, on
passages in another language than the item's.

Notes become Word footnotes (a footnotes part made when the item has some): the first
reference to a note carries its ``w:footnoteReference``, so Word's numbering of footnotes in
document order is the item's (notes numbered by first reference); a later reference to the
same note repeats its number in the "Footnote Reference" style.

A run has one character style. Inside a link the "Hyperlink" style wins (a link must look
like one); elsewhere the innermost style wins (emphasis inside a quotation is "Emphasis").
"""

from __future__ import annotations

import functools
import io
from collections.abc import Callable
from typing import Any, assert_never
from urllib.parse import quote

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from lxml import etree

from jsi_docs.diagnostics import Diagnostic
from jsi_docs.exporters.display import (
    Presenter,
    clean,
    is_number,
    safe_image_url,
    safe_url,
    supported,
)
from jsi_docs.exporters.docx import _oxml
from jsi_docs.exporters.docx._template import StyleName, Template
from jsi_docs.exporters.remote import FetchError, allowed_url, fetch_image
from jsi_docs.i18n import Placeholder, Term, language_name
from jsi_docs.model import (
    Block,
    BlockQuote,
    CollectiveSpeaker,
    Emphasis,
    Figure,
    Foreign,
    Inline,
    Link,
    ListBlock,
    NewsItem,
    NoteRef,
    Paragraph,
    Quotation,
    QuotedTerm,
    RichText,
    Speaker,
    SpeakerRef,
    Strong,
    Table,
    Text,
    TopicRef,
    plain_text,
)

__all__ = ["BodyWriter"]

# Characters a relationship target (a URI) may hold as they are; the rest is percent-encoded.
_URI_SAFE = "!#$%&'()*+,/:;=?@[]~-._"


def _target(url: str) -> str:
    return quote(url, safe=_URI_SAFE)


class BodyWriter:
    """Writes one item into a fresh copy of the reference document."""

    def __init__(
        self,
        document: Any,
        template: Template,
        item: NewsItem,
        text_presenter: Presenter,
        label_presenter: Presenter,
        typography: str | None,
        diagnostics: list[Diagnostic],
        allowed_urls: tuple[str, ...] = (),
    ) -> None:
        self._document = document
        self._part = document.part
        self._ids = template.style_ids
        self._list_number_id = template.list_number_id
        self._item = item
        self._language = item.language
        self._text = text_presenter
        self._labels = label_presenter
        # Labels in another language than the item's (``labels_language``, or English for an
        # item in a language without labels) carry their own w:lang.
        base = item.language.split("-", 1)[0].lower()
        self._label_lang = None if label_presenter.language == base else label_presenter.language
        self._typography = typography
        self._diagnostics = diagnostics
        self._presenters: dict[str, Presenter | None] = {}
        self._links: dict[str, str] = {}
        body = document.element.body
        self._anchor = body[-1] if len(body) and body[-1].tag == _oxml.qn("w:sectPr") else None
        self._text_width = _oxml.text_width(self._anchor)
        self._body = body
        self._pending: list[etree._Element] = []
        self._allowed_urls = allowed_urls
        self._images: dict[str, tuple[bytes, str] | str] = {}
        self._shape_id: int | None = None
        self._note_numbers = item.note_numbers() if item.notes else {}
        self._footnotes: XmlPart | None = None
        self._footnoted: set[int] = set()

    # -- paragraphs ------------------------------------------------------------------------

    def _paragraph(self, style: StyleName, num_id: int | None = None) -> etree._Element:
        p = _oxml.new_paragraph(self._ids[style], num_id)
        self._pending.append(p)
        return p

    def _flush(self) -> None:
        for p in self._pending:
            if self._anchor is not None:
                self._anchor.addprevious(p)
            else:
                self._body.append(p)
        self._pending.clear()

    def _plain(self, style: StyleName, text: str, *, label: bool = False) -> etree._Element:
        p = self._paragraph(style)
        _oxml.add_text(_oxml.add_run(p, None, self._label_lang if label else None), text)
        return p

    def write(self) -> None:
        """The whole item: title, dateline, lead, sections, topics, links, versions, contact."""
        item, text = self._item, self._text
        self._plain(StyleName.TITLE, text.text(item.headline))
        if item.meeting is not None:
            self._plain(StyleName.DATELINE, text.meeting_line(item.meeting))
        published = self._labels.label(Term.PUBLISHED, date=text.date(item.published))
        self._plain(StyleName.DATELINE, published, label=True)
        if item.updated is not None:
            updated = self._labels.label(Term.UPDATED, date=text.date(item.updated))
            self._plain(StyleName.DATELINE, updated, label=True)
        if item.symbols:
            self._symbols(item.symbols)
        if item.lead:
            self._rich(self._paragraph(StyleName.LEAD), item.lead, "$.lead")
        for s, section in enumerate(item.sections):
            if section.heading:
                self._plain(StyleName.HEADING, text.text(section.heading))
            for b, block in enumerate(section.blocks):
                self._block(block, f"$.sections[{s}].blocks[{b}]")
        self._speakers()
        self._topics()
        self._related_links()
        self._language_versions()
        self._contact()
        self._flush()

    def _symbols(self, symbols: tuple[str, ...]) -> None:
        term = Term.DOCUMENT_SYMBOLS if len(symbols) > 1 else Term.DOCUMENT_SYMBOL
        p = self._paragraph(StyleName.DOCUMENT_SYMBOL)
        _oxml.add_text(_oxml.add_run(p, None, self._label_lang), self._labels.label(term) + " ")
        _oxml.add_text(_oxml.add_run(p, None, None), ", ".join(clean(s) for s in symbols))

    def _block(self, block: Block, where: str) -> None:
        match block:
            case Paragraph(text=content, speaker=speaker):
                style = StyleName.STATEMENT if speaker else StyleName.BODY
                self._rich(self._paragraph(style), content, f"{where}.text")
            case ListBlock(items=entries, ordered=ordered):
                style = StyleName.LIST_NUMBER if ordered else StyleName.LIST_BULLET
                num_id = self._restarted_numbering() if ordered else None
                for i, entry in enumerate(entries):
                    self._rich(self._paragraph(style, num_id), entry, f"{where}.items[{i}]")
            case BlockQuote(paragraphs=paragraphs, speaker=speaker, cite=cite):
                for i, entry in enumerate(paragraphs):
                    p = self._paragraph(StyleName.QUOTE)
                    self._rich(p, entry, f"{where}.paragraphs[{i}]")
                self._attribution(speaker, cite, where)
            case Table():
                self._table(block, where)
            case Figure():
                self._figure(block, where)
            case _:
                assert_never(block)

    def _table(self, table: Table, where: str) -> None:
        """The caption (Word's convention: above), a ``w:tbl`` whose header row repeats on
        each page, then the note."""
        if table.caption:
            self._rich(self._paragraph(StyleName.CAPTION), table.caption, f"{where}.caption")
        widths = _column_widths(table, self._text_width)
        caption = self._text.text(plain_text(table.caption)) if table.caption else None
        tbl = _oxml.new_table(
            self._ids[StyleName.TABLE],
            widths,
            header=bool(table.header),
            row_headers=table.row_headers,
            caption=caption,
        )
        self._pending.append(tbl)
        ids = self._ids
        heading, body = ids[StyleName.TABLE_HEADING], ids[StyleName.TABLE_TEXT]
        if table.header:
            tr = _oxml.add_table_row(tbl, header=True)
            for i, cell in enumerate(table.header):
                p = _oxml.new_paragraph(heading)
                self._rich(p, cell, f"{where}.header[{i}]")
                _oxml.add_table_cell(tr, widths[i], p)
        for r, row in enumerate(table.rows):
            tr = _oxml.add_table_row(tbl, header=False)
            for i, cell in enumerate(row):
                if i == 0 and table.row_headers:
                    style = heading
                elif is_number(plain_text(cell)):
                    style = ids[StyleName.TABLE_NUMBER]
                else:
                    style = body
                p = _oxml.new_paragraph(style)
                self._rich(p, cell, f"{where}.rows[{r}][{i}]")
                _oxml.add_table_cell(tr, widths[i], p)
        if table.note:
            self._rich(self._paragraph(StyleName.TABLE_NOTE), table.note, f"{where}.note")

    # -- figures ---------------------------------------------------------------------------

    def _figure(self, figure: Figure, where: str) -> None:
        """The image inline in a "Figure" paragraph (or its text alternative in a "Figure Alt"
        one), then a "Caption" paragraph with the caption and the credit."""
        alt = self._text.text(figure.alt)
        image = self._image(figure.image, f"{where}.image")
        if image is None:
            self._plain(StyleName.FIGURE_ALT, alt)
        else:
            run = _oxml.add_run(self._paragraph(StyleName.FIGURE), None, None)
            run.append(self._drawing(image, alt))
        if not figure.caption and not figure.credit:
            return
        p = self._paragraph(StyleName.CAPTION)
        if figure.caption:
            self._rich(p, figure.caption, f"{where}.caption")
        if figure.credit:
            if figure.caption:
                _oxml.add_text(_oxml.add_run(p, None, None), " ")
            label = self._labels.label(Term.PHOTO_CREDIT)
            _oxml.add_text(_oxml.add_run(p, None, self._label_lang), f"{label} ")
            _oxml.add_text(_oxml.add_run(p, None, None), self._text.text(figure.credit))

    def _image(self, url: str, where: str) -> bytes | None:
        """The image's bytes when its URL is allowed and it could be fetched; else None, with
        a diagnostic saying why its text alternative is shown instead."""
        src = safe_image_url(url)
        normal = allowed_url(src, self._allowed_urls) if src else None
        if src is None:
            why = f"{url!r} is not an http or https URL"
        elif normal is None:
            why = f"{src} not fetched (not under allowed_urls)"
        else:
            found = self._images.get(normal)
            if found is None:
                try:
                    found = fetch_image(normal)
                except FetchError as exc:
                    found = str(exc)
                self._images[normal] = found
            if not isinstance(found, str):
                return found[0]
            why = found
        self._diagnostics.append(
            Diagnostic(f"{where}: {why}; its text alternative is shown instead", source="docx")
        )
        return None

    def _drawing(self, data: bytes, alt: str) -> etree._Element:
        """A ``w:drawing`` holding ``data`` inline, at most as wide as the text, ``alt`` as its
        description (what Word reads out and shows as the alt text)."""
        r_id, image = self._part.get_or_add_image(io.BytesIO(data))
        cx, cy = image.scaled_dimensions(None, None)
        section = self._document.sections[0]
        text_width = section.page_width - section.left_margin - section.right_margin
        if cx > text_width > 0:
            cx, cy = text_width, max(1, round(cy * text_width / cx))
        if self._shape_id is None:
            # Paragraphs wait detached until the end, so the part cannot count their ids.
            self._shape_id = self._part.next_id
        else:
            self._shape_id += 1
        return _oxml.inline_picture(self._shape_id, r_id, image.filename, cx, cy, alt)

    def _attribution(self, speaker_id: str | None, cite: str | None, where: str) -> None:
        speaker = self._item.speaker(speaker_id) if speaker_id else None
        url = safe_url(cite)
        if speaker is None and url is None:
            if cite is not None:
                self._refused(cite, f"{where}.cite")
            return
        p = self._paragraph(StyleName.QUOTE_ATTRIBUTION)
        _oxml.add_text(_oxml.add_run(p, None, None), "\u2014\u00a0")
        if speaker is not None:
            name = self._text.speaker(speaker).full_name
            _oxml.add_text(_oxml.add_run(p, self._ids[StyleName.SPEAKER_NAME], None), name)
        if url is not None:
            if speaker is not None:
                _oxml.add_text(_oxml.add_run(p, None, None), ", ")
            link = _oxml.add_hyperlink(p, self._relate(url))
            _oxml.add_text(_oxml.add_run(link, self._ids[StyleName.HYPERLINK], None), url)
        elif cite is not None:
            self._refused(cite, f"{where}.cite")

    def _restarted_numbering(self) -> int | None:
        if self._list_number_id is None:
            return None
        try:
            numbering = self._part.numbering_part.element
        except (KeyError, NotImplementedError):
            return None
        return _oxml.new_numbering_instance(numbering, self._list_number_id)

    # -- around the text -------------------------------------------------------------------

    def _speakers(self) -> None:
        speakers: list[Speaker | CollectiveSpeaker] = [
            *self._item.speakers,
            *self._item.collective_speakers,
        ]
        if not speakers:
            return
        self._plain(StyleName.SPEAKERS_HEADING, self._labels.label(Term.SPEAKERS), label=True)
        name_style = self._ids[StyleName.SPEAKER_NAME]
        for speaker in speakers:
            shown = self._text.speaker(speaker)
            p = self._paragraph(StyleName.SPEAKER)
            _oxml.add_text(_oxml.add_run(p, name_style, None), shown.full_name)
            rest = f" ({shown.affiliation})" if shown.affiliation else ""
            rest += "".join(f", {role}" for role in shown.roles)
            if rest:
                _oxml.add_text(_oxml.add_run(p, None, None), rest)

    def _topics(self) -> None:
        topics = self._item.topics
        if not topics:
            return
        label = self._labels.labels.get(Term.TOPICS)
        p = self._paragraph(StyleName.TOPICS)
        _oxml.add_text(_oxml.add_run(p, None, self._label_lang), self._labels.text(f"{label}: "))
        joined = ", ".join(t.label for t in topics)
        _oxml.add_text(_oxml.add_run(p, None, None), self._text.text(joined))

    def _related_links(self) -> None:
        links = self._item.related_links
        if not links:
            return
        self._plain(StyleName.LINKS_HEADING, self._labels.label(Term.FIND_OUT_MORE), label=True)
        for i, link in enumerate(links):
            p = self._paragraph(StyleName.LINKS_BOX)
            lang = link.language if link.language and link.language != self._language else None
            title = self._typeset(link.title, link.language or self._language)
            self._link_or_text(p, link.url, title, lang, f"$.related_links[{i}].url")

    def _language_versions(self) -> None:
        versions = self._item.language_versions
        if not versions:
            return
        p = self._paragraph(StyleName.LANGUAGE_VERSIONS)
        label = self._labels.labels.get(Term.LANGUAGE_VERSIONS)
        _oxml.add_text(_oxml.add_run(p, None, self._label_lang), self._labels.text(f"{label}: "))
        for i, version in enumerate(versions):
            if i:
                _oxml.add_text(_oxml.add_run(p, None, None), " | ")
            try:
                name = language_name(version.language, capitalize=True)
            except LookupError:
                name = version.headline or version.language
            lang = version.language if version.language != self._language else None
            if version.url is None:
                _oxml.add_text(_oxml.add_run(p, None, lang), name)
            else:
                self._link_or_text(p, version.url, name, lang, f"$.language_versions[{i}].url")

    def _contact(self) -> None:
        contact = self._item.contact
        if contact is None:
            return
        if contact.prompt:
            self._plain(StyleName.CONTACT, self._text.text(contact.prompt))
        if contact.text:
            self._rich(self._paragraph(StyleName.CONTACT), contact.text, "$.contact.text")
        details = (
            (Term.EMAIL, contact.email, f"mailto:{contact.email}", "$.contact.email"),
            (Term.WEBSITE, contact.url, contact.url, "$.contact.url"),
            (Term.PHONE, contact.phone, None, "$.contact.phone"),
        )
        for term, shown, url, where in details:
            if not shown:
                continue
            p = self._paragraph(StyleName.CONTACT)
            label = self._labels.labels.get(term)
            run = _oxml.add_run(p, None, self._label_lang)
            _oxml.add_text(run, self._labels.text(f"{label}: "))
            if url is None:
                _oxml.add_text(_oxml.add_run(p, None, None), shown)
            else:
                self._link_or_text(p, url, shown, None, where)

    # -- header and footer -----------------------------------------------------------------

    def header_footer(self) -> None:
        """The series banner in the header; "page X of Y" with PAGE/NUMPAGES in the footer."""
        section = self._document.sections[0]
        item = self._item
        banner = (
            item.series.label if item.series else (item.publisher.name if item.publisher else "")
        )
        header = self._first_paragraph(section.header, StyleName.HEADER)
        if banner:
            _oxml.add_text(_oxml.add_run(header, None, None), self._text.text(banner))
        footer = self._first_paragraph(section.footer, StyleName.FOOTER)
        for segment in self._labels.labels.segments(Term.PAGE_X_OF_Y):
            if isinstance(segment, Placeholder):
                instruction = "PAGE" if segment.name == "page" else "NUMPAGES"
                _oxml.add_field(footer, instruction, "1", None)
            else:
                _oxml.add_text(
                    _oxml.add_run(footer, None, self._label_lang), self._labels.text(segment)
                )

    def _first_paragraph(self, header_or_footer: Any, style: StyleName) -> etree._Element:
        header_or_footer.is_linked_to_previous = False
        paragraphs = header_or_footer.paragraphs
        if paragraphs:
            paragraph = paragraphs[0]
            paragraph.clear()
            p: etree._Element = paragraph._p
        else:
            p = _oxml.new_paragraph(None)
            header_or_footer._element.append(p)
        ppr = p.find(_oxml.qn("w:pPr"))
        if ppr is not None:
            p.remove(ppr)
        p.insert(0, _oxml.new_paragraph(self._ids[style])[0])
        return p

    # -- rich text -------------------------------------------------------------------------

    def _typeset(self, text: str, lang: str) -> str:
        if lang == self._language:
            return self._text.text(text)
        presenter = self._presenters.get(lang, False)
        if presenter is False:
            presenter = Presenter.for_language(lang, self._typography) if supported(lang) else None
            self._presenters[lang] = presenter
        return presenter.text(text) if isinstance(presenter, Presenter) else text

    def _marks(self, lang: str, depth: int) -> tuple[str, str]:
        if lang != self._language and supported(lang):
            return Presenter.for_language(lang, self._typography).quote_marks(depth)
        return self._text.quote_marks(depth)

    def _relate(self, url: str, part: Any = None) -> str:
        """The id of the hyperlink relationship to ``url`` from ``part`` (the document's by
        default)."""
        if part is not None:
            return str(part.relate_to(_target(url), RT.HYPERLINK, is_external=True))
        r_id = self._links.get(url)
        if r_id is None:
            r_id = self._part.relate_to(_target(url), RT.HYPERLINK, is_external=True)
            self._links[url] = r_id
        return r_id

    def _refused(self, url: str, where: str) -> None:
        self._diagnostics.append(
            Diagnostic(
                f"{where}: link target {url!r} is not an http, https or mailto URL; "
                "shown as plain text",
                source="docx",
            )
        )

    def _link_or_text(
        self, p: etree._Element, url: str, text: str, lang: str | None, where: str
    ) -> None:
        href = safe_url(url)
        if href is None:
            self._refused(url, where)
            _oxml.add_text(_oxml.add_run(p, None, lang), text)
            return
        link = _oxml.add_hyperlink(p, self._relate(href))
        _oxml.add_text(_oxml.add_run(link, self._ids[StyleName.HYPERLINK], lang), text)

    def _rich(self, p: etree._Element, nodes: RichText, where: str) -> None:
        _Inlines(self, p, where, self._relate).nodes(nodes, None, self._language, 0)

    # -- notes -----------------------------------------------------------------------------

    def _note_ref(self, parent: etree._Element, note: str, where: str) -> None:
        """The mark of ``note`` in ``parent``; at its first reference, the footnote too."""
        number = self._note_numbers.get(note)
        style = self._ids[StyleName.FOOTNOTE_REFERENCE]
        if number is None:
            self._diagnostics.append(
                Diagnostic(f"{where}: reference to an unknown note {note!r} left out", source="docx")
            )
            return
        if number in self._footnoted:
            _oxml.add_text(_oxml.add_run(parent, style, None), str(number))
            return
        self._footnoted.add(number)
        footnotes = self._footnotes_part()
        _oxml.add_footnote_reference(parent, number, style)
        index, found = next((i, n) for i, n in enumerate(self._item.notes) if n.id == note)
        p = _oxml.add_footnote(
            footnotes.element, number, self._ids[StyleName.FOOTNOTE_TEXT], style
        )
        relate = functools.partial(self._relate, part=footnotes)
        _Inlines(self, p, f"$.notes[{index}].text", relate).nodes(
            found.text, None, self._language, 0
        )

    def _footnotes_part(self) -> XmlPart:
        """The footnotes part, made at the first note (replacing any the reference had)."""
        if self._footnotes is None:
            for r_id, rel in list(self._part.rels.items()):
                if rel.reltype == RT.FOOTNOTES:
                    self._part.drop_rel(r_id)
            self._footnotes = XmlPart(
                PackURI("/word/footnotes.xml"),
                CT.WML_FOOTNOTES,
                _oxml.new_footnotes(),  # type: ignore[arg-type]  # any lxml element will do
                self._part.package,
            )
            self._part.relate_to(self._footnotes, RT.FOOTNOTES)
        return self._footnotes


def _column_widths(table: Table, total: int) -> list[int]:
    """Column widths that share ``total`` by the longest text of each column (up to 40
    characters, plus 3 for the cell's margins): LibreOffice lays a table out on its grid."""
    rows = (table.header, *table.rows) if table.header else table.rows
    weights = [
        min(max(len(plain_text(cell)) for cell in column), 40) + 3
        for column in zip(*rows, strict=True)
    ]
    return [total * weight // sum(weights) for weight in weights]


class _Inlines:
    """Runs for one paragraph's rich text; ``parent`` is the paragraph or a hyperlink in it."""

    __slots__ = ("_in_link", "_parent", "_relate", "_trail", "_w", "_where")

    def __init__(
        self, writer: BodyWriter, p: etree._Element, where: str, relate: Callable[[str], str]
    ) -> None:
        self._w = writer
        self._relate = relate  # hyperlink relationships belong to the part the text is in
        self._parent = p
        self._where = where
        self._in_link = False
        self._trail: list[int] = []  # indices of the nodes being written, outermost first

    def nodes(self, nodes: RichText, style: str | None, lang: str, depth: int) -> None:
        trail = self._trail
        trail.append(0)
        for index, node in enumerate(nodes):
            trail[-1] = index
            self.node(node, style, lang, depth)
        trail.pop()

    def _path(self, field: str) -> str:
        """The JSONPath of the current node's ``field``: ``$.lead[1].content[0].url``."""
        first, *rest = self._trail
        return f"{self._where}[{first}]" + "".join(f".content[{i}]" for i in rest) + f".{field}"

    def _styled(self, name: StyleName, current: str | None) -> str | None:
        return current if self._in_link else self._w._ids[name]

    def _run(self, text: str, style: str | None, lang: str) -> None:
        run_lang = None if lang == self._w._language else lang
        _oxml.add_text(_oxml.add_run(self._parent, style, run_lang), text)

    def node(self, node: Inline, style: str | None, lang: str, depth: int) -> None:
        match node:
            case Text(text=text):
                self._run(self._w._typeset(text, lang), style, lang)
            case Emphasis(content=content):
                self.nodes(content, self._styled(StyleName.EMPHASIS, style), lang, depth)
            case Strong(content=content):
                self.nodes(content, self._styled(StyleName.STRONG, style), lang, depth)
            case Link(content=content, url=url):
                self._link(content, url, style, lang, depth)
            case Foreign(content=content, lang=foreign):
                self.nodes(content, style, foreign, depth)
            case SpeakerRef(content=content):
                self.nodes(content, self._styled(StyleName.SPEAKER_NAME, style), lang, depth)
            case TopicRef(content=content):
                self.nodes(content, style, lang, depth)
            case Quotation(content=content):
                self._quoted(content, StyleName.DIRECT_QUOTATION, style, lang, depth)
            case QuotedTerm(content=content):
                self._quoted(content, StyleName.QUOTED_TERM, style, lang, depth)
            case NoteRef(note=note):
                self._w._note_ref(self._parent, note, self._path("note"))
            case _:
                assert_never(node)

    def _quoted(
        self, content: RichText, name: StyleName, style: str | None, lang: str, depth: int
    ) -> None:
        opening, closing = self._w._marks(lang, depth)
        inner = self._styled(name, style)
        self._run(opening, inner, lang)
        self.nodes(content, inner, lang, depth + 1)
        self._run(closing, inner, lang)

    def _link(self, content: RichText, url: str, style: str | None, lang: str, depth: int) -> None:
        href = safe_url(url)
        if href is None or self._in_link:
            if href is None:
                self._w._refused(url, self._path("url"))
            self.nodes(content, style, lang, depth)
            return
        paragraph = self._parent
        self._parent = _oxml.add_hyperlink(paragraph, self._relate(href))
        self._in_link = True
        try:
            self.nodes(content, self._w._ids[StyleName.HYPERLINK], lang, depth)
        finally:
            self._parent = paragraph
            self._in_link = False
