"""Text out of each output format, normalised for comparison, and the HTML safety checks.

Shared by the corpus, property and embedder tests. Extraction uses independent readers:
html5lib for HTML, python-docx for DOCX, pypdf for PDF.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any

import html5lib

# Quotation marks the exporters add around quotations and terms, and the apostrophes the
# typography profiles curl; left out on both sides of a comparison.
_QUOTES = "\"'«»\u201c\u201d\u201e\u201f\u2018\u2019\u201a\u201b\u2039\u203a"
_DROP = str.maketrans(dict.fromkeys(_QUOTES, ""))
_VARIATION_SELECTOR = re.compile("[\ufe00-\ufe0f\U000e0100-\U000e01ef]")
_HIDDEN = {"script", "style", "head", "template", "title"}


def normalise(text: str) -> str:
    """Characters only: NFC, no spaces of any kind (NBSP, NNBSP, U+2028 included), no format
    characters (bidi controls, zero-width joiners, soft hyphens), no variation selectors (no
    glyph of their own), no quotation marks."""
    text = unicodedata.normalize("NFC", text).translate(_DROP)
    return "".join(
        c
        for c in text
        if not c.isspace()
        and unicodedata.category(c) not in ("Cf", "Zl", "Zp")
        and not _VARIATION_SELECTOR.match(c)
    )


def parse_html(html: str) -> ET.Element:
    """The page as a browser parses it (html5lib), without namespaces."""
    root: ET.Element = html5lib.parse(html, treebuilder="etree", namespaceHTMLElements=False)
    return root


def html_text(html: str) -> str:
    """The text a reader sees (script, style, head left out)."""
    parts: list[str] = []

    def walk(el: ET.Element) -> None:
        if isinstance(el.tag, str) and el.tag in _HIDDEN:
            return
        parts.append(el.text or "")
        for child in el:
            walk(child)
            parts.append(child.tail or "")

    walk(parse_html(html))
    return " ".join(parts)


def docx_text(data: bytes) -> str:
    """Every paragraph's text (hyperlinks included) of the body, tables, headers and footers."""
    import docx

    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    for section in document.sections:
        parts += [p.text for p in section.header.paragraphs]
        parts += [p.text for p in section.footer.paragraphs]
    return "\n".join(parts)


MM = 72 / 25.4
PAGE_MARGINS = (24 * MM, 22 * MM)
"""The default theme's ``@page`` top and bottom margins (print.css), in points: text whose
baseline lies outside is page furniture (running head, "page X of Y"), not the item's text."""


def pdf_text(data: bytes, *, body_only: bool = False) -> str:
    """The text pypdf extracts from every page (only the page body with ``body_only``).

    WeasyPrint writes some fonts with an embedded CMap (``/WP-Encod-0``) instead of
    ``/Identity-H``; pypdf 7 misreads those (NUL-interleaved text, runs of ``0``, lost words)
    where poppler reads them right. For such documents poppler's ``pdftotext`` reads the pages,
    when it is installed.
    """
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(data))
    if _has_embedded_cmap(reader) and shutil.which("pdftotext"):
        return "\n".join(
            _poppler_text(data, i, p.mediabox, body_only) for i, p in enumerate(reader.pages, 1)
        )
    return "\n".join(_page_text(page, body_only) for page in reader.pages)


def _has_embedded_cmap(reader: Any) -> bool:
    for page in reader.pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            if not isinstance(ref.get_object().get("/Encoding"), str):
                return True
    return False


def on_the_page(x: float, width: float) -> bool:
    """Whether a run of text that starts at ``x`` starts on a page ``width`` wide: text set off
    the page's left or right edge is not there for a reader, and does not count as shown.
    pypdf gives no run's width, so a run that starts on the page and runs past its right edge
    still counts whole; poppler (:func:`pdf_text` on most PDFs) judges each character."""
    return -1 <= x <= width + 1


def _page_text(page: Any, body_only: bool) -> str:
    if not body_only:
        return str(page.extract_text() or "")
    top = float(page.mediabox.height) - PAGE_MARGINS[0] + 1
    bottom = PAGE_MARGINS[1] - 1
    width = float(page.mediabox.width)
    parts: list[str] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: Any, _size: Any) -> None:
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        if text and bottom <= y <= top and on_the_page(x, width):
            parts.append(text)

    page.extract_text(visitor_text=visit)
    return "".join(parts)


def _poppler_text(data: bytes, number: int, box: Any, body_only: bool) -> str:
    crop = []
    if body_only:
        top, bottom = PAGE_MARGINS
        height = float(box.height)
        # poppler keeps words whose box lies in the area: widen it by a line's ascent and
        # descent (the margin boxes' text sits well outside: 5 mm and more from the body).
        # Across, the area is the page: text set off its left or right edge is lost to a reader
        # (a table wider than the page runs off one edge or the other, by the text direction).
        area = ["-W", str(int(float(box.width)) + 1), "-H", str(int(height - top - bottom + 16))]
        crop = ["-x", "0", "-y", str(int(top - 6)), *area]
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-f", str(number), "-l", str(number), *crop, "-", "-"],
        input=data,
        capture_output=True,
        check=True,
    )
    return done.stdout.decode("utf-8")


_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_URL_ATTRIBUTES = ("href", "src", "action", "formaction", "poster", "data", "cite", "background")
_FORBIDDEN_ELEMENTS = {"iframe", "object", "embed", "base", "form", "frame", "frameset", "applet"}


def _scheme(url: str) -> str | None:
    squeezed = "".join(c for c in url if ord(c) > 0x20).lower()
    match = _SCHEME.match(squeezed)
    return match.group(1) if match else None


def html_hazards(html: str) -> Iterator[str]:
    """Everything in the parsed page that could run code or load what the item named."""
    for el in parse_html(html).iter():
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.lower()
        if tag == "script":
            if el.get("type") != "application/ld+json":
                yield f"<script type={el.get('type')!r}>"
            else:
                try:
                    json.loads(el.text or "")
                except ValueError as exc:
                    yield f"JSON-LD that does not parse: {exc}"
        if tag in _FORBIDDEN_ELEMENTS:
            yield f"<{tag}>"
        if tag == "meta" and (el.get("http-equiv") or "").lower() == "refresh":
            yield "<meta http-equiv=refresh>"
        for name, value in el.attrib.items():
            lower = name.lower()
            if lower.startswith("on"):
                yield f"<{tag} {name}=...>"
            if lower in _URL_ATTRIBUTES or lower.endswith(":href") or lower == "srcset":
                scheme = _scheme(value)
                if scheme is not None and scheme not in ("http", "https", "mailto"):
                    yield f"<{tag} {name}={value!r}>"
            if lower == "style" and re.search(r"url\(|expression\(|@import", value, re.I):
                yield f"<{tag} style={value!r}>"
