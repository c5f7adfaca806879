"""The public API's types: a misspelt export option fails mypy --strict; a loop over format
names type-checks."""

from __future__ import annotations

from pathlib import Path

import pytest

mypy_api = pytest.importorskip("mypy.api", reason="mypy is in the lint extra")

SNIPPET = """
import jsi_docs

item = jsi_docs.load("x.yaml")
for fmt in ("json", "yaml"):
    jsi_docs.loads(jsi_docs.dumps(item, fmt), fmt)
jsi_docs.export(item, "pdf", pdf_variant="pdf/a-3b", page_size="Letter", allowed_urls=["https://a.org/"])
jsi_docs.export(item, "html", fragment=True, typography="house_wto")
jsi_docs.export(item, "odt", options=jsi_docs.ExportOptions(strict=True))
jsi_docs.export(item, "pdf", pdfvariant="pdf/a-3b")
jsi_docs.render(item, "html", fragment="yes")
"""


@pytest.mark.slow
def test_mypy_refuses_a_misspelt_option_and_accepts_the_rest(tmp_path: Path) -> None:
    source = tmp_path / "use.py"
    source.write_text(SNIPPET, encoding="utf-8")
    out, _, status = mypy_api.run(
        ["--strict", "--no-incremental", "--cache-dir", str(tmp_path / "cache"), str(source)]
    )
    errors = [line.split(": error: ")[1] for line in out.splitlines() if ": error: " in line]
    lines = sorted({int(line.split(":")[1]) for line in out.splitlines() if ": error: " in line})
    assert status == 1
    assert lines == [10, 11], out
    assert (
        'Unexpected keyword argument "pdfvariant" for overloaded function "export"; did you mean "pdf_variant"?  [call-overload]'
        in errors
    )
