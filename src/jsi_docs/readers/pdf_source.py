"""Read back the item a jsi_docs PDF carries: its canonical JSON, embedded as an attachment."""

from __future__ import annotations

import io
from typing import Any

from jsi_docs.errors import InputError, Problem

__all__ = ["extract_source"]


def _fail(message: str) -> InputError:
    return InputError([Problem("$", message)])


def _name(spec: Any) -> str:
    return str(spec.get("/UF") or spec.get("/F") or "")


def _payload(spec: Any) -> bytes | None:
    try:
        stream = spec["/EF"]["/F"].get_object()
        data: bytes = stream.get_data()
    except (KeyError, TypeError, AttributeError, ValueError):
        return None
    return data


def extract_source(data: bytes) -> str:
    """The JSON text of the item embedded in a PDF made by jsi_docs.

    Looks first for an associated file with ``AFRelationship /Source`` (PDF/A-3), then for an
    embedded ``.json`` file. Raises :class:`~jsi_docs.errors.InputError` when the bytes are not a
    readable PDF or carry no source.
    """
    import pypdf
    from pypdf.errors import PyPdfError

    if not data[:1024].lstrip().startswith(b"%PDF-"):
        raise _fail("not a PDF (no %PDF- header)")
    try:
        # strict: a damaged file is an error here, not warnings printed by pypdf's logger
        reader = pypdf.PdfReader(io.BytesIO(data), strict=True)
        root: Any = reader.trailer["/Root"]
        specs = [ref.get_object() for ref in root.get("/AF", ())]
        sources = [s for s in specs if s.get("/AFRelationship") == "/Source"]
        embedded = _embedded_specs(root)
    except (PyPdfError, KeyError, ValueError, TypeError, AttributeError) as exc:
        raise _fail(f"not a readable PDF: {exc}") from exc
    candidates = [
        *(s for s in sources if _name(s).lower().endswith(".json")),
        *(s for s in embedded if _name(s).lower().endswith(".json")),
    ]
    for spec in candidates:
        payload = _payload(spec)
        if payload is None:
            continue
        try:
            return payload.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise _fail(f"the embedded source {_name(spec)!r} is not UTF-8: {exc}") from exc
    raise _fail("this PDF carries no jsi_docs source (no embedded .json file)")


def _embedded_specs(root: Any) -> list[Any]:
    """File specifications of the ``/EmbeddedFiles`` name tree (flat or with ``/Kids``)."""
    names = root.get("/Names")
    tree = names.get_object().get("/EmbeddedFiles") if names is not None else None
    out: list[Any] = []
    pending = [tree.get_object()] if tree is not None else []
    seen = 0
    while pending and seen < 10_000:
        node = pending.pop(0)
        seen += 1
        entries = node.get("/Names", ())
        out.extend(entries[i + 1].get_object() for i in range(0, len(entries) - 1, 2))
        pending.extend(kid.get_object() for kid in node.get("/Kids", ()))
    return out
