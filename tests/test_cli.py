"""The jsi-docs command as staff use it: exit codes, messages, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from jsi_docs.cli import main
from tests_helpers import EXAMPLES, FRENCH


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "jsi_docs", *args], capture_output=True, text=True, timeout=300, check=False)


def test_validate_examples_exits_zero() -> None:
    result = CliRunner().invoke(main, ["validate", str(EXAMPLES)])
    assert result.exit_code == 0, result.output
    assert "valid" in result.output


def test_validate_broken_copy_prints_one_line_per_error(tmp_path: Path) -> None:
    broken = FRENCH.read_text(encoding="utf-8").replace("(speaker:yamazaki) a exhorté", "(speaker:yamazki) a exhorté")
    broken = broken.replace("kind: news\n", "kind: news\nauthor: nobody\n")
    path = tmp_path / "broken.fr.yaml"
    path.write_text(broken, encoding="utf-8")
    result = run("validate", str(path))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines[-1] == "1 of 1 file(s) invalid"
    source_lines = broken.splitlines()
    author_line = source_lines.index("author: nobody") + 1
    speaker_line = next(i for i, line in enumerate(source_lines, 1) if "speaker:yamazki" in line)
    assert lines[0] == f"{path}:{author_line}: $.author: unknown key (allowed here: id, language, headline, published, sections, kind, series, lead, meeting, publisher, url, speakers, collective_speakers, topics, related_links, language_versions, contact, symbols, updated, notes)"
    assert lines[1].startswith(f"{path}:{speaker_line}: $.sections[1].blocks[4].text[0].speaker: unknown speaker 'yamazki'")


def test_usage_errors_exit_two() -> None:
    assert run("validate").returncode == 2
    assert run("render", str(FRENCH), "--to", "rtf").returncode == 2


def test_schema_is_printed_as_json() -> None:
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.output)["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_help_and_validate_import_neither_weasyprint_nor_docx() -> None:
    code = (
        "import sys; from click.testing import CliRunner; from jsi_docs.cli import main; "
        "r1 = CliRunner().invoke(main, ['--help']); "
        f"r2 = CliRunner().invoke(main, ['validate', {str(FRENCH)!r}]); "
        "r3 = CliRunner().invoke(main, ['schema']); "
        "assert r1.exit_code == r2.exit_code == r3.exit_code == 0; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('weasyprint', 'docx', 'pypdf')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    assert out.stdout.strip() == "[]"


def test_missing_file_is_a_clear_error() -> None:
    result = run("validate", "no/such/file.yaml")
    assert result.returncode == 1
    assert "no/such/file.yaml: $: cannot read the file" in result.stderr
    assert "Traceback" not in result.stderr


def test_render_passes_pdf_options(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main,
        ["render", str(FRENCH), "--to", "pdf", "--page-size", "Letter", "--allowed-url", "https://example.org/", "-o", str(tmp_path)],
    )
    assert result.exit_code == 0, result.output
    from pypdf import PdfReader

    box = PdfReader(tmp_path / "jsi-ecommerce-2023-05-25.fr.pdf").pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_rendered_page_finds_every_file_it_refers_to(tmp_path: Path) -> None:
    import re

    result = CliRunner().invoke(main, ["render", str(FRENCH), "--to", "html", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "jsi-ecommerce-2023-05-25.fr.html").read_text(encoding="utf-8")
    stylesheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', page)
    assert "screen.css" in stylesheets
    referred, queue = set(stylesheets), list(stylesheets)
    while queue:  # stylesheets and what they import, transitively
        css = (tmp_path / queue.pop()).read_text(encoding="utf-8")
        found = re.findall(r'url\("?([^")]+)"?\)', css) + re.findall(r'@import "([^"]+)"', css)
        for ref in found:
            if not ref.startswith("data:") and ref not in referred:
                referred.add(ref)
                if ref.endswith(".css"):
                    queue.append(ref)
    assert any(r.startswith("fonts/") for r in referred), referred
    missing = sorted(r for r in referred if not (tmp_path / r).is_file())
    assert missing == []
