"""Reading back the source a jsi_docs DOCX carries (zipfile + lxml, no python-docx)."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import docx
import pytest

import jsi_docs
from _docx_helpers import FRENCH, every_node_item, export, load
from jsi_docs.errors import InputError
from jsi_docs.exporters.docx import _oxml
from jsi_docs.readers import docx_source
from jsi_docs.readers.docx_source import extract_source


def _renamed(data: bytes, old: str, new: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            dst.writestr(info.filename.replace(old, new), src.read(info))
    return out.getvalue()


def test_source_namespace_is_the_exporters() -> None:
    assert docx_source.SOURCE_NAMESPACE == _oxml.SOURCE_NAMESPACE


def test_extracts_the_items_json() -> None:
    item = load(FRENCH)
    text = extract_source(export(item))
    assert json.loads(text)["id"] == item.id
    assert jsi_docs.loads(text, format="json") == item


def test_finds_the_source_after_its_part_is_renumbered() -> None:
    data = _renamed(export(every_node_item()), "customXml/item1.xml", "customXml/item7.xml")
    assert json.loads(extract_source(data))["id"] == "every-node"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"not a zip at all", "not a DOCX"),
        (b"", "not a DOCX"),
    ],
)
def test_non_docx_bytes_are_an_input_error(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        extract_source(data)


def test_a_zip_that_is_not_a_docx_is_an_input_error() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(InputError, match=r"no word/document\.xml"):
        extract_source(out.getvalue())


def test_a_docx_not_made_by_jsi_docs_is_an_input_error(tmp_path: Path) -> None:
    plain = tmp_path / "plain.docx"
    docx.Document().save(str(plain))  # python-docx's template has a custom XML part, not ours
    with pytest.raises(InputError, match="carries no jsi_docs source"):
        extract_source(plain.read_bytes())
    with pytest.raises(InputError, match="carries no jsi_docs source"):
        jsi_docs.load(plain)
