"""PDF export of every example, judged by poppler, qpdf and pypdf."""

from __future__ import annotations

import functools
import io
import os
import re
import subprocess
import sys
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs
import pypdf
import pytest

import jsi_docs
from _extract import pdf_text
from _pdf_helpers import FRENCH, example_paths, french_item, load, squeeze
from clients import (
    pdffonts,
    pdfinfo,
    pdftotext,
    qpdf_check,
    require_poppler,
    require_qpdf,
)
from jsi_docs.exporters import OptionError, option_names
from jsi_docs.exporting import render
from jsi_docs.i18n import capitalize_first, get_language
from jsi_docs.i18n.labels import Term, labels
from jsi_docs.model import (
    BlockQuote,
    CollectiveSpeaker,
    Figure,
    ListBlock,
    NewsItem,
    Paragraph,
    PartialDate,
    Quotation,
    RichText,
    Section,
    Speaker,
    Table,
    plain_text,
    walk,
)
from jsi_docs.themes import DEFAULT_THEME_DIR
from jsi_docs.themes.tokens import TOKENS_NAME, load_tokens
from tests_helpers import shown_text

pytest.importorskip("weasyprint")

EXAMPLES = example_paths()
IDS = [p.name.removesuffix(".yaml") for p in EXAMPLES]


@functools.cache
def _pdf(path: Path, **options: Any) -> bytes:
    return render(load(path), "pdf", **options).data


def _catalog(data: bytes) -> Any:
    """The PDF's document catalog (``/Root``), read by pypdf."""
    return pypdf.PdfReader(io.BytesIO(data)).trailer["/Root"]


def _write(tmp_path: Path, data: bytes, name: str = "item.pdf") -> Path:
    target = tmp_path / name
    target.write_bytes(data)
    return target


def _block_texts(item: NewsItem) -> list[str]:
    """The text of every block (statements and quotations included), in reading order."""
    texts: list[str] = []
    notes = item.note_numbers()  # the marks' numbers are printed with the words

    def shown(text: RichText) -> str:
        return shown_text(text, notes)

    for _, _, block in item.blocks():
        match block:
            case Paragraph():
                texts.append(shown(block.text))
            case ListBlock():
                texts.extend(shown(entry) for entry in block.items)
            case BlockQuote():
                texts.extend(shown(p) for p in block.paragraphs)
            case Table():
                texts.extend(shown(t) for t in block.texts())
            case Figure():
                # No example allows its image URL: the PDF prints the text alternative.
                texts.append(block.alt)
                texts.extend([shown(block.caption)] if block.caption else [])
    return texts


def _quotations(item: NewsItem) -> list[str]:
    found: list[str] = []
    for _, _, block in item.blocks():
        match block:
            case Paragraph():
                runs = [block.text]
            case ListBlock():
                runs = list(block.items)
            case BlockQuote():
                runs = list(block.paragraphs)
            case Figure():
                runs = [block.caption] if block.caption else []
            case Table():
                runs = list(block.texts())
        for run in runs:
            found += [plain_text(n.content) for n in walk(run) if isinstance(n, Quotation)]
    return found


def _speaker_names(item: NewsItem) -> list[str]:
    speakers: list[Speaker | CollectiveSpeaker] = [*item.speakers, *item.collective_speakers]
    return [s.label if isinstance(s, CollectiveSpeaker) else _full_name(s) for s in speakers]


def _full_name(speaker: Speaker) -> str:
    if speaker.name is None:  # a delegation with no person named: shown by its Member
        assert speaker.member is not None, "the examples name every speaker"
        return capitalize_first(speaker.member.name)  # opening its line
    return speaker.name.full


def _body_text(pdf: Path, item: NewsItem) -> str:
    """pdftotext of the pages without their running header and footer lines."""
    pages = pdftotext(pdf).split("\f")
    words = labels(item.language).get(Term.PAGE_X_OF_Y, page="(\\d+)", pages="(\\d+)")
    footer = re.compile("^" + re.escape(words).replace(re.escape("(\\d+)"), r"\d+") + "$")
    series = item.series.label.upper() if item.series else None
    kept: list[str] = []
    for number, page in enumerate(pages):
        lines = [line for line in page.splitlines() if line.strip()]
        if number > 0 and series and lines and lines[0].strip() == series:
            lines = lines[2:]  # the running header: series banner and date
        kept += [line for line in lines if not footer.match(line.strip())]
    return "\n".join(kept)


@pytest.mark.parametrize("path", EXAMPLES, ids=IDS)
def test_pdfinfo_title_language_tagged_pages(path: Path, tmp_path: Path) -> None:
    require_poppler()
    item = load(path)
    pdf = _write(tmp_path, _pdf(path))

    info = pdfinfo(pdf)

    assert squeeze(info["Title"]) == squeeze(item.headline or labels(item.language)["untitled"])
    assert info["Tagged"] == "yes"
    assert int(info["Pages"]) >= 1
    if not isinstance(item.published, PartialDate):  # no date is made up: the PDF has none
        assert "CreationDate" not in info
    else:
        assert info["CreationDate"].startswith(item.published.isoformat())
    assert info["Producer"].startswith("WeasyPrint")
    assert info["Creator"].startswith("jsi_docs")
    if item.lead:
        assert squeeze(info["Subject"]) == squeeze(plain_text(item.lead))
    if item.publisher:
        assert info["Author"] == item.publisher.name
    for topic in item.topics:
        assert topic.label in info["Keywords"]
    root = _catalog(pdf.read_bytes())
    assert root["/Lang"] == item.language
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root


@pytest.mark.parametrize("path", EXAMPLES, ids=IDS)
def test_every_font_is_embedded_as_a_subset(path: Path, tmp_path: Path) -> None:
    require_poppler()
    fonts = pdffonts(_write(tmp_path, _pdf(path)))
    assert fonts
    assert [f["name"] for f in fonts if f["emb"] != "yes" or f["sub"] != "yes"] == []
    # the theme's own fonts, or those its font stacks name for other scripts (Noto)
    tokens = load_tokens(DEFAULT_THEME_DIR / TOKENS_NAME)
    named = {name.replace(" ", "-") for font in tokens.fonts.values() for name in font.css}
    for font in fonts:
        name = font["name"].split("+", 1)[-1]
        assert name.startswith("JSI-") or name.rsplit("-", 1)[0] in named or name in named, name


@pytest.mark.parametrize("path", EXAMPLES, ids=IDS)
def test_text_has_every_statement_quotation_and_speaker_in_reading_order(
    path: Path, tmp_path: Path
) -> None:
    require_poppler()
    item = load(path)
    if get_language(item.language).direction == "rtl":
        _check_right_to_left_text(item, pdf_text(_pdf(path), body_only=True))
        return
    text = squeeze(_body_text(_write(tmp_path, _pdf(path)), item))
    position = 0
    for block in map(squeeze, _block_texts(item)):
        found = text.find(block, position)
        assert found >= 0, f"missing or out of order: {block[:80]!r}"
        position = found + len(block)
    for quotation in _quotations(item):
        assert squeeze(quotation) in text
    for name in _speaker_names(item):
        assert squeeze(name) in text, name


def _check_right_to_left_text(item: NewsItem, text: str) -> None:
    """Right-to-left text as pypdf reads it: lines in logical order, words whole (poppler
    splits Arabic lines around marks and bold runs), but the runs of one line that hold digits
    or brackets in visual order, and a space between two runs may be lost. So: the blocks
    start in reading order, and every word of every block, quotation and speaker's name is
    there, written whole."""
    letters = _letters(text)
    position = 0
    for block in _block_texts(item):
        first = _letters(" ".join(block.split()[:3]))
        found = letters.find(first, position)
        assert found >= 0, f"missing or out of order: {block[:80]!r}"
        position = found + len(first)
    for source in (*_block_texts(item), *_quotations(item), *_speaker_names(item)):
        missing = [w for w in _letters(source, keep_spaces=True).split() if w not in letters]
        assert not missing, (source[:80], missing)


def _letters(text: str, *, keep_spaces: bool = False) -> str:
    """Letters only (and spaces between words with ``keep_spaces``), without combining marks
    (Arabic vowel signs), case-folded."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = (
        c if c.isalpha() else " " if keep_spaces and not unicodedata.combining(c) else ""
        for c in decomposed
        if not unicodedata.combining(c)
    )
    return "".join(kept)


def test_the_french_example_has_every_quotation() -> None:
    """Guard for the test above: the example really has quotations and speakers to find."""
    item = french_item()
    assert len(_quotations(item)) >= 2
    assert len(_speaker_names(item)) >= 3


@pytest.mark.parametrize("path", EXAMPLES, ids=IDS)
def test_qpdf_finds_nothing_wrong(path: Path, tmp_path: Path) -> None:
    require_qpdf()
    assert qpdf_check(_write(tmp_path, _pdf(path))) == []


@pytest.mark.parametrize("variant", ["pdf/a-3b", "pdf/a-3u"])
def test_pdfa3_is_clean_and_carries_its_source(variant: str, tmp_path: Path) -> None:
    require_qpdf()
    data = _pdf(FRENCH, pdf_variant=variant)
    pdf = _write(tmp_path, data)

    assert qpdf_check(pdf) == []
    root = _catalog(data)
    associated = [ref.get_object() for ref in root["/AF"]]
    assert [spec["/AFRelationship"] for spec in associated] == ["/Source"]
    assert associated[0]["/UF"].endswith(".json")
    xmp = root["/Metadata"].get_object().get_data()
    assert b'pdfaid:part="3"' in xmp
    assert f'pdfaid:conformance="{variant[-1].upper()}"'.encode() in xmp


@pytest.mark.parametrize("variant", ["pdf/a-3b", "pdf/a-3u", "pdf/ua-1"])
def test_loading_the_pdf_gives_back_an_equal_item(variant: str, tmp_path: Path) -> None:
    item = french_item()
    pdf = _write(tmp_path, _pdf(FRENCH, pdf_variant=variant))
    assert jsi_docs.load(pdf) == item


@pytest.mark.parametrize("path", EXAMPLES, ids=IDS)
def test_modification_date_is_the_update_date(path: Path) -> None:
    """ModDate (and xmp:ModifyDate) is the item's ``updated`` date, as the DOCX's ``modified``
    and the JSON-LD's ``dateModified`` are, and the publication date for an item never
    updated; the creation date stays the publication date."""
    item = load(path)
    reader = pypdf.PdfReader(io.BytesIO(_pdf(path)))
    info = reader.metadata
    assert info is not None
    xmp = _catalog(_pdf(path))["/Metadata"].get_object().get_data().decode()
    modified = item.updated or item.published
    if not isinstance(modified, PartialDate) or not isinstance(item.published, PartialDate):
        # unknown dates, and dates known only as words, are not made up
        assert not isinstance(modified, PartialDate)
        assert "/ModDate" not in info
        assert "/CreationDate" not in info
        assert "ModifyDate" not in xmp
        assert "CreateDate" not in xmp
        return
    assert str(info["/ModDate"]).startswith("D:" + modified.isoformat().replace("-", ""))
    assert str(info["/CreationDate"]).startswith("D:" + item.published.isoformat().replace("-", ""))
    assert re.search(rf"ModifyDate[^0-9]*{modified.isoformat()}", xmp)


def test_an_example_has_an_update_date() -> None:
    assert any(load(path).updated for path in EXAMPLES)


def test_pdfua_is_declared_in_the_metadata() -> None:
    root = _catalog(_pdf(FRENCH))
    assert b'pdfuaid:part="1"' in root["/Metadata"].get_object().get_data()


def test_two_renders_give_identical_bytes() -> None:
    item = french_item()
    first = render(item, "pdf").data
    other = render(load(EXAMPLES[0]), "pdf").data  # warm caches with another item in between
    second = render(item, "pdf").data
    assert other != first
    assert first == second


def test_renders_in_fresh_processes_give_identical_bytes(tmp_path: Path) -> None:
    """No clock, random id or hash order leaks in: other processes, other hash seeds."""
    outputs = []
    for seed in ("1", "2"):
        target = tmp_path / f"{seed}.pdf"
        code = (
            "import sys, jsi_docs\n"
            f"item = jsi_docs.load({str(FRENCH)!r})\n"
            f"open({str(target)!r}, 'wb').write(jsi_docs.export(item, 'pdf', pdf_variant='pdf/a-3u'))\n"
        )
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", code], check=True, env=env, timeout=180)
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1]
    assert outputs[0] == _pdf(FRENCH, pdf_variant="pdf/a-3u")


def test_bookmarks_are_the_headline_and_the_sections() -> None:
    item = french_item()
    reader = pypdf.PdfReader(io.BytesIO(_pdf(FRENCH)))

    def titles(outline: Sequence[Any]) -> list[str]:
        out: list[str] = []
        for entry in outline:
            out += titles(entry) if isinstance(entry, list) else [str(entry.title)]
        return out

    expected = [item.headline or "", *(s.heading for s in item.sections if s.heading)]
    assert [squeeze(t) for t in titles(reader.outline)] == [squeeze(t) for t in expected]


def test_pages_carry_the_series_and_a_localised_page_number(tmp_path: Path) -> None:
    require_poppler()
    item = french_item()
    assert item.series is not None
    pdf = _write(tmp_path, _pdf(FRENCH))
    pages = pdftotext(pdf).split("\f")[:-1]
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} sur {len(pages)}" in page
    assert all(item.series.label.upper() in page for page in pages[1:])


def test_labels_language_changes_the_page_words(tmp_path: Path) -> None:
    require_poppler()
    pdf = _write(tmp_path, render(french_item(), "pdf", labels_language="en").data)
    assert "Page 1 of " in pdftotext(pdf)


def test_text_is_not_hyphenated(tmp_path: Path) -> None:
    """The house style sets text ragged right with no automatic hyphenation, as the DOCX and the
    screen do: no line of the PDF ends in a word broken by a hyphen."""
    require_poppler()
    text = pdftotext(_write(tmp_path, _pdf(FRENCH)))
    assert len(text.splitlines()) > 40
    assert not re.search(r"\w[\u2010-]\n\w", text)


@pytest.mark.parametrize(("size", "points"), [("A4", (595, 842)), ("Letter", (612, 792))])
def test_page_size_option(size: str, points: tuple[int, int]) -> None:
    reader = pypdf.PdfReader(io.BytesIO(_pdf(FRENCH, page_size=size)))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == points


@pytest.mark.parametrize(
    "options",
    [{"pdf_variant": "pdf/x-4"}, {"page_size": "A3"}, {"fragment": True}],
)
def test_bad_options_are_refused(options: dict[str, Any]) -> None:
    with pytest.raises(OptionError):
        render(french_item(), "pdf", **options)


def test_the_exporter_describes_itself() -> None:
    from jsi_docs.exporters import get_exporter

    exporter = get_exporter("pdf")
    assert (exporter.name, exporter.media_type, exporter.suffix) == (
        "pdf",
        "application/pdf",
        ".pdf",
    )
    assert {"pdf_variant", "page_size", "allowed_urls", "theme", "strict"} <= set(
        option_names(exporter.options_type)
    )


@pytest.mark.parametrize("path", EXAMPLES, ids=IDS)
def test_examples_render_with_no_diagnostic(path: Path) -> None:
    """The default theme's print.css and fonts give WeasyPrint nothing to complain about; the
    only diagnostics say that figures' images were not fetched (no URL is allowed here)."""
    item = load(path)
    images = [b.image for _, _, b in item.blocks() if isinstance(b, Figure)]
    if not images:
        assert render(item, "pdf", pdf_variant="pdf/a-3u", strict=True).diagnostics == ()
        return
    diagnostics = render(item, "pdf", pdf_variant="pdf/a-3u").diagnostics
    assert len(diagnostics) == len(images)
    for diagnostic, image in zip(diagnostics, images, strict=True):
        assert f"{image} not fetched (not under allowed_urls)" in diagnostic.message


def _last_line_of_first_page(data: bytes, tmp_path: Path) -> str:
    first = pdftotext(_write(tmp_path, data), first=1, last=1)
    lines = [line.strip() for line in first.splitlines() if line.strip()]
    return lines[-2] if len(lines) >= 2 else ""  # the very last line is the page number


def test_a_heading_is_kept_with_what_follows(tmp_path: Path) -> None:
    """Find a length at which a heading would end page 1 without ``break-after: avoid`` (a
    control theme turns it off), and check that the default theme moves it to page 2."""
    require_poppler()
    from jsi_docs.themes import DEFAULT_THEME_DIR

    control = tmp_path / "control"
    control.mkdir()
    (control / "print.css").write_text(
        (DEFAULT_THEME_DIR / "print.css").read_text(encoding="utf-8")
        + "\nh1, h2, h3 { break-after: auto !important; }\n",
        encoding="utf-8",
    )
    heading = "Le titre à garder avec la suite"
    filler = "Texte de remplissage qui pousse le titre vers le bas de la page. " * 3
    for count in range(4, 20):
        item = attrs.evolve(
            french_item(),
            sections=(
                Section([Paragraph([filler]) for _ in range(count)]),
                Section([Paragraph(["Le paragraphe qui suit le titre."])], heading=heading),
            ),
        )
        if _last_line_of_first_page(render(item, "pdf", theme=control).data, tmp_path) == heading:
            break
    else:
        pytest.fail("the control never ended a page with the heading: adjust the filler")
    kept = render(item, "pdf").data
    assert _last_line_of_first_page(kept, tmp_path) != heading
    assert heading in pdftotext(_write(tmp_path, kept), first=2, last=2)


def test_set_apart_quotations_are_signed_by_their_speaker(tmp_path: Path) -> None:
    """Right after a set-apart quotation comes "— <speaker>" (its figcaption)."""
    require_poppler()
    summary = next(p for p in EXAMPLES if "meeting-summary" in p.name)
    item = load(summary)
    quotes = [b for _, _, b in item.blocks() if isinstance(b, BlockQuote) and b.speaker]
    assert quotes, "the example should hold a set-apart quotation by a speaker"
    raw = _body_text(_write(tmp_path, _pdf(summary)), item)
    text = squeeze(raw)
    for quote in quotes:
        speaker = item.speaker(quote.speaker or "")
        assert isinstance(speaker, Speaker)
        end = text.find(squeeze(plain_text(quote.paragraphs[-1])))
        assert end >= 0
        end += len(squeeze(plain_text(quote.paragraphs[-1])))
        assert squeeze(_full_name(speaker)) in text[end : end + 80]
        first_word = (speaker.honorific or _full_name(speaker)).split()[0]
        assert re.search("\u2014\\s+" + re.escape(first_word), raw), "no dash before the name"
