"""Read back the item a jsi_docs DOCX carries: its canonical JSON, in a custom XML part.

Only :mod:`zipfile` and lxml: reading the source needs neither python-docx nor the document's
text. The part is found by its root element (``{urn:jsi-docs:source}source``) among the
package's ``customXml/item*.xml`` parts, so a DOCX re-saved by Word (which keeps custom XML
parts, possibly renumbered) still gives its item back.
"""

from __future__ import annotations

import io
import re
import zipfile

from lxml import etree

from jsi_docs.errors import InputError, Problem

__all__ = ["SOURCE_NAMESPACE", "extract_source"]

SOURCE_NAMESPACE = "urn:jsi-docs:source"
_ROOT_TAG = f"{{{SOURCE_NAMESPACE}}}source"
_CUSTOM_XML_ITEM = re.compile(r"^customXml/item\d+\.xml$", re.IGNORECASE)
_MAX_PART_BYTES = 64 * 1024 * 1024
"""Larger custom XML parts are refused unread (a zip bomb would expand without limit)."""


def _fail(message: str) -> InputError:
    return InputError([Problem("$", message)])


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def extract_source(data: bytes) -> str:
    """The JSON text of the item embedded in a DOCX made by jsi_docs.

    Raises :class:`~jsi_docs.errors.InputError` when ``data`` is not a readable DOCX (zip) or
    carries no jsi_docs source.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError) as exc:
        raise _fail(f"not a DOCX (not a readable zip file: {exc})") from None
    with archive:
        names = archive.namelist()
        if "word/document.xml" not in names:
            raise _fail("not a DOCX (the zip holds no word/document.xml)")
        for info in archive.infolist():
            if not _CUSTOM_XML_ITEM.fullmatch(info.filename):
                continue
            if info.file_size > _MAX_PART_BYTES:
                raise _fail(f"{info.filename} is larger than {_MAX_PART_BYTES} bytes")
            try:
                root = etree.fromstring(archive.read(info), _parser())
            except (etree.XMLSyntaxError, zipfile.BadZipFile, OSError, ValueError):
                continue
            if root.tag == _ROOT_TAG:
                return root.text or ""
    raise _fail(
        "this DOCX carries no jsi_docs source (it was not made by jsi_docs, "
        "or the custom XML part holding the item was removed)"
    )
