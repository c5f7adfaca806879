"""One reading in every format: the same words, with the same spaces, no-break spaces and
quotation marks, in the same order, in the HTML page, the PDF and the DOCX, for every example
and for generated items; each back-matter element as many times in each.

A right-to-left item's PDF gives its text back in visual order (the bidi algorithm moves digits,
brackets and Latin words within a line), so there each text's letters and digits are counted
instead (``find_letters``): a lost text is found, an order changed is not. Its HTML and DOCX,
in logical order, are read in order like any other."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import Phase, given, settings

import jsi_docs
from _html_parse import example_paths
from _reading import (
    Expected,
    docx_footnotes,
    docx_stream,
    expected_texts,
    find_in_order,
    find_letters,
    html_stream,
    pattern,
    pdf_pieces,
    pdf_stream,
    reading,
)
from jsi_docs.model import NewsItem
from jsi_docs.view import (
    Inlines,
    ItemView,
    SpeakerName,
    Speech,
    Term,
    block_texts,
    build_view,
    direction,
)
from strategies import news_items


def _streams(item: NewsItem) -> tuple[ItemView, dict[str, str], str]:
    outputs = {fmt: jsi_docs.export(item, fmt) for fmt in ("html", "pdf", "docx")}
    streams = {
        "html": html_stream(outputs["html"].decode("utf-8")),
        "pdf": pdf_stream(outputs["pdf"]),
        "docx": docx_stream(outputs["docx"]),
    }
    return build_view(item), streams, docx_footnotes(outputs["docx"])


def _differences(item: NewsItem) -> dict[str, list[str]]:
    view, streams, footnotes = _streams(item)
    found: dict[str, list[str]] = {}
    for fmt, stream in streams.items():
        # HTML and PDF show note numbers in the text and the notes after it; DOCX makes them
        # footnotes (numbered by Word), checked on their own below.
        expected = list(expected_texts(view, footnotes=fmt == "docx"))
        if fmt == "pdf" and direction(item.language) == "rtl":
            # its text comes back in visual order: each text's letters must be there
            missing = find_letters(stream, expected)
        elif fmt == "pdf" and view.language.startswith("zh"):
            # The CJK fonts draw a space, the no-break spaces and the line separators with one
            # glyph, and a PDF maps a glyph back to one character, so a text extractor gives
            # back one of them for all, or none: the words are compared without their spaces.
            bare = [e._replace(text=_unspaced(e.text)) for e in expected]
            missing = find_in_order(_unspaced(stream), bare, line_breaks=False)
        else:
            missing = find_in_order(stream, expected, line_breaks=fmt == "pdf")
        if missing:
            found[fmt] = missing
    notes = [Expected(f"note {n.number}", reading(n.content, footnotes=True)) for n in view.notes]
    missing_notes = find_in_order(footnotes, notes, line_breaks=False)
    if missing_notes:
        found["docx footnotes"] = missing_notes
    return found


def _unspaced(text: str) -> str:
    return "".join(c for c in text if not c.isspace() and c not in "\u200b\u2028\u2029")


@pytest.mark.parametrize("path", example_paths(), ids=lambda p: p.stem)
def test_every_example_reads_the_same_in_html_pdf_and_docx(path: Path) -> None:
    assert _differences(jsi_docs.load(path)) == {}


_TYPOGRAPHY = "\u00a0\u202f\u2009\u2018\u2019\u201c\u201d\u00ab\u00bb\u2039\u203a\u2013\u2014\u2026"


def _drawable(item: NewsItem) -> NewsItem:
    """``item`` with each character outside the Latin scripts and punctuation the default
    theme's fonts draw made an "x". Other scripts are laid out by font fallback, shaping and the
    bidi algorithm, so their PDF text is not the typed text character for character; that
    they reach the PDF at all is checked elsewhere. For the same reason a passage in Arabic (set
    right to left) becomes one in German."""

    def keep(char: str) -> bool:
        if char in _TYPOGRAPHY or char in "\t\n\u2028\u2029":
            return True
        return ord(char) < 0x250 and unicodedata.category(char)[0] in "LNPSZ"

    def redraw(value: object) -> object:
        if isinstance(value, str):
            return "".join(c if keep(c) else "x" for c in value)
        if isinstance(value, list):
            return [redraw(v) for v in value]
        if isinstance(value, dict):
            return {k: "de" if k == "lang" and v == "ar" else redraw(v) for k, v in value.items()}
        return value

    return jsi_docs.loads(json.dumps(redraw(json.loads(jsi_docs.dumps(item, "json")))), "json")


@settings(max_examples=15, phases=[Phase.explicit, Phase.reuse, Phase.generate])  # no shrinking:
# each PDF takes a while, and a failing case is printed whole
@given(item=news_items())
def test_generated_items_read_the_same_in_html_pdf_and_docx(item: NewsItem) -> None:
    assert _differences(_drawable(item)) == {}


@pytest.mark.parametrize("path", example_paths(), ids=lambda p: p.stem)
def test_back_matter_appears_as_often_in_each_format(path: Path) -> None:
    """Each back-matter heading and the contact e-mail: as many times in each format."""
    item = jsi_docs.load(path)
    view, streams, _ = _streams(item)
    back = [e for e in expected_texts(view) if e.heading][1:]
    if item.contact and item.contact.email:
        back.append(Expected("e-mail", item.contact.email))
    counts = {
        fmt: {one.where: len(pattern(one, line_breaks=False).findall(stream)) for one in back}
        for fmt, stream in streams.items()
    }
    assert counts["html"] == counts["pdf"] == counts["docx"]
    if item.contact and item.contact.email:
        assert counts["html"]["e-mail"] == 1


# -- emphasis -------------------------------------------------------------------------------

FRENCH = Path(__file__).parent.parent / "examples" / "jsi-ecommerce-2023-05-25.fr.yaml"
Look = tuple[bool, bool]
"""(bold, italic)."""


def _walk(nodes: Inlines, kind: type) -> list[str]:
    """The reading of every ``kind`` node in ``nodes`` (marks included), outermost first."""
    found: list[str] = []
    for node in nodes:
        if isinstance(node, kind):
            found.append(reading((node,)))
        content = getattr(node, "content", None)
        if isinstance(content, tuple):
            found += _walk(content, kind)
    return found


def _samples(view: ItemView) -> dict[str, list[str]]:
    """Texts of each kind that carries its own emphasis: speaker names, speech, terms."""
    texts = [t for block in view.blocks() for t in block_texts(block)]
    return {
        role: [s for t in texts for s in _walk(t, kind)]
        for role, kind in (("speaker name", SpeakerName), ("speech", Speech), ("term", Term))
    }


def _pdf_looks(data: bytes, view: ItemView) -> dict[str, set[Look]]:
    pieces = pdf_pieces(data)

    def look(font: str) -> Look:
        return ("Bold" in font, "Italic" in font or "Oblique" in font)

    looks: dict[str, set[Look]] = {}
    for role, texts in _samples(view).items():
        looks[role] = {look(p.font) for p in pieces if p.text.strip() and p.text in texts}
    assert view.lead
    first_line = next(p for p in pieces if p.text and reading(view.lead).startswith(p.text))
    looks["lead"] = {look(first_line.font)}
    return looks


def _docx_looks(data: bytes) -> dict[str, set[Look]]:
    import io

    import docx

    document = docx.Document(io.BytesIO(data))

    def resolved(style: object, attribute: str) -> bool:
        while style is not None:
            value = getattr(style.font, attribute)  # type: ignore[attr-defined]
            if value is not None:
                return bool(value)
            style = style.base_style  # type: ignore[attr-defined]
        return False

    def look(style: object) -> Look:
        return (resolved(style, "bold"), resolved(style, "italic"))

    names = {"Speaker Name": "speaker name", "Direct Quotation": "speech", "Quoted Term": "term"}
    looks: dict[str, set[Look]] = {role: set() for role in names.values()}
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            if run.style is not None and run.style.name in names:
                looks[names[run.style.name]].add(look(run.style))
    looks["lead"] = {
        look(p.style) for p in document.paragraphs if p.style is not None and p.style.name == "Lead"
    }
    return looks


def _html_looks(page: Path) -> dict[str, set[Look]]:
    from clients.browser import Chromium, require_chromium

    require_chromium()
    selectors = [
        ".jsi-item .speaker-ref",
        ".jsi-item .speech",
        ".jsi-item .quoted-term",
        ".jsi-item .lead",
    ]
    roles = ["speaker name", "speech", "term", "lead"]
    with Chromium() as browser:
        found = browser.computed_styles(
            page, selectors, ["font-weight", "font-style"], media="print"
        )
    looks: dict[str, set[Look]] = {role: set() for role in roles}
    for element in found:
        style = element["style"]
        look = (int(style["font-weight"]) >= 600, style["font-style"] == "italic")
        for index in element["matches"]:
            looks[roles[index]].add(look)
    return looks


def test_speech_terms_speaker_names_and_lead_carry_the_same_emphasis_everywhere(
    tmp_path: Path,
) -> None:
    """Computed style in Chromium (print media, as the PDF is made), the PDF's font names and
    the DOCX's styles agree: speaker names bold, speech and terms roman, the lead bold."""
    item = jsi_docs.load(FRENCH)
    view = build_view(item)
    page = tmp_path / "item.html"
    result = jsi_docs.render(item, "html")
    page.write_bytes(result.data)
    for name, data in result.resources.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    html = _html_looks(page)
    pdf = _pdf_looks(jsi_docs.export(item, "pdf"), view)
    docx = _docx_looks(jsi_docs.export(item, "docx"))
    assert html == pdf == docx
    assert html == {
        "speaker name": {(True, False)},
        "speech": {(False, False)},
        "term": {(False, False)},
        "lead": {(True, False)},
    }
