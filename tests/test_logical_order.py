"""Text extraction in logical order: the PDFs of the Arabic, Russian and Chinese seed items give
their paragraphs' words back in the order they were written, to poppler (``pdftotext``) and to
pypdf alike -- not in visual order, which for Arabic would be each line's words reversed.

Words are compared as their letters (marks dropped: poppler places a shadda apart from its
letter; punctuation dropped: the bidi algorithm puts a neutral at a run's edge on the other
side); Chinese, written without spaces, as its ideographs. Russian and Chinese paragraphs come
back whole and in order. Arabic ones, to pypdf, with at least 90% of their words in order (a
word whose shadda or kasra the extractor sets apart comes back as two); to poppler, with at
least 75%: poppler splits a right-to-left line where it finds a mark set apart and orders the
pieces of a few lines itself (the worst paragraph of the seed item: 79%). Word by word
reversed -- visual order -- a paragraph would score under 50%.
"""

from __future__ import annotations

import difflib
import io
import re
import unicodedata
from pathlib import Path

import pypdf
import pytest

import jsi_docs
from _pdf_helpers import EXAMPLES
from clients import pdftotext, require_poppler
from jsi_docs.model import NewsItem, Paragraph, plain_text

CODES = ("ar", "ru", "zh")
IN_ORDER = {"poppler": {"ar": 0.75}, "pypdf": {"ar": 0.9}}
"""The share of each paragraph's words found in order, by extractor (1.0 where not given)."""


def _tokens(text: str, code: str) -> list[str]:
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    if code == "zh":
        return re.findall(r"[\u4e00-\u9fff]", text)
    words = (re.sub(r"[^\w]|[\d_]", "", word) for word in text.split())
    return [word.casefold() for word in words if word]


def _paragraphs(item: NewsItem) -> list[str]:
    return [plain_text(b.text) for _, _, b in item.blocks() if isinstance(b, Paragraph)]


def _in_order(extracted: list[str], wanted: list[str]) -> float:
    """The share of ``wanted`` found in ``extracted`` in the same order."""
    matcher = difflib.SequenceMatcher(None, extracted, wanted, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / len(wanted)


@pytest.fixture(scope="module", params=CODES)
def rendered(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, NewsItem, Path]:
    code = str(request.param)
    item = jsi_docs.load(EXAMPLES / f"jsi-ecommerce-2023-05-25.{code}.yaml")
    pdf = tmp_path_factory.mktemp(code) / f"{code}.pdf"
    pdf.write_bytes(jsi_docs.export(item, "pdf"))
    return code, item, pdf


def _check(code: str, item: NewsItem, extracted_text: str, extractor: str) -> None:
    extracted = _tokens(extracted_text, code)
    paragraphs = _paragraphs(item)
    assert len(paragraphs) >= 8
    scores = {}
    for paragraph in paragraphs:
        wanted = _tokens(paragraph, code)
        scores[paragraph[:40]] = _in_order(extracted, wanted)
        # the measure sees order: the same words in visual order (reversed) would not pass
        if len(wanted) > 5 and len(set(wanted)) == len(wanted):
            assert _in_order(wanted[::-1], wanted) < 0.5
    least = IN_ORDER[extractor].get(code, 1.0)
    assert {p: s for p, s in scores.items() if s < least} == {}


def test_poppler_reads_the_paragraphs_in_logical_order(
    rendered: tuple[str, NewsItem, Path],
) -> None:
    require_poppler()
    code, item, pdf = rendered
    _check(code, item, pdftotext(pdf), "poppler")


def test_pypdf_reads_the_paragraphs_in_logical_order(rendered: tuple[str, NewsItem, Path]) -> None:
    code, item, pdf = rendered
    reader = pypdf.PdfReader(io.BytesIO(pdf.read_bytes()))
    _check(code, item, "\n".join(page.extract_text() for page in reader.pages), "pypdf")
