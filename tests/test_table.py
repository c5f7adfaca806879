"""The table block end to end: model rules, the file format, validation, and each exporter
read back by its real client (Nu and axe, LibreOffice and openxml-audit, poppler and qpdf)."""

from __future__ import annotations

import io
import re
import textwrap
import zipfile
from pathlib import Path
from typing import Any

import pypdf
import pytest
from lxml import etree

import jsi_docs
from _html_parse import elements, norm, parse, text_of
from clients import (
    Chromium,
    libreoffice_convert,
    libreoffice_text,
    nu_check,
    openxml_audit,
    pdftotext,
    qpdf_check,
    require_axe,
    require_libreoffice,
    require_nu,
    require_openxml_audit,
    require_poppler,
    require_qpdf,
)
from jsi_docs.errors import InputError
from jsi_docs.exporters.html import page_assets
from jsi_docs.model import (
    Link,
    NewsItem,
    Quotation,
    Section,
    SpeakerRef,
    Table,
    TopicRef,
    plain_text,
)
from jsi_docs.model._checks import FieldValueError
from jsi_docs.themes import Theme
from jsi_docs.validation import validate
from jsi_docs.view import build_view

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
EVIL = '<script>alert(1)</script> "><img src=x onerror=alert(1)>'

YAML = textwrap.dedent(
    """\
    schema_version: 1
    id: trade-2024
    language: en
    headline: Trade grows again
    published: 2024-04-10
    speakers:
      - id: chief
        name: {family: Example, given: Ana}
    topics:
      - id: trade
        label: merchandise trade
    sections:
      - blocks:
          - text: "[Ana Example](speaker:chief) presented the figures."
          - type: table
            caption: "Merchandise trade volume, annual % change (illustrative figures)"
            header: [Region, "2023", "2024", Remarks]
            row_headers: true
            rows:
              - [World, "-1.2", "2.6", "[Recovery](quote:chief) expected"]
              - [Asia, "0.5", "3.4", ""]
              - ["[Trade](topic:trade) in goods", "1,234.5", "12 %", "see [the site](https://www.wto.org/)"]
            note: "Source: invented for this test; not WTO figures."
          - text: After the table.
    """
)


def _item() -> NewsItem:
    return jsi_docs.loads(YAML, format="yaml")


def _table(item: NewsItem) -> Table:
    (table,) = [b for _, _, b in item.blocks() if isinstance(b, Table)]
    return table


# -- model and format ---------------------------------------------------------------------


def test_rows_must_match_the_header_and_each_other() -> None:
    with pytest.raises(FieldValueError, match="3 cells, the header has 2") as caught:
        Table([["a", "b"], ["a", "b", "c"]], header=["x", "y"])
    assert caught.value.field == "rows[1]"
    with pytest.raises(FieldValueError, match="1 cell, row 0 has 2"):
        Table([["a", "b"], ["a"]])
    with pytest.raises(FieldValueError, match="at least one"):
        Table([])
    with pytest.raises(FieldValueError, match="row heading"):
        Table([["", "b"]], row_headers=True)
    with pytest.raises(FieldValueError, match="must not be empty"):
        Table([["a"]], caption="")


def test_empty_cells_are_allowed_and_texts_follow_reading_order() -> None:
    table = Table([["a", ""], ["", "d"]], header=["", "y"], caption="c", note="n")
    assert table.rows[0][1] == ()
    assert [plain_text(t) for t in table.texts()] == ["c", "", "y", "a", "", "", "d", "n"]


def test_yaml_error_names_the_row_and_its_line(tmp_path: Path) -> None:
    path = tmp_path / "item.yaml"
    path.write_text(YAML.replace('[Asia, "0.5", "3.4", ""]', '[Asia, "0.5", "3.4"]'), "utf-8")
    with pytest.raises(InputError) as caught:
        jsi_docs.load(path)
    message = str(caught.value)
    assert "item.yaml:21:" in message
    assert "$.sections[0].blocks[1].rows[1]: 3 cells, the header has 4" in message


def test_unknown_keys_and_wrong_cell_types_are_named() -> None:
    bad = YAML.replace("row_headers: true", "row_headings: true")
    with pytest.raises(InputError, match=r"blocks\[1\]\.row_headings: unknown key"):
        jsi_docs.loads(bad, format="yaml")
    bad = YAML.replace('[Asia, "0.5", "3.4", ""]', '[Asia, "0.5", "3.4", {x: 1}]')
    with pytest.raises(InputError, match=r"blocks\[1\]\.rows\[1\]\[3\]"):
        jsi_docs.loads(bad, format="yaml")


def test_round_trips_in_yaml_and_json() -> None:
    item = _item()
    table = _table(item)
    assert table.row_headers
    assert len(table.header) == 4
    assert table.rows[1][3] == ()
    assert jsi_docs.loads(jsi_docs.dumps(item, format="yaml"), format="yaml") == item
    assert jsi_docs.loads(jsi_docs.dumps(item, format="json"), format="json") == item


def test_json_schema_describes_the_table() -> None:
    import jsonschema

    from jsi_docs.serialization import unstructure_item
    from jsi_docs.serialization.schema import json_schema

    schema = json_schema()
    assert schema["$defs"]["Table"]["properties"]["type"] == {"const": "table"}
    validator = jsonschema.Draft202012Validator(schema)
    data = unstructure_item(_item(), "text")
    assert list(validator.iter_errors(data)) == []
    data["sections"][0]["blocks"][1]["rows"][0] = "not a row"
    assert list(validator.iter_errors(data))


def test_each_cell_counts_towards_the_block_limit() -> None:
    from jsi_docs.errors import LimitExceededError
    from jsi_docs.readers.limits import Limits

    # 3 blocks, and the table's 4 header cells and 12 cells: 19 in all.
    assert jsi_docs.loads(YAML, limits=Limits(max_blocks=19)) == _item()
    with pytest.raises(LimitExceededError, match=r"more than 18 blocks \(19\)"):
        jsi_docs.loads(YAML, limits=Limits(max_blocks=18))


# -- validation ---------------------------------------------------------------------------


def test_references_in_cells_caption_and_note_are_validated() -> None:
    item = _item()
    bad = Table(
        [[(SpeakerRef(("x",), speaker="nobody"),), (Link(("l",), url="javascript:x"),)]],
        caption=(TopicRef(("t",), topic="none"),),
        note=(Quotation(("q",), speaker="ghost"),),
        speaker="nobody",
    )
    item = NewsItem(
        item.id, item.language, item.headline, item.published, [Section([bad])],
        speakers=item.speakers, topics=item.topics,
    )  # fmt: skip
    found = {(p.path, p.message.split(" (")[0]) for p in validate(item)}
    assert ("$.sections[0].blocks[0].rows[0][0][0].speaker", "unknown speaker 'nobody'") in found
    assert ("$.sections[0].blocks[0].caption[0].topic", "unknown topic 'none'") in found
    assert ("$.sections[0].blocks[0].note[0].speaker", "unknown speaker 'ghost'") in found
    assert ("$.sections[0].blocks[0].speaker", "unknown speaker 'nobody'") in found
    assert any(p == "$.sections[0].blocks[0].rows[0][1][0].url" for p, _ in found)
    assert validate(_item()) == []


# -- HTML ---------------------------------------------------------------------------------


def _page(item: NewsItem) -> str:
    return jsi_docs.export(item, "html").decode()


def test_html_table_has_caption_column_and_row_headers_and_a_note() -> None:
    root = parse(_page(_item()))
    (table,) = elements(root, "table")
    (caption,) = elements(table, "caption")
    assert norm(text_of(caption)).startswith("Merchandisetradevolume")
    (thead,) = elements(table, "thead")
    assert [(th.get("scope"), text_of(th)) for th in elements(thead, "th")] == [
        ("col", "Region"), ("col", "2023"), ("col", "2024"), ("col", "Remarks"),
    ]  # fmt: skip
    (tbody,) = elements(table, "tbody")
    rows = list(elements(tbody, "tr"))
    assert len(rows) == 3
    for row in rows:
        cells = [c for c in row if isinstance(c.tag, str)]
        assert [c.tag for c in cells] == ["th", "td", "td", "td"]
        assert cells[0].get("scope") == "row"
    first = [c for c in rows[0] if isinstance(c.tag, str)]
    assert [c.get("class") for c in first[1:]] == ["num", "num", None]
    assert next(elements(first[3], "span", "speech")).get("data-speaker") == "chief"
    assert [text_of(c) for c in rows[1]][3] == ""  # the empty cell stays a cell
    (note,) = elements(root, "p", "table-note")
    assert table.get("aria-describedby") == note.get("id")
    assert "not WTO figures" in text_of(note)


def test_a_table_without_header_has_no_thead_and_may_be_a_statement() -> None:
    item = _item()
    table = Table([["a", "b"]], speaker="chief")
    item = NewsItem(
        item.id, item.language, item.headline, item.published, [Section([table])],
        speakers=item.speakers,
    )  # fmt: skip
    root = parse(_page(item))
    (wrapper,) = elements(root, "div", "table")
    assert wrapper.get("class") == "table statement"
    assert wrapper.get("data-speaker") == "chief"
    (html_table,) = elements(root, "table")
    assert list(elements(html_table, "thead")) == []
    assert list(elements(html_table, "caption")) == []
    assert [td.tag for td in elements(html_table, "td")] == ["td", "td"]


def test_an_empty_column_heading_is_a_plain_cell() -> None:
    item = _item()
    table = Table([["2023", "1"]], header=["", "Count"], row_headers=True)
    item = NewsItem(item.id, item.language, item.headline, item.published, [Section([table])])
    (thead,) = elements(parse(_page(item)), "thead")
    assert [(c.tag, c.get("scope")) for c in thead.iter() if c.tag in ("th", "td")] == [
        ("td", None),
        ("th", "col"),
    ]


def test_quotations_in_cells_are_in_the_structured_data_like_the_page() -> None:
    item = _item()
    assert [(q.text, q.speaker and q.speaker.id) for q in build_view(item).quotations] == [
        ("Recovery", "chief")
    ]
    root = parse(_page(item))
    assert [q.get("data-speaker") for q in elements(root, "span", "speech")] == ["chief"]


def test_hostile_cell_text_stays_text_everywhere() -> None:
    item = _item()
    table = Table([[EVIL, EVIL]], header=[EVIL, "x"], caption=EVIL, note=EVIL)
    item = NewsItem(item.id, item.language, item.headline, item.published, [Section([table])])
    html = _page(item)
    root = parse(html)
    assert list(elements(root, "img")) == []
    assert len(list(elements(root, "script"))) == 1  # the JSON-LD only
    (html_table,) = elements(root, "table")
    assert text_of(html_table).count("<script>alert(1)</script>") == 4
    docx = jsi_docs.export(item, "docx")
    document = _part(docx, "word/document.xml")
    cells = [_text(tc) for tc in document.iterfind(".//w:tc", NS)]
    assert len(cells) == 4
    assert [c for c in cells if "<script>alert(1)</script>" in c and "onerror" in c] == [
        cells[0],
        cells[2],
        cells[3],
    ]


def test_html_with_a_table_passes_nu_and_axe(tmp_path: Path) -> None:
    require_nu()
    require_axe()
    for relative, data in page_assets(Theme.load()).items():
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_bytes(data)
    page = tmp_path / "table.html"
    page.write_text(_page(_item()), encoding="utf-8")
    assert nu_check([page], warnings=True) == []
    with Chromium() as browser:
        assert browser.axe(page) == []


# -- DOCX ---------------------------------------------------------------------------------


def _text(element: etree._Element) -> str:
    return "".join(str(t) for t in element.itertext())


def _part(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read(name))


def test_docx_has_a_word_table_with_a_repeating_header_in_a_defined_style() -> None:
    data = jsi_docs.export(_item(), "docx")
    body = _part(data, "word/document.xml").find("w:body", NS)
    assert body is not None
    children = [etree.QName(c).localname for c in body]
    at = children.index("tbl")
    styles_before_after = [
        body[i].find("w:pPr/w:pStyle", NS).get(f"{{{W}}}val")  # type: ignore[union-attr]
        for i in (at - 1, at + 1)
    ]
    assert styles_before_after == ["TableCaption", "TableNote"]
    (tbl,) = body.iterfind("w:tbl", NS)
    style = tbl.find("w:tblPr/w:tblStyle", NS).get(f"{{{W}}}val")  # type: ignore[union-attr]
    assert tbl.find("w:tblPr/w:tblW", NS) is not None
    grid = [int(c.get(f"{{{W}}}w", "0")) for c in tbl.iterfind("w:tblGrid/w:gridCol", NS)]
    assert len(grid) == 4
    assert 9000 < sum(grid) <= 9638  # the text width of the reference's A4 page
    assert grid[2] < grid[1] < grid[0] < grid[3]  # by the longest text of each column
    rows = tbl.findall("w:tr", NS)
    assert len(rows) == 4
    assert [r.find("w:trPr/w:tblHeader", NS) is not None for r in rows] == [True] + [False] * 3
    for row in rows:
        cell_widths = [int(w.get(f"{{{W}}}w", "0")) for w in row.iterfind("w:tc/w:tcPr/w:tcW", NS)]
        assert cell_widths == grid
    heads = [_text(tc) for tc in rows[0].iterfind("w:tc", NS)]
    assert heads == ["Region", "2023", "2024", "Remarks"]
    cell_styles = [
        [p.get(f"{{{W}}}val") for p in row.iterfind("w:tc/w:p/w:pPr/w:pStyle", NS)] for row in rows
    ]
    assert cell_styles[0] == ["TableHeading"] * 4
    assert cell_styles[1] == ["TableHeading", "TableNumber", "TableNumber", "TableText"]
    assert cell_styles[2] == ["TableHeading", "TableNumber", "TableNumber", "TableText"]
    defined = _part(data, "word/styles.xml")
    kinds = {
        s.get(f"{{{W}}}styleId"): s.get(f"{{{W}}}type") for s in defined.iterfind("w:style", NS)
    }
    assert kinds[style] == "table"
    for paragraph_style in ("TableHeading", "TableText", "TableNumber", "TableNote", "Caption"):
        assert kinds[paragraph_style] == "paragraph"
    # Runs in cells get the character styles they get elsewhere.
    run_styles = {r.get(f"{{{W}}}val") for r in tbl.iterfind(".//w:rStyle", NS)}
    assert {"DirectQuotation", "Hyperlink"} <= run_styles


def test_docx_with_a_table_passes_openxml_audit_and_libreoffice_reads_it_in_order(
    tmp_path: Path,
) -> None:
    require_openxml_audit()
    require_libreoffice()
    item = _item()
    path = tmp_path / "table.docx"
    path.write_bytes(jsi_docs.export(item, "docx"))
    assert openxml_audit(path, app_compat=True) == []
    text = norm(libreoffice_text(path))
    expected = ["presentedthefigures", "Merchandisetradevolume", "Region", "Remarks", "World",
                "-1.2", "2.6", "Recoveryexpected", "Asia", "0.5", "Tradeingoods", "1,234.5",
                "seethesite", "Source:invented", "Afterthetable."]  # fmt: skip
    at = 0
    for piece in expected:
        found = text.find(piece, at)
        assert found >= 0, (piece, text[at : at + 200])
        at = found + len(piece)


# -- PDF ----------------------------------------------------------------------------------


def _struct_types(data: bytes) -> list[str]:
    root: Any = pypdf.PdfReader(io.BytesIO(data)).trailer["/Root"]
    found: list[str] = []
    pending = [root["/StructTreeRoot"].get_object()]
    while pending:
        node = pending.pop(0)
        if "/S" in node:
            found.append(str(node["/S"]))
            if node["/S"] == "/TD":
                assert node["/A"]["/Headers"], "each data cell names its headers"
        kids = node.get("/K")
        for kid in kids if isinstance(kids, list) else [kids]:
            if isinstance(kid, pypdf.generic.IndirectObject):
                kid = kid.get_object()
            if isinstance(kid, pypdf.generic.DictionaryObject) and kid.get("/Type") != "/OBJR":
                pending.append(kid)
    return found


def test_pdf_holds_the_cells_in_order_and_tags_the_table(tmp_path: Path) -> None:
    require_poppler()
    require_qpdf()
    data = jsi_docs.export(_item(), "pdf")
    path = tmp_path / "table.pdf"
    path.write_bytes(data)
    assert qpdf_check(path) == []
    # poppler's raw order reads a table column by column; the layout keeps each row a line.
    lines = [
        re.split(r"\s{2,}", line.strip()) for line in pdftotext(path, layout=True).splitlines()
    ]
    expected = [
        ["Ana Example presented the figures."],
        ["Merchandise trade volume, annual % change (illustrative figures)"],
        ["Region", "2023", "2024", "Remarks"],
        ["World", "-1.2", "2.6", "\u201cRecovery\u201d expected"],
        ["Asia", "0.5", "3.4"],
        ["Trade in goods", "1,234.5", "12 %", "see the site"],
        ["Source: invented for this test; not WTO figures."],
        ["After the table."],
    ]
    found = [line for line in lines if line in expected]
    assert found == expected
    types = _struct_types(data)
    for tag in ("/Table", "/Caption", "/THead", "/TBody", "/TR", "/TH", "/TD"):
        assert tag in types, tag
    assert types.count("/TH") == 4 + 3  # column headings and row headings
    assert types.count("/TD") == 3 * 3


def test_every_example_with_a_table_exports_it() -> None:
    from _html_parse import example_paths

    tables = [
        (path, b)
        for path in example_paths()
        for _, _, b in jsi_docs.load(path).blocks()
        if isinstance(b, Table)
    ]
    assert tables, "an example shows a table"
    for path, table in tables:
        root = parse(_page(jsi_docs.load(path)))
        assert len(list(elements(root, "tr"))) >= len(table.rows) + bool(table.header)


def _long_table_item() -> NewsItem:
    item = _item()
    rows = [[f"Economy {n:03}", f"{n}.5", "word " * 8] for n in range(90)]
    table = Table(rows, header=["Economy", "Growth", "Remarks"], caption="Long table")
    return NewsItem(item.id, item.language, item.headline, item.published, [Section([table])])


def test_the_header_row_repeats_on_each_pdf_page(tmp_path: Path) -> None:
    require_poppler()
    path = tmp_path / "long.pdf"
    path.write_bytes(jsi_docs.export(_long_table_item(), "pdf"))
    pages = [pdftotext(path, layout=True, first=n, last=n) for n in (1, 2)]
    assert "Economy 089" in pdftotext(path)
    for page in pages:
        assert re.search(r"Economy\s+Growth\s+Remarks", page), page[:300]
    # No row is split: each economy's line holds its growth figure.
    for n in range(90):
        assert sum(f"Economy {n:03}" in p for p in pdftotext(path).split("\f")) == 1


def test_libreoffice_repeats_the_docx_header_row_on_each_page(tmp_path: Path) -> None:
    require_libreoffice()
    require_poppler()
    path = tmp_path / "long.docx"
    path.write_bytes(jsi_docs.export(_long_table_item(), "docx"))
    pdf = libreoffice_convert(path, "pdf", tmp_path)
    pages = [p for p in pdftotext(pdf).split("\f") if "Economy 0" in p]
    assert len(pages) >= 2
    for page in pages:
        assert re.search(r"Economy\s+Growth\s+Remarks", page), page[:300]
