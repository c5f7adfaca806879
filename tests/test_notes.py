"""Document symbols, update dates and notes end to end: model, format, validation, HTML (with
Nu and axe), PDF, DOCX footnotes (with openxml-audit and LibreOffice) and JSON-LD."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import zipfile
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from lxml import etree

import jsi_docs
from _extract import pdf_text
from _html_parse import elements, json_ld, norm, parse, text_of
from clients import (
    Chromium,
    libreoffice_convert,
    libreoffice_text,
    nu_check,
    openxml_audit,
    pdftotext,
    require_axe,
    require_libreoffice,
    require_nu,
    require_openxml_audit,
)
from jsi_docs.errors import InputError
from jsi_docs.exporters.html import page_assets
from jsi_docs.model import (
    Contact,
    Emphasis,
    Link,
    NewsItem,
    Note,
    NoteRef,
    Paragraph,
    Section,
    Table,
    Text,
    plain_text,
    walk,
)
from jsi_docs.model._checks import FieldValueError
from jsi_docs.model.inline import normalize
from jsi_docs.serialization import to_json, unstructure_item
from jsi_docs.serialization.richtext import format_rich_text, parse_rich_text
from jsi_docs.serialization.schema import json_schema
from jsi_docs.themes import Theme
from jsi_docs.validation import validate
from tests_helpers import EXAMPLES

CHAIR = EXAMPLES / "jsi-ecommerce-2023-12-chair-statement.en.yaml"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"w": W, "r": R}


def _item(language: str = "en", **changes: object) -> NewsItem:
    """Two notes, the second referred to first and twice: from a table note and the contact."""
    fields: dict[str, object] = {
        "lead": ("A lead", NoteRef("b"), "."),
        "sections": [
            Section(
                [
                    Paragraph(("First", NoteRef("a"), " and again", NoteRef("b"), ".")),
                    Table([[("1",), ("2",)]], note=("Source", NoteRef("a"))),
                ]
            )
        ],
        "notes": [
            Note(
                "a", ("Note ", Emphasis(("A",)), " with ", Link(("a link",), url="https://a.org/"))
            ),
            Note("b", ("Note B.",)),
        ],
        "updated": dt.date(2023, 6, 2),
        "symbols": ["PRESS/921", "INF/ECOM/87"],
        "contact": Contact(("Write to us", NoteRef("b"), ".")),
    }
    fields.update(changes)
    return NewsItem("notes", language, "Notes", dt.date(2023, 6, 1), **fields)  # type: ignore[arg-type]


# -- model and format -------------------------------------------------------------------------


def test_notes_are_numbered_by_first_reference_in_reading_order() -> None:
    item = _item()
    assert item.note_numbers() == {"b": 1, "a": 2}
    assert [(n, note.id) for n, note in item.numbered_notes()] == [(1, "b"), (2, "a")]
    paths = [path for path, _ in item.texts()]
    assert paths[0] == "$.lead"
    assert paths[-1] == "$.contact.text"
    assert "$.sections[0].blocks[1].note" in paths


def test_plain_text_leaves_note_marks_out_and_walk_visits_them() -> None:
    text = normalize(("Words", NoteRef("a"), " more", Emphasis(("x", NoteRef("b")))))
    assert plain_text(text) == "Words morex"
    assert [n.note for n in walk(text) if isinstance(n, NoteRef)] == ["a", "b"]


@pytest.mark.parametrize(
    ("symbol", "message"),
    [
        ("", "must not be empty"),
        ("PRESS/921\n", "control or invisible"),
        (" PRESS/921", "starts or ends with a space"),
        ("X" * 65, "longer than 64"),
    ],
)
def test_a_bad_symbol_is_refused_at_its_index(symbol: str, message: str) -> None:
    with pytest.raises(FieldValueError, match=message) as caught:
        _item(symbols=["PRESS/1", symbol])
    assert caught.value.field == "symbols[1]"


def test_a_symbol_listed_twice_is_refused() -> None:
    with pytest.raises(FieldValueError, match="listed twice"):
        _item(symbols=["PRESS/1", "PRESS/1"])


@pytest.mark.parametrize(
    "text",
    ["See[^a] it.", "[^a]\\(b)", "x [^a](em) y", "[[^a]](https://a.org/)", "\\[^a\\]"],
)
def test_text_form_round_trips(text: str) -> None:
    parsed = parse_rich_text(text)
    assert parse_rich_text(format_rich_text(parsed)) == parsed


def test_text_form_reads_a_mark_only_when_no_target_follows() -> None:
    assert parse_rich_text("See[^a1] it.") == (Text("See"), NoteRef("a1"), Text(" it."))
    assert parse_rich_text("x [^a](em)") == (Text("x "), Emphasis(("^a",)))
    assert format_rich_text((NoteRef("a"), Text("(b)"))) == "[^a]\\(b)"


def test_yaml_and_json_round_trip_and_json_names_the_node() -> None:
    item = _item()
    assert jsi_docs.loads(jsi_docs.dumps(item, "yaml"), "yaml") == item
    text = to_json(item)
    assert {"type": "note", "note": "b"} in json.loads(text)["lead"]
    assert jsi_docs.loads(text, "json") == item


def test_json_schema_accepts_the_example_and_refuses_a_padded_symbol() -> None:
    schema = json_schema()
    data = jsi_docs.load(CHAIR)
    jsonschema.validate(unstructure_item(data), schema)
    bad = unstructure_item(attrs.evolve(data, symbols=()))
    bad["symbols"] = ["PRESS/921 "]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)
    assert {"type": {"const": "note"}}.items() <= schema["$defs"]["NoteRef"]["properties"].items()


# -- validation --------------------------------------------------------------------------------


def _problems(item: NewsItem) -> list[tuple[str, str]]:
    return [(p.path, p.message) for p in validate(item)]


def test_a_valid_item_has_no_problem() -> None:
    assert _problems(_item()) == []


def test_each_note_rule_names_its_path() -> None:
    item = _item(
        sections=[
            Section(
                [
                    Paragraph(("x", NoteRef("nowhere"), NoteRef("a"))),
                    Paragraph((Link(("in", NoteRef("a")), url="https://a.org/"),)),
                ]
            )
        ],
        notes=[Note("a", ("A", NoteRef("a"))), Note("a", ("again",)), Note("c", ("unused",))],
        lead=None,
        contact=None,
    )
    assert sorted(_problems(item)) == sorted(
        [
            ("$.notes[1].id", "duplicate note id 'a' (first used at $.notes[0].id)"),
            ("$.sections[0].blocks[0].text[1].note", "unknown note 'nowhere' (known: a, c)"),
            (
                "$.sections[0].blocks[1].text[0].content",
                "a note reference cannot sit inside a link",
            ),
            ("$.notes[0].text[1]", "a note cannot refer to a note"),
            ("$.notes[2]", "note 'c' is never referred to"),
        ]
    )


def test_an_update_before_publication_is_refused() -> None:
    assert _problems(_item(updated=dt.date(2023, 5, 31))) == [
        ("$.updated", "the item is updated (2023-05-31) before it is published (2023-06-01)")
    ]
    assert _problems(_item(updated=dt.date(2023, 6, 1))) == []


def test_a_file_error_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "item.yaml"
    path.write_text(
        "id: x\nlanguage: en\nheadline: H\npublished: 2023-05-25\n"
        "sections:\n  - blocks:\n      - text: Hi[^gone].\n",
        encoding="utf-8",
    )
    with pytest.raises(
        InputError, match=r"item\.yaml:7:19: \$\.sections\[0\]\.blocks\[0\]\.text\[1\]\.note"
    ):
        jsi_docs.load(path)


# -- HTML and JSON-LD ---------------------------------------------------------------------------


def _page(item: NewsItem, **options: Any) -> str:
    return jsi_docs.export(item, "html", **options).decode()


def test_html_marks_link_to_notes_and_notes_back_to_first_marks() -> None:
    root = parse(_page(_item()))
    marks = [a for a in elements(root, "a") if a.get("role") == "doc-noteref"]
    assert [(text_of(a), a.get("href"), a.get("id")) for a in marks] == [
        ("1", "#notes--note-1", "notes--noteref-1"),
        ("2", "#notes--note-2", "notes--noteref-2"),
        ("1", "#notes--note-1", "notes--noteref-1-2"),
        ("2", "#notes--note-2", "notes--noteref-2-2"),
        ("1", "#notes--note-1", "notes--noteref-1-3"),
    ]
    (section,) = [s for s in elements(root, "section") if s.get("role") == "doc-endnotes"]
    assert section.get("aria-labelledby") == "notes--notes"
    items = list(elements(section, "li"))
    assert [li.get("id") for li in items] == ["notes--note-1", "notes--note-2"]
    assert norm(text_of(items[0])) == norm("Note B. ↑")
    assert "a link" in text_of(items[1])
    backs = [a.get("href") for a in elements(section, "a") if a.get("role") == "doc-backlink"]
    assert backs == ["#notes--noteref-1", "#notes--noteref-2"]
    ids = [e.get("id") for e in root.iter() if e.get("id")]
    assert len(ids) == len(set(ids))


def test_html_header_shows_update_and_symbols_in_the_labels_language() -> None:
    for language, updated, label in [
        ("en", "Updated on 2 June 2023", "Document symbols:"),
        ("fr", "Mis à jour le 2 juin 2023", "Cotes du document :"),
        ("es", "Actualizado el 2 de junio de 2023", "Signaturas:"),
    ]:
        root = parse(_page(_item(language)))
        (span,) = [s for s in elements(root, "p") if s.get("class") == "updated"]
        assert norm(text_of(span)) == norm(updated)
        assert next(elements(span, "time")).get("datetime") == "2023-06-02"
        (line,) = [p for p in elements(root, "p") if p.get("class") == "item-symbols"]
        assert norm(text_of(line)) == norm(f"{label} PRESS/921, INF/ECOM/87")
    one = parse(_page(_item(symbols=["PRESS/921"])))
    assert norm("Document symbol: PRESS/921 Alead") in norm(text_of(one))


def test_html_without_the_new_fields_has_none_of_their_markup() -> None:
    item = _item(
        lead=None,
        contact=None,
        sections=[Section([Paragraph(("plain",))])],
        notes=[],
        symbols=[],
        updated=None,
    )
    html = _page(item)
    for absent in (
        "doc-noteref",
        "doc-endnotes",
        "item-symbols",
        'class="updated"',
        "dateModified",
    ):
        assert absent not in html


def test_json_ld_states_modification_date_and_symbols_and_no_marks() -> None:
    (data,) = json_ld(parse(_page(_item())))
    assert data["dateModified"] == "2023-06-02"
    assert data["identifier"] == ["PRESS/921", "INF/ECOM/87"]
    assert data["description"] == "A lead."


def test_html_with_notes_passes_nu_and_axe(tmp_path: Path) -> None:
    require_nu()
    require_axe()
    for relative, data in page_assets(Theme.load()).items():
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_bytes(data)
    pages = []
    for name, item in [("notes", _item("fr")), ("chair", jsi_docs.load(CHAIR))]:
        page = tmp_path / f"{name}.html"
        page.write_text(_page(item), encoding="utf-8")
        pages.append(page)
    assert nu_check(pages, warnings=True) == []
    with Chromium() as browser:
        for page in pages:
            assert browser.axe(page) == []


# -- PDF ---------------------------------------------------------------------------------------


def test_pdf_prints_update_symbols_marks_and_notes_after_the_body() -> None:
    text = " ".join(pdf_text(jsi_docs.export(_item(), "pdf")).split())
    assert "Updated on 2 June 2023" in text
    assert "Document symbols: PRESS/921, INF/ECOM/87" in text
    assert re.search(r"First ?2 and again ?1", text)
    notes = text.index("Notes")
    assert text.index("Note B.", notes) < text.index("Note A with a link", notes)


# -- DOCX --------------------------------------------------------------------------------------


def _part(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read(name))


def _text(element: etree._Element) -> str:
    return "".join(str(t) for t in element.itertext())


def _styles(data: bytes) -> dict[str, str]:
    styles = _part(data, "word/styles.xml")
    return {
        s.get(f"{{{W}}}styleId", ""): s.find("w:name", NS).get(f"{{{W}}}val", "")  # type: ignore[union-attr]
        for s in styles.iterfind("w:style", NS)
    }


def test_docx_notes_are_word_footnotes_in_named_styles() -> None:
    data = jsi_docs.export(_item(), "docx")
    names = _styles(data)
    document = _part(data, "word/document.xml")
    refs = document.findall(".//w:footnoteReference", NS)
    assert [r.get(f"{{{W}}}id") for r in refs] == ["1", "2"]
    for ref in refs:
        style = ref.getparent().find("w:rPr/w:rStyle", NS)  # type: ignore[union-attr]
        assert names[style.get(f"{{{W}}}val", "")] == "footnote reference"  # type: ignore[union-attr]
    # Later references repeat the number as text in the same character style.
    repeated = [
        _text(r)
        for r in document.iterfind(".//w:r", NS)
        if r.find("w:footnoteReference", NS) is None
        and (s := r.find("w:rPr/w:rStyle", NS)) is not None
        and names[s.get(f"{{{W}}}val", "")] == "footnote reference"
    ]
    assert repeated == ["1", "2", "1"]
    footnotes = _part(data, "word/footnotes.xml")
    kinds = [f.get(f"{{{W}}}type") for f in footnotes.iterfind("w:footnote", NS)]
    assert kinds == ["separator", "continuationSeparator", None, None]
    one, two = footnotes.findall("w:footnote", NS)[2:]
    assert _text(one).strip() == "Note B."
    assert _text(two).strip() == "Note A with a link"
    p_style = two.find("w:p/w:pPr/w:pStyle", NS)
    assert names[p_style.get(f"{{{W}}}val", "")] == "footnote text"  # type: ignore[union-attr]
    # The link in a note is a relationship of the footnotes part.
    (link,) = two.iterfind(".//w:hyperlink", NS)
    rels = _part(data, "word/_rels/footnotes.xml.rels")
    (rel,) = [r for r in rels if r.get("Id") == link.get(f"{{{R}}}id")]
    assert rel.get("Target") == "https://a.org/"


def test_docx_shows_update_and_symbols_and_dates_its_properties() -> None:
    data = jsi_docs.export(_item(), "docx")
    names = _styles(data)
    lines = {
        _text(p): names[s.get(f"{{{W}}}val", "")]
        for p in _part(data, "word/document.xml").iterfind(".//w:p", NS)
        if (s := p.find("w:pPr/w:pStyle", NS)) is not None
    }
    assert lines["Updated on 2\u00a0June\u00a02023"] == "Dateline"
    assert lines["Document symbols: PRESS/921, INF/ECOM/87"] == "Document Symbol"
    core = _part(data, "docProps/core.xml")
    modified = core.find("{http://purl.org/dc/terms/}modified")
    created = core.find("{http://purl.org/dc/terms/}created")
    assert modified is not None
    assert modified.text == "2023-06-02T00:00:00Z"
    assert created is not None
    assert created.text == "2023-06-01T00:00:00Z"


def test_docx_without_notes_has_no_footnotes_part() -> None:
    data = jsi_docs.export(
        _item(lead=None, contact=None, notes=[], sections=[Section([Paragraph(("x",))])]), "docx"
    )
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert "word/footnotes.xml" not in archive.namelist()


def test_docx_footnotes_pass_openxml_audit_and_libreoffice(tmp_path: Path) -> None:
    require_openxml_audit()
    require_libreoffice()
    path = tmp_path / "notes.docx"
    path.write_bytes(jsi_docs.export(_item(), "docx"))
    assert openxml_audit(path, app_compat=True) == []
    text = " ".join(libreoffice_text(path).split())  # the body only
    assert re.search(r"First ?2 and again ?1", text)
    # Footnotes come at the foot of the page, in the order of their marks.
    printed = " ".join(pdftotext(libreoffice_convert(path, "pdf", tmp_path)).split())
    body_end = printed.index("Write to us")
    assert printed.index("Note B.", body_end) < printed.index("Note A with a link", body_end)
