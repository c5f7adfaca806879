"""Real clients judge figures: the Nu HTML Checker and axe-core read the pages, poppler and qpdf
the PDFs, LibreOffice and openxml-audit the DOCX files; each with the image embedded (its URL
allowed, served from 127.0.0.1) and refused (its text alternative in its place)."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

import jsi_docs
from _figure_helpers import (
    ALT,
    CAPTION_WORDS,
    CREDIT,
    QUOTED,
    ImageServer,
    figure_item,
    serve_images,
)
from _html_parse import minimal_page
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
from jsi_docs.exporters.base import ExportOptions
from jsi_docs.exporters.html import build_page, page_assets
from jsi_docs.exporters.pdf import PdfOptions
from jsi_docs.themes import Theme
from test_html_injection import evil

pytestmark = pytest.mark.clients


@pytest.fixture(scope="module")
def images() -> Iterator[ImageServer]:
    with serve_images() as server:
        yield server


def squeeze(text: str) -> str:
    """Letters and digits only, case-folded: compares across typography and line breaks."""
    return re.sub(r"[\W_]+", "", text.casefold())


@pytest.fixture(scope="module")
def pages(images: ImageServer, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("figure-html")
    for relative, data in page_assets(Theme.load()).items():
        (out / relative).parent.mkdir(parents=True, exist_ok=True)
        (out / relative).write_bytes(data)
    item = figure_item(images.base + "photo.png")
    hostile = figure_item(
        images.base + "photo.png", alt=evil("alt"), credit=evil("credit"), language="fr"
    )
    html = {
        "page": jsi_docs.export(item, "html").decode(),
        "fragment": minimal_page(jsi_docs.export(item, "html", fragment=True).decode(), "en"),
        "print-refused": build_page(item, ExportOptions(), Theme.load(), print_mode=True).html,
        "print-allowed": build_page(
            item, PdfOptions(allowed_urls=(images.base,)), Theme.load(), print_mode=True
        ).html,
        "hostile": jsi_docs.export(hostile, "html").decode(),
        "unsafe-url": jsi_docs.export(figure_item("javascript:alert(1)"), "html").decode(),
    }
    written = {}
    for name, text in html.items():
        written[name] = out / f"{name}.html"
        written[name].write_text(text, encoding="utf-8")
    return written


def test_nu_html_checker_finds_no_error_nor_warning(pages: dict[str, Path]) -> None:
    require_nu()
    assert nu_check(sorted(pages.values()), warnings=True) == []


def test_axe_core_finds_no_violation_with_the_image_loaded(
    pages: dict[str, Path], images: ImageServer
) -> None:
    require_axe()
    found = {}
    with Chromium() as browser:
        for name, path in sorted(pages.items()):
            violations = browser.axe(path)
            if violations:
                found[name] = [f"{v['id']}: {v['nodes'][0]['target']}" for v in violations]
    assert found == {}
    # The browser really loaded the image (lazy: it is near the top of a short page).
    assert "/photo.png" in images.requests


@pytest.mark.parametrize("allowed", [True, False], ids=["allowed", "refused"])
def test_pdf_passes_qpdf_and_poppler_reads_the_figure(allowed: bool, tmp_path: Path) -> None:
    pytest.importorskip("weasyprint")
    require_poppler()
    require_qpdf()
    with serve_images() as server:
        item = figure_item(server.base + "photo.png")
        data = jsi_docs.export(item, "pdf", allowed_urls=[server.base] if allowed else [])
        assert server.requests == (["/photo.png"] if allowed else [])
    path = tmp_path / "figure.pdf"
    path.write_bytes(data)
    assert qpdf_check(path) == []
    text = squeeze(pdftotext(path))
    assert squeeze(f"{CAPTION_WORDS} {QUOTED}") in text
    assert squeeze(f"Photo: {CREDIT}") in text
    assert (squeeze(ALT) in text) is not allowed


@pytest.mark.parametrize("allowed", [True, False], ids=["allowed", "refused"])
def test_docx_passes_openxml_audit_and_libreoffice_reads_the_figure(
    allowed: bool, tmp_path: Path
) -> None:
    require_openxml_audit()
    require_libreoffice()
    with serve_images() as server:
        item = figure_item(server.base + "photo.png")
        data = jsi_docs.export(item, "docx", allowed_urls=[server.base] if allowed else [])
        assert server.requests == (["/photo.png"] if allowed else [])
    path = tmp_path / "figure.docx"
    path.write_bytes(data)
    assert openxml_audit(path, app_compat=True) == []
    text = squeeze(libreoffice_text(path))
    assert squeeze(f"{CAPTION_WORDS} {QUOTED}") in text
    assert squeeze(f"Photo: {CREDIT}") in text
    odt = libreoffice_convert(path, "odt", tmp_path)
    with zipfile.ZipFile(odt) as archive:
        content = archive.read("content.xml").decode()
        pictures = [n for n in archive.namelist() if n.startswith("Pictures/")]
    if allowed:
        # LibreOffice keeps the picture and reads the alt text Word would (wp:docPr/@descr).
        assert len(pictures) == 1
        assert f"<svg:desc>{ALT}</svg:desc>" in content
    else:
        assert pictures == []
        assert squeeze(ALT) in text
