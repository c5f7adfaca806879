"""Damaged and hostile PDF and DOCX files given to ``load``: an ``InputError`` every time,
in bounded time and memory (issue 13, root causes 8 to 11)."""

from __future__ import annotations

import io
import os
import zipfile
import zlib
from pathlib import Path

import pytest
from pypdf import PdfWriter
from pypdf.generic import ArrayObject, NameObject

import jsi_docs
from jsi_docs.errors import InputError, LimitExceededError
from jsi_docs.readers import Limits

MINIMAL = ("id: x\nlanguage: en\nheadline: H\npublished: 2023-05-25\n"
           "sections:\n  - blocks:\n      - text: A paragraph.\n")  # fmt: skip
SOURCE_PART = "customXml/item1.xml"


@pytest.fixture(scope="module")
def docx() -> bytes:
    return jsi_docs.export(jsi_docs.loads(MINIMAL), "docx")


def rezip(data: bytes, change: dict[str, tuple[int, bytes]]) -> bytes:
    """``data`` (a zip) with the parts in ``change`` replaced by (method, raw bytes)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as old, zipfile.ZipFile(out, "w") as new:
        for info in old.infolist():
            if info.filename not in change:
                new.writestr(info, old.read(info))
    for name, (method, payload) in change.items():
        with zipfile.ZipFile(out, "a", compression=method) as new:
            new.writestr(name, payload)
    return out.getvalue()


def patched_local_header(data: bytes, name: str, *, method: int | None = None,
                         flags: int | None = None, body: bytes | None = None) -> bytes:  # fmt: skip
    """``data`` with the local and central headers of part ``name`` lying about it."""
    raw = bytearray(data)
    encoded = name.encode()
    for signature, method_at, flags_at in ((b"PK\x03\x04", 8, 6), (b"PK\x01\x02", 10, 8)):
        start = raw.find(signature + b"")
        while start >= 0:
            name_at = start + (30 if signature == b"PK\x03\x04" else 46)
            if raw[name_at : name_at + len(encoded)] == encoded:
                if method is not None:
                    raw[start + method_at : start + method_at + 2] = method.to_bytes(2, "little")
                if flags is not None:
                    raw[start + flags_at : start + flags_at + 2] = flags.to_bytes(2, "little")
                if body is not None and signature == b"PK\x03\x04":
                    at = (
                        name_at
                        + len(encoded)
                        + int.from_bytes(raw[start + 28 : start + 30], "little")
                    )
                    raw[at : at + len(body)] = body
            start = raw.find(signature, start + 4)
    return bytes(raw)


def load_bytes(tmp_path: Path, name: str, data: bytes) -> InputError:
    (tmp_path / name).write_bytes(data)
    with pytest.raises(InputError) as caught:
        jsi_docs.load(tmp_path / name)
    return caught.value


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        ({"flags": 0x1}, "encrypted"),  # was RuntimeError
        ({"method": 99}, "compression method 99"),  # was NotImplementedError
        ({"body": b"\xff" * 40}, "not a readable DOCX"),  # corrupt deflate: was zlib.error
    ],
)
def test_a_damaged_docx_part_is_an_input_error(
    docx: bytes, tmp_path: Path, damage: dict[str, object], message: str
) -> None:
    data = patched_local_header(docx, SOURCE_PART, **damage)  # type: ignore[arg-type]
    error = load_bytes(tmp_path, "x.docx", data)
    assert message in str(error)
    assert str(error).startswith(str(tmp_path / "x.docx"))


def test_every_truncation_of_a_docx_is_an_input_error(docx: bytes) -> None:
    from jsi_docs.readers.docx_source import extract_source

    for cut in range(0, len(docx), max(1, len(docx) // 200)):
        with pytest.raises(InputError):
            extract_source(docx[:cut])


def test_a_custom_xml_bomb_is_refused_before_it_is_inflated(docx: bytes, tmp_path: Path) -> None:
    # 200 MB of zeros deflate to 200 KB: load() peaked at 2 GB
    bomb = b"<a>" + b"0" * 200_000_000 + b"</a>"
    data = rezip(docx, {SOURCE_PART: (zipfile.ZIP_DEFLATED, bomb)})
    error = load_bytes(tmp_path, "bomb.docx", data)
    assert isinstance(error, LimitExceededError)
    assert "inflated" in str(error)


def test_bzip2_parts_are_not_opened(docx: bytes, tmp_path: Path) -> None:
    # 300 bzip2 parts in 86 KB took 73 s; Word writes stored or deflated parts only
    data = rezip(docx, {SOURCE_PART: (zipfile.ZIP_BZIP2, b"<a>" + b"0" * 1000 + b"</a>")})
    assert "compression method 12" in str(load_bytes(tmp_path, "bz.docx", data))


def embedded_pdf(stream_filter: str | list[str], raw: bytes) -> bytes:
    """A PDF whose embedded ``item.json`` holds ``raw`` under ``stream_filter``."""
    writer = PdfWriter()
    writer.add_blank_page(100, 100)
    writer.add_attachment("item.json", b"{}")
    out = io.BytesIO()
    writer.write(out)
    data = out.getvalue()
    # find the embedded file stream and give it the hostile filter and bytes
    writer = PdfWriter(clone_from=io.BytesIO(data))
    names = writer.root_object["/Names"]["/EmbeddedFiles"]["/Names"]  # type: ignore[index]
    stream = names[1].get_object()["/EF"]["/F"].get_object()
    stream._data = raw  # the bytes as written, whatever the filter
    stream[NameObject("/Filter")] = (
        NameObject(stream_filter) if isinstance(stream_filter, str)
        else ArrayObject(NameObject(f) for f in stream_filter)
    )  # fmt: skip
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("stream_filter", "raw", "message"),
    [
        # a Flate bomb was LimitReachedError
        ("/FlateDecode", zlib.compress(b"\0" * 300_000_000, 9), "not a readable PDF: LimitReached"),
        ("/FlateDecode", b"\x78\x9c broken", "x.pdf:"),
        ("/LZWDecode", b"\xff\xfe\xfd" * 10, "encoded with /LZWDecode"),  # was PdfStreamError
        ("/ASCIIHexDecode", b"zz-not-hex", "encoded with /ASCIIHexDecode"),  # PdfStreamError
        ("/JBIG2Decode", b"\0" * 64, "encoded with /JBIG2Decode"),  # was DependencyError
        (["/ASCII85Decode", "/FlateDecode"], b"x", "encoded with /ASCII85Decode"),
    ],
)
def test_a_hostile_pdf_stream_is_an_input_error(
    tmp_path: Path, stream_filter: str | list[str], raw: bytes, message: str
) -> None:
    error = load_bytes(tmp_path, "x.pdf", embedded_pdf(stream_filter, raw))
    assert message in str(error)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
@pytest.mark.parametrize("suffix", [".yaml", ".json", ".pdf", ".docx"])
def test_a_link_to_an_endless_file_is_read_only_up_to_the_limit(
    tmp_path: Path, suffix: str
) -> None:
    # stat() says 0 bytes: load() read /dev/zero until MemoryError
    (tmp_path / f"zero{suffix}").symlink_to("/dev/zero")
    limits = Limits(max_bytes=1_000_000, max_document_bytes=5_000_000)
    with pytest.raises(LimitExceededError, match="file larger than"):
        jsi_docs.load(tmp_path / f"zero{suffix}", limits=limits)
