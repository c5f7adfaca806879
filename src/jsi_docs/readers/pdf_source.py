"""Read back the item a jsi_docs PDF carries: its canonical JSON, embedded as an attachment."""

from __future__ import annotations

import io
import struct
import zlib
from typing import Any

from jsi_docs.errors import InputError, Problem

__all__ = ["extract_source"]


_PARSER_DAMAGE = (LookupError, ValueError, TypeError, AttributeError, ArithmeticError,
                  AssertionError, EOFError, OSError, RecursionError, NotImplementedError,
                  zlib.error, struct.error)  # fmt: skip


def _fail(message: str) -> InputError:
    return InputError([Problem("$", message)])


def _name(spec: Any) -> str:
    return str(spec.get("/UF") or spec.get("/F") or "")


def _payload(spec: Any) -> bytes | None:
    try:
        stream = spec["/EF"]["/F"].get_object()
    except (KeyError, TypeError, AttributeError, ValueError):
        return None
    filters = stream.get("/Filter")
    names = [] if filters is None else [filters] if isinstance(filters, str) else list(filters)
    if unread := [str(name) for name in names if name != "/FlateDecode"]:
        # jsi_docs compresses with Flate only; other decoders (JBIG2 runs an external program)
        # are not run on a stranger's bytes
        raise _fail(f"the embedded source is encoded with {', '.join(unread)}, not /FlateDecode")
    data: bytes = stream.get_data()  # pypdf bounds what Flate may inflate
    return data


def extract_source(data: bytes) -> str:
    """The JSON text of the item embedded in a PDF made by jsi_docs.

    Looks first for an associated file with ``AFRelationship /Source`` (PDF/A-3), then for an
    embedded ``.json`` file. Raises :class:`~jsi_docs.errors.InputError` when the bytes are not a
    readable PDF or carry no source.
    """
    import pypdf
    from pypdf.errors import DependencyError, PyPdfError

    if not data[:1024].lstrip().startswith(b"%PDF-"):
        raise _fail("not a PDF (no %PDF- header)")
    try:
        # strict: a damaged file is an error here, not warnings printed by pypdf's logger
        reader = pypdf.PdfReader(io.BytesIO(data), strict=True)
        root: Any = reader.trailer["/Root"]
        specs = [ref.get_object() for ref in root.get("/AF", ())]
        sources = [s for s in specs if s.get("/AFRelationship") == "/Source"]
        embedded = _embedded_specs(root)
        candidates = [
            *(s for s in sources if _name(s).lower().endswith(".json")),
            *(s for s in embedded if _name(s).lower().endswith(".json")),
        ]
        payloads = ((spec, _payload(spec)) for spec in candidates)
        spec, payload = next(((s, p) for s, p in payloads if p is not None), (None, None))
    except InputError:
        raise
    except (PyPdfError, DependencyError, *_PARSER_DAMAGE) as exc:
        # pypdf parses hostile bytes with many kinds of error (bombs past its limits, broken
        # streams, filters it lacks a library for): every one means "this PDF cannot be read"
        raise _fail(f"not a readable PDF: {type(exc).__name__}: {exc}") from None
    if spec is not None and payload is not None:
        try:
            return payload.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise _fail(f"the embedded source {_name(spec)!r} is not UTF-8: {exc}") from None
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
