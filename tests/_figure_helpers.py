"""Figures under test: a tiny PNG made here, a server on 127.0.0.1 that serves it and records
every request, and items holding figures. Nothing is ever fetched from outside."""

from __future__ import annotations

import datetime as dt
import http.server
import struct
import threading
import zlib
from collections.abc import Iterator
from contextlib import contextmanager

import attrs

from jsi_docs.model import Figure, NewsItem, Paragraph, Quotation, Section, Speaker, Text
from jsi_docs.model.people import PersonName

PNG_SIZE = (40, 20)


def png(width: int = PNG_SIZE[0], height: int = PNG_SIZE[1]) -> bytes:
    """A valid RGB PNG of ``width`` x ``height`` red pixels, made with zlib and struct."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    rows = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


@attrs.define
class ImageServer:
    """A server on 127.0.0.1: ``/photo.png`` is a PNG, ``/fake.png`` HTML sent as image/png,
    ``/big.png`` a PNG padded to 4 kB more, ``/deflated.png`` the PNG sent compressed
    (``Content-Encoding: deflate``), ``/moved.png`` a redirect to ``/photo.png``, anything else
    a 404 (unless given as ``extra`` to :func:`serve_images`)."""

    base: str
    requests: list[str]


class _Handler(http.server.BaseHTTPRequestHandler):
    requests: list[str]
    bodies: dict[str, bytes]

    def do_GET(self) -> None:
        self.requests.append(self.path)
        if self.path == "/moved.png":
            self.send_response(302)
            self.send_header("Location", "/photo.png")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = self.bodies.get(self.path)
        if body is None:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "image/png")  # whatever the bytes are
        if self.path == "/deflated.png":
            self.send_header("Content-Encoding", "deflate")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve_images(extra: dict[str, bytes] | None = None) -> Iterator[ImageServer]:
    """Run an :class:`ImageServer` for the duration of the block."""
    requests: list[str] = []
    bodies = {
        "/photo.png": png(),
        "/fake.png": b"<html><script>alert(1)</script></html>",
        "/big.png": png() + b"\0" * 4096,
        "/deflated.png": zlib.compress(png()),
        **(extra or {}),
    }
    handler = type("Handler", (_Handler,), {"requests": requests, "bodies": bodies})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield ImageServer(f"http://127.0.0.1:{httpd.server_address[1]}/", requests)
    finally:
        httpd.shutdown()
        httpd.server_close()


ALT = "Delegates around the table of a meeting room in Geneva"
CAPTION_WORDS = "The chair opening the meeting, who said"
QUOTED = "we are close"
CREDIT = "WTO/Jay Louvion"


def figure_item(image: str, *, language: str = "en", **figure: object) -> NewsItem:
    """An item whose one section holds a paragraph and a figure of ``image`` with alt text, a
    caption holding a quotation, a credit and a size (``figure`` overrides those fields)."""
    fields: dict[str, object] = {
        "caption": (Text(f"{CAPTION_WORDS} "), Quotation((Text(QUOTED),), speaker="chair"), "."),
        "credit": CREDIT,
        "width": PNG_SIZE[0],
        "height": PNG_SIZE[1],
    }
    fields.update(figure)
    alt = str(fields.pop("alt", ALT))
    return NewsItem(
        "figure-test",
        language,
        "Members meet on e-commerce",
        dt.date(2023, 5, 25),
        [
            Section(
                [
                    Paragraph((Text("The meeting opened in the morning."),)),
                    Figure(image, alt, **fields),  # type: ignore[arg-type]
                ]
            )
        ],
        speakers=[Speaker("chair", PersonName("Tan", "Hung Seng"))],
    )
