"""Chinese: line breaking that never puts a closing mark first on a line (nor an opening mark
last), no hyphenation, full-width punctuation in every label.

The seed item is checked by tests/test_languages_six.py; here a paragraph built to offer a
break before a punctuation mark at every position of a line, so that a line breaker that
allowed it would be caught, not merely a text that happens to break well.
"""

from __future__ import annotations

import itertools
import re
import tomllib
from pathlib import Path

import attrs

import jsi_docs
from _pdf_helpers import EXAMPLES
from clients import pdftotext, require_poppler
from jsi_docs.model import NewsItem, Paragraph
from test_languages_six import FORBIDDEN_AT_LINE_START

CHINESE = EXAMPLES / "jsi-ecommerce-2023-05-25.zh.yaml"
LANGUAGES = Path(jsi_docs.__file__).parent / "i18n" / "data" / "languages"
CLOSING = "，。、：；！？）」』》”"
OPENING = "（「『《“"
FORBIDDEN_AT_LINE_END = "（「『《“‘〔【〈"


def _with_paragraphs(*texts: str) -> NewsItem:
    item = jsi_docs.load(CHINESE)
    first = item.sections[0]
    blocks = (*first.blocks, *(Paragraph([text]) for text in texts))
    return attrs.evolve(item, sections=(attrs.evolve(first, blocks=blocks), *item.sections[1:]))


def _crowded() -> str:
    """300 runs of 1 to 8 ideographs, each closed by a mark and every third opened by one:
    about one character in five is a mark, so that a breaker free to break anywhere would
    start several of the paragraph's lines with one."""
    marks = itertools.cycle(CLOSING)
    openers = itertools.cycle(OPENING)
    parts = []
    for n, k in zip(range(300), itertools.cycle(range(1, 9)), strict=False):
        opener = next(openers) if n % 3 == 0 else ""
        parts.append(f"{opener}{'贸易' * (k // 2)}{'电' * (k % 2)}{next(marks)}")
    return "".join(parts)


def _lines(item: NewsItem, tmp_path: Path) -> list[str]:
    pdf = tmp_path / "zh.pdf"
    pdf.write_bytes(jsi_docs.export(item, "pdf"))
    return [line.strip() for line in pdftotext(pdf).splitlines() if line.strip()]


def test_no_line_starts_with_a_closing_mark_or_ends_with_an_opening_one(tmp_path: Path) -> None:
    require_poppler()
    crowded = _crowded()
    lines = _lines(_with_paragraphs(crowded), tmp_path)
    # the paragraph's own lines: those made of its characters only
    own = [line for line in lines if set(line) <= set(crowded)]
    assert len(own) > 20, own
    assert sum(len(line) for line in own) >= len(crowded) * 0.9
    assert [line for line in own if line[0] in FORBIDDEN_AT_LINE_START] == []
    assert [line for line in own if line[-1] in FORBIDDEN_AT_LINE_END] == []
    # every character is one em wide and the text ragged: a line shorter than the longest is a
    # break the breaker moved back, where a mark would have come first (or an opener last)
    longest = max(len(line) for line in own)
    assert sum(len(line) < longest for line in own[:-1]) >= 5


def test_latin_words_in_a_chinese_item_are_not_hyphenated(tmp_path: Path) -> None:
    require_poppler()
    words = " ".join(["interoperability", "telecommunications", "internationalisation"] * 12)
    lines = _lines(_with_paragraphs(f"各方讨论了{words}等问题。"), tmp_path)
    text = "\n".join(lines)
    assert "interoperability" in text
    assert not re.search(r"\w[\u2010\u00ad-]$", text, re.MULTILINE)


def test_every_chinese_label_uses_full_width_punctuation() -> None:
    labels = tomllib.loads((LANGUAGES / "zh.toml").read_text(encoding="utf-8"))["labels"]
    texts = [
        text
        for value in labels.values()
        for text in (value.values() if isinstance(value, dict) else [value])
    ]
    assert len(texts) > 40
    half_width = [t for t in texts if re.search(r"[,.:;?!()\[\]]", re.sub(r"\{\w+\}", "", t))]
    assert half_width == []
    assert any("：" in t for t in texts)
    assert any("？" in t for t in texts)


def test_a_folded_line_break_between_ideographs_is_no_space() -> None:
    """YAML's folded text (``>-``) joins lines with a space; Chinese puts none between words,
    so the Chinese profile drops spaces between two wide characters, across runs too, and
    keeps those beside Latin words."""
    from jsi_docs.i18n import profile_for

    chinese = profile_for("zh")
    assert chinese.no_space_between_wide
    assert chinese.apply("）。 秘书长") == "）。秘书长"
    assert chinese.apply("会议 通过了") == "会议通过了"
    assert chinese.apply("使用 WTO 的规则") == "使用 WTO 的规则"
    assert chinese.apply(" 秘书长", before="。") == "秘书长"
    assert chinese.apply("秘书长 ", after="说") == "秘书长"
    assert chinese.apply("秘书长 ", after="W") == "秘书长 "
    assert chinese.needs_context(" 秘书长")
    assert profile_for("en").apply("a  b") == "a  b"
    item = jsi_docs.loads(
        "id: z\nlanguage: zh\nheadline: 标题\npublished: 2024-01-01\nsections:\n"
        "  - blocks:\n      - text: >-\n          会议依照大会决议召开。\n          会议通过了宣言。\n",
        "yaml",
    )
    html = jsi_docs.export(item, "html").decode("utf-8")
    assert "会议依照大会决议召开。会议通过了宣言。" in html


def test_emphasis_without_italics_is_bold_in_every_format() -> None:
    """Arabic and Chinese fonts have no italics and WeasyPrint draws no slanted stand-in, so
    their emphasis would vanish from the PDF: it is bold there, on the page and in the DOCX."""
    import io
    import re
    import zipfile

    from _theme_helpers import tokens
    from jsi_docs.exporters.docx._writer import NO_ITALICS

    element = tokens().element("emphasis-upright")
    assert {m for s in element.html for m in re.findall(r":lang\((\w+)\)", s)} == NO_ITALICS
    item = jsi_docs.loads(
        "id: e\nlanguage: zh\nheadline: 标题\npublished: 2024-01-01\nsections:\n"
        "  - blocks:\n      - text: 会议强调[多边主义](em)仍然有效。\n",
        "yaml",
    )
    with zipfile.ZipFile(io.BytesIO(jsi_docs.export(item, "docx"))) as z:
        body = z.read("word/document.xml").decode("utf-8")
    assert '<w:rStyle w:val="EmphasisUpright"/>' in body
    french = jsi_docs.loads(
        "id: e\nlanguage: fr\nheadline: Titre\npublished: 2024-01-01\nsections:\n"
        "  - blocks:\n      - text: Il a insisté sur le [multilatéralisme](em).\n",
        "yaml",
    )
    with zipfile.ZipFile(io.BytesIO(jsi_docs.export(french, "docx"))) as z:
        assert '<w:rStyle w:val="Emphasis"/>' in z.read("word/document.xml").decode("utf-8")
    from typing import Any

    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(jsi_docs.export(item, "pdf")))
    names: set[str] = set()
    for page in reader.pages:
        resources: Any = page["/Resources"]
        for font in resources["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]).split("+", 1)[-1])
    assert "Noto-Serif-CJK-SC-Bold" in names, names
    assert not any("Oblique" in n for n in names), names
