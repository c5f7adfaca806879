"""The DOCX exporter, read back with python-docx and lxml: styles, links, languages, fields,
properties, reproducibility, the embedded source, and refused input."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from pathlib import Path

import pytest

import jsi_docs
from _docx_helpers import (
    NS,
    R,
    W,
    every_node_item,
    example_paths,
    export,
    load,
    members,
    open_docx,
    part,
    part_bytes,
    section,
    text_of,
)
from jsi_docs.errors import InputError
from jsi_docs.exporters import OptionError, get_exporter, option_names
from jsi_docs.exporters.docx._template import CHARACTER_STYLES, StyleName
from jsi_docs.model import Paragraph, Text
from jsi_docs.serialization import dumps

HYPERLINK_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
ITEM = every_node_item()
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def rendered() -> jsi_docs.ExportResult:
    return jsi_docs.render(ITEM, "docx")


def _paragraph_styles(data: bytes) -> list[str]:
    return [p.style.name for p in open_docx(data).paragraphs]


def test_exporter_declares_name_media_type_suffix_and_options() -> None:
    exporter = get_exporter("docx")
    assert exporter.name == "docx"
    assert exporter.suffix == ".docx"
    assert exporter.media_type.endswith("wordprocessingml.document")
    assert set(option_names(exporter.options_type)) == {
        "theme",
        "labels_language",
        "typography",
        "sibling_files",
        "strict",
        "reference_docx",
        "allowed_urls",
        "document_url_pattern",
    }


def test_paragraphs_carry_the_named_styles_in_reading_order(
    rendered: jsi_docs.ExportResult,
) -> None:
    styles = _paragraph_styles(rendered.data)
    # meeting, publication and update on Dateline paragraphs, then the symbols
    assert styles[:6] == ["Title", "Dateline", "Dateline", "Dateline", "Document Symbol", "Lead"]
    expected_body = [
        "Statement", "Body Text", "Body Text", "Body Text", "Heading 1",  # interventions, decision
        "List Number", "List Number", "List Bullet", "List Bullet", "List Number", "List Number",
        "Quote", "Quote Attribution",
        "Table Caption", "Table Note",
        "Figure Alt", "Caption",
        "Back Matter Heading", "Speaker",
        "Back Matter Heading", "Speaker",
        "Back Matter Heading", "Topics",
        "Back Matter Heading", "Links Box", "Links Box",
        "Back Matter Heading", "Language Versions",
        "Back Matter Heading", "Contact",
    ]  # fmt: skip
    assert styles[6:] == expected_body
    assert set(styles) <= {str(s) for s in StyleName}


def test_highlights_are_a_labelled_box_not_a_section() -> None:
    item = jsi_docs.load(ROOT / "examples" / "press-release-2024-03-12-fisheries-subsidies.en.yaml")
    styles = _paragraph_styles(jsi_docs.render(item, "docx").data)
    at = styles.index("Highlights Heading")
    assert styles[at - 1] == "Lead"
    assert styles[at + 1 : at + 4] == ["Highlights"] * 3
    assert styles[at + 4] != "Highlights"


def test_runs_carry_character_styles_for_speakers_quotations_terms(
    rendered: jsi_docs.ExportResult,
) -> None:
    statement = open_docx(rendered.data).paragraphs[6]
    by_style: dict[str, str] = {}
    for run in statement.runs:
        if run.style is not None and run.style.name != "Default Paragraph Font":
            by_style[run.style.name] = by_style.get(run.style.name, "") + run.text
    assert by_style["Speaker Name"] == "L\u2019Ambassadeur Tan"
    assert by_style["Direct Quotation"] == "«\u00a0Le temps .\u00a0»"  # "presse" is emphasised
    assert by_style["Emphasis"] == "presse"
    assert by_style["Quoted Term"] == "«\u00a0mis de côté\u00a0»"
    assert by_style["footnote reference"] == ""  # the mark is a w:footnoteReference, no text
    assert set(by_style) <= {
        str(s).casefold() if s == StyleName.FOOTNOTE_REFERENCE else str(s) for s in CHARACTER_STYLES
    }


def test_speakers_are_listed_with_member_and_roles(rendered: jsi_docs.ExportResult) -> None:
    paragraphs = open_docx(rendered.data).paragraphs
    styles = [p.style.name for p in paragraphs]
    heading = paragraphs[styles.index("Back Matter Heading")]
    line = paragraphs[styles.index("Speaker")]
    assert heading.text == "Intervenants"
    assert line.text == "Ambassadeur Hung Seng Tan (Singapour), coorganisateur de l\u2019initiative"
    # as in HTML and PDF, the name is set as a name; the honorific is not
    assert [(r.text, r.style.name) for r in line.runs[:2]] == [
        ("Ambassadeur ", "Default Paragraph Font"),
        ("Hung Seng Tan", "Speaker Name"),
    ]


def test_no_direct_formatting_only_styles_language_and_list_numbering(
    rendered: jsi_docs.ExportResult,
) -> None:
    for name in ("word/document.xml", "word/header1.xml", "word/footer1.xml"):
        root = part(rendered.data, name)
        run_props = {el.tag for el in root.iterfind(".//w:rPr/*", NS)}
        para_props = {el.tag for el in root.iterfind(".//w:pPr/*", NS)}
        assert run_props <= {f"{{{W}}}rStyle", f"{{{W}}}lang"}, name
        assert para_props <= {f"{{{W}}}pStyle", f"{{{W}}}numPr"}, name


def test_the_french_example_uses_statement_style_for_each_statement() -> None:
    item = load(example_paths()[[p.name for p in example_paths()].index(
        "jsi-ecommerce-2023-05-25.fr.yaml")])  # fmt: skip
    statements = [b for _, _, b in item.blocks() if isinstance(b, Paragraph) and b.speaker]
    styles = _paragraph_styles(export(item))
    assert styles.count("Statement") == len(statements) > 0


def _hyperlinks(data: bytes) -> dict[str, str]:
    """Link text -> target, for every w:hyperlink of the body."""
    rels = part(data, "word/_rels/document.xml.rels")
    targets = {
        r.get("Id"): r.get("Target")
        for r in rels
        if r.get("Type") == HYPERLINK_RT and r.get("TargetMode") == "External"
    }
    root = part(data, "word/document.xml")
    return {
        text_of(h): str(targets[h.get(f"{{{R}}}id")]) for h in root.iterfind(".//w:hyperlink", NS)
    }


def test_links_are_real_hyperlinks_with_the_hyperlink_style(
    rendered: jsi_docs.ExportResult,
) -> None:
    links = _hyperlinks(rendered.data)
    assert links == {
        "le site": "https://www.wto.org/indexfr.htm",
        "https://www.wto.org/french/news_f/news23_f/jsec_25may23_f.htm": (
            "https://www.wto.org/french/news_f/news23_f/jsec_25may23_f.htm"
        ),
        "Le commerce électronique": "https://www.wto.org/french/tratop_f/ecom_f/ecom_f.htm",
        "English": "https://www.wto.org/english/news_e/news23_e/jsec_25may23_e.htm",
        "webmaster@example.org": "mailto:webmaster@example.org",
        "l’OMC": "https://www.wto.org/",
    }
    document = open_docx(rendered.data)
    for hyperlink in (h for p in document.paragraphs for h in p.hyperlinks):
        assert hyperlink.url in links.values()
        assert {r.style.name for r in hyperlink.runs} == {"Hyperlink"}


def test_refused_links_stay_plain_text_with_a_diagnostic_naming_the_field(
    rendered: jsi_docs.ExportResult,
) -> None:
    rels = part_bytes(rendered.data, "word/_rels/document.xml.rels")
    assert b"javascript" not in rels
    assert b"file:" not in rels
    messages = [d.with_path for d in rendered.diagnostics]
    assert any(
        m.startswith("$.sections[0].blocks[1].text[1].url:") and "javascript:alert(1)" in m
        for m in messages
    )
    assert any("$.related_links[1].url" in m and "file:///etc/passwd" in m for m in messages)
    text = "\n".join(p.text for p in open_docx(rendered.data).paragraphs)
    assert "Un lien refusé\u00a0: cliquez" in text
    assert "Un lien local" in text
    with pytest.raises(jsi_docs.DiagnosticsError):
        jsi_docs.export(ITEM, "docx", strict=True)


def test_document_language_is_the_items_and_foreign_runs_carry_theirs(
    rendered: jsi_docs.ExportResult,
) -> None:
    styles = part(rendered.data, "word/styles.xml")
    (default_lang,) = styles.iterfind("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert default_lang.get(f"{{{W}}}val") == "fr"
    root = part(rendered.data, "word/document.xml")
    langs = {
        text_of(r): lang.get(f"{{{W}}}val")
        for r in root.iterfind(".//w:r", NS)
        for lang in r.iterfind("w:rPr/w:lang", NS)
    }
    assert langs["the level playing field"] == "en-GB"
    assert langs["English"] == "en"  # the language version's name, in that language
    assert langs["Español"] == "es"
    assert "fr" not in langs.values()  # the default is not repeated on every run


def test_nothing_from_python_docx_defaults_leaks(rendered: jsi_docs.ExportResult) -> None:
    with zipfile.ZipFile(io.BytesIO(rendered.data)) as archive:
        for name in archive.namelist():
            data = archive.read(name)
            for leak in (b"en-US", b"python-docx", b"2013-", b"Calibri", b"ja-JP", b"ar-SA"):
                assert leak not in data, (name, leak)


def test_header_has_the_banner_and_footer_page_x_of_y_fields(
    rendered: jsi_docs.ExportResult,
) -> None:
    section = open_docx(rendered.data).sections[0]
    assert section.header.paragraphs[0].text == "Initiative conjointe"
    assert section.header.paragraphs[0].style.name == "Header"
    footer = section.footer.paragraphs[0]
    assert footer.style.name == "Footer"
    instructions = [i.text.strip() for i in footer._p.iterfind(".//w:instrText", NS)]
    assert instructions == ["PAGE", "NUMPAGES"]
    kinds = [f.get(f"{{{W}}}fldCharType") for f in footer._p.iterfind(".//w:fldChar", NS)]
    assert kinds == ["begin", "separate", "end"] * 2
    assert footer.text == "Page 1 sur 1"  # the cached field results, in French


def test_labels_language_localises_labels_and_tags_them(rendered: jsi_docs.ExportResult) -> None:
    data = jsi_docs.export(ITEM, "docx", labels_language="en")
    footer = open_docx(data).sections[0].footer.paragraphs[0]
    assert footer.text == "Page 1 of 1"
    langs = {lang.get(f"{{{W}}}val") for lang in footer._p.iterfind(".//w:lang", NS)}
    assert langs == {"en"}
    styles = _paragraph_styles(data)
    headings = [
        p.text
        for p, style in zip(open_docx(data).paragraphs, styles, strict=True)
        if style == "Back Matter Heading"
    ]
    # the prompt is the item's own words, not a label
    assert headings == [
        "Speakers",
        "Also mentioned",
        "Topics",
        "Find out more",
        "This page in other languages",
        "Des problèmes\u202f?",
    ]


def test_core_properties(rendered: jsi_docs.ExportResult) -> None:
    core = open_docx(rendered.data).core_properties
    assert core.title == ITEM.headline
    assert core.subject == "Un chapeau avec du gras et ce que l\u2019Ambassadeur a rapporté."
    assert core.keywords == "flux de données, vie privée"
    assert core.language == "fr"
    assert core.author == core.last_modified_by == "Organisation mondiale du commerce"
    assert core.created == dt.datetime(2023, 6, 1, tzinfo=dt.UTC)
    assert core.modified == dt.datetime(2023, 6, 5, tzinfo=dt.UTC)  # the update
    assert core.revision == 1
    assert core.last_printed is None
    app = part_bytes(rendered.data, "docProps/app.xml")
    assert b"<Application>jsi_docs</Application>" in app


def test_custom_properties_name_the_item_and_series(rendered: jsi_docs.ExportResult) -> None:
    root = part(rendered.data, "docProps/custom.xml")
    props = {p.get("name"): text_of(p) for p in root}
    assert props == {
        "ItemId": "every-node",
        "ItemKind": "news",
        "Series": "Initiative conjointe",
        "SeriesId": "jsi",
        "MeetingSeries": "Plénières 2023",
    }


def test_each_ordered_list_restarts_its_numbering(rendered: jsi_docs.ExportResult) -> None:
    root = part(rendered.data, "word/document.xml")
    num_ids = [n.get(f"{{{W}}}val") for n in root.iterfind(".//w:numPr/w:numId", NS)]
    assert len(num_ids) == 4
    assert num_ids[0] == num_ids[1] != num_ids[2] == num_ids[3]
    numbering = part(rendered.data, "word/numbering.xml")
    for num_id in set(num_ids):
        (num,) = numbering.iterfind(f"w:num[@w:numId='{num_id}']", NS)
        start = num.find("w:lvlOverride/w:startOverride", NS)
        assert start is not None
        assert start.get(f"{{{W}}}val") == "1"


def test_same_item_gives_identical_bytes_with_fixed_timestamps() -> None:
    first = jsi_docs.export(ITEM, "docx")
    second = jsi_docs.export(every_node_item(), "docx")
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert archive.namelist()[0] == "[Content_Types].xml"
    other = jsi_docs.export(every_node_item(headline="Un autre titre"), "docx")
    assert other != first


@pytest.mark.parametrize("path", example_paths(), ids=lambda p: p.name)
def test_embedded_source_round_trips_every_example(path: Path, tmp_path: Path) -> None:
    item = load(path)
    target = tmp_path / "item.docx"
    target.write_bytes(export(item))
    assert jsi_docs.load(target) == item


def test_embedded_source_is_the_canonical_json(rendered: jsi_docs.ExportResult) -> None:
    from jsi_docs.readers.docx_source import extract_source

    embedded = extract_source(rendered.data)
    assert json.loads(embedded) == json.loads(dumps(ITEM, "json"))
    assert "\n" not in embedded.strip()  # compact
    assert "customXml/itemProps1.xml" in members(rendered.data)


def test_line_breaks_and_tabs_are_one_space_as_in_html() -> None:
    item = every_node_item(sections=(section((Paragraph(("un\ndeux\t\tfin",)),)),))
    root = part(jsi_docs.export(item, "docx"), "word/document.xml")
    (run,) = [r for p in root.iterfind(".//w:p", NS) if text_of(p)[:2] == "un" for r in list(p)[1:]]
    assert [(str(c.tag).split("}")[1], c.text) for c in run] == [("t", "un deux fin")]


@pytest.mark.parametrize(
    ("changes", "path", "what"),
    [
        ({"headline": "Titre\x07sonore"}, "$.headline", "U+0007 (a control character)"),
        ({"headline": "Titre \ud800 seul"}, "$.headline", "U+D800 (a lone surrogate)"),
        (
            {"sections": (section((Paragraph(("ok ", Text("non\uffff"))),)),)},
            "$.sections[0].blocks[0].text[0].text",
            "U+FFFF (a noncharacter)",
        ),
    ],
)
def test_text_xml_cannot_hold_is_refused_naming_the_field(
    changes: dict[str, object], path: str, what: str
) -> None:
    item = every_node_item(**changes)
    with pytest.raises(InputError) as caught:
        jsi_docs.export(item, "docx")
    assert caught.value.problems[0].path == path
    assert what in str(caught.value)
    assert "lxml" not in str(caught.value)


def test_every_problem_is_reported_at_once() -> None:
    item = every_node_item(headline="a\x01", lead=("b\x02",))
    with pytest.raises(InputError) as caught:
        jsi_docs.export(item, "docx")
    assert [p.path for p in caught.value.problems] == ["$.headline", "$.lead[0].text"]


@pytest.mark.parametrize(
    ("option", "value"), [("labels_language", "tlh"), ("typography", "baroque")]
)
def test_an_unknown_language_or_profile_is_an_option_error(option: str, value: str) -> None:
    with pytest.raises(OptionError, match=value):
        jsi_docs.export(ITEM, "docx", **{option: value})  # type: ignore[call-overload]


def test_options_of_other_formats_are_refused() -> None:
    with pytest.raises(OptionError, match="pdf_variant"):
        jsi_docs.export(ITEM, "docx", pdf_variant="pdf/a-3b")  # type: ignore[call-overload]


def test_contact_gives_the_address_once_after_the_prompt(rendered: jsi_docs.ExportResult) -> None:
    """With no sentence of its own, the contact shows the labels' sentence around the address,
    as the page does, and no second "E-mail:" line."""
    paragraphs = open_docx(rendered.data).paragraphs
    at = next(i for i, p in enumerate(paragraphs) if p.text == "Des problèmes\u202f?")
    contact = [p.text for p in paragraphs[at + 1 :] if p.style.name == "Contact"]
    assert len(contact) == 1
    assert contact[0].startswith("Veuillez écrire à webmaster@example.org en indiquant")
    assert sum(p.text.count("webmaster@example.org") for p in paragraphs) == 1
