"""Which URLs an export may fetch, and fetching an image from one (PDF and DOCX share this).

Nothing is fetched unless the caller named a prefix of its URL in ``allowed_urls``. URLs are
compared after normalising (lower-case scheme and host, ``.``/``..`` resolved, no fragment),
so ``https://a.org/img/../../secret`` does not pass as ``https://a.org/img/``, and a prefix
matches on a path boundary only (``https://a.org`` does not allow ``https://a.org.evil.test``).
"""

from __future__ import annotations

import http.client
import posixpath
from collections.abc import Iterable
from typing import Final
from urllib import request
from urllib.error import HTTPError, URLError
from urllib.parse import quote, unquote, urlsplit, urlunsplit

__all__ = [
    "IMAGE_MAX_BYTES",
    "IMAGE_TIMEOUT",
    "FetchError",
    "allowed_url",
    "fetch_bytes",
    "fetch_image",
    "has_prefix",
    "image_type",
    "normalise_url",
]

IMAGE_TIMEOUT: Final = 10.0
"""Seconds an image fetch may take to connect and to answer each read."""
IMAGE_MAX_BYTES: Final = 20 * 1024 * 1024
"""The largest image embedded; a larger one is refused."""

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
    try:
        with _OPENER.open(request.Request(url, headers=headers), timeout=timeout) as response:
            encoding = response.headers.get("Content-Encoding", "identity").strip().lower()
            if encoding != "identity":
                why = f"the server sent it compressed ({encoding}), which is not accepted"
                raise FetchError(f"could not fetch {url}: {why}", why)
            data: bytes = response.read(max_bytes + 1)
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
    return data, kind
