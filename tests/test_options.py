"""Exporter options: one attrs class per exporter, read from keyword arguments strictly, typed
keyword arguments that agree with the classes, and a plug-in exporter with options of its own."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import attrs
import pytest

import jsi_docs
from jsi_docs.exporters import OptionError, get_exporter, option_names, structure_options
from jsi_docs.exporters.pdf import PageSize, PdfOptions, PdfVariant
from jsi_docs.exporting import CommonKwargs, DocxKwargs, HtmlKwargs, PdfKwargs
from tests_helpers import FRENCH, ROOT, french_example


@pytest.mark.parametrize(
    ("fmt", "kwargs"),
    [
        ("html", HtmlKwargs),
        ("pdf", PdfKwargs),
        ("docx", DocxKwargs),
        ("json", CommonKwargs),
        ("yaml", CommonKwargs),
    ],
)
def test_typed_keyword_arguments_name_every_option(fmt: str, kwargs: type) -> None:
    keys = kwargs.__required_keys__ | kwargs.__optional_keys__  # type: ignore[attr-defined]
    assert tuple(sorted(keys)) == option_names(get_exporter(fmt).options_type)


def test_each_exporter_has_its_own_options_class() -> None:
    types = {fmt: get_exporter(fmt).options_type for fmt in ("html", "pdf", "docx")}
    assert [t.__name__ for t in types.values()] == ["HtmlOptions", "PdfOptions", "DocxOptions"]
    assert all(issubclass(t, jsi_docs.ExportOptions) and attrs.has(t) for t in types.values())


def test_values_are_read_per_type_and_enums_in_any_case() -> None:
    options = structure_options(
        PdfOptions,
        "pdf",
        {
            "page_size": "letter",
            "pdf_variant": "PDF/A-3B",
            "allowed_urls": "https://a.org/",
            "theme": "themes",
        },
    )
    assert options == PdfOptions(
        page_size=PageSize.LETTER,
        pdf_variant=PdfVariant.PDF_A_3B,
        allowed_urls=("https://a.org/",),
        theme=Path("themes"),
    )
    assert PdfOptions(page_size="a4").page_size is PageSize.A4


def test_unknown_and_bad_options_are_refused_with_the_accepted_ones() -> None:
    with pytest.raises(OptionError) as caught:
        jsi_docs.export(french_example(), "pdf", pdfvariant="pdf/a-3b")  # type: ignore[call-overload]
    assert str(caught.value) == (
        "the pdf exporter does not take pdfvariant (did you mean pdf_variant?); "
        "it takes: allowed_urls, document_url_pattern, labels_language, page_size, pdf_variant, sibling_files, "
        "strict, theme, typography"
    )
    with pytest.raises(OptionError) as caught:
        jsi_docs.export(french_example(), "pdf", page_size="A3", strict="yes")  # type: ignore[call-overload]
    assert str(caught.value) == (
        "bad pdf option: strict: expected true or false, got the text 'yes'; "
        "page_size: expected one of A4, Letter; got 'A3'"
    )


def test_an_options_object_and_keywords_together() -> None:
    base = jsi_docs.HtmlOptions(fragment=True)
    assert jsi_docs.export(french_example(), "html", options=base).startswith(b"<article")
    page = jsi_docs.export(french_example(), "html", options=base, fragment=False)
    assert page.startswith(b"<!DOCTYPE html>")
    with pytest.raises(OptionError, match="the html exporter takes HtmlOptions, not PdfOptions"):
        jsi_docs.export(french_example(), "html", options=PdfOptions())


_PLUGIN = """
import enum
import attrs
from typing import ClassVar
from jsi_docs.exporters import ExportOptions, ExportResult, OptionEnum

class Shout(OptionEnum):
    NO = "no"
    YES = "yes"

@attrs.frozen(kw_only=True)
class PlainOptions(ExportOptions):
    shout: Shout = Shout.NO
    width: int = 72
    prefixes: tuple[str, ...] = ()

class PlainExporter:
    name: ClassVar[str] = "plain"
    media_type: ClassVar[str] = "text/plain"
    suffix: ClassVar[str] = ".txt"
    options_type: ClassVar[type[PlainOptions]] = PlainOptions

    def export(self, item, options: PlainOptions) -> ExportResult:
        text = item.headline.upper() if options.shout is Shout.YES else item.headline
        text = f"{text[: options.width]}|{','.join(options.prefixes)}"
        return ExportResult(text.encode(), self.media_type, self.suffix)
"""


@pytest.fixture
def plugin_path(tmp_path: Path) -> Path:
    (tmp_path / "plain_plugin.py").write_text(textwrap.dedent(_PLUGIN), encoding="utf-8")
    info = tmp_path / "plain_plugin-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: plain-plugin\nVersion: 1.0\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        "[jsi_docs.exporters]\nplain = plain_plugin:PlainExporter\n", encoding="utf-8"
    )
    return tmp_path


def _run(plugin_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(plugin_path), str(ROOT / "src")])}
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, env=env, timeout=120, check=False
    )


def test_a_plugin_exporter_declares_and_takes_options(plugin_path: Path, tmp_path: Path) -> None:
    code = (
        f"import jsi_docs; item = jsi_docs.load({str(FRENCH)!r}); "
        "print(jsi_docs.export(item, 'plain', shout='YES', width=10, prefixes=['a', 'b']).decode()); "
        "from plain_plugin import PlainOptions; "
        "print(jsi_docs.export(item, 'plain', options=PlainOptions(width=5)).decode())\n"
        "try:\n    jsi_docs.export(item, 'plain', widht=3)\n"
        "except jsi_docs.OptionError as e:\n    print(e)"
    )
    done = _run(plugin_path, "-c", code)
    assert done.returncode == 0, done.stderr
    headline = french_example().headline
    assert headline is not None
    assert done.stdout.splitlines() == [
        f"{headline.upper()[:10]}|a,b",
        f"{headline[:5]}|",
        "the plain exporter does not take widht (did you mean width?); "
        "it takes: labels_language, prefixes, shout, sibling_files, strict, theme, typography, width",
    ]
    cli = _run(
        plugin_path, "-m", "jsi_docs", "render", str(FRENCH), "--to", "PLAIN,html",
        "-O", "shout=yes", "-O", "width=4", "-O", "prefixes=x", "-O", "prefixes=y", "-o", str(tmp_path / "out"),
    )  # fmt: skip
    assert cli.returncode == 0, cli.stderr
    assert (
        tmp_path / "out" / "jsi-ecommerce-2023-05-25.fr.txt"
    ).read_text() == f"{headline.upper()[:4]}|x,y"
    bad = _run(
        plugin_path, "-m", "jsi_docs", "render", str(FRENCH), "--to", "plain", "-O", "width=wide"
    )
    assert bad.returncode == 2
    assert "Invalid value for -O: width: expected a whole number, got 'wide'" in bad.stderr


def test_language_and_typography_names_are_checked_when_options_are_read() -> None:
    with pytest.raises(OptionError) as caught:
        structure_options(jsi_docs.HtmlOptions, "html", {"labels_language": "de"})
    assert str(caught.value) == (
        "bad html option: labels_language: unsupported language 'de' "
        "(supported: ar, en, es, fr, ru, zh)"
    )
    with pytest.raises(OptionError, match="typography: unknown typography profile 'gothic'"):
        jsi_docs.DocxOptions(typography="gothic")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("hint", "text", "value"),
    [
        (bool, "Yes", True),
        (bool, "off", False),
        (bool | None, "1", True),
        (int, "12", 12),
        (int | None, "-3", -3),
        (tuple[str, ...], "https://a.example/", ("https://a.example/",)),
        (str | None, "Letter", "Letter"),
        (Path | str | None, "x", "x"),
    ],
)
def test_option_text_is_read_per_type(hint: object, text: str, value: object) -> None:
    from jsi_docs.exporters import option_from_text

    assert option_from_text("key", text, hint) == value


@pytest.mark.parametrize(
    ("hint", "text", "said"), [(bool, "maybe", "true or false"), (int, "1.5", "whole number")]
)
def test_option_text_of_the_wrong_type_is_an_option_error_naming_the_key(
    hint: object, text: str, said: str
) -> None:
    from jsi_docs.exporters import option_from_text

    with pytest.raises(OptionError, match=f"strict: expected .*{said}|strict: .*{said}") as caught:
        option_from_text("strict", text, hint)
    assert isinstance(caught.value, jsi_docs.JsiDocsError)
    assert repr(text) in str(caught.value)


def test_the_service_reads_options_without_the_command_line() -> None:
    import ast

    source = (ROOT / "src" / "jsi_docs" / "service" / "app.py").read_text()
    imported = {
        node.module
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.ImportFrom) and node.module
    }
    assert "jsi_docs.cli" not in imported
