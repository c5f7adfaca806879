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
from typing import Any, Final, assert_never
from urllib.parse import quote

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from lxml import etree

from jsi_docs.diagnostics import Diagnostic
from jsi_docs.exporters.docx import _oxml
from jsi_docs.exporters.docx._template import StyleName, Template
from jsi_docs.exporters.remote import FetchError, allowed_url, fetch_image
from jsi_docs.i18n import Placeholder
from jsi_docs.view import (
    BlockView,
    Citation,
    Cut,
    DecisionView,
    Emph,
    FigureView,
    Inlines,
    Insert,
    InterventionsView,
    ItemView,
    LinkSpan,
    LinkView,
    ListView,
    NoteMark,
    ParagraphView,
    Passage,
    QuoteView,
    Reported,
    Run,
    SpeakerName,
    SpeakerView,
    Speech,
    Stress,
    TableView,
    Term,
    TopicName,
    VersionView,
    plain,
)

__all__ = ["BodyWriter"]

# Characters a relationship target (a URI) may hold as they are; the rest is percent-encoded.
_URI_SAFE = "!#$%&'()*+,/:;=?@[]~-._"


def _target(url: str) -> str:
    return quote(url, safe=_URI_SAFE)


NO_ITALICS: Final = frozenset({"ar", "zh"})
"""Languages whose emphasis is the "Emphasis Upright" style: their fonts have no italics (the
theme's ``emphasis-upright`` element, ``em:lang(...)`` in the stylesheets; a test keeps the
two in step)."""


class BodyWriter:
    """Writes the view of one item into a fresh copy of the reference document."""

    def __init__(
        self,
        document: Any,
        template: Template,
        view: ItemView,
        diagnostics: list[Diagnostic],
        allowed_urls: tuple[str, ...] = (),
    ) -> None:
        self._document = document
        self._part = document.part
        self._ids = template.style_ids
        self._list_number_id = template.list_number_id
        self._view = view
        self._language = view.language
        # Labels in another language than the item's carry their own w:lang.
        self._label_lang = view.labels_language
        self._diagnostics = diagnostics
        self._links: dict[str, str] = {}
        body = document.element.body
        self._anchor = body[-1] if len(body) and body[-1].tag == _oxml.qn("w:sectPr") else None
        self._text_width = _oxml.text_width(self._anchor)
        self._body = body
        self._pending: list[etree._Element] = []
        self._allowed_urls = allowed_urls
        self._images: dict[str, tuple[bytes, str] | str] = {}
        self._shape_id: int | None = None
        self._notes = {note.number: note for note in view.notes}
        self._footnotes: XmlPart | None = None

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

    def _run(
        self,
        parent: etree._Element,
        text: str,
        style: StyleName | None = None,
        *,
        label: bool = False,
    ) -> None:
        style_id = self._ids[style] if style is not None else None
        _oxml.add_text(_oxml.add_run(parent, style_id, self._label_lang if label else None), text)

    def _plain(self, style: StyleName, text: str, *, label: bool = False) -> etree._Element:
        p = self._paragraph(style)
        self._run(p, text, label=label)
        return p

    def write(self) -> None:
        """The whole item: title, dateline, lead, sections, then the back matter."""
        view = self._view
        if view.headline_lang:
            _oxml.add_text(
                _oxml.add_run(self._paragraph(StyleName.TITLE), None, view.headline_lang),
                view.headline,
            )
        elif view.headline_known:
            self._plain(StyleName.TITLE, view.headline)
        else:  # the label "Untitled", which no reader should take for a headline
            self._run(
                self._paragraph(StyleName.TITLE), view.headline, StyleName.UNTITLED, label=True
            )
        if view.subtitle:
            self._inlines(self._paragraph(StyleName.SUBTITLE), view.subtitle)
        if view.meeting is not None:
            self._plain(StyleName.DATELINE, view.meeting.text)
        for line in (view.published, view.updated):
            if line is not None and line.date_lang:  # words as written, labels in another language
                p = self._paragraph(StyleName.DATELINE)
                self._run(p, line.before, label=True)
                _oxml.add_text(_oxml.add_run(p, None, line.date_lang), line.date)
                if line.after:
                    self._run(p, line.after, label=True)
            elif line is not None:
                self._plain(StyleName.DATELINE, line.text, label=True)
        if view.symbols:
            p = self._paragraph(StyleName.DOCUMENT_SYMBOL)
            self._run(p, view.symbols_label, label=True)
            self._run(p, view.symbols_gap + view.symbols_separator.join(view.symbols))
        if view.release_number:
            p = self._paragraph(StyleName.DOCUMENT_SYMBOL)
            self._run(p, view.release_number_label, label=True)
            self._run(p, view.release_number_gap + view.release_number)
        if view.dateline is not None:
            self._dateline()
        if view.notice:
            self._inlines(self._paragraph(StyleName.NOTICE), view.notice)
        if view.lead:
            self._inlines(self._paragraph(StyleName.LEAD), view.lead)
        if view.highlights:
            self._plain(StyleName.HIGHLIGHTS_HEADING, view.labels["highlights"], label=True)
            for entry in view.highlights:
                self._inlines(self._paragraph(StyleName.HIGHLIGHTS), entry)
        for section in view.sections:
            if section.agenda_item or section.heading:
                p = self._paragraph(StyleName.HEADING)
                if section.agenda_item:
                    self._run(p, section.agenda_item + (" " if section.heading else ""))
                if section.heading:
                    run = _oxml.add_run(p, None, section.heading_lang)
                    _oxml.add_text(run, section.heading)
            for block in section.blocks:
                self._block(block)
        self._speakers()
        self._mentioned()
        self._topics()
        self._links_box(view.labels["find_out_more"], view.related)
        self._versions()
        self._contact()
        self._flush()

    def _dateline(self) -> None:
        """ "Geneva, 12 March 2024" in the "Item Dateline" style, the place in its own
        language."""
        dateline = self._view.dateline
        assert dateline is not None
        p = self._paragraph(StyleName.ITEM_DATELINE)
        for kind, text in dateline.parts:
            lang = dateline.place_lang if kind == "place" else None
            _oxml.add_text(_oxml.add_run(p, None, lang), text)

    def _block(self, block: BlockView) -> None:
        match block:
            case ParagraphView(content=content, speaker=speaker):
                style = StyleName.STATEMENT if speaker else StyleName.BODY
                self._inlines(self._paragraph(style), content)
            case ListView(items=entries, ordered=ordered):
                style = StyleName.LIST_NUMBER if ordered else StyleName.LIST_BULLET
                num_id = self._restarted_numbering() if ordered else None
                for entry in entries:
                    self._inlines(self._paragraph(style, num_id), entry)
            case QuoteView(paragraphs=paragraphs, attribution=attribution):
                for entry in paragraphs:
                    self._inlines(self._paragraph(StyleName.QUOTE), entry)
                if attribution:
                    self._inlines(self._paragraph(StyleName.QUOTE_ATTRIBUTION), attribution)
            case TableView():
                self._table(block)
            case FigureView():
                self._figure(block)
            case InterventionsView(lines=lines, lead_in=lead_in):
                if lead_in:
                    self._inlines(self._paragraph(StyleName.LEAD_IN), lead_in)
                # one paragraph per line, as the page's list items (no numbers: sentences)
                for line in lines:
                    self._inlines(self._paragraph(StyleName.BODY), line.content)
            case DecisionView(content=content):
                self._inlines(self._paragraph(StyleName.BODY), content)
            case _:
                assert_never(block)

    def _table(self, table: TableView) -> None:
        """The caption (Word's convention: above), a ``w:tbl`` whose header row repeats on
        each page, then the note."""
        if table.caption:
            self._inlines(self._paragraph(StyleName.TABLE_CAPTION), table.caption)
        widths = _column_widths(table, self._text_width)
        tbl = _oxml.new_table(
            self._ids[StyleName.TABLE],
            widths,
            header=bool(table.header),
            row_headers=table.row_headers,
            caption=plain(table.caption) if table.caption else None,
        )
        self._pending.append(tbl)
        ids = self._ids
        heading, body = ids[StyleName.TABLE_HEADING], ids[StyleName.TABLE_TEXT]
        if table.header:
            tr = _oxml.add_table_row(tbl, header=True)
            for i, cell in enumerate(table.header):
                p = _oxml.new_paragraph(heading)
                self._inlines(p, cell.content)
                _oxml.add_table_cell(tr, widths[i], p)
        for row in table.rows:
            tr = _oxml.add_table_row(tbl, header=False)
            for i, cell in enumerate(row):
                if i == 0 and table.row_headers:
                    style = heading
                elif cell.numeric:
                    style = ids[StyleName.TABLE_NUMBER]
                else:
                    style = body
                p = _oxml.new_paragraph(style)
                self._inlines(p, cell.content)
                _oxml.add_table_cell(tr, widths[i], p)
        if table.note:
            self._inlines(self._paragraph(StyleName.TABLE_NOTE), table.note)

    # -- figures ---------------------------------------------------------------------------

    def _figure(self, figure: FigureView) -> None:
        """The image inline in a "Figure" paragraph (or its text alternative in a "Figure Alt"
        one), then a "Caption" paragraph with the caption and, on a line of its own, the credit."""
        image = self._image(figure)
        if image is None:
            self._plain(StyleName.FIGURE_ALT, figure.alt)
        else:
            run = _oxml.add_run(self._paragraph(StyleName.FIGURE), None, None)
            run.append(self._drawing(image, figure.alt))
        if not figure.caption and not figure.credit:
            return
        p = self._paragraph(StyleName.CAPTION)
        if figure.caption:
            self._inlines(p, figure.caption)
        if figure.credit:
            if figure.caption:
                self._run(p, "\n")  # the credit on a line of its own, as in the page
            self._run(p, figure.credit_label, label=True)
            self._run(p, " " + figure.credit)

    def _image(self, figure: FigureView) -> bytes | None:
        """The image's bytes when its URL is allowed and it could be fetched; else None, with
        a diagnostic saying why its text alternative is shown instead (the view already said
        so for a URL that is no http(s) URL)."""
        src = figure.src
        if src is None:
            return None
        normal = allowed_url(src, self._allowed_urls)
        if normal is None:
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
            Diagnostic(
                f"{why}; its text alternative is shown instead",
                source="docx",
                path=f"{figure.where}.image",
            )
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

    def _restarted_numbering(self) -> int | None:
        if self._list_number_id is None:
            return None
        try:
            numbering = self._part.numbering_part.element
        except (KeyError, NotImplementedError):
            return None
        return _oxml.new_numbering_instance(numbering, self._list_number_id)

    # -- back matter -----------------------------------------------------------------------

    def _speakers(self) -> None:
        view = self._view
        if not view.speakers:
            return
        self._plain(StyleName.BACK_MATTER_HEADING, view.labels["speakers"], label=True)
        for speaker in view.speakers:
            self._person(speaker)

    def _mentioned(self) -> None:
        """The people the item names who do not speak, listed as the speakers are."""
        view = self._view
        if not view.mentioned:
            return
        self._plain(StyleName.BACK_MATTER_HEADING, view.labels["mentioned"], label=True)
        for person in view.mentioned:
            self._person(person)

    def _person(self, speaker: SpeakerView) -> None:
        p = self._paragraph(StyleName.SPEAKER)
        if speaker.honorific and not speaker.honorific_after:
            self._run(p, speaker.honorific + speaker.honorific_gap)
        self._run(p, speaker.name, StyleName.SPEAKER_NAME)
        if speaker.honorific and speaker.honorific_after:
            self._run(p, speaker.honorific_gap + speaker.honorific)
        if speaker.rest:
            self._run(p, speaker.rest)

    def _topics(self) -> None:
        view = self._view
        if not view.topics:
            return
        self._plain(StyleName.BACK_MATTER_HEADING, view.labels["topics"], label=True)
        self._plain(StyleName.TOPICS, view.LIST_SEPARATOR.join(view.keywords))

    def _links_box(self, heading: str, links: tuple[LinkView, ...]) -> None:
        """A headed box of links, one per paragraph."""
        if not links:
            return
        self._plain(StyleName.BACK_MATTER_HEADING, heading, label=True)
        for link in links:
            self._link_or_text(self._paragraph(StyleName.LINKS_BOX), link)

    def _versions(self) -> None:
        """The language versions on one line, the view's separator between them."""
        view = self._view
        if not view.versions:
            return
        self._plain(StyleName.BACK_MATTER_HEADING, view.labels["language_versions"], label=True)
        p = self._paragraph(StyleName.LANGUAGE_VERSIONS)
        for i, version in enumerate(view.versions):
            if i:
                self._run(p, view.LIST_SEPARATOR)
            self._link_or_text(p, version)

    def _contact(self) -> None:
        contact = self._view.contact
        if contact is None:
            return
        if contact.prompt_own:
            heading = self._paragraph(StyleName.BACK_MATTER_HEADING)
            _oxml.add_text(_oxml.add_run(heading, None, contact.prompt_lang), contact.prompt)
        else:
            # The labels' words: in the labels' language when that is not the item's.
            self._plain(StyleName.BACK_MATTER_HEADING, contact.prompt, label=True)
        if contact.person:
            person = self._paragraph(StyleName.CONTACT)
            _oxml.add_text(_oxml.add_run(person, None, contact.person_lang), contact.person)
        if contact.unit:
            unit = self._paragraph(StyleName.CONTACT)
            _oxml.add_text(_oxml.add_run(unit, None, contact.unit_lang), contact.unit)
        if contact.text:
            self._inlines(self._paragraph(StyleName.CONTACT), contact.text)
        for detail in contact.details:
            p = self._paragraph(StyleName.CONTACT)
            if detail.own:
                _oxml.add_text(_oxml.add_run(p, None, detail.label_lang), detail.label + " ")
            else:
                self._run(p, detail.label + " ", label=True)
            self._link_or_text(p, detail.value)

    def _link_or_text(self, p: etree._Element, link: LinkView | VersionView) -> None:
        lang = link.lang if link.lang and link.lang != self._language else None
        if link.href is None:
            _oxml.add_text(_oxml.add_run(p, None, lang), link.text)
            return
        hyperlink = _oxml.add_hyperlink(p, self._relate(link.href))
        _oxml.add_text(_oxml.add_run(hyperlink, self._ids[StyleName.HYPERLINK], lang), link.text)

    # -- header and footer -----------------------------------------------------------------

    def header_footer(self) -> None:
        """The series banner in the header; "page X of Y" with PAGE/NUMPAGES in the footer."""
        section = self._document.sections[0]
        view = self._view
        # As on the page and in the PDF, an item of no series has no banner: an empty header,
        # without the banner's rule.
        banner = view.banner
        header = self._first_paragraph(section.header, StyleName.HEADER if banner else None)
        if banner:
            self._run(header, banner.text)
        footer = self._first_paragraph(section.footer, StyleName.FOOTER)
        for segment in view.page_x_of_y:
            if isinstance(segment, Placeholder):
                instruction = "PAGE" if segment.name == "page" else "NUMPAGES"
                _oxml.add_field(footer, instruction, "1", None)
            else:
                self._run(footer, segment, label=True)

    def _first_paragraph(self, header_or_footer: Any, style: StyleName | None) -> etree._Element:
        """The header's or footer's first paragraph, emptied and given ``style`` (or none)."""
        header_or_footer.is_linked_to_previous = False
        root: etree._Element = header_or_footer.part.element  # w:hdr or w:ftr
        p = root.find(_oxml.qn("w:p"))
        if p is None:
            p = _oxml.new_paragraph(None)
            root.append(p)
        for child in list(p):
            p.remove(child)
        if style is not None:
            p.append(_oxml.new_paragraph(self._ids[style])[0])
        return p

    # -- inline text -----------------------------------------------------------------------

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

    def _inlines(self, p: etree._Element, nodes: Inlines) -> None:
        _Inlines(self, p, self._relate).nodes(nodes, None, self._language)

    def _note_mark(self, parent: etree._Element, mark: NoteMark) -> None:
        """The mark of a note in ``parent``; at its first reference, the footnote too."""
        style = self._ids[StyleName.FOOTNOTE_REFERENCE]
        if mark.nth > 1:
            _oxml.add_text(_oxml.add_run(parent, style, None), str(mark.number))
            return
        footnotes = self._footnotes_part()
        _oxml.add_footnote_reference(parent, mark.number, style)
        p = _oxml.add_footnote(
            footnotes.element, mark.number, self._ids[StyleName.FOOTNOTE_TEXT], style
        )
        relate = functools.partial(self._relate, part=footnotes)
        _Inlines(self, p, relate).nodes(self._notes[mark.number].content, None, self._language)

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


def _column_widths(table: TableView, total: int) -> list[int]:
    """Column widths that share ``total`` by the longest text of each column (up to 40
    characters, plus 3 for the cell's margins): LibreOffice lays a table out on its grid."""
    rows = (table.header, *table.rows) if table.header else table.rows
    weights = [
        min(max(len(plain(cell.content)) for cell in column), 40) + 3
        for column in zip(*rows, strict=True)
    ]
    return [total * weight // sum(weights) for weight in weights]


class _Inlines:
    """Runs for one paragraph's inline view; ``parent`` is the paragraph or a hyperlink in it.

    A run has one character style. Inside a link the "Hyperlink" style wins (a link must look
    like one); elsewhere the innermost style wins (emphasis inside a quotation is "Emphasis").
    """

    __slots__ = ("_in_link", "_parent", "_relate", "_w")

    def __init__(self, writer: BodyWriter, p: etree._Element, relate: Callable[[str], str]) -> None:
        self._w = writer
        self._relate = relate  # hyperlink relationships belong to the part the text is in
        self._parent = p
        self._in_link = False

    def _styled(self, name: StyleName, current: str | None) -> str | None:
        return current if self._in_link else self._w._ids[name]

    def _run(self, text: str, style: str | None, lang: str) -> None:
        run_lang = None if lang == self._w._language else lang
        _oxml.add_text(_oxml.add_run(self._parent, style, run_lang), text)

    def nodes(self, nodes: Inlines, style: str | None, lang: str) -> None:
        for node in nodes:
            match node:
                case Run(text=text):
                    self._run(text, style, lang)
                case Emph(content=content):
                    name = (
                        StyleName.EMPHASIS_UPRIGHT
                        if lang.split("-")[0].lower() in NO_ITALICS
                        else StyleName.EMPHASIS
                    )
                    self.nodes(content, self._styled(name, style), lang)
                case Stress(content=content):
                    self.nodes(content, self._styled(StyleName.STRONG, style), lang)
                case LinkSpan(content=content, href=href):
                    self._link(content, href, style, lang)
                case Passage(content=content, lang=foreign):
                    self.nodes(content, style, foreign)
                case SpeakerName(content=content):
                    self.nodes(content, self._styled(StyleName.SPEAKER_NAME, style), lang)
                case TopicName(content=content):
                    self.nodes(content, style, lang)
                case Reported(content=content):  # the words as they are: no marks, no style
                    self.nodes(content, style, lang)
                case Speech(content=content, opening=opening, closing=closing):
                    self._quoted(content, opening, closing, StyleName.DIRECT_QUOTATION, style, lang)
                case Term(content=content, opening=opening, closing=closing):
                    self._quoted(content, opening, closing, StyleName.QUOTED_TERM, style, lang)
                case Citation(content=content, href=href):
                    cited = self._styled(StyleName.DOCUMENT_CITATION, style)
                    self._link(content, href, cited, lang)
                case NoteMark():
                    self._w._note_mark(self._parent, node)
                case Insert(content=content, opening=opening, closing=closing):
                    self._run(opening, style, lang)
                    self.nodes(content, style, lang)
                    self._run(closing, style, lang)
                case Cut(mark=mark, note=note, lang=note_lang):
                    self._run(f"{mark} ", style, lang)
                    noted = self._styled(StyleName.EDITORIAL_NOTE, style)
                    self._run(note, noted, note_lang or self._w._language)
                case _:
                    assert_never(node)

    def _quoted(
        self,
        content: Inlines,
        opening: str,
        closing: str,
        name: StyleName,
        style: str | None,
        lang: str,
    ) -> None:
        inner = self._styled(name, style)
        self._run(opening, inner, lang)
        self.nodes(content, inner, lang)
        self._run(closing, inner, lang)

    def _link(self, content: Inlines, href: str | None, style: str | None, lang: str) -> None:
        if href is None or self._in_link:
            self.nodes(content, style, lang)
            return
        paragraph = self._parent
        self._parent = _oxml.add_hyperlink(paragraph, self._relate(href))
        self._in_link = True
        try:
            self.nodes(content, self._w._ids[StyleName.HYPERLINK], lang)
        finally:
            self._parent = paragraph
            self._in_link = False
