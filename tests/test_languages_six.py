"""Arabic, Chinese and Russian beside English, French and Spanish, in every format.

Right to left end to end (the page, the fragment, passages, isolation of Latin words, mirrored
print furniture, DOCX paragraphs and runs), fonts for every script, Chinese line breaking, and
the three new seed examples judged by real clients (LibreOffice, poppler).
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
from pathlib import Path

import attrs
import pytest
from lxml import etree

import jsi_docs
from _pdf_helpers import EXAMPLES
from clients import (
    libreoffice_convert,
    pdf_words,
    pdftotext,
    require_libreoffice,
    require_poppler,
)
from jsi_docs.diagnostics import Diagnostic
from jsi_docs.exporters.docx._oxml import W
from jsi_docs.i18n import get_language, supported_languages
from jsi_docs.model import NewsItem, PersonName
from jsi_docs.themes import DEFAULT_THEME_DIR
from jsi_docs.view import needs_isolation

ARABIC = EXAMPLES / "jsi-ecommerce-2023-05-25.ar.yaml"
CHINESE = EXAMPLES / "jsi-ecommerce-2023-05-25.zh.yaml"
RUSSIAN = EXAMPLES / "jsi-ecommerce-2023-05-25.ru.yaml"
NEW = {"ar": ARABIC, "ru": RUSSIAN, "zh": CHINESE}
_W = f"{{{W}}}"


def _item(path: Path) -> NewsItem:
    return jsi_docs.load(path)


def _export(item: NewsItem, fmt: str) -> jsi_docs.ExportResult:
    return jsi_docs.render(item, fmt)


# -- the language files --------------------------------------------------------------------


def test_six_languages_are_supported() -> None:
    assert set(supported_languages()) == {"ar", "en", "es", "fr", "ru", "zh"}
    assert get_language("ar").direction == "rtl"
    assert {get_language(code).direction for code in ("ru", "zh-Hans", "zh-CN")} == {"ltr"}
    assert get_language("ru").quotes == ("«", "»")
    assert get_language("ru").nested_quotes == ("„", "“")
    assert get_language("zh-Hans").quotes == ("“", "”")
    assert get_language("zh").labels["topics"] == "主题"


def test_arabic_and_chinese_punctuation_take_no_space_before() -> None:
    assert get_language("ar").profile.apply("ماذا ؟ نعم ، لا") == "ماذا؟ نعم، لا"
    assert get_language("zh").profile.apply("什么 ？是 ，的") == "什么？是，的"
    assert get_language("ru").profile.apply("Что ?") == "Что?"


def test_chinese_labels_use_full_width_punctuation() -> None:
    labels = get_language("zh").labels
    for term in ("document_symbol", "photo_credit"):
        assert labels[term].endswith("："), term
    assert labels["problems_viewing"].endswith("？")
    assert not re.search(r"[,:;?!]", "".join(str(labels[t]) for t in ("problems_viewing",)))


# -- HTML: direction and isolation -----------------------------------------------------------


def test_arabic_page_and_fragment_are_right_to_left() -> None:
    item = _item(ARABIC)
    page = _export(item, "html").data.decode()
    fragment = jsi_docs.export(item, "html", fragment=True).decode()
    assert '<html lang="ar" dir="rtl">' in page
    assert fragment.startswith('<article class="jsi-item" id="jsi-ecommerce-2023-05-25.ar" '
                               'lang="ar" dir="rtl"')  # fmt: skip
    for code in ("ru", "zh"):
        other = jsi_docs.export(_item(NEW[code]), "html").decode()
        assert 'dir="ltr"' in other
        assert 'dir="rtl"' not in other


def _with_latin_words(item: NewsItem) -> NewsItem:
    """The Arabic example with document symbols and a Latin name, as UN items have."""
    speaker = attrs.evolve(item.speakers[0], name=PersonName("Mina", "George"))
    return attrs.evolve(item, symbols=("WT/L/1234", "INF/ECOM/62/Rev.3"),
                        speakers=(speaker, *item.speakers[1:]))  # fmt: skip


def test_latin_names_symbols_and_links_are_isolated_in_arabic_html() -> None:
    page = _export(_with_latin_words(_item(ARABIC)), "html").data.decode()
    # the symbols are listed with the Arabic comma, as Arabic lists are
    assert "<bdi>WT/L/1234</bdi>\u060c <bdi>INF/ECOM/62/Rev.3</bdi>" in page
    assert '<span class="name p-name"><bdi>George Mina</bdi></span>' in page
    assert "<bdi>webmaster-placeholder@example.invalid</bdi></a>" in page
    assert "<bdi>English</bdi>" in page
    # Arabic words in Arabic text are not isolated
    assert "<bdi>" not in page.split('<h1 class="headline">')[1].split("</h1>")[0]


def test_a_latin_item_is_written_without_isolation() -> None:
    page = jsi_docs.export(_item(EXAMPLES / "jsi-ecommerce-2023-05-25.fr.yaml"), "html").decode()
    assert page.count("<bdi>") == 1  # the Arabic name of the Arabic version, only
    assert "<bdi>العربية</bdi>" in page


def test_isolation_is_needed_only_for_letters_of_the_other_direction() -> None:
    assert needs_isolation("WT/L/1234", "rtl")
    assert not needs_isolation("2023", "rtl")
    assert not needs_isolation("مايو 2023", "rtl")
    assert needs_isolation("العربية", "ltr")
    assert not needs_isolation("Ngozi Okonjo-Iweala", "ltr")


# -- CSS: logical properties and the mirrored page ------------------------------------------


@pytest.mark.parametrize("name", ["screen.css", "print.css"])
def test_stylesheets_use_logical_sides(name: str) -> None:
    css = (DEFAULT_THEME_DIR / name).read_text(encoding="utf-8")
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    # margin boxes (@top-left...) are physical by nature; everything else says start and end
    rules = re.sub(r"@(top|bottom)-(left|right)", "@box", css)
    rules = re.sub(r"@box\s*\{[^}]*\}", "", rules)
    physical = re.findall(r"(?:margin|padding|border)-(?:left|right)\b|text-align:\s*(?:left|right)"
                          r"|\b(?:left|right)\s*:|float:\s*(?:left|right)", rules)  # fmt: skip
    assert physical == []
    assert "margin-inline-start" in css
    assert "text-align: start" in css


def test_print_mirrors_the_page_for_right_to_left_items() -> None:
    css = (DEFAULT_THEME_DIR / "print.css").read_text(encoding="utf-8")
    assert 'html[dir="rtl"] body { page: jsi-rtl; }' in css
    mirrored = css.split("@page jsi-rtl {", 2)[2].split("\n}\n", 1)[0]
    assert "@top-right {\n    width: 72%;\n    content: string(series);" in mirrored
    assert "@bottom-left" in mirrored
    assert "margin: 24mm 22mm 22mm 20mm;" in css  # the generated block mirrors the margins


def test_arabic_pdf_has_its_page_number_at_the_bottom_left(tmp_path: Path) -> None:
    require_poppler()
    pdf = tmp_path / "ar.pdf"
    pdf.write_bytes(_export(_item(ARABIC), "pdf").data)
    french = tmp_path / "fr.pdf"
    french.write_bytes(_export(_item(EXAMPLES / "jsi-ecommerce-2023-05-25.fr.yaml"), "pdf").data)
    width = 595.0  # A4
    arabic_page = [w for w in pdf_words(pdf, last=1) if _is(w.text, "الصفحة")]
    french_page = [w for w in pdf_words(french, last=1) if w.text == "Page"]
    assert arabic_page, "the Arabic page number"
    assert french_page, "the French page number"
    assert arabic_page[-1].x_max < width / 3
    assert french_page[-1].x_min > width * 2 / 3


# -- PDF: fonts, languages, Chinese line breaks ----------------------------------------------


def _empty_boxes(diagnostics: tuple[Diagnostic, ...]) -> list[str]:
    return [d.message for d in diagnostics if "empty boxes" in d.message or ".notdef" in d.message]


@pytest.mark.parametrize("code", sorted(NEW))
def test_new_languages_print_every_character(code: str, tmp_path: Path) -> None:
    require_poppler()
    result = _export(_item(NEW[code]), "pdf")
    assert _empty_boxes(result.diagnostics) == []
    pdf = tmp_path / f"{code}.pdf"
    pdf.write_bytes(result.data)
    from clients import pdffonts

    fonts = pdffonts(pdf)
    assert all(f["emb"] == "yes" and f["sub"] == "yes" for f in fonts), fonts
    names = " ".join(f["name"] for f in fonts)
    expected = {"ar": "Noto-Naskh-Arabic", "zh": "Noto-Serif-CJK-SC", "ru": "DejaVu-Serif"}
    assert expected[code] in names


def test_pdf_tags_passages_in_other_languages() -> None:
    from test_weasyprint_hooks import _struct_languages

    data = _export(_item(ARABIC), "pdf").data
    assert {"en", "fr", "es", "ru", "zh-Hans"} <= _struct_languages(data)


def test_a_script_without_a_font_is_a_diagnostic_naming_it() -> None:
    item = _item(EXAMPLES / "jsi-ecommerce-2023-05-25.en.yaml")
    toto = attrs.evolve(item, headline=f"{item.headline} \U0001e290\U0001e291")
    messages = _empty_boxes(_export(toto, "pdf").diagnostics)
    assert len(messages) == 1
    assert "the Toto script (U+1E290, U+1E291)" in messages[0]
    assert ".notdef" not in messages[0]


def test_missing_script_diagnostics_group_characters_by_script() -> None:
    from jsi_docs.exporters.pdf._missing_glyphs import missing_script_diagnostics, script_of

    assert [script_of(c) for c in "ب中ЖA🚀\ue000\u2028"] == [
        "Arabic", "CJK", "Cyrillic", "Latin", "symbol", "unassigned", "invisible",
    ]  # fmt: skip
    record = logging.LogRecord("weasyprint", logging.WARNING, "", 0, "%s", None, None)
    record.msg = '.notdef glyph rendered for Unicode string unsupported by fonts: "中文ب"'
    messages = [d.message for d in missing_script_diagnostics([record, record])]
    assert len(messages) == 2
    assert "the CJK script (U+4E2D, U+6587)" in messages[0]
    assert "apt-get install fonts-noto-cjk" in messages[0]
    assert "apt-get install fonts-noto-core" in messages[1]


FORBIDDEN_AT_LINE_START = "，。、：；！？）」』】〕〉》”’·…%,.:;!?)]}"
"""Chinese closing punctuation (GB/T 15834, and the kinsoku rules): never first on a line."""


def test_no_chinese_pdf_line_starts_with_closing_punctuation(tmp_path: Path) -> None:
    require_poppler()
    pdf = tmp_path / "zh.pdf"
    pdf.write_bytes(_export(_item(CHINESE), "pdf").data)
    lines = [line.strip() for line in pdftotext(pdf).splitlines() if line.strip()]
    assert len(lines) > 30
    assert any("，" in line for line in lines)
    offending = [line for line in lines if line[0] in FORBIDDEN_AT_LINE_START]
    assert offending == []


# -- DOCX: right-to-left paragraphs and runs ---------------------------------------------


def _is(found: str, word: str) -> bool:
    """Whether poppler's ``found`` is ``word``: it gives right-to-left words in visual order."""
    return word in (found, found[::-1])


def _document_xml(data: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return etree.fromstring(z.read("word/document.xml"))


def test_arabic_docx_paragraphs_and_runs_are_right_to_left() -> None:
    root = _document_xml(_export(_item(ARABIC), "docx").data)
    paragraphs = list(root.iter(f"{_W}p"))
    assert paragraphs
    assert all(p.find(f"{_W}pPr/{_W}bidi") is not None for p in paragraphs)
    assert root.find(f".//{_W}sectPr/{_W}bidi") is not None
    for run in root.iter(f"{_W}r"):
        text = "".join(t.text or "" for t in run.iter(f"{_W}t"))
        rtl = run.find(f"{_W}rPr/{_W}rtl") is not None
        assert rtl == bool(re.search("[\u0600-\u06ff]", text)), text


def test_chinese_and_russian_docx_stay_left_to_right_with_their_language() -> None:
    for code, lang in (("zh", "zh-Hans"), ("ru", "ru")):
        data = _export(_item(NEW[code]), "docx").data
        root = _document_xml(data)
        assert root.find(f".//{_W}bidi") is None
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            styles = etree.fromstring(z.read("word/styles.xml"))
        default = styles.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr/{_W}lang")
        assert default is not None
        assert default.get(f"{_W}val") == lang
        assert (default.get(f"{_W}eastAsia") == lang) == (code == "zh")


def test_docx_styles_name_complex_script_and_east_asian_fonts() -> None:
    data = _export(_item(CHINESE), "docx").data
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        styles = z.read("word/styles.xml").decode()
    assert 'w:eastAsia="Noto Serif CJK SC" w:cs="Noto Naskh Arabic"' in styles
    assert 'w:eastAsia="Noto Sans CJK SC" w:cs="Noto Sans Arabic"' in styles


def test_libreoffice_sets_arabic_paragraphs_right_to_left(tmp_path: Path) -> None:
    """LibreOffice's own rendering: the first words of an Arabic paragraph stand at the right
    margin, each to the left of the one before."""
    require_libreoffice()
    require_poppler()
    docx = tmp_path / "ar.docx"
    docx.write_bytes(_export(_item(ARABIC), "docx").data)
    pdf = libreoffice_convert(docx, "pdf", tmp_path)
    words = pdf_words(pdf, last=1)
    first = next(w for w in words if _is(w.text, "ملاحظاته"))  # "في ملاحظاته الافتتاحية، ..."
    line = [w for w in words if abs(w.y_min - first.y_min) < 2]
    before = next(w for w in line if _is(w.text, "في"))
    after = next(w for w in line if _is(w.text.strip("،,"), "الافتتاحية"))
    assert before.x_min > first.x_max > first.x_min > after.x_max
    right_edge = max(w.x_max for w in words)
    assert right_edge - before.x_max < 5, "the paragraph starts at the right margin"
    # the same paragraph in English starts at the left margin
    english = tmp_path / "en.docx"
    english.write_bytes(_export(_item(EXAMPLES / "jsi-ecommerce-2023-05-25.en.yaml"), "docx").data)
    en_words = pdf_words(libreoffice_convert(english, "pdf", tmp_path), last=1)
    opening = next(w for w in en_words if w.text == "opening")
    assert opening.x_min < 150


def test_an_agenda_number_of_the_other_direction_is_isolated() -> None:
    """ "3(b)" in the label "البند {number}." would be reordered by the bidi algorithm into
    ".(b)3": the number is set between Unicode isolates, in every format (a label has no
    markup of its own), and only where its direction differs from the item's."""
    from jsi_docs.view import build_view

    arabic = _item(ARABIC)
    first = attrs.evolve(arabic.sections[0], agenda_item="3(b)")
    view = build_view(attrs.evolve(arabic, sections=(first, *arabic.sections[1:])))
    assert view.sections[0].agenda_item == "البند \u20683(b)\u2069."
    plain_number = attrs.evolve(arabic.sections[0], agenda_item="3")
    view = build_view(attrs.evolve(arabic, sections=(plain_number, *arabic.sections[1:])))
    assert view.sections[0].agenda_item == "البند 3."
    english = jsi_docs.load(EXAMPLES / "jsi-ecommerce-2023-05-25.en.yaml")
    latin = attrs.evolve(english.sections[0], agenda_item="3(b)")
    view = build_view(attrs.evolve(english, sections=(latin, *english.sections[1:])))
    assert view.sections[0].agenda_item == "Item 3(b)."
    item = attrs.evolve(arabic, sections=(first, *arabic.sections[1:]))
    assert "\u20683(b)\u2069" in jsi_docs.export(item, "html").decode("utf-8")
    with zipfile.ZipFile(io.BytesIO(jsi_docs.export(item, "docx"))) as z:
        assert "\u20683(b)\u2069" in z.read("word/document.xml").decode("utf-8")
