"""Dates as known: a headline or date the source does not give is not made up, and a date known
to the month or year is stated to that precision in every format."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import zipfile
from typing import Any

import attrs
import pypdf
import pytest

import jsi_docs
from jsi_docs.errors import InputError
from jsi_docs.exporters import jsonld
from jsi_docs.model import (
    DateAsWritten,
    Dateline,
    DatePrecision,
    Meeting,
    MeetingKind,
    NewsItem,
    PartialDate,
    Period,
)
from jsi_docs.view import build_view
from tests_helpers import EXAMPLES, french_example

UNKNOWN = EXAMPLES / "council-2024-07-captured-in-part.en.yaml"


def _dated(item: NewsItem, published: PartialDate | None, **changes: Any) -> NewsItem:
    return attrs.evolve(item, published=published, updated=None, **changes)


# -- the model ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "first", "last", "precision"),
    [
        ("2023", dt.date(2023, 1, 1), dt.date(2023, 12, 31), DatePrecision.YEAR),
        ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29), DatePrecision.MONTH),
        ("2023-05-25", dt.date(2023, 5, 25), dt.date(2023, 5, 25), DatePrecision.DAY),
    ],
)
def test_a_partial_date_is_a_range_of_days(
    text: str, first: dt.date, last: dt.date, precision: DatePrecision
) -> None:
    date = PartialDate.parse(text)
    assert (date.first, date.last, date.precision, date.isoformat()) == (
        first,
        last,
        precision,
        text,
    )
    assert (date.date is not None) == (precision is DatePrecision.DAY)


@pytest.mark.parametrize("text", ["2023-13", "2023-02-30", "23", "2023-5", "May 2023", ""])
def test_a_malformed_partial_date_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match=r"YYYY|not a date"):
        PartialDate.parse(text)


@pytest.mark.parametrize(
    ("text", "precision"),
    [
        ("2021/2023", DatePrecision.YEAR),
        ("2023-05/2023-07", DatePrecision.MONTH),
        ("2023-05-01/2023-05-31", DatePrecision.DAY),
        ("2023-05", DatePrecision.MONTH),
    ],
)
def test_a_period_keeps_its_precision_both_ways(text: str, precision: DatePrecision) -> None:
    period = Period.parse(text)
    assert period.precision is precision
    assert period.isoformat() == text  # "1-31 May" stays days; "May" stays a month


def test_a_period_mixing_precisions_is_refused() -> None:
    with pytest.raises(ValueError, match="same precision"):
        Period.parse("2023-05/2023-07-02")


def test_a_date_is_taken_as_a_known_day() -> None:
    item = _dated(french_example(), None)
    day = attrs.evolve(item, published=dt.date(2023, 5, 25)).published
    assert day == PartialDate(2023, 5, 25)


# -- reading and validation ---------------------------------------------------------------------


def test_dates_are_compared_only_where_certainly_wrong() -> None:
    item = french_example()  # published 2023-05-25, meeting 22-25 May 2023
    text = jsi_docs.dumps(_dated(item, PartialDate(2023, 5)), "yaml")
    assert jsi_docs.loads(text, "yaml").published == PartialDate(2023, 5)  # May may be after
    late = jsi_docs.dumps(_dated(item, PartialDate(2023, 4)), "yaml")
    with pytest.raises(InputError) as caught:
        jsi_docs.loads(late, "yaml")
    assert [p.format() for p in caught.value.problems] == [
        "line 15: $.meeting.dates: the meeting starts (2023-05-22) after the item's publication (2023-04)"
    ]


def test_a_year_long_period_with_mixed_ends_names_its_path() -> None:
    text = UNKNOWN.read_text(encoding="utf-8").replace(
        "dates: 2024-07", "dates: 2024-07/2024-08-02"
    )
    with pytest.raises(InputError) as caught:
        jsi_docs.loads(text, "yaml")
    (problem,) = caught.value.problems
    assert re.fullmatch(r"line \d+: \$\.meeting\.dates: both ends of a period .*", problem.format())


# -- the view and every format ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "published", "expected"),
    [
        ("en", PartialDate(2023, 5), "Published in May 2023"),
        ("fr", PartialDate(2023, 5), "Publié en mai 2023"),
        ("es", PartialDate(2023), "Publicado en 2023"),
        ("fr", PartialDate(2023, 5, 1), "Publié le 1er mai 2023"),
    ],
)
def test_the_date_line_says_only_what_is_known(
    language: str, published: PartialDate, expected: str
) -> None:
    item = _dated(french_example(), published, language=language, meeting=None)
    line = build_view(item).published
    assert line is not None
    assert (line.text.replace("\u00a0", " "), line.iso) == (expected, published.isoformat())


@pytest.mark.parametrize(
    ("dates", "expected"),
    [
        ("2023", "2023"),
        ("2021/2023", "2021\u20132023"),
        ("2023-05", "May 2023"),
        ("2023-05/2023-07", "May 2023\u00a0\u2013 July 2023"),
        ("2023-05-01/2023-05-31", "1\u201331 May 2023"),
    ],
)
def test_a_meeting_period_is_printed_to_its_precision(dates: str, expected: str) -> None:
    item = _dated(
        french_example(),
        None,
        language="en",
        meeting=Meeting(MeetingKind.PLENARY, Period.parse(dates)),
    )
    meeting = build_view(item).meeting
    assert meeting is not None
    assert meeting.dates.replace("\u00a0", " ") == expected.replace("\u00a0", " ")
    assert "\u00a0" in meeting.dates or " " not in expected  # a period never breaks a line
    assert "1 January" not in meeting.dates


def test_html_states_no_headline_or_date_it_does_not_know() -> None:
    item = jsi_docs.load(UNKNOWN)
    html = jsi_docs.export(item, "html").decode("utf-8")
    assert '<h1 class="headline untitled">Untitled</h1>' in html
    assert "<title>Untitled</title>" in html
    assert "dcterms.created" not in html
    assert 'class="published"' not in html
    assert '<time datetime="2024-07">July\u00a02024</time>' in html  # the meeting, to the month
    data = jsonld.news_article(build_view(item))
    assert "headline" not in data
    assert "datePublished" not in data
    assert "dateModified" not in data


def test_json_ld_states_a_partial_date_as_such() -> None:
    item = _dated(french_example(), PartialDate(2023, 5))
    assert jsonld.news_article(build_view(item))["datePublished"] == "2023-05"


def test_a_labels_language_marks_the_untitled_label() -> None:
    item = attrs.evolve(french_example(), headline=None)
    html = jsi_docs.export(item, "html", labels_language="en").decode("utf-8")
    assert '<h1 class="headline untitled" lang="en">Untitled</h1>' in html


def _core(docx: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        return z.read("docProps/core.xml").decode("utf-8")


def test_docx_core_properties_hold_no_unknown_date_or_headline() -> None:
    core = _core(jsi_docs.export(jsi_docs.load(UNKNOWN), "docx"))
    assert "dcterms:created" not in core
    assert "dcterms:modified" not in core
    assert not re.search("<dc:title>[^<]", core)  # the "Untitled" label is no title


def test_docx_core_properties_keep_a_partial_date() -> None:
    item = _dated(french_example(), PartialDate(2023, 5), meeting=None)
    core = _core(jsi_docs.export(item, "docx"))
    assert re.search(r'<dcterms:created xsi:type="dcterms:W3CDTF">2023-05</dcterms:created>', core)
    assert re.search(
        r'<dcterms:modified xsi:type="dcterms:W3CDTF">2023-05</dcterms:modified>', core
    )


@pytest.mark.parametrize("variant", ["pdf/ua-1", "pdf/a-3b"])
def test_pdf_has_no_made_up_date(variant: str) -> None:
    data = jsi_docs.export(jsi_docs.load(UNKNOWN), "pdf", pdf_variant=variant)
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert reader.metadata is not None
    assert "/CreationDate" not in reader.metadata
    assert "/ModDate" not in reader.metadata
    assert b"CreationDate" not in data  # nor in an attached source file
    again = jsi_docs.export(jsi_docs.load(UNKNOWN), "pdf", pdf_variant=variant)
    assert again == data  # still deterministic


def test_pdf_states_a_partial_date_to_the_month() -> None:
    item = _dated(french_example(), PartialDate(2023, 5))
    data = jsi_docs.export(item, "pdf", pdf_variant="pdf/a-3b")
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert reader.metadata is not None
    assert str(reader.metadata["/CreationDate"]) == "D:202305"
    attached = reader.attachments  # the source file, dated as the item is
    assert attached
    assert set(re.findall(rb"/(?:CreationDate|ModDate) \((D:[0-9]+)", data)) == {b"D:202305"}


def test_canonical_json_writes_unknown_as_null() -> None:
    data = json.loads(jsi_docs.dumps(jsi_docs.load(UNKNOWN), "json"))
    assert (data["headline"], data["published"], data["meeting"]["dates"]) == (
        None,
        None,
        "2024-07",
    )


# -- dates known only as written -----------------------------------------------------------------


def _written() -> NewsItem:
    """The French item with its publication, update, dateline and meeting dates given only in
    words: nothing in any output may state a calendar date for them."""
    return attrs.evolve(
        french_example(),
        published=DateAsWritten("mercredi"),
        updated=DateAsWritten("le lendemain"),
        dateline=Dateline("Genève", DateAsWritten("mercredi")),
        meeting=Meeting(MeetingKind.PLENARY, DateAsWritten("mardi et mercredi")),
        speakers=tuple(
            attrs.evolve(s, roles=tuple(attrs.evolve(r, period=None) for r in s.roles))
            for s in french_example().speakers
        ),
    )


_ISO = re.compile(r"\b\d{4}-\d{2}(-\d{2})?\b")


def test_a_date_as_written_reads_and_writes_back_in_yaml_and_json() -> None:
    item = _written()
    data = json.loads(jsi_docs.dumps(item, "json"))
    assert data["published"] == {"as_written": "mercredi"}
    assert data["meeting"]["dates"] == {"as_written": "mardi et mercredi"}
    for fmt in ("json", "yaml"):
        assert jsi_docs.loads(jsi_docs.dumps(item, fmt), fmt) == item


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("{as_written: ''}", r"\$\.published\.as_written: must not be empty"),
        ("{as_written: x, day: 3}", r"\$\.published: .*unknown key 'day'"),
        ("mercredi", r"\$\.published: expected a date.*\{as_written: mercredi\}"),
    ],
)
def test_a_date_as_written_is_refused_with_its_place(value: str, message: str) -> None:
    text = (EXAMPLES / "jsi-ecommerce-2023-05-25.fr.yaml").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^published: .*$", f"published: {value}", text, count=1)
    with pytest.raises(InputError, match=message):
        jsi_docs.loads(text, "yaml")


def test_the_schema_takes_a_date_as_written() -> None:
    from jsi_docs.serialization.schema import json_schema

    jsonschema = pytest.importorskip("jsonschema")
    schema = json_schema()
    data = json.loads(jsi_docs.dumps(_written(), "json"))
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(data)) == []
    for words in (" ", "mercredi\n", "mercredi\nmatin", "\u2028mercredi"):
        data["published"] = {"as_written": words}
        assert list(jsonschema.Draft202012Validator(schema).iter_errors(data)), repr(words)


def test_the_view_shows_the_words_and_no_machine_date() -> None:
    view = build_view(_written())
    assert view.published is not None
    assert view.updated is not None
    assert (view.published.text.replace("\u00a0", " "), view.published.iso) == (
        "Publié : mercredi",
        None,
    )
    assert view.updated.iso is None
    assert "le lendemain" in view.updated.text
    assert view.meeting is not None
    assert (view.meeting.start, view.meeting.end) == (None, None)
    assert view.meeting.text.endswith("mardi et mercredi")
    assert view.dateline is not None
    assert (view.dateline.text, view.dateline.iso) == ("Genève, mercredi", None)


def test_html_shows_the_words_with_no_time_element_for_them() -> None:
    html = jsi_docs.export(_written(), "html").decode("utf-8")
    for words in ("mercredi", "le lendemain", "mardi et mercredi"):
        assert f'as-written">{words}</span>' in html
    assert "<time" not in html  # every date of this item is words only
    assert "dcterms.created" not in html
    data = jsonld.news_article(build_view(_written()))
    assert "datePublished" not in data
    assert "dateModified" not in data
    assert not re.search(
        r'"(date(Published|Modified|Created)|startDate|endDate|temporal\w*)"', json.dumps(data)
    )
    assert data["dateline"] == "Genève, mercredi"


def test_html_marks_words_as_written_when_the_labels_are_in_another_language() -> None:
    html = jsi_docs.export(_written(), "html", labels_language="en").decode("utf-8")
    assert '<p class="published" lang="en">Published: ' in html
    assert '<span class="date as-written" lang="fr">mercredi</span>' in html


def test_docx_shows_the_words_and_states_no_date() -> None:
    data = jsi_docs.export(_written(), "docx")
    core = _core(data)
    assert "dcterms:created" not in core
    assert "dcterms:modified" not in core
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        body = z.read("word/document.xml").decode("utf-8")
    text = re.sub(r"<[^>]+>", "", body)
    for words in ("mercredi", "le lendemain", "mardi et mercredi", "Genève, mercredi"):
        assert words in text
    assert not _ISO.search(text)


def test_pdf_shows_the_words_and_states_no_date() -> None:
    data = jsi_docs.export(_written(), "pdf", pdf_variant="pdf/a-3b")
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert reader.metadata is not None
    assert "/CreationDate" not in reader.metadata
    assert "/ModDate" not in reader.metadata
    assert b"CreationDate" not in data
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    for words in ("mercredi", "le lendemain", "mardi et mercredi"):
        assert words in text


def test_a_day_in_words_is_pointed_to_figures_first() -> None:
    text = jsi_docs.dumps(_written(), "yaml")
    with pytest.raises(InputError) as caught:
        jsi_docs.loads(re.sub(r"(?m)^published:.*(\n  .*)*", "published: 24 May 2024", text))
    message = caught.value.problems[0].message
    assert message.endswith("got the text '24 May 2024'; in figures that is 2024-05-24")
    assert "as_written" not in message  # a calendar date is no date "as written"


@pytest.mark.parametrize(
    ("words", "field", "figures"),
    [
        ("May 24th, 2024", "published", "2024-05-24"),
        ("1er juin 2023", "published", "2023-06-01"),
        ("24 de mayo de 2024", "published", "2024-05-24"),
        ("25 мая 2023 г.", "published", "2023-05-25"),
        ("2024年5月", "published", "2024-05"),
        ("٢٤ مايو ٢٠٢٤", "published", "2024-05-24"),
        ("20-24 May 2024", "dates", "2024-05-20/2024-05-24"),
        ("30 May – 2 June 2024", "dates", "2024-05-30/2024-06-02"),
        ("2024年5月22日至25日", "dates", "2024-05-22/2024-05-25"),
    ],
)
def test_a_calendar_date_in_words_is_given_back_in_figures(
    words: str, field: str, figures: str
) -> None:
    from jsi_docs.serialization.date_words import in_figures

    assert in_figures(words, period=field == "dates") == figures


@pytest.mark.parametrize("words", ["mercredi", "last Tuesday", "31 June 2024", "32 May 2024"])
def test_words_that_name_no_calendar_date_are_not_read(words: str) -> None:
    from jsi_docs.serialization.date_words import in_figures

    assert in_figures(words) is None


def test_words_with_a_comma_are_shown_in_quotes() -> None:
    text = jsi_docs.dumps(_written(), "yaml")
    copied = re.sub(r"(?m)^published:.*(\n  .*)*", "published: {as_written: mardi, mercredi}", text)
    with pytest.raises(InputError) as caught:
        jsi_docs.loads(copied)
    message = caught.value.problems[0].message
    assert message.endswith(
        "unknown key 'mercredi' (words with a comma go in quotes: "
        '{as_written: "mardi, mercredi"})'
    )
    bare = re.sub(r"(?m)^published:.*(\n  .*)*", "published: le lendemain, 3", text)
    with pytest.raises(InputError) as caught:
        jsi_docs.loads(bare)
    assert caught.value.problems[0].message.endswith('{as_written: "le lendemain, 3"}')


def _document_xml(docx: bytes, part: str = "word/document.xml") -> str:
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        return z.read(part).decode("utf-8")


def test_docx_shows_the_untitled_label_as_a_label_not_a_headline() -> None:
    """As on the page and in the PDF (the tokens' "untitled" element: muted, italic, not bold):
    the Title paragraph holds the label in the Untitled character style."""
    body = _document_xml(jsi_docs.export(jsi_docs.load(UNKNOWN), "docx"))
    title = re.search(r'<w:p><w:pPr><w:pStyle w:val="Title"/>.*?</w:p>', body)
    assert title is not None
    assert '<w:rStyle w:val="Untitled"/>' in title.group(0)
    assert ">Untitled</w:t>" in title.group(0)
    known = _document_xml(jsi_docs.export(french_example(), "docx"))
    assert 'w:val="Untitled"' not in known


def test_docx_header_shows_no_banner_the_page_does_not() -> None:
    """An item of no series has no banner on the page nor in the PDF: the DOCX header does
    not put the publisher's name there either."""
    item = jsi_docs.load(UNKNOWN)
    assert item.series is None
    assert item.publisher is not None
    docx = jsi_docs.export(item, "docx")
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        headers = [z.read(n).decode("utf-8") for n in z.namelist() if "/header" in n]
    assert headers
    assert not any(item.publisher.name in h for h in headers)
    series = _document_xml(jsi_docs.export(french_example(), "docx"), "word/header1.xml")
    assert "Initiative conjointe sur le commerce électronique" in series


def test_docx_gives_the_standfirst_and_the_cut_off_note_their_own_styles() -> None:
    """The page's muted standfirst and small, muted "[text cut off in the source]" are the
    DOCX's Subtitle paragraph and Editorial Note run (their looks come from the same tokens)."""
    speech = jsi_docs.load(EXAMPLES / "discurso-2024-03-dda-comercio-y-genero.es.yaml")
    assert speech.subtitle
    body = _document_xml(jsi_docs.export(speech, "docx"))
    subtitle = re.search(r'<w:p><w:pPr><w:pStyle w:val="Subtitle"/>.*?</w:p>', body)
    assert subtitle is not None
    assert "Intervención de la Directora General Adjunta" in subtitle.group(0)
    note = re.search(
        r'<w:r><w:rPr><w:rStyle w:val="EditorialNote"/>.*?<w:t[^>]*>([^<]*)</w:t>', body
    )
    assert note is not None
    assert note.group(1) == "[texto interrumpido en la fuente]"
    assert speech.lead is None
    assert 'w:val="Lead"' not in body  # the standfirst is no longer set as a lead


def test_a_notice_is_shown_alike_in_every_format() -> None:
    """ "Check against delivery": the item's words, before the lead, in the Notice style, read
    back from every format."""
    speech = attrs.evolve(
        jsi_docs.load(EXAMPLES / "discurso-2024-03-dda-comercio-y-genero.es.yaml"),
        notice=("Cotéjese con el discurso pronunciado",),
    )
    html = jsi_docs.export(speech, "html").decode("utf-8")
    assert '<p class="notice">Cotéjese con el discurso pronunciado</p>' in html
    body = _document_xml(jsi_docs.export(speech, "docx"))
    notice = re.search(r'<w:p><w:pPr><w:pStyle w:val="Notice"/>.*?</w:p>', body)
    assert notice is not None
    assert "Cotéjese con el discurso pronunciado" in notice.group(0)
    assert jsi_docs.loads(jsi_docs.dumps(speech, "yaml"), "yaml") == speech
    text = jsi_docs.dumps(speech, "yaml")
    assert text.index("notice:") < text.index("sections:")
    reader = pypdf.PdfReader(io.BytesIO(jsi_docs.export(speech, "pdf")))
    assert "Cotéjese con el discurso pronunciado" in reader.pages[0].extract_text()


@pytest.mark.parametrize(
    ("written", "whole"),
    [("2024-05-23/24", "2024-05-23/2024-05-24"), ("2024-05-30/06-02", "2024-05-30/2024-06-02")],
)
def test_a_period_with_its_end_shortened_is_given_back_in_full(written: str, whole: str) -> None:
    text = (
        "id: m\nlanguage: en\nheadline: x\npublished: 2024-06-24\nmeeting:\n  kind: plenary\n"
        f"  dates: {written}\nsections: []\n"
    )
    with pytest.raises(InputError) as caught:
        jsi_docs.loads(text, "yaml")
    assert caught.value.problems[0].message.endswith(f"; in full that is {whole}")
