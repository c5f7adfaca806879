"""The jsi-docs command as staff use it: exit codes, messages, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from jsi_docs.cli import MAX_LINE, cut, main
from tests_helpers import EXAMPLES, FRENCH


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "jsi_docs", *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_validate_examples_exits_zero() -> None:
    result = CliRunner().invoke(main, ["validate", str(EXAMPLES)])
    assert result.exit_code == 0, result.output
    assert "valid" in result.output


def test_validate_broken_copy_prints_one_line_per_error(tmp_path: Path) -> None:
    broken = FRENCH.read_text(encoding="utf-8").replace(
        "(speaker:yamazaki) a exhorté", "(speaker:yamazki) a exhorté"
    )
    broken = broken.replace("kind: news\n", "kind: news\nauthor: nobody\n")
    path = tmp_path / "broken.fr.yaml"
    path.write_text(broken, encoding="utf-8")
    result = run("validate", str(path))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr == "1 of 1 file(s) invalid\n"
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 2
    source_lines = broken.splitlines()
    author_line = source_lines.index("author: nobody") + 1
    speaker_line = next(i for i, line in enumerate(source_lines, 1) if "speaker:yamazki" in line)
    assert (
        lines[0]
        == f"{path}:{author_line}: $.author: unknown key (allowed here: id, language, headline, published, sections, kind, series, lead, meeting, publisher, url, speakers, collective_speakers, topics, related_links, language_versions, contact, symbols, updated, notes, subtitle, dateline, highlights, notice, release_number)"
    )
    speaker_column = source_lines[speaker_line - 1].index("yamazki") + 1
    assert lines[1].startswith(
        f"{path}:{speaker_line}:{speaker_column}: $.sections[1].blocks[4].text[0].speaker: unknown speaker 'yamazki'"
    )


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
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert out.stdout.strip() == "[]"


def test_missing_file_is_a_clear_error() -> None:
    result = run("validate", "no/such/file.yaml")
    assert result.returncode == 1
    assert "no/such/file.yaml: $: cannot read the file" in result.stdout
    assert "Traceback" not in result.stderr


def test_render_passes_pdf_options(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main,
        [
            "render",
            str(FRENCH),
            "--to",
            "pdf",
            "--page-size",
            "Letter",
            "--allowed-url",
            "https://example.org/",
            "-o",
            str(tmp_path),
        ],
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


# -- validate: findings on standard output, text or JSON -----------------------------------------


def _broken(tmp_path: Path) -> Path:
    path = tmp_path / "broken.yaml"
    path.write_text(
        "id: probe\nlanguage: en\nheadline: A headline\npublished: 2024-01-01\nkind: newz\nsections: []\n",
        encoding="utf-8",
    )
    return path


def test_validate_findings_can_be_redirected_to_a_file(tmp_path: Path) -> None:
    broken = _broken(tmp_path)
    report = tmp_path / "problems.txt"
    done = subprocess.run(
        f"{sys.executable} -m jsi_docs validate {broken} {FRENCH} > {report}",
        shell=True,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr == "1 of 2 file(s) invalid\n"
    assert report.read_text(encoding="utf-8") == (
        f"{broken}:5: $.kind: expected one of: news, meeting-summary, chair-statement, chair-summary, press-release, media-release, speech, meeting-coverage; got the text 'newz'\n"
    )


def test_validate_json_output_lists_every_file(tmp_path: Path) -> None:
    broken = _broken(tmp_path)
    result = CliRunner().invoke(main, ["validate", "--format", "json", str(broken), str(FRENCH)])
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert document == {
        "valid": False,
        "files": [
            {
                "file": str(broken),
                "valid": False,
                "problems": [
                    {
                        "path": "$.kind",
                        "message": "expected one of: news, meeting-summary, chair-statement, chair-summary, press-release, media-release, speech, meeting-coverage; got the text 'newz'",
                        "line": 5,
                        "column": None,
                    }
                ],
                "warnings": [],
            },
            {"file": str(FRENCH), "valid": True, "problems": [], "warnings": []},
        ],
    }
    assert result.stderr == "1 of 2 file(s) invalid\n"


def test_validate_quiet_prints_findings_only(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["validate", "-q", str(FRENCH)])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    result = CliRunner().invoke(main, ["-q", "validate", str(_broken(tmp_path))])
    assert result.exit_code == 1
    assert result.stderr == ""
    assert result.stdout.count("\n") == 1


def test_a_huge_value_is_echoed_cut(tmp_path: Path) -> None:
    path = tmp_path / "long.yaml"
    path.write_text("schema_version: " + "9" * 5000 + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    assert max(len(line) for line in result.stdout.splitlines()) < 300
    assert (
        f"{path}:1: $.schema_version: this version of jsi_docs reads schema version 1, not '{'9' * 31}…'"
        in result.stdout
    )


def test_a_very_long_line_is_cut_with_a_pointer(tmp_path: Path) -> None:
    path = tmp_path / "long.yaml"
    key = "k" * 1000
    path.write_text(
        FRENCH.read_text(encoding="utf-8").replace("kind: news\n", f"kind: news\n{key}: 1\n"),
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    [line] = result.stdout.splitlines()
    assert line.startswith(f"{path}:")
    assert (
        line.endswith("… [933 more characters; --format json shows all]")
        or "more characters; --format json shows all]" in line
    )
    assert len(line) < MAX_LINE + 80
    whole = json.loads(CliRunner().invoke(main, ["validate", "--format", "json", str(path)]).stdout)
    assert whole["files"][0]["problems"][0]["path"] == f"$.{key}"


def test_cut_says_how_much_is_left_out() -> None:
    assert cut("x" * 10, "see there", limit=10) == "x" * 10
    assert cut("x" * 12, "see there", limit=10) == "x" * 10 + "… [2 more characters; see there]"


# -- render: formats, options, verbosity -----------------------------------------------------------


def test_format_names_are_case_insensitive(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["render", str(FRENCH), "--to", "HTML,Json", "-o", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "jsi-ecommerce-2023-05-25.fr.html").is_file()
    assert (tmp_path / "jsi-ecommerce-2023-05-25.fr.json").is_file()


def test_to_given_again_adds_formats(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["render", str(FRENCH), "--to", "html", "--to", "json,yaml", "-o", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    written = sorted(p.suffix for p in tmp_path.glob("jsi-ecommerce-2023-05-25.fr.*"))
    assert written == [".html", ".json", ".yaml"]


def test_unknown_format_lists_the_known_ones() -> None:
    result = CliRunner().invoke(main, ["render", str(FRENCH), "--to", "rtf"])
    assert result.exit_code == 2
    assert (
        "Invalid value for '--to': unknown format 'rtf'; known: docx, html, json, pdf, yaml"
        in result.stderr
    )


def test_generic_option_reaches_the_formats_that_take_it(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main,
        [
            "render",
            str(FRENCH),
            "--to",
            "pdf,html",
            "-O",
            "page_size=letter",
            "-O",
            "fragment=yes",
            "-o",
            str(tmp_path),
        ],
    )
    assert result.exit_code == 0, result.output
    from pypdf import PdfReader

    box = PdfReader(tmp_path / "jsi-ecommerce-2023-05-25.fr.pdf").pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    assert (
        (tmp_path / "jsi-ecommerce-2023-05-25.fr.html")
        .read_text(encoding="utf-8")
        .startswith("<article")
    )


def test_generic_option_errors_are_usage_errors_naming_the_fix() -> None:
    misspelt = CliRunner().invoke(main, ["render", str(FRENCH), "--to", "pdf", "-O", "pagesize=A4"])
    assert misspelt.exit_code == 2
    assert (
        "Invalid value for -O: no chosen format takes 'pagesize' (did you mean page_size? "
        "pdf: allowed_urls, document_url_pattern, labels_language, page_size, pdf_variant, strict, theme, typography)"
    ) in misspelt.stderr
    bad_value = CliRunner().invoke(
        main, ["render", str(FRENCH), "--to", "pdf", "-O", "page_size=A3"]
    )
    assert bad_value.exit_code == 2
    assert (
        "Error: bad pdf option: page_size: expected one of A4, Letter; got 'A3'" in bad_value.stderr
    )
    not_bool = CliRunner().invoke(
        main, ["render", str(FRENCH), "--to", "html", "-O", "fragment=maybe"]
    )
    assert not_bool.exit_code == 2
    assert "Invalid value for -O: fragment: expected true or false, got 'maybe'" in not_bool.stderr
    no_equals = CliRunner().invoke(main, ["render", str(FRENCH), "-O", "fragment"])
    assert no_equals.exit_code == 2
    assert "Invalid value for -O: 'fragment' is not KEY=VALUE" in no_equals.stderr


def test_typography_option_changes_the_marks(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main,
        ["render", str(FRENCH), "--to", "html", "--typography", "house_wto", "-o", str(tmp_path)],
    )
    assert result.exit_code == 0, result.output
    page = (tmp_path / "jsi-ecommerce-2023-05-25.fr.html").read_text(encoding="utf-8")
    default = CliRunner().invoke(
        main, ["render", str(FRENCH), "--to", "html", "-o", str(tmp_path / "d")]
    )
    assert default.exit_code == 0
    assert page != (tmp_path / "d" / "jsi-ecommerce-2023-05-25.fr.html").read_text(encoding="utf-8")
    unknown = CliRunner().invoke(
        main, ["render", str(FRENCH), "--to", "html", "--typography", "gothic", "-o", str(tmp_path)]
    )
    assert unknown.exit_code == 2  # refused once, before any item is rendered
    assert (
        "Error: bad html option: typography: unknown typography profile 'gothic' "
        "(known: arabic, chinese, english, french, house_wto, russian, spanish, house, wto)"
    ) in unknown.stderr


def _figure_item(tmp_path: Path) -> Path:
    text = FRENCH.read_text(encoding="utf-8").replace(
        "sections:\n",
        "sections:\n  - blocks:\n      - type: figure\n        image: https://images.example.org/a.png\n        alt: The Council in session\n",
        1,
    )
    path = tmp_path / "figure.fr.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_verbosity_before_or_after_the_command_and_each_diagnostic_once(tmp_path: Path) -> None:
    item = _figure_item(tmp_path)
    for args in (["-v", "render"], ["render", "-v"]):
        done = run(*args, str(item), "--to", "pdf,docx", "-o", str(tmp_path / "out"), "--force")
        assert done.returncode == 0, done.stderr
        lines = done.stderr.splitlines()
        assert lines == [
            f"wrote {tmp_path / 'out' / 'figure.fr.pdf'}",
            f"wrote {tmp_path / 'out' / 'figure.fr.docx'}",
            f"{item}: pdf: warning: $.sections[0].blocks[0].image: https://images.example.org/a.png not fetched (not under allowed_urls); its text alternative is printed instead",
            f"{item}: docx: warning: $.sections[0].blocks[0].image: https://images.example.org/a.png not fetched (not under allowed_urls); its text alternative is shown instead",
            "note: images are fetched only from URLs named with --allowed-url PREFIX; the others are printed as their text alternative in PDF and DOCX",
            "1 of 1 item(s) rendered, 2 file(s) written, 0 failed",
        ]


def test_render_prints_an_item_warning_once_at_its_line(tmp_path: Path) -> None:
    """A warning about the item (typed quotation marks) is the same in every format: it is
    printed once, at its line, as `validate` prints it; what one format noticed (an image the
    PDF and the DOCX did not fetch) is printed for that format."""
    item = tmp_path / "warned.yaml"
    item.write_text(
        "id: warned\nlanguage: en\nheadline: Typed marks\npublished: 2024-01-01\nsections:\n"
        "  - blocks:\n      - text: 'The chair said: \"we are done\".'\n"
        "      - type: figure\n        image: https://images.example.org/a.png\n"
        "        alt: The chair closing the session\n",
        encoding="utf-8",
    )
    out = str(tmp_path / "out")
    done = run("render", str(item), "--to", "html", "--to", "pdf,docx", "-o", out)
    assert done.returncode == 0, done.stderr
    validated = run("validate", str(item))
    (warning,) = validated.stdout.splitlines()
    assert warning.startswith(f"{item}:7: $.sections[0].blocks[0].text: warning: quotation marks")
    image = "$.sections[0].blocks[1].image: https://images.example.org/a.png not fetched"
    assert done.stderr.splitlines()[:3] == [
        warning,
        f"{item}: pdf: warning: {image} (not under allowed_urls); its text alternative is "
        "printed instead",
        f"{item}: docx: warning: {image} (not under allowed_urls); its text alternative is "
        "shown instead",
    ]
    assert done.stderr.splitlines()[-1] == "1 of 1 item(s) rendered, 3 file(s) written, 0 failed"


def test_render_without_v_prints_no_line_per_file_and_quiet_prints_nothing(tmp_path: Path) -> None:
    done = run(
        "render",
        str(FRENCH),
        str(EXAMPLES / "jsi-ecommerce-2023-05-25.en.yaml"),
        "--to",
        "html",
        "-o",
        str(tmp_path),
    )
    assert done.returncode == 0
    assert done.stderr == "2 of 2 item(s) rendered, 2 file(s) written, 0 failed\n"
    quiet = run("render", str(FRENCH), "--to", "html", "-o", str(tmp_path), "-q")
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (0, "", "")


def test_help_is_readable_everywhere() -> None:
    top = CliRunner().invoke(main, ["--help"])
    assert top.exit_code == 0
    assert "..." not in top.output.replace("COMMAND [ARGS]...", "").replace("DOCX...", "")
    for command in ("validate", "render", "schema", "formats"):
        shown = CliRunner().invoke(main, [command, "--help"])
        assert shown.exit_code == 0
        assert "-v, --verbose" in shown.output
        assert max(len(line) for line in shown.output.splitlines()) <= 100


def test_formats_lists_each_format_with_its_options() -> None:
    result = CliRunner().invoke(main, ["formats"])
    assert result.exit_code == 0
    assert (
        "pdf\tallowed_urls, document_url_pattern, labels_language, page_size, pdf_variant, strict, theme, typography"
        in result.output.splitlines()
    )


def test_weasyprint_warnings_still_become_diagnostics_in_the_command(tmp_path: Path) -> None:
    corpus = Path(__file__).parent / "corpus" / "valid-missing-glyphs.yaml"
    for verbosity in ([], ["-v"]):
        done = run("render", str(corpus), "--to", "pdf", "-o", str(tmp_path), "--force", *verbosity)
        assert done.returncode == 0, done.stderr
        notdef = [line for line in done.stderr.splitlines() if "shows empty boxes" in line]
        assert any("these symbols or emoji (U+1F680" in line for line in notdef), done.stderr
        assert all(line.startswith(f"{corpus}: pdf: warning: ") for line in notdef)
        assert "WARNING:" not in done.stderr


def test_an_output_named_like_a_file_is_refused(tmp_path: Path) -> None:
    """`-o report.pdf` names a folder; a staff member means a file: say so, make nothing."""
    target = tmp_path / "report.pdf"
    result = CliRunner().invoke(main, ["render", str(FRENCH), "--to", "pdf", "-o", str(target)])
    assert result.exit_code == 2
    assert "looks like a file name" in result.output
    assert f"-o {tmp_path / 'report'}" in result.output
    assert not target.exists()
    # an existing folder of that name is used as one
    target.mkdir()
    result = CliRunner().invoke(main, ["render", str(FRENCH), "--to", "html", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert (target / f"{FRENCH.name.removesuffix('.yaml')}.html").is_file()
