"""What a reader reads in each format, in reading order, and what the view says they should.

Each format's text is a *stream*: the HTML page's text (white space collapsed as a browser
does), the PDF's text as pypdf reads it (a line break marked ``\n``; the running head and footer
left out) and the DOCX's paragraphs (tables included) one per line. :func:`expected_texts`
lists what the view says, and :func:`pattern` turns one expected text into a regular
expression that lets a line break stand where the PDF may break a line -- and nothing else:
no-break spaces, quotation marks and every other character must be there as they are.
"""

from __future__ import annotations

import collections
import io
import re
import unicodedata
from collections.abc import Iterator
from typing import Any, NamedTuple

from _extract import PAGE_MARGINS, on_the_page, parse_html
from jsi_docs.view import (
    Citation,
    Cut,
    Emph,
    Inlines,
    Insert,
    ItemView,
    LinkSpan,
    NoteMark,
    Passage,
    Reported,
    Run,
    SpeakerName,
    Speech,
    Stress,
    Term,
    TopicName,
    block_texts,
)

_ASCII_SPACE = re.compile(r"[ \t\n\r\f]+")
_NEW_LINE = 5.0
"""Points a run must move up or down to start a new line (superscripts move less)."""


class Expected(NamedTuple):
    """One text the view says a reader reads: ``where`` it comes from, and the ``text``."""

    where: str
    text: str
    heading: bool = False


def reading(nodes: Inlines, *, footnotes: bool = False) -> str:
    """``nodes`` as a reader reads them: runs, quotation marks and note numbers -- but with
    ``footnotes`` (DOCX), where a note's first mark is a footnote reference Word numbers, only
    the marks that refer back to a note already given are text."""
    parts: list[str] = []

    def walk(nodes: Inlines) -> None:
        for node in nodes:
            match node:
                case Run(text=text):
                    parts.append(text)
                case (
                    Speech(content=content, opening=opening, closing=closing)
                    | Term(content=content, opening=opening, closing=closing)
                    | Insert(content=content, opening=opening, closing=closing)
                ):
                    parts.append(opening)
                    walk(content)
                    parts.append(closing)
                case Cut(mark=mark, note=note):
                    parts.append(f"{mark} {note}")
                case NoteMark(number=number, nth=nth):
                    if not footnotes or nth > 1:
                        parts.append(str(number))
                case (
                    Emph(content=content)
                    | Stress(content=content)
                    | LinkSpan(content=content)
                    | Passage(content=content)
                    | SpeakerName(content=content)
                    | TopicName(content=content)
                    | Reported(content=content)
                    | Citation(content=content)
                ):
                    walk(content)

    walk(nodes)
    return "".join(parts)


def expected_texts(view: ItemView, *, footnotes: bool = False) -> Iterator[Expected]:
    """Everything the item says, in reading order: headline, meta lines, lead, each text of each
    block, the notes (unless they are ``footnotes``), then the back matter."""
    yield Expected("headline", view.headline, heading=True)
    if view.subtitle:
        yield Expected("subtitle", reading(view.subtitle, footnotes=footnotes))
    if view.meeting:
        yield Expected("meeting", view.meeting.text)
    if view.published:
        yield Expected("published", view.published.text)
    if view.updated:
        yield Expected("updated", view.updated.text)
    if view.dateline:
        yield Expected("dateline", view.dateline.text)
    if view.lead:
        yield Expected("lead", reading(view.lead, footnotes=footnotes))
    if view.highlights:
        yield Expected("highlights heading", view.labels["highlights"], heading=True)
        for h, highlight in enumerate(view.highlights):
            yield Expected(f"highlights[{h}]", reading(highlight, footnotes=footnotes))
    for s, section in enumerate(view.sections):
        if section.title:
            yield Expected(f"sections[{s}].heading", section.title, heading=True)
        for b, block in enumerate(section.blocks):
            for t, text in enumerate(block_texts(block)):
                where = f"sections[{s}].blocks[{b}] text {t}"
                yield Expected(where, reading(text, footnotes=footnotes))
    if not footnotes:
        for note in view.notes:
            yield Expected(f"note {note.number}", reading(note.content))
    if view.speakers:
        yield Expected("speakers heading", view.labels["speakers"], heading=True)
        for speaker in view.speakers:
            yield Expected(f"speaker {speaker.id}", speaker.text)
    if view.mentioned:
        yield Expected("mentioned heading", view.labels["mentioned"], heading=True)
        for person in view.mentioned:
            yield Expected(f"mentioned {person.id}", person.text)
    if view.topics:
        yield Expected("topics heading", view.labels["topics"], heading=True)
        yield Expected("topics", view.LIST_SEPARATOR.join(view.keywords))
    if view.related:
        yield Expected("related heading", view.labels["find_out_more"], heading=True)
        for link in view.related:
            yield Expected(f"related {link.text}", link.text)
    if view.versions:
        yield Expected("versions heading", view.labels["language_versions"], heading=True)
        yield Expected("versions", view.LIST_SEPARATOR.join(v.text for v in view.versions))
    if view.contact:
        yield Expected("contact prompt", view.contact.prompt, heading=True)
        if view.contact.person:
            yield Expected("contact person", view.contact.person)
        if view.contact.unit:
            yield Expected("contact unit", view.contact.unit)
        if view.contact.text:
            yield Expected("contact", reading(view.contact.text, footnotes=footnotes))
        for detail in view.contact.details:
            yield Expected(f"contact {detail.label}", f"{detail.label} {detail.value.text}")


def pattern(expected: Expected, *, line_breaks: bool) -> re.Pattern[str]:
    """``expected.text`` exactly, but that (with ``line_breaks``) a line break may stand for an
    ordinary space, or come between two characters (after a hyphen or a dash, or anywhere in a
    word too long for its line). Headings compare case-insensitively (a style may set them in
    capitals, where one letter may become two: "ß", "SS")."""
    parts: list[str] = []
    for index, char in enumerate(expected.text):
        if char == " ":
            parts.append("(?: \n?|\n)" if line_breaks else " ")
            continue
        if expected.heading and len(char.upper()) > 1:  # "ß" set in capitals is "SS"
            parts.append(f"(?:{re.escape(char)}|{re.escape(char.upper())})")
        else:
            parts.append(re.escape(char))
        if line_breaks and index < len(expected.text) - 1:
            parts.append("\n?")
    return re.compile("".join(parts), re.IGNORECASE if expected.heading else 0)


def find_in_order(stream: str, expected: list[Expected], *, line_breaks: bool) -> list[str]:
    """The expected texts not found in ``stream`` after the previous one (empty: all there)."""
    missing: list[str] = []
    position = 0
    for one in expected:
        found = pattern(one, line_breaks=line_breaks).search(stream, position)
        if found is None:
            nearby = pattern(one, line_breaks=line_breaks).search(stream)
            state = "out of order" if nearby else "missing"
            missing.append(f"{one.where} {state}: {one.text!r}")
            continue
        position = found.end()
    return missing


def letters(text: str) -> collections.Counter[str]:
    """The letters and digits of ``text``, counted: decomposed (a ligature's letters), case
    folded, marks dropped, and alef maksura and yeh one letter (fonts share their glyphs)."""
    # upper case first: print.css sets some text in capitals ("ı" comes back as "I")
    decomposed = unicodedata.normalize("NFKD", text.upper().casefold()).replace("\u0649", "\u064a")
    return collections.Counter(c for c in decomposed if unicodedata.category(c)[0] in "LN")


def find_letters(stream: str, expected: list[Expected]) -> list[str]:
    """The expected texts whose letters and digits ``stream`` lacks, each text taking its own
    from what is left (empty: all there). For a right-to-left PDF, whose text comes back in
    visual order (the bidi algorithm moves digits, brackets and Latin words, poppler and pypdf
    alike), so that texts cannot be found whole: a text lost is still a count short."""
    left = letters(stream)
    missing: list[str] = []
    for one in expected:
        wanted = letters(one.text)
        short = wanted - left
        if short:
            missing.append(f"{one.where} missing letters {dict(short)!r}: {one.text!r}")
        left -= wanted
    return missing


# -- the streams ------------------------------------------------------------------------------


def html_stream(html: str) -> str:
    """The ``<article>``'s text as a browser lays it out: runs of ASCII white space are one
    space (no-break spaces stay); ``<br>`` is a line break."""
    root = parse_html(html)
    article = next(e for e in root.iter() if e.tag == "article")
    parts: list[str] = []

    def walk(element: Any) -> None:
        if element.tag in ("script", "style", "template"):
            return
        if element.tag == "br":
            parts.append("\n")
        if element.text:
            parts.append(element.text)
        for child in element:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(article)
    return _ASCII_SPACE.sub(" ", "".join(parts))


class PdfPiece(NamedTuple):
    """A run of text the PDF draws in one font (``"\n"`` for a line break)."""

    text: str
    font: str


def pdf_pieces(data: bytes) -> list[PdfPiece]:
    """The body text of every page as pypdf reads it, in order, with the font of each run; the
    page furniture (running head, page numbers) in the margins is left out, and so is text set
    off the page's edges."""
    import pypdf

    pieces: list[PdfPiece] = []
    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        line_y: float | None = None

        def visit(
            text: str,
            cm: list[float],
            tm: list[float],
            font: Any,
            _size: Any,
            top: float = float(page.mediabox.height) - PAGE_MARGINS[0] + 1,
            bottom: float = PAGE_MARGINS[1] - 1,
            width: float = float(page.mediabox.width),
        ) -> None:
            nonlocal line_y
            if not text or text == "\n":
                return
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            if not bottom <= y <= top or not on_the_page(x, width):  # furniture, or off the page
                return
            # a superscript note number sits a few points above its line: not a new line
            if line_y is None or abs(y - line_y) > _NEW_LINE:
                if line_y is not None:
                    pieces.append(PdfPiece("\n", ""))
                line_y = y
            name = str(font.get("/BaseFont", "")) if font else ""
            pieces.append(PdfPiece(text, name.split("+")[-1]))

        page.extract_text(visitor_text=visit)
        pieces.append(PdfPiece("\n", ""))
    return pieces


def pdf_stream(data: bytes) -> str:
    return "".join(piece.text for piece in pdf_pieces(data))


def docx_stream(data: bytes) -> str:
    """The DOCX body's paragraphs in order, table cells included, one per line."""
    import docx
    from docx.table import Table

    document = docx.Document(io.BytesIO(data))
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines += [p.text for row in block.rows for cell in row.cells for p in cell.paragraphs]
        else:
            lines.append(block.text)
    return "\n".join(lines)


def docx_footnotes(data: bytes) -> str:
    """The text of the DOCX's footnotes, one per line."""
    import zipfile

    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(data)) as package:
        if "word/footnotes.xml" not in package.namelist():
            return ""
        root = etree.fromstring(package.read("word/footnotes.xml"))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    return "\n".join(
        "".join(t.text or "" for t in fn.iter(f"{w}t")) for fn in root.iter(f"{w}footnote")
    )
