"""Read back the item a jsi_docs DOCX carries: its canonical JSON, in a custom XML part.

Only :mod:`zipfile` and lxml: reading the source needs neither python-docx nor the document's
text. The part is found by its root element (``{urn:jsi-docs:source}source``) among the
package's ``customXml/item*.xml`` parts, so a DOCX re-saved by Word (which keeps custom XML
parts, possibly renumbered) still gives its item back.

The file is hostile until proven otherwise: only stored or deflated parts are opened (what
Word and jsi_docs write), each is inflated by reading, never trusting the sizes the zip
declares, and all of them together at most to a budget the caller gives (a few times the
largest JSON source accepted); any damage is an :class:`~jsi_docs.errors.InputError`.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from lxml import etree

from jsi_docs.errors import InputError, LimitExceededError, Problem

__all__ = ["MAX_CUSTOM_PARTS", "SOURCE_NAMESPACE", "extract_source"]

SOURCE_NAMESPACE = "urn:jsi-docs:source"
_ROOT_TAG = f"{{{SOURCE_NAMESPACE}}}source"
_CUSTOM_XML_ITEM = re.compile(r"customXml/item\d+\.xml", re.IGNORECASE)
_OPENED = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED})
MAX_CUSTOM_PARTS = 100
"""Custom XML parts looked at, at most (Word adds a handful; jsi_docs writes one)."""
# What a damaged or hostile zip raises while it is opened or a part inflated: a bad CRC or
# header, an encrypted part (RuntimeError), a broken deflate stream, a truncated file.
_ZIP_DAMAGE = (zipfile.BadZipFile, zlib.error, RuntimeError, NotImplementedError, EOFError,
               OSError, ValueError, KeyError)  # fmt: skip


def _fail(message: str) -> InputError:
    return InputError([Problem("$", message)])


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def _inflate(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int) -> bytes:
    """The part's bytes, read up to ``budget`` + 1 (a part that declares less may hold more)."""
    if info.compress_type not in _OPENED:
        raise _fail(f"{info.filename}: compression method {info.compress_type} (a DOCX part "
                    "is stored or deflated)")  # fmt: skip
    if info.flag_bits & 0x1:
        raise _fail(f"{info.filename}: an encrypted part")
    try:
        with archive.open(info) as stream:
            return stream.read(budget + 1)
    except _ZIP_DAMAGE as exc:
        raise _fail(f"not a readable DOCX: {info.filename}: {exc}") from None


def extract_source(data: bytes, max_inflated: int = 8_000_000) -> str:
    """The JSON text of the item embedded in a DOCX made by jsi_docs.

    Raises :class:`~jsi_docs.errors.InputError` when ``data`` is not a readable DOCX (zip) or
    carries no jsi_docs source, and :class:`~jsi_docs.errors.LimitExceededError` when its
    custom XML parts inflate to more than ``max_inflated`` bytes together.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except _ZIP_DAMAGE as exc:
        raise _fail(f"not a DOCX (not a readable zip file: {exc})") from None
    with archive:
        infos = archive.infolist()
        if not any(info.filename == "word/document.xml" for info in infos):
            raise _fail("not a DOCX (the zip holds no word/document.xml)")
        parts = [info for info in infos if _CUSTOM_XML_ITEM.fullmatch(info.filename)]
        if len(parts) > MAX_CUSTOM_PARTS:
            raise LimitExceededError(
                [Problem("$", f"more than {MAX_CUSTOM_PARTS} custom XML parts ({len(parts)})")]
            )
        budget = max_inflated
        for info in parts:
            part = _inflate(archive, info, budget)
            budget -= len(part)
            if budget < 0:
                raise LimitExceededError(
                    [Problem("$", f"custom XML parts larger than {max_inflated} bytes inflated")]
                )
            try:
                root = etree.fromstring(part, _parser())
            except (etree.XMLSyntaxError, ValueError):
                continue
            if root.tag == _ROOT_TAG:
                return root.text or ""
    raise _fail(
        "this DOCX carries no jsi_docs source (it was not made by jsi_docs, "
        "or the custom XML part holding the item was removed)"
    )
