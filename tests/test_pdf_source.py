"""Reading back the item a PDF carries (``jsi_docs.readers.pdf_source``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import jsi_docs
from _pdf_helpers import french_item
from jsi_docs.errors import InputError
from jsi_docs.exporting import export
from jsi_docs.readers.pdf_source import extract_source

pytest.importorskip("weasyprint")


@pytest.fixture(scope="module")
def archive() -> bytes:
    return export(french_item(), "pdf", pdf_variant="pdf/a-3u")


def test_the_source_is_the_canonical_json(archive: bytes) -> None:
    text = extract_source(archive)
    assert text == jsi_docs.dumps(french_item(), format="json")
    assert json.loads(text)["id"] == french_item().id


def test_a_pdf_without_source_is_an_input_error() -> None:
    import weasyprint

    plain = weasyprint.HTML(string="<p lang=en>hello</p>").write_pdf()
    with pytest.raises(InputError, match="no jsi_docs source"):
        extract_source(plain)


@pytest.mark.parametrize("cut", ["garbage", "half", "no-end"])
def test_damaged_files_are_input_errors_and_print_nothing(
    cut: str, archive: bytes, capfd: pytest.CaptureFixture[str]
) -> None:
    data = {"garbage": b"not a pdf at all", "half": archive[: len(archive) // 2],
            "no-end": archive[:-40]}[cut]  # fmt: skip
    with pytest.raises(InputError):
        extract_source(data)
    assert capfd.readouterr() == ("", "")


def test_load_reads_the_pdf_file(archive: bytes, tmp_path: Path) -> None:
    target = tmp_path / "item.pdf"
    target.write_bytes(archive)
    assert jsi_docs.load(target) == french_item()
