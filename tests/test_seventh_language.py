"""A dry run of docs/languages.md, "Add a seventh language": Hebrew, right to left in a script
none of the six uses, added as the page says -- one data file, copied from the closest
language (Arabic, for its direction) and translated -- in a copy of the data directory.

What the page promises is checked on the result: the language is supported everywhere, its
dates agree with Babel's long format, and "direction = "rtl" is enough for the page, the PDF
and the DOCX" (a right-to-left page, a mirrored print page, DOCX paragraphs and runs right to
left), with no font added because the installed ones cover Hebrew (no missing-glyph warning).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import zipfile
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import attrs
import pytest
from babel.dates import format_date as babel_format_date
from lxml import etree

import jsi_docs
from _pdf_helpers import EXAMPLES
from clients import pdf_words, require_poppler
from jsi_docs.exporters.docx._oxml import W
from jsi_docs.i18n import catalog as catalog_module
from jsi_docs.i18n import direction, format_date, get_language, supported_languages
from jsi_docs.model import NewsItem, Paragraph

SHIPPED = Path(str(resources.files("jsi_docs.i18n").joinpath("data")))
_W = f"{{{W}}}"

# Step 1 of the page: the closest language's file, with what Hebrew writes differently.
HEBREW = {
    r"^locale = .*": 'locale = "he"',
    r"^month = .*": "month = \"'ב'MMMM\"",  # "25 במאי 2023": the prefix is a quoted literal
    r"^month_year = .*": "month_year = \"'ב'MMMM y\"",
    r"^name = .*": 'name = "hebrew"',
    r"^quotes = .*": 'quotes = ["“", "”"]',
    r"^nested_quotes = .*": 'nested_quotes = ["‘", "’"]',
    r"^topics = .*": 'topics = "נושאים"',
    r"^find_out_more = .*": 'find_out_more = "למידע נוסף"',
    r"^page_x_of_y = .*": 'page_x_of_y = "עמוד {page} מתוך {pages}"',
    r"^published = .*": 'published = "פורסם ב־{date}"',
}
HEADLINE = "המשא ומתן על המסחר האלקטרוני שומר על תנופה חיובית"
PARAGRAPH = "המשתתפים סקרו את עבודת הקבוצות הקטנות ונקראו למצוא בסיס משותף לפני פגרת הקיץ."


@pytest.fixture
def hebrew(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The library reading a copy of its data directory with ``he.toml`` added."""
    data = tmp_path / "data"
    shutil.copytree(SHIPPED, data)
    text = (data / "languages" / "ar.toml").read_text(encoding="utf-8")
    for pattern, line in HEBREW.items():
        text, count = re.subn(pattern, line, text, count=1, flags=re.M)
        assert count == 1, pattern
    (data / "languages" / "he.toml").write_text(text, encoding="utf-8")
    monkeypatch.setattr(catalog_module, "DATA", data)
    monkeypatch.setattr(catalog_module, "_loaded", None)  # read again, from the new directory
    yield
    monkeypatch.undo()


def _item() -> NewsItem:
    item = jsi_docs.load(EXAMPLES / "jsi-ecommerce-2023-05-25.en.yaml")
    first = item.sections[0]
    first = attrs.evolve(first, blocks=(Paragraph([PARAGRAPH]), *first.blocks))
    return attrs.evolve(
        item,
        language="he",
        headline=HEADLINE,
        sections=(first, *item.sections[1:]),
        symbols=("WT/L/1234",),
    )


@pytest.mark.usefixtures("hebrew")
def test_the_file_makes_hebrew_a_supported_language_with_babel_s_dates() -> None:
    assert "he" in supported_languages()
    assert direction("he-IL") == "rtl"
    assert get_language("he").labels["topics"] == "נושאים"
    for day in (dt.date(2023, 5, 25), dt.date(2024, 1, 1), dt.date(1999, 12, 31)):
        expected = babel_format_date(day, "long", locale="he")
        assert format_date(day, "he") == expected
    assert format_date(dt.date(2023, 5, 25), "he") == "25 במאי 2023"
    assert jsi_docs.validate(_item()) == []


@pytest.mark.usefixtures("hebrew")
def test_the_page_is_right_to_left_with_latin_words_isolated() -> None:
    result = jsi_docs.render(_item(), "html")
    assert result.diagnostics == ()  # no fallback to English labels
    page = result.data.decode()
    assert '<html lang="he" dir="rtl">' in page
    assert 'lang="he" dir="rtl"' in page.split("<article", 1)[1].split(">", 1)[0]
    assert "<bdi>WT/L/1234</bdi>" in page
    assert "למידע נוסף" in page


@pytest.mark.usefixtures("hebrew")
def test_the_pdf_is_mirrored_and_every_character_has_a_glyph(tmp_path: Path) -> None:
    require_poppler()
    result = jsi_docs.render(_item(), "pdf")
    assert [d.message for d in result.diagnostics] == []  # no "no installed font has ..."
    pdf = tmp_path / "he.pdf"
    pdf.write_bytes(result.data)
    words = pdf_words(pdf, last=1)
    page_word = [w for w in words if "עמוד" in (w.text, w.text[::-1])]
    assert page_word, "the page number, in Hebrew"
    assert page_word[-1].x_max < 595 / 3  # bottom left, as in Arabic
    headline = [w for w in words if "המשא" in (w.text, w.text[::-1])]
    assert headline
    assert headline[0].x_min > 595 / 2  # the headline's first word at the right


@pytest.mark.usefixtures("hebrew")
def test_the_docx_paragraphs_and_runs_are_right_to_left() -> None:
    data = jsi_docs.export(_item(), "docx")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = etree.fromstring(z.read("word/document.xml"))
        styles = etree.fromstring(z.read("word/styles.xml"))
    paragraphs = list(root.iter(f"{_W}p"))
    assert paragraphs
    assert all(p.find(f"{_W}pPr/{_W}bidi") is not None for p in paragraphs)
    assert root.find(f".//{_W}sectPr/{_W}bidi") is not None
    hebrew_runs = [
        run
        for run in root.iter(f"{_W}r")
        if re.search("[\u0590-\u05ff]", "".join(t.text or "" for t in run.iter(f"{_W}t")))
    ]
    assert hebrew_runs
    assert all(run.find(f"{_W}rPr/{_W}rtl") is not None for run in hebrew_runs)
    default = styles.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr/{_W}lang")
    assert default is not None
    assert (default.get(f"{_W}val"), default.get(f"{_W}bidi")) == ("he", "he")


def test_the_shipped_catalog_is_untouched() -> None:
    assert "he" not in supported_languages()
