"""A locked-down WeasyPrint URL fetcher: the theme's own files and ``data:`` URLs, nothing else.

WeasyPrint's default fetcher reads any local file and any URL (``file:///etc/passwd`` named in a
stylesheet ends up in the PDF). This one serves:

- the theme's files, under the virtual origin :data:`THEME_BASE_URL` (the base URL of every page
  we render, so ``print.css`` or ``fonts/x.woff2`` resolve there), looked up through the theme's
  folders with no way out of them;
- ``data:`` URLs;
- URLs starting with one of the caller's ``allowed_urls`` prefixes (after normalising ``..`` and
  percent-escapes), fetched without following redirects, read up to 20 MB and never
  decompressed (the rule DOCX images follow too, in :mod:`jsi_docs.exporters.remote`).

Everything else is refused without being opened; each refusal is recorded for the render's
diagnostics. This module imports WeasyPrint: import it only when a PDF is being made.
"""

from __future__ import annotations

import mimetypes
import posixpath
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib import request
from urllib.parse import unquote, urlsplit

from weasyprint.urls import URLFetcher, URLFetcherResponse

from jsi_docs.exporters.remote import (
    IMAGE_MAX_BYTES,
    IMAGE_TIMEOUT,
    FetchError,
    check_image,
    fetch_bytes,
    has_prefix,
    normalise_url,
)
from jsi_docs.themes import Theme

__all__ = [
    "NOT_ALLOWED",
    "REFUSAL_MARKER",
    "THEME_BASE_URL",
    "LockedFetcher",
    "RefusedURLError",
    "normalise_url",
]

THEME_BASE_URL = "https://theme.jsi-docs.invalid/"
"""Where theme files appear to live; ``.invalid`` names no host, and nothing here goes online."""

REFUSAL_MARKER = "refused by the jsi_docs PDF fetcher"
NOT_ALLOWED = "only the theme's files and data: URLs are served (pass allowed_urls to allow more)"

_SCHEME = re.compile(r"^\s*([A-Za-z][A-Za-z0-9+.-]*):")


class RefusedURLError(ValueError):
    """A URL the fetcher will not open; WeasyPrint treats it as a failed resource."""


def _content_type(name: str) -> str:
    guessed = mimetypes.guess_type(name, strict=False)[0]
    return guessed or "application/octet-stream"


class LockedFetcher(URLFetcher):  # type: ignore[misc]
    """Serve only ``theme``'s files, ``data:`` URLs and URLs under ``allowed_urls`` prefixes.

    ``refused`` lists every URL turned down, with the reason, in order, for the caller to report.
    ``suppressed`` names theme files to serve empty (stylesheets already given to WeasyPrint
    pre-parsed, so the page's ``<link>`` to them does not parse them a second time).
    """

    def __init__(
        self,
        theme: Theme,
        allowed_urls: Iterable[str] = (),
        *,
        suppressed: Iterable[str] = (),
        timeout: float = IMAGE_TIMEOUT,
        max_bytes: int = IMAGE_MAX_BYTES,
    ) -> None:
        super().__init__(timeout=timeout, allow_redirects=False, fail_on_errors=False)
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.theme = theme
        self.allowed = tuple(normalise_url(p) for p in allowed_urls if p.strip())
        self.suppressed = frozenset(suppressed)
        self.refused: list[tuple[str, str]] = []

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        match = _SCHEME.match(url)
        scheme = match[1].lower() if match else ""
        if scheme == "data":
            return self._data(url)
        if url.startswith(THEME_BASE_URL):
            return self._theme_file(url)
        if self.allowed and scheme:
            normal = normalise_url(url)
            if any(has_prefix(normal, prefix) for prefix in self.allowed):
                return self._allowed(url, normal, scheme, headers)
        return self._refuse(url, NOT_ALLOWED)

    def _allowed(self, url: str, normal: str, scheme: str, headers: Any) -> URLFetcherResponse:
        """An allowed URL's body, at most :data:`IMAGE_MAX_BYTES`, never decompressed."""
        if scheme in ("http", "https"):
            try:
                data, kind = fetch_bytes(normal, timeout=self.timeout, max_bytes=self.max_bytes)
            except FetchError as exc:
                return self._refuse(url, exc.reason)
            if why := check_image(data):  # decoded pixels cost memory; the bytes do not say
                return self._refuse(url, why)
            return URLFetcherResponse(normal, data, {"Content-Type": kind} if kind else {})
        response = super().fetch(normal, headers)  # another scheme the caller allowed: file:
        try:
            data = response.read(self.max_bytes + 1)
        finally:
            response.close()
        if len(data) > self.max_bytes:
            return self._refuse(url, f"larger than {self.max_bytes} bytes")
        if why := check_image(data):
            return self._refuse(url, why)
        return URLFetcherResponse(response.url, data, response.headers, response.status)

    def _refuse(self, url: str, why: str) -> URLFetcherResponse:
        self.refused.append((url, why))
        raise RefusedURLError(f"{REFUSAL_MARKER}: {url} ({why})")

    def _data(self, url: str) -> URLFetcherResponse:
        try:
            response = request.DataHandler().data_open(request.Request(url))
        except (ValueError, OSError) as exc:
            return self._refuse(url[:80], f"malformed data: URL: {exc}")
        body = response.read()
        return URLFetcherResponse(
            url, body, {"Content-Type": response.headers.get("Content-Type", "text/plain")}
        )

    def _theme_file(self, url: str) -> URLFetcherResponse:
        relative = unquote(urlsplit(url).path).lstrip("/")
        normal = posixpath.normpath(relative) if relative else ""
        if not normal or normal.startswith("..") or normal == ".":
            return self._refuse(url, "outside the theme")
        path = self._find(normal)
        if isinstance(path, str):
            return self._refuse(url, path)
        headers = {"Content-Type": _content_type(normal)}
        if normal in self.suppressed:
            return URLFetcherResponse(url, b"", headers)
        return URLFetcherResponse(url, path.read_bytes(), headers)

    def _find(self, relative: str) -> Path | str:
        """The theme file's path, or why there is none."""
        for folder in self.theme.folders:
            candidate = folder / relative
            if candidate.is_file():
                # A symlink inside a theme folder must not lead out of it.
                if candidate.resolve().is_relative_to(folder.resolve()):
                    return candidate
                return "a link out of the theme folder"
        return "no such file in the theme"
