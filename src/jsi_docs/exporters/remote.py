"""Which URLs an export may fetch, and fetching an image from one (PDF and DOCX share this).

Nothing is fetched unless the caller named a prefix of its URL in ``allowed_urls``. URLs are
compared after normalising (lower-case scheme and host, ``.``/``..`` resolved, no fragment),
so ``https://a.org/img/../../secret`` does not pass as ``https://a.org/img/``, and a prefix
matches on a path boundary only (``https://a.org`` does not allow ``https://a.org.evil.test``).
"""

from __future__ import annotations

import http.client
import posixpath
import struct
import time
import zlib
from collections.abc import Iterable
from typing import Final
from urllib import request
from urllib.error import HTTPError, URLError
from urllib.parse import quote, unquote, urlsplit, urlunsplit

__all__ = [
    "IMAGE_MAX_BYTES",
    "IMAGE_MAX_PIXELS",
    "IMAGE_TIMEOUT",
    "FetchError",
    "allowed_url",
    "check_image",
    "fetch_bytes",
    "fetch_image",
    "has_prefix",
    "image_size",
    "image_type",
    "normalise_url",
]

IMAGE_TIMEOUT: Final = 10.0
"""Seconds a fetch may take in all (connecting, then reading while the server keeps sending);
one read that stalls past the end waits at most this long again."""
IMAGE_MAX_BYTES: Final = 20 * 1024 * 1024
"""The largest image embedded; a larger one is refused."""
IMAGE_MAX_PIXELS: Final = 25_000_000
"""The most pixels (width × height) an embedded image may decode to: 5 000 × 5 000. A PNG of
12 000 × 12 000 pixels fits in 410 KB and cost a PDF 1.2 GB of memory."""
_CHUNK: Final = 65_536

_MAGIC: Final = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
)


class FetchError(OSError):
    """An allowed URL that could not be fetched or did not hold a usable image.

    ``reason`` says why without the URL.
    """

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


def normalise_url(url: str) -> str:
    """``url`` with a lower-case scheme and host, ``.``/``..`` resolved and no fragment."""
    parts = urlsplit(url.strip())
    path = parts.path
    if path:
        decoded = unquote(path)
        normal = posixpath.normpath(decoded)
        if decoded.endswith("/") and not normal.endswith("/"):
            normal += "/"
        path = quote(normal, safe="/:@!$&'()*+,;=~")
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, parts.query, ""))


def has_prefix(url: str, prefix: str) -> bool:
    """Whether normalised ``url`` starts with normalised ``prefix`` on a path boundary."""
    # "https://example.org" must not let "https://example.org.evil.test/" through.
    if not url.startswith(prefix):
        return False
    return len(url) == len(prefix) or prefix.endswith(("/", ":")) or url[len(prefix)] in "/?#"


def allowed_url(url: str, prefixes: Iterable[str]) -> str | None:
    """``url`` normalised if it starts with one of ``prefixes``, else None."""
    normal_prefixes = [normalise_url(p) for p in prefixes if p.strip()]
    if not normal_prefixes or not urlsplit(url.strip()).scheme:
        return None
    normal = normalise_url(url)
    return normal if any(has_prefix(normal, p) for p in normal_prefixes) else None


def image_type(data: bytes) -> str | None:
    """The media type of a PNG, JPEG or GIF image, read from its first bytes; else None."""
    return next((kind for magic, kind in _MAGIC if data.startswith(magic)), None)


def _png_size(data: bytes) -> tuple[int, int]:
    """Width and height of a whole PNG: every chunk in bounds with a good CRC, up to IEND."""
    at, size = 8, None
    while True:
        if at + 12 > len(data):
            raise ValueError("the PNG is cut short (no IEND chunk)")
        length, kind = struct.unpack(">I4s", data[at : at + 8])
        body = data[at + 8 : at + 8 + length]
        if len(body) < length or at + 12 + length > len(data):
            raise ValueError("the PNG is cut short")
        (crc,) = struct.unpack(">I", data[at + 8 + length : at + 12 + length])
        if zlib.crc32(kind + body) != crc:
            raise ValueError(f"the PNG's {kind.decode('latin-1')!r} chunk is damaged")
        if size is None:
            if kind != b"IHDR" or length != 13:
                raise ValueError("the PNG does not start with its header")
            size = struct.unpack(">II", body[:8])
        if kind == b"IEND":
            return size
        at += 12 + length


_SOF = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}


def _jpeg_size(data: bytes) -> tuple[int, int]:
    """Width and height from the frame header of a JPEG whose segments before it are whole."""
    at = 2
    while at + 4 <= len(data):
        if data[at] != 0xFF:
            raise ValueError("the JPEG's segments are damaged")
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        (length,) = struct.unpack(">H", data[at + 2 : at + 4])
        if length < 2 or at + 2 + length > len(data):
            raise ValueError("the JPEG is cut short")
        if marker in _SOF:
            if length < 8:
                raise ValueError("the JPEG's frame header is damaged")
            height, width = struct.unpack(">HH", data[at + 5 : at + 9])
            return width, height
        if marker == 0xDA:  # scan data before any frame header
            break
        at += 2 + length
    raise ValueError("the JPEG has no frame header")


def image_size(data: bytes) -> tuple[int, int]:
    """Width and height of a PNG, JPEG or GIF image, read from its structure without decoding
    pixels; ``ValueError`` when it is none of them or is damaged or cut short."""
    kind = image_type(data)
    if kind == "image/png":
        width, height = _png_size(data)
    elif kind == "image/jpeg":
        width, height = _jpeg_size(data)
    elif kind == "image/gif":
        if len(data) < 14 or not data.endswith(b";"):
            raise ValueError("the GIF is cut short")
        width, height = struct.unpack("<HH", data[6:10])
    else:
        raise ValueError("not a PNG, JPEG or GIF image")
    if width == 0 or height == 0:
        raise ValueError("the image has no pixels")
    return width, height


def check_image(data: bytes, max_pixels: int = IMAGE_MAX_PIXELS) -> str | None:
    """Why the image ``data`` must not be embedded (damaged, or more than ``max_pixels``
    pixels once decoded); None when it may. Data that is no PNG, JPEG or GIF passes."""
    if image_type(data) is None:
        return None
    try:
        width, height = image_size(data)
    except (ValueError, struct.error) as exc:
        return str(exc)
    if width * height > max_pixels:
        return f"{width} × {height} pixels, more than {max_pixels} once decoded"
    return None


class _NoRedirect(request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None  # a redirect could lead outside the allowed prefixes


_OPENER = request.build_opener(_NoRedirect)


def fetch_bytes(
    url: str, *, timeout: float = IMAGE_TIMEOUT, max_bytes: int = IMAGE_MAX_BYTES
) -> tuple[bytes, str | None]:
    """The body of ``url`` (already allowed, http or https) and its ``Content-Type``, if any.

    Redirects are not followed, the body is read up to ``max_bytes`` and must not be compressed
    (a small compressed body can unpack to any size). Raises :class:`FetchError`.
    """
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        raise FetchError(f"not an http or https URL: {url}", "not an http or https URL")
    headers = {"Accept-Encoding": "identity"}
    deadline = time.monotonic() + timeout
    try:
        with _OPENER.open(request.Request(url, headers=headers), timeout=timeout) as response:
            encoding = response.headers.get("Content-Encoding", "identity").strip().lower()
            if encoding != "identity":
                why = f"the server sent it compressed ({encoding}), which is not accepted"
                raise FetchError(f"could not fetch {url}: {why}", why)
            data = _read_by(response, deadline, max_bytes + 1)
            kind = response.headers.get("Content-Type")
    except HTTPError as exc:
        moved = " (redirects are not followed)" if 300 <= exc.code < 400 else ""
        why = f"HTTP {exc.code} {exc.reason}{moved}"
        raise FetchError(f"could not fetch {url}: {why}", why) from None
    except (URLError, http.client.HTTPException, OSError, ValueError) as exc:
        if isinstance(exc, FetchError):
            raise
        why = str(getattr(exc, "reason", None) or exc)
        raise FetchError(f"could not fetch {url}: {why}", why) from None
    if len(data) > max_bytes:
        why = f"larger than {max_bytes} bytes"
        raise FetchError(f"{url} is {why}", why)
    return data, kind


def _read_by(response: http.client.HTTPResponse, deadline: float, limit: int) -> bytes:
    """Up to ``limit`` bytes of the body, in reads that return what has come, until
    ``deadline``: a server trickling a byte at a time cannot hold the export longer."""
    chunks: list[bytes] = []
    size = 0
    while size < limit:
        if time.monotonic() > deadline:
            raise TimeoutError("the server took longer than the fetch may take in all")
        chunk = response.read1(min(_CHUNK, limit - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def fetch_image(
    url: str, *, timeout: float = IMAGE_TIMEOUT, max_bytes: int = IMAGE_MAX_BYTES
) -> tuple[bytes, str]:
    """The bytes and media type of the PNG, JPEG or GIF image at ``url`` (already allowed).

    Fetched as :func:`fetch_bytes` does. The type comes from the bytes, never from the
    server's ``Content-Type``. Raises :class:`FetchError`.
    """
    data, _ = fetch_bytes(url, timeout=timeout, max_bytes=max_bytes)
    kind = image_type(data)
    if kind is None:
        why = "not a PNG, JPEG or GIF image"
        raise FetchError(f"{url} is {why}", why)
    if damage := check_image(data):  # else the DOCX writer fails on it, or a viewer runs out
        raise FetchError(f"{url}: {damage}", damage)
    return data, kind
