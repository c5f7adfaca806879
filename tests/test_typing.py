"""The public API's types: a misspelt export option, or a name outside a closed set (a page
size, a typography profile, a text format), fails mypy --strict; the names documented pass,
and a name read from outside goes through the function that checks it."""

from __future__ import annotations

from pathlib import Path
from typing import get_args

import pytest

import jsi_docs
from jsi_docs.exporters.pdf import PageSize, PageSizeName
from jsi_docs.i18n.catalog import default_catalog
from jsi_docs.i18n.profiles import ProfileName, profile_for, profile_name
from jsi_docs.serialization import TextFormat, text_format
from tests_helpers import french_example

mypy_api = pytest.importorskip("mypy.api", reason="mypy is in the lint extra")

SNIPPET = """
import sys
import jsi_docs
from jsi_docs.i18n.profiles import profile_name
from jsi_docs.serialization import text_format

item = jsi_docs.load("x.yaml")
for fmt in ("json", "yaml"):
    jsi_docs.loads(jsi_docs.dumps(item, fmt), fmt)
jsi_docs.export(item, "pdf", pdf_variant="pdf/a-3b", page_size="Letter", allowed_urls=["https://a.org/"])
jsi_docs.export(item, "pdf", page_size=jsi_docs.PageSize.parse(sys.argv[1]))
jsi_docs.export(item, "html", fragment=True, typography="house_wto")
jsi_docs.dumps(item, text_format(sys.argv[2]))
jsi_docs.export(item, "html", typography=profile_name(sys.argv[3]))
jsi_docs.export(item, "odt", options=jsi_docs.ExportOptions(strict=True))
jsi_docs.export(item, "pdf", pdfvariant="pdf/a-3b")
jsi_docs.render(item, "html", fragment="yes")
jsi_docs.dumps(item, "xml")
jsi_docs.loads("{}", "toml")
jsi_docs.export(item, "pdf", page_size="A5")
jsi_docs.PdfOptions(page_size="A5")
jsi_docs.export(item, "html", typography="hosue")
jsi_docs.ExportOptions(typography="hosue")
name: str = sys.argv[3]
jsi_docs.dumps(item, name)
"""
REFUSED = [*range(16, 24), 25]
"""The snippet's lines mypy refuses: a misspelt option, a wrong value, names outside the sets,
and a name typed ``str`` (read from outside: ``text_format``, ``profile_name`` or ``PageSize.parse`` checks it)."""


@pytest.mark.slow
def test_mypy_refuses_a_misspelt_option_or_name_and_accepts_the_rest(tmp_path: Path) -> None:
    source = tmp_path / "use.py"
    source.write_text(SNIPPET, encoding="utf-8")
    out, _, status = mypy_api.run(
        ["--strict", "--no-incremental", "--cache-dir", str(tmp_path / "cache"), str(source)]
    )
    errors = [line.split(": error: ")[1] for line in out.splitlines() if ": error: " in line]
    lines = sorted({int(line.split(":")[1]) for line in out.splitlines() if ": error: " in line})
    assert status == 1
    assert lines == REFUSED, out
    assert (
        'Unexpected keyword argument "pdfvariant" for overloaded function "export"; did you mean "pdf_variant"?  [call-overload]'
        in errors
    )


def test_the_profile_names_are_the_shipped_profiles() -> None:
    """``ProfileName`` lists every profile and alias of the data files, and nothing else."""
    catalog = default_catalog()
    assert set(get_args(ProfileName)) == {*catalog.profiles, *catalog.aliases}


def test_the_typed_names_are_read_at_run_time_and_so_are_the_others() -> None:
    """The types narrow what a type checker accepts; run time reads the same values as before
    (any case, ``-`` for ``_``)."""
    for size in get_args(PageSizeName):
        assert PageSize.parse(size) in PageSize
    assert jsi_docs.PdfOptions(page_size="LETTER").page_size is PageSize.LETTER  # type: ignore[arg-type]
    for name in (*get_args(ProfileName), "House-WTO", "FRENCH"):
        profile_for("en", name)
        jsi_docs.ExportOptions(typography=name)
    assert profile_name("House-WTO") == "house_wto"
    with pytest.raises(LookupError, match="unknown typography profile 'gothic'"):
        profile_name("gothic")
    item = french_example()
    for fmt in get_args(TextFormat):
        assert jsi_docs.loads(jsi_docs.dumps(item, fmt), fmt) == item
        assert text_format(fmt.upper()) == fmt
        assert jsi_docs.dumps(item, fmt.upper()) == jsi_docs.dumps(item, fmt)
    with pytest.raises(jsi_docs.UnknownFormatError, match="unknown format 'xml'"):
        text_format("xml")
