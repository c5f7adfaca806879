"""Serialise an OPC package (the zip of a DOCX) so that the same parts give the same bytes.

python-docx stamps each zip member with the current time; here every member gets the same
fixed timestamp and permissions, and members come in a fixed order: ``[Content_Types].xml``
first (as Word writes it), the package relationships next, then the rest sorted by name.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Mapping

__all__ = ["FIXED_TIMESTAMP", "package_members", "write_package"]

FIXED_TIMESTAMP = (1980, 1, 1, 0, 0, 0)
"""The earliest time a zip can hold; used for every member."""

_FIRST = ("[Content_Types].xml", "_rels/.rels")


def _order(name: str) -> tuple[int, str]:
    return (_FIRST.index(name), "") if name in _FIRST else (len(_FIRST), name)


def write_package(members: Mapping[str, bytes]) -> bytes:
    """The zip of ``members`` (member name -> bytes), deflated, with fixed timestamps and order."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(members, key=_order):
            info = zipfile.ZipInfo(name, date_time=FIXED_TIMESTAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            archive.writestr(info, members[name])
    return buffer.getvalue()


def package_members(package: object) -> dict[str, bytes]:
    """Every member of a python-docx package: content types, relationships and part blobs."""
    parts = list(package.iter_parts())  # type: ignore[attr-defined]
    members: dict[str, bytes] = {
        "[Content_Types].xml": _content_types(parts),
        "_rels/.rels": _rels_blob(package),
    }
    for part in parts:
        members[part.partname.membername] = part.blob
        if len(part.rels):
            members[part.partname.rels_uri.membername] = _rels_blob(part)
    return members


def _rels_blob(owner: object) -> bytes:
    xml: str = owner.rels.xml  # type: ignore[attr-defined]
    return xml if isinstance(xml, bytes) else xml.encode("utf-8")


def _content_types(parts: Iterable[object]) -> bytes:
    overrides = sorted(
        (str(part.partname), part.content_type)  # type: ignore[attr-defined]
        for part in parts
    )
    body = "".join(
        f'<Override PartName="{_attr(name)}" ContentType="{_attr(ct)}"/>' for name, ct in overrides
    )
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f"{body}</Types>"
    ).encode()


def _attr(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
