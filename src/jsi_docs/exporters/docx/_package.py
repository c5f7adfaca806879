"""Serialise an OPC package (the zip of a DOCX) so that the same parts give the same bytes.

python-docx stamps each zip member with the current time; here every member gets the same
fixed timestamp and permissions, and members come in a fixed order: ``[Content_Types].xml``
first (as Word writes it), the package relationships next, then the rest sorted by name.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

__all__ = ["FIXED_TIMESTAMP", "ExtraPart", "docx_members", "write_package"]

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


def docx_members(
    main_part: Any, package_parts: Sequence[tuple[Any, str]], extra: Sequence[ExtraPart]
) -> dict[str, bytes]:
    """The members of a DOCX: the parts reachable from ``main_part`` (the document), the
    python-docx ``package_parts`` (part, relationship type) and ``extra`` parts made as bytes.

    The package relationships are written here, not copied from the reference document, so
    nothing it related at package level (a thumbnail, its own properties) comes along.
    """
    parts: list[Any] = []
    seen: set[int] = set()
    for root in (main_part, *(p for p, _ in package_parts)):
        _walk(root, parts, seen)
    members: dict[str, bytes] = {}
    types: list[tuple[str, str]] = []
    for part in parts:
        members[part.partname.membername] = part.blob
        types.append((str(part.partname), part.content_type))
        if len(part.rels):
            members[part.partname.rels_uri.membername] = _blob(part.rels.xml)
    rels = [(_OFFICE_DOCUMENT, str(main_part.partname))]
    rels += [(reltype, str(part.partname)) for part, reltype in package_parts]
    for extra_part in extra:
        members[extra_part.partname.lstrip("/")] = extra_part.blob
        types.append((extra_part.partname, extra_part.content_type))
        rels.append((extra_part.reltype, extra_part.partname))
    members["[Content_Types].xml"] = _content_types(types)
    members["_rels/.rels"] = _package_rels(rels)
    return members


@attrs.frozen
class ExtraPart:
    """A package-level part given as bytes (extended or custom properties)."""

    partname: str
    content_type: str
    reltype: str
    blob: bytes


_OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
)
_HEAD = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"


def _walk(part: Any, out: list[Any], seen: set[int]) -> None:
    if id(part) in seen:
        return
    seen.add(id(part))
    out.append(part)
    for rel in part.rels.values():
        if not rel.is_external:
            _walk(rel.target_part, out, seen)


def _blob(xml: str | bytes) -> bytes:
    return xml if isinstance(xml, bytes) else xml.encode("utf-8")


def _package_rels(rels: Sequence[tuple[str, str]]) -> bytes:
    body = "".join(
        f'<Relationship Id="rId{i}" Type="{_attr(reltype)}" Target="{_attr(target.lstrip("/"))}"/>'
        for i, (reltype, target) in enumerate(rels, start=1)
    )
    return (
        f'{_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f"{body}</Relationships>"
    ).encode()


def _content_types(types: Sequence[tuple[str, str]]) -> bytes:
    body = "".join(
        f'<Override PartName="{_attr(name)}" ContentType="{_attr(ct)}"/>'
        for name, ct in sorted(types)
    )
    return (
        f'{_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f"{body}</Types>"
    ).encode()


def _attr(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
