"""The real-client helpers in tests/clients really work: each judges a tiny hand-made input
it must accept and, where it can, one it must reject."""

from __future__ import annotations

import struct
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

import clients
from clients import (
    Chromium,
    axe_check,
    libreoffice_convert,
    libreoffice_text,
    nu_check,
    nu_messages,
    openxml_audit,
    pdffonts,
    pdfinfo,
    pdftoppm,
    pdftotext,
    qpdf_check,
    require,
    require_axe,
    require_chromium,
    require_libreoffice,
    require_nu,
    require_openxml_audit,
    require_poppler,
    require_qpdf,
    screenshot,
)

PARAGRAPH = "The plenary adopted the budget on Tuesday."

VALID_HTML = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Valid page</title></head>
<body>
<main>
<h1>Plenary news</h1>
<p>The plenary adopted the budget.</p>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="A dot" width="1" height="1">
</main>
</body>
</html>
"""

# An <img> without alt (Nu error and axe "image-alt") and an unknown attribute (Nu error).
INVALID_HTML = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Invalid page</title></head>
<body>
<main>
<h1>Plenary news</h1>
<p data-ok="1" bogus="1">The plenary adopted the budget.</p>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="1" height="1">
</main>
</body>
</html>
"""

TALL_HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Tall</title>
<style>body { margin: 0 } div { height: 1500px; background: #036 }</style></head>
<body><main><div>tall</div></main></body></html>
"""


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def valid_html(tmp_path: Path) -> Path:
    return _write(tmp_path / "valid.html", VALID_HTML)


@pytest.fixture
def invalid_html(tmp_path: Path) -> Path:
    return _write(tmp_path / "invalid.html", INVALID_HTML)


@pytest.fixture
def small_docx(tmp_path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_heading("Plenary news", level=1)
    document.add_paragraph(PARAGRAPH)
    path = tmp_path / "small.docx"
    document.save(str(path))
    return path


@pytest.fixture
def small_pdf(tmp_path: Path) -> Path:
    import weasyprint

    path = tmp_path / "small.pdf"
    html = f"<html lang='en'><title>Tiny PDF</title><h1>Plenary news</h1><p>{PARAGRAPH}</p>"
    weasyprint.HTML(string=html).write_pdf(path)
    return path


@pytest.fixture(scope="module")
def browser() -> Iterator[Chromium]:
    require_chromium()
    with Chromium() as chromium:
        yield chromium


def _png_size(png: Path) -> tuple[int, int]:
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{png} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


# --- require() -----------------------------------------------------------------------------


def test_require_passes_when_available(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(clients.REQUIRE_ENV, "1")
    require(True, "never shown")


def test_require_skips_when_clients_optional(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(clients.REQUIRE_ENV, raising=False)
    with pytest.raises(pytest.skip.Exception, match="apt-get install qpdf"):
        require(False, "qpdf missing: apt-get install qpdf")


def test_require_fails_when_clients_required(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(clients.REQUIRE_ENV, "1")
    with pytest.raises(pytest.fail.Exception, match="apt-get install qpdf"):
        require(False, "qpdf missing: apt-get install qpdf")


def test_missing_axe_js_names_how_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(clients.AXE_ENV, str(tmp_path / "absent" / "axe.min.js"))
    monkeypatch.delenv(clients.REQUIRE_ENV, raising=False)
    assert not clients.axe_available()
    with pytest.raises(pytest.skip.Exception, match="npm ci --prefix tests/clients"):
        require_axe()


# --- Nu HTML Checker -------------------------------------------------------------------------


@pytest.mark.clients
def test_nu_accepts_valid_page(valid_html: Path) -> None:
    require_nu()
    assert nu_check([valid_html]) == []


@pytest.mark.clients
def test_nu_reports_errors_in_invalid_page(valid_html: Path, invalid_html: Path) -> None:
    require_nu()
    errors = nu_check([valid_html, invalid_html])
    assert errors, "the Nu HTML Checker found nothing wrong in an invalid page"
    assert all(error.startswith("invalid.html:") for error in errors), errors
    assert any("'alt' attribute" in error for error in errors), errors
    assert any("'bogus' not allowed" in error for error in errors), errors
    lines = {m["lastLine"] for m in nu_messages([invalid_html])}
    assert lines == {7, 8}


# --- axe-core in Chromium, screenshots ---------------------------------------------------


@pytest.mark.clients
def test_axe_finds_image_without_alt(browser: Chromium, invalid_html: Path) -> None:
    require_axe()
    violations = browser.axe(invalid_html)
    assert [v["id"] for v in violations] == ["image-alt"], violations
    assert violations[0]["nodes"][0]["target"] == ["img"]


@pytest.mark.clients
def test_axe_passes_clean_page(browser: Chromium, valid_html: Path) -> None:
    require_axe()
    assert browser.axe(valid_html, tags=["wcag2a", "wcag2aa", "best-practice"]) == []


@pytest.mark.clients
def test_axe_check_one_shot(invalid_html: Path) -> None:
    require_axe()
    assert {v["id"] for v in axe_check(invalid_html)} == {"image-alt"}


@pytest.mark.clients
def test_screenshot_is_full_page(tmp_path: Path) -> None:
    require_chromium()
    page = _write(tmp_path / "tall.html", TALL_HTML)
    png = screenshot(page, tmp_path / "shots" / "tall.png", width=640)
    assert _png_size(png) == (640, 1500)


# --- LibreOffice, openxml-audit -------------------------------------------------------------


@pytest.mark.clients
def test_libreoffice_reads_docx_text(small_docx: Path) -> None:
    require_libreoffice()
    text = libreoffice_text(small_docx)
    assert "Plenary news" in text
    assert PARAGRAPH in text


@pytest.mark.clients
def test_libreoffice_converts_docx_to_pdf(small_docx: Path, tmp_path: Path) -> None:
    require_libreoffice()
    require_poppler()
    pdf = libreoffice_convert(small_docx, "pdf", tmp_path / "lo")
    assert pdf == tmp_path / "lo" / "small.pdf"
    assert pdfinfo(pdf)["Pages"] == "1"
    assert PARAGRAPH in pdftotext(pdf)


@pytest.mark.clients
def test_libreoffice_failure_raises(tmp_path: Path) -> None:
    require_libreoffice()
    bogus = _write(tmp_path / "bogus.docx", "not a zip at all")
    with pytest.raises(clients.ClientError):
        libreoffice_convert(bogus, "nonexistent-format", tmp_path / "out")


@pytest.mark.clients
def test_openxml_audit_accepts_python_docx_output(small_docx: Path) -> None:
    require_openxml_audit()
    assert openxml_audit(small_docx) == []


@pytest.mark.clients
def test_openxml_audit_reports_schema_error(small_docx: Path, tmp_path: Path) -> None:
    require_openxml_audit()
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(small_docx) as src, zipfile.ZipFile(broken, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body><w:bogus/>", 1)
            dst.writestr(info, data)
    errors = openxml_audit(broken)
    assert len(errors) == 1, errors
    assert "[schema] /word/document.xml" in errors[0]
    assert "bogus" in errors[0]


def _docx_with_notes(path: Path, count: int) -> Path:
    """A jsi_docs DOCX whose text refers to ``count`` notes (Word footnotes 1..count)."""
    import jsi_docs

    marks = "".join(f" Point {n}.[^n{n}]" for n in range(1, count + 1))
    notes = "".join(f"\n  - {{id: n{n}, text: Note {n}.}}" for n in range(1, count + 1))
    item = jsi_docs.loads(
        "id: notes\nlanguage: en\nheadline: Notes\npublished: 2023-05-25\n"
        f"sections:\n  - blocks:\n      - text: Text.{marks}\nnotes:{notes}\n"
    )
    path.write_bytes(jsi_docs.export(item, "docx"))
    return path


@pytest.mark.clients
def test_openxml_audit_judges_each_file_afresh(tmp_path: Path) -> None:
    """openxml-audit's validator remembers the footnote ids of the files it checked before: a
    reused one reported the footnotes of a valid file as missing (or would miss a broken
    reference to an id an earlier file had)."""
    require_openxml_audit()
    few = _docx_with_notes(tmp_path / "few.docx", 2)
    many = _docx_with_notes(tmp_path / "many.docx", 5)
    some = _docx_with_notes(tmp_path / "some.docx", 3)
    # The stale ids were keyed by the id() of a freed package, so whether a given check saw
    # them depended on memory reuse: a few rounds made it show every time.
    found = {
        f"{round_}:{path.name}": openxml_audit(path, app_compat=True)
        for round_ in range(6)
        for path in (few, many, some)
    }
    assert {name: errors for name, errors in found.items() if errors} == {}
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(few) as src, zipfile.ZipFile(broken, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                data = data.replace(
                    b'w:footnoteReference w:id="2"', b'w:footnoteReference w:id="4"'
                )
            dst.writestr(info, data)
    assert openxml_audit(many) == []
    assert any("footnoteReference" in e and "'4'" in e for e in openxml_audit(broken))


# --- poppler, qpdf ---------------------------------------------------------------------------


@pytest.mark.clients
def test_poppler_reads_weasyprint_pdf(small_pdf: Path, tmp_path: Path) -> None:
    require_poppler()
    info = pdfinfo(small_pdf)
    assert info["Pages"] == "1"
    assert info["Title"] == "Tiny PDF"
    assert info["Producer"].startswith("WeasyPrint")
    text = pdftotext(small_pdf)
    assert "Plenary news" in text
    assert PARAGRAPH in text
    fonts = pdffonts(small_pdf)
    assert fonts, "a PDF with text has at least one font"
    assert all(font["emb"] == "yes" for font in fonts), fonts
    pages = pdftoppm(small_pdf, tmp_path / "png" / "page", dpi=36)
    assert [p.name for p in pages] == ["page-1.png"]
    assert _png_size(pages[0]) == (298, 421)  # A4 at 36 dpi


@pytest.mark.clients
def test_qpdf_accepts_weasyprint_pdf(small_pdf: Path) -> None:
    require_qpdf()
    assert qpdf_check(small_pdf) == []


@pytest.mark.clients
def test_qpdf_reports_damaged_pdf(small_pdf: Path, tmp_path: Path) -> None:
    require_qpdf()
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(small_pdf.read_bytes()[:600])
    problems = qpdf_check(damaged)
    assert problems
    assert any("damaged" in p or "trailer" in p for p in problems), problems


def test_timeout_kills_the_whole_process_group() -> None:
    from clients._proc import run

    with pytest.raises(clients.ClientError, match="timed out"):
        run(["sh", "-c", "sleep 30 & sleep 30"], timeout=0.5)
