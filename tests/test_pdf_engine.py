"""WeasyPrint is imported only to make a PDF; missing libraries and its log become clear messages."""

from __future__ import annotations

import gc
import logging
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import attrs
import pytest

from _pdf_helpers import french_item
from jsi_docs.exporters import ExportResult
from jsi_docs.exporters.pdf import PdfEngineUnavailableError
from jsi_docs.exporting import render

pytest.importorskip("weasyprint")

SRC = Path(__file__).resolve().parents[1] / "src"


def _python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).parent,
        check=False,
    )


def test_importing_the_exporter_does_not_import_weasyprint() -> None:
    done = _python(
        "import sys, jsi_docs.exporters.pdf, jsi_docs.readers.pdf_source\n"
        "from jsi_docs.exporters import get_exporter\n"
        "get_exporter('pdf')\n"
        "print('weasyprint' in sys.modules, 'pypdf' in sys.modules)"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "False"]


def test_missing_pango_names_the_debian_packages_and_imports_nothing() -> None:
    done = _python(
        "import sys\n"
        "from _pdf_helpers import french_item\n"
        "from jsi_docs.exporters.pdf import _libraries\n"
        "_libraries.missing_libraries = lambda: (('Pango', 'libpango-1.0-0'),"
        " ('PangoFT2', 'libpangoft2-1.0-0'))\n"
        "from jsi_docs.exporting import render\n"
        "try:\n"
        "    render(french_item(), 'pdf')\n"
        "except _libraries.PdfEngineUnavailableError as exc:\n"
        "    sys.stderr.write(str(exc))\n"
        "print('weasyprint' in sys.modules)\n"
    )
    assert done.stdout.strip() == "False"
    assert "libpango-1.0-0" in done.stderr
    assert "libpangoft2-1.0-0" in done.stderr
    assert "Traceback" not in done.stderr


def test_engine_error_is_an_export_error() -> None:
    from jsi_docs.errors import ExportError

    assert issubclass(PdfEngineUnavailableError, ExportError)


def test_missing_harfbuzz_subset_is_one_diagnostic_naming_the_package(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """WeasyPrint's own warning (one per font) becomes one diagnostic that says what to install."""
    from weasyprint.pdf import fonts

    monkeypatch.setattr(fonts, "harfbuzz_subset", None)  # as on a system without the library
    result = render(french_item(), "pdf")
    messages = [d.message for d in result.diagnostics]
    assert len([m for m in messages if "libharfbuzz-subset0" in m]) == 1, messages
    assert not any("Using fontTools" in m for m in messages)
    assert result.data.startswith(b"%PDF-")


def test_weasyprint_warnings_become_diagnostics_and_are_not_printed(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    theme = tmp_path / "theme"
    theme.mkdir()
    (theme / "print.css").write_text("h1 { colr: red; }\n", encoding="utf-8")
    root = logging.getLogger()
    seen: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            seen.append(record)

    handler = Keep()
    root.addHandler(handler)
    try:
        result = render(french_item(), "pdf", theme=theme)
    finally:
        root.removeHandler(handler)

    assert [d.source for d in result.diagnostics if "colr" in d.message] == ["weasyprint"]
    assert not [r for r in seen if r.name.startswith("weasyprint")]
    out, err = capfd.readouterr()
    assert out == ""
    assert err == ""


def test_threads_get_their_own_diagnostics_and_the_same_bytes(tmp_path: Path) -> None:
    themes = []
    for index in range(4):
        theme = tmp_path / f"theme{index}"
        theme.mkdir()
        (theme / "print.css").write_text(f"h1 {{ bogus-{index}: 1; }}\n", encoding="utf-8")
        themes.append(theme)
    serial = [render(french_item(), "pdf", theme=t) for t in themes]
    results: dict[int, ExportResult] = {}

    def work(index: int) -> None:
        results[index] = render(french_item(), "pdf", theme=themes[index])

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for index, expected in enumerate(serial):
        got = results[index]
        assert got == expected
        messages = " ".join(d.message for d in got.diagnostics)
        assert f"bogus-{index}" in messages
        assert all(f"bogus-{other}" not in messages for other in range(4) if other != index)


def test_a_character_no_font_has_is_a_diagnostic() -> None:
    """WeasyPrint's ".notdef glyph" warning reaches the caller, naming the script, instead of a
    silent empty box (Toto: a script no Debian font package covers; Noto has hieroglyphs)."""
    item = attrs.evolve(french_item(), headline="Lettre toto \U0001e290 dans le titre")
    result = render(item, "pdf")
    assert any("Toto script (U+1E290)" in d.message for d in result.diagnostics), result.diagnostics


def test_an_edited_print_stylesheet_is_read_again(tmp_path: Path) -> None:
    """Cached per theme, but a changed print.css gets a fresh entry."""
    theme = tmp_path / "theme"
    theme.mkdir()
    stylesheet = theme / "print.css"
    stylesheet.write_text("h1 { first-bogus: 1; }\n", encoding="utf-8")
    before = render(french_item(), "pdf", theme=theme)
    stylesheet.write_text("h1 { the-second-bogus: 1; }\n", encoding="utf-8")
    after = render(french_item(), "pdf", theme=theme)

    assert any("first-bogus" in d.message for d in before.diagnostics)
    assert any("the-second-bogus" in d.message for d in after.diagnostics)
    assert not any("first-bogus" in d.message for d in after.diagnostics)


def test_cached_theme_diagnostics_are_reported_on_every_render(tmp_path: Path) -> None:
    theme = tmp_path / "theme"
    theme.mkdir()
    (theme / "print.css").write_text("@import url(file:///etc/passwd);\n", encoding="utf-8")
    for _ in range(2):
        result = render(french_item(), "pdf", theme=theme)
        assert any("file:///etc/passwd" in d.message for d in result.diagnostics)


def test_clear_caches_is_safe_before_and_after_a_render() -> None:
    from jsi_docs.exporters.pdf import clear_caches

    clear_caches()
    first = render(french_item(), "pdf").data
    clear_caches()
    assert render(french_item(), "pdf").data == first


def test_a_lone_surrogate_is_an_export_error_naming_the_field() -> None:
    from jsi_docs.errors import ExportError

    item = attrs.evolve(french_item(), headline="avant \ud800 après")
    with pytest.raises(ExportError, match="'headline'"):
        render(item, "pdf")


# -- what a PDF export leaves behind in the caller's process ---------------------------------


def test_a_pdf_export_leaves_the_collector_and_weasyprint_as_it_found_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """No gc.freeze() during layout (the caller's process is not ours to tune), and WeasyPrint's
    tagger is its own again once the export returns (the /Lang hook lasts one render)."""
    import weasyprint
    from weasyprint.pdf import tags

    tagger = tags._build_box_tree
    during: list[tuple[int, bool]] = []
    render_html = weasyprint.HTML.render

    def watched(self: Any, *args: Any, **kwargs: Any) -> Any:
        during.append((gc.get_freeze_count(), gc.isenabled()))
        return render_html(self, *args, **kwargs)

    monkeypatch.setattr(weasyprint.HTML, "render", watched)
    assert gc.get_freeze_count() == 0
    render(french_item(), "pdf")
    assert during == [(0, True)]
    assert gc.get_freeze_count() == 0
    assert tags._build_box_tree is tagger
