"""Images from an allowed URL that are damaged, huge once decoded, or sent slowly: the export
shows the alt text and says why, in bounded time and memory (issue 13, causes 12 to 14)."""

from __future__ import annotations

import http.server
import struct
import threading
import time
import zlib
from collections.abc import Iterator

import pytest

from _figure_helpers import ALT, figure_item, png, serve_images
from jsi_docs.exporters.remote import FetchError, check_image, fetch_bytes, image_size
from jsi_docs.exporting import render


def chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def huge_png(width: int = 12_000, height: int = 12_000) -> bytes:
    """A PNG header announcing ``width`` × ``height`` pixels; the pixels are never decoded."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\0" * 1000)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )


DAMAGED = {
    "/cut.png": png()[:-20],
    "/bad-crc.png": png()[:40] + b"\0" + png()[41:],
    "/garbage.jpg": b"\xff\xd8\xff" + b"\x13\x37" * 50,
    "/garbage.gif": b"GIF89a\x01",
    "/huge.png": huge_png(),
}


def test_image_size_reads_the_header_only() -> None:
    assert image_size(png(3, 2)) == (3, 2)
    assert image_size(huge_png()) == (12_000, 12_000)
    assert check_image(png()) is None
    assert check_image(b"<svg/>") is None  # not a raster image: the renderer decides
    assert "more than 25000000" in (check_image(huge_png()) or "")


@pytest.mark.parametrize("path", sorted(DAMAGED))
def test_docx_shows_the_alt_text_for_a_damaged_or_huge_image(path: str) -> None:
    # a truncated PNG, a garbage JPEG or GIF raised inside python-docx
    with serve_images(DAMAGED) as server:
        result = render(figure_item(server.base + path[1:]), "docx", allowed_urls=[server.base])
    (diagnostic,) = result.diagnostics
    assert "its text alternative is shown instead" in diagnostic.message
    assert ALT.encode() in result.data or b"word/media" not in result.data


def test_pdf_refuses_an_image_of_too_many_pixels_before_decoding_it() -> None:
    # 410 KB of PNG, 12 000 × 12 000 pixels, peaked at 1.2 GB in a PDF export
    with serve_images(DAMAGED) as server:
        result = render(figure_item(server.base + "huge.png"), "pdf", allowed_urls=[server.base])
    assert any("12000 × 12000 pixels" in d.message for d in result.diagnostics)


class _Trickle(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Length", "40")
        self.end_headers()
        for _ in range(40):  # a byte every 0.2 s: each read answers well within its timeout
            self.wfile.write(b"x")
            self.wfile.flush()
            time.sleep(0.2)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def trickle() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Trickle)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/slow.png"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_the_fetch_timeout_bounds_the_whole_fetch(trickle: str) -> None:
    # the timeout was per read: a server sending a byte every 3 s held an export 45 s
    start = time.monotonic()
    with pytest.raises(FetchError, match="longer than the fetch may take"):
        fetch_bytes(trickle, timeout=1.0)
    assert time.monotonic() - start < 4  # 8 s to send it all
