"""Several items in one request: a ``multipart/form-data`` body read into parts, and the names
their outputs take in the answer's archive.

The body has been read whole, under the service's body limit, before it comes here; the
standard library's MIME parser splits it. A part's file name is a client's word, so the name
of its output is made from the last component of it only, with every character that is not a
letter, a digit, ``.``, ``-`` or ``_`` replaced: no folder, no ``..``, no hidden file.
"""

from __future__ import annotations

import email.parser
import email.policy
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from jsi_docs.serialization import TextFormat

__all__ = ["DEFAULT_MAX_PARTS", "FormError", "Part", "archive", "output_names", "read_parts"]

DEFAULT_MAX_PARTS = 50
"""Parts a multipart request may hold; one with more is refused (413) before any is read."""

_INPUT_SUFFIXES: dict[str, TextFormat] = {".yaml": "yaml", ".yml": "yaml", ".json": "json"}
_UNSAFE = re.compile(r"[^\w.-]+")
_MAX_NAME = 120


class FormError(ValueError):
    """A multipart body the service cannot take; ``status`` is the HTTP answer it gets."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@attrs.frozen
class Part:
    """One file of the body: the name the client gave it, its media type and its bytes."""

    filename: str
    media_type: str
    data: bytes

    @property
    def input_format(self) -> TextFormat | None:
        """yaml or json, from the file name's suffix, else from the part's media type; None
        when neither says."""
        suffix = "." + self.filename.rpartition(".")[2].lower() if "." in self.filename else ""
        if suffix in _INPUT_SUFFIXES:
            return _INPUT_SUFFIXES[suffix]
        if self.media_type.endswith(("/json", "+json")):
            return "json"
        if self.media_type.endswith(("/yaml", "/x-yaml", "+yaml")):
            return "yaml"
        return None


def read_parts(content_type: str, body: bytes, max_parts: int) -> list[Part]:
    """The file parts of a ``multipart/form-data`` ``body`` in their order.

    Raises :class:`FormError`: 400 for a body that is not well-formed multipart, a part without
    a file name or a part that is itself multipart; 413 for more than ``max_parts`` parts.
    """
    head = b"Content-Type: " + content_type.encode("latin-1", "replace") + b"\r\n\r\n"
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + body)
    if not message.is_multipart() or not message.get_boundary():
        raise FormError(400, "the body is not multipart/form-data with a boundary")
    if message.defects:
        raise FormError(400, f"the multipart body is malformed: {message.defects[0]}")
    found = message.get_payload()
    assert isinstance(found, list)
    if len(found) > max_parts:
        raise FormError(413, f"the body has {len(found)} parts; at most {max_parts} are taken")
    if not found:
        raise FormError(400, "the multipart body has no parts")
    parts: list[Part] = []
    for index, part in enumerate(found, start=1):
        field = part.get_param("name", header="content-disposition")
        where = f"part {index}" + (f" ({field!r})" if isinstance(field, str) else "")
        if part.is_multipart():
            raise FormError(400, f"{where} is itself multipart; send each item as a file part")
        if part.defects:
            raise FormError(400, f"{where} is malformed: {part.defects[0]}")
        filename = part.get_filename()
        if not filename or not filename.strip():
            raise FormError(400, f"{where} has no file name (Content-Disposition: filename=...)")
        data = part.get_payload(decode=True)
        assert isinstance(data, bytes)
        parts.append(Part(filename, part.get_content_type(), data))
    return parts


def safe_stem(filename: str) -> str:
    """The stem an output of the file ``filename`` is named by: its last path component (either
    slash), without its input suffix, characters other than letters, digits, ``.``, ``-`` and
    ``_`` replaced by ``-``, no leading dot or dash; ``item`` when nothing is left."""
    name = unicodedata.normalize("NFC", re.split(r"[/\\]", filename)[-1])
    stem, dot, suffix = name.rpartition(".")
    if dot and "." + suffix.lower() in _INPUT_SUFFIXES:
        name = stem
    cleaned = _UNSAFE.sub("-", name).lstrip(".-")[:_MAX_NAME].rstrip(".")
    return cleaned or "item"


def output_names(filenames: Sequence[str], suffix: str) -> list[str]:
    """The archive name of each part's output (``x.fr.yaml`` -> ``x.fr.pdf``), in order.

    Raises :class:`FormError` (409) naming the parts when two would have one name, in any case
    (the archive may be unpacked on a file system that does not tell ``A`` from ``a``).
    """
    names = [safe_stem(f) + suffix for f in filenames]
    first: dict[str, int] = {}
    clashes: list[str] = []
    for index, name in enumerate(names):
        earlier = first.setdefault(name.casefold(), index)
        if earlier != index:
            clashes.append(
                f"parts {earlier + 1} ({filenames[earlier]!r}) and {index + 1} "
                f"({filenames[index]!r}) would both be {name!r}"
            )
    if clashes:
        more = f" (and {len(clashes) - 3} more)" if len(clashes) > 3 else ""
        raise FormError(
            409, "; ".join(clashes[:3]) + more + ": give the parts file names that differ"
        )
    return names


def archive(files: Iterable[tuple[str, bytes]]) -> bytes:
    """A zip archive holding each ``(name, bytes)``, deflated."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zipped:
        for name, data in files:
            zipped.writestr(name, data)
    return buffer.getvalue()
