"""The PDF fetcher is locked down: a hostile theme reads no local file and reaches no server."""

from __future__ import annotations

import http.server
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from _pdf_helpers import french_item
from clients import require_qpdf
from clients._proc import run
from jsi_docs.errors import DiagnosticsError
from jsi_docs.exporting import render

pytest.importorskip("weasyprint")

PASSWD = Path("/etc/passwd")
HOSTNAME = Path("/etc/hostname")


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: list[str]
    redirect_to: str | None = None

    def do_GET(self) -> None:
        self.requests.append(self.path)
        if self.redirect_to is not None:
            self.send_response(302)
            self.send_header("Location", self.redirect_to + self.path)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = b"h1 { color: red }" if self.path.endswith(".css") else b"\x89PNG\r\n\x1a\n"
        self.send_response(200)
        self.send_header("Content-Type", "text/css" if self.path.endswith(".css") else "image/png")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def _serve(redirect_to: str | None = None) -> Iterator[tuple[str, list[str]]]:
    requests: list[str] = []
    handler = type("Handler", (_Recorder,), {"requests": requests, "redirect_to": redirect_to})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", requests
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def server() -> Iterator[tuple[str, list[str]]]:
    """An HTTP server on 127.0.0.1 that records the path of every request it gets."""
    with _serve() as served:
        yield served


def _hostile_theme(folder: Path, base: str) -> tuple[Path, list[str]]:
    urls = [
        "file:///etc/passwd",
        "file:///etc/hostname",
        f"{base}/imported.css",
        f"{base}/background.png",
        f"{base}/font.woff2",
    ]
    folder.mkdir()
    (folder / "print.css").write_text(
        f"@import url({urls[0]});\n"
        f"@import url({urls[2]});\n"
        f"@font-face {{ font-family: Stolen; src: url({urls[4]}); }}\n"
        f"body {{ background: url({urls[1]}); font-family: Stolen, sans-serif; }}\n"
        f"h1 {{ background-image: url({urls[3]}); }}\n",
        encoding="utf-8",
    )
    return folder, urls


def _secrets() -> list[bytes]:
    out = []
    for path in (PASSWD, HOSTNAME):
        if path.is_file():
            text = path.read_bytes().strip()
            if len(text) >= 4:
                out.append(text.splitlines()[0])
    return out


def _uncompressed(pdf: bytes, tmp_path: Path) -> bytes:
    """The PDF with every stream decompressed (``qpdf --qdf``), so a test can search it."""
    require_qpdf()
    source, target = tmp_path / "in.pdf", tmp_path / "out.pdf"
    source.write_bytes(pdf)
    done = run(
        ["qpdf", "--qdf", "--object-streams=disable", "--stream-data=uncompress", source, target],
        timeout=60,
    )
    assert done.returncode in (0, 3), done.stderr
    return target.read_bytes()


def test_hostile_theme_reads_no_file_and_reaches_no_server(
    tmp_path: Path, server: tuple[str, list[str]]
) -> None:
    base, requests = server
    theme, urls = _hostile_theme(tmp_path / "theme", base)

    result = render(french_item(), "pdf", theme=theme)

    assert result.data.startswith(b"%PDF-")
    assert requests == []
    everything = _uncompressed(result.data, tmp_path)
    for secret in _secrets():
        assert secret not in everything
    messages = "\n".join(d.message for d in result.diagnostics)
    for url in urls:
        assert url in messages, f"no diagnostic names {url}"


def test_hostile_theme_under_strict_raises_naming_each_url(
    tmp_path: Path, server: tuple[str, list[str]]
) -> None:
    base, requests = server
    theme, urls = _hostile_theme(tmp_path / "theme", base)

    with pytest.raises(DiagnosticsError) as raised:
        render(french_item(), "pdf", theme=theme, strict=True)

    assert requests == []
    for url in urls:
        assert url in str(raised.value)


def test_allowed_urls_open_exactly_the_prefixes_given(
    tmp_path: Path, server: tuple[str, list[str]]
) -> None:
    base, requests = server
    theme, _ = _hostile_theme(tmp_path / "theme", base)

    result = render(french_item(), "pdf", theme=theme, allowed_urls=[f"{base}/"])

    assert sorted(requests) == ["/background.png", "/font.woff2", "/imported.css"]
    messages = "\n".join(d.message for d in result.diagnostics)
    assert "file:///etc/passwd" in messages
    assert f"{base}/imported.css" not in messages


def test_theme_paths_cannot_climb_out_of_the_theme(tmp_path: Path) -> None:
    theme = tmp_path / "theme"
    theme.mkdir()
    (theme / "leak.png").symlink_to(PASSWD)
    (theme / "print.css").write_text(
        "body { background: url(../../../../../etc/passwd); }\n"
        "h1 { background: url(%2e%2e/%2e%2e/etc/hostname); }\n"
        "h2 { background: url(leak.png); }\n",
        encoding="utf-8",
    )

    result = render(french_item(), "pdf", theme=theme)

    everything = _uncompressed(result.data, tmp_path)
    for secret in _secrets():
        assert secret not in everything
    refused = [d.message for d in result.diagnostics if "refused to fetch" in d.message]
    assert len(refused) == 3, refused


def test_data_urls_are_served(tmp_path: Path) -> None:
    theme = tmp_path / "theme"
    theme.mkdir()
    pixel = (
        "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQ"
        "DwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
    )
    (theme / "print.css").write_text(f"h1 {{ background: url({pixel}); }}\n", encoding="utf-8")

    result = render(french_item(), "pdf", theme=theme)

    assert not [d for d in result.diagnostics if "refused" in d.message]
    assert b"/Image" in _uncompressed(result.data, tmp_path)


def test_no_port_is_touched_when_nothing_is_allowed(tmp_path: Path) -> None:
    """A URL to a port nobody listens on is refused before any connection is tried."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    theme = tmp_path / "theme"
    theme.mkdir()
    (theme / "print.css").write_text(
        f"body {{ background: url(http://127.0.0.1:{port}/x.png); }}", encoding="utf-8"
    )
    result = render(french_item(), "pdf", theme=theme)
    assert any(f"127.0.0.1:{port}" in d.message for d in result.diagnostics)


def test_hostile_templates_reach_nothing_by_any_html_svg_or_css_way(
    tmp_path: Path, server: tuple[str, list[str]]
) -> None:
    """A theme's page template naming URLs in every way WeasyPrint follows: all refused."""
    base, requests = server
    theme = tmp_path / "theme"
    (theme / "templates").mkdir(parents=True)
    (theme / "templates" / "page.html.j2").write_text(
        f"""<!DOCTYPE html><html lang="{{{{ item.language }}}}"><head><title>t</title>
<link rel="stylesheet" href="{base}/link.css">
<link rel="attachment" href="file:///etc/passwd">
<link rel="attachment" href="{base}/attachment.bin">
<style>@import url({base}/style-import.css);
@font-face {{ font-family: F; src: url({base}/style-font.woff2); }}</style>
</head><body>
<img src="{base}/img.png" alt="">
<img src="file:///etc/hostname" alt="">
<object data="{base}/object.svg" type="image/svg+xml"></object>
<embed src="{base}/embed.svg" type="image/svg+xml">
<p style="background: url({base}/inline-style.png)">x</p>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
 width="10" height="10"><image href="{base}/svg-image.png" width="10" height="10"/>
<image xlink:href="{base}/svg-xlink.png" width="10" height="10"/></svg>
<input type="image" src="{base}/input.png" alt="">
<video poster="{base}/poster.png"></video>
</body></html>""",
        encoding="utf-8",
    )

    result = render(french_item(), "pdf", theme=theme)

    assert requests == []
    everything = _uncompressed(result.data, tmp_path)
    for secret in _secrets():
        assert secret not in everything
    refused = "\n".join(d.message for d in result.diagnostics)
    for name in (
        "link.css", "attachment.bin", "style-import.css", "style-font.woff2", "img.png",
        "object.svg", "embed.svg", "inline-style.png", "svg-image.png", "svg-xlink.png",
    ):  # fmt: skip
        assert f"{base}/{name}" in refused
    assert "file:///etc/passwd" in refused
    assert "file:///etc/hostname" in refused


def test_redirects_out_of_an_allowed_prefix_are_not_followed(tmp_path: Path) -> None:
    with (
        _serve() as (elsewhere, elsewhere_requests),
        _serve(redirect_to=elsewhere) as (
            allowed,
            allowed_requests,
        ),
    ):
        theme = tmp_path / "theme"
        theme.mkdir()
        (theme / "print.css").write_text(
            f"body {{ background: url({allowed}/moved.png); }}", encoding="utf-8"
        )
        result = render(french_item(), "pdf", theme=theme, allowed_urls=[allowed])

    assert allowed_requests == ["/moved.png"]
    assert elsewhere_requests == []
    assert any("moved.png" in d.message for d in result.diagnostics)


def test_allowed_prefixes_cannot_be_escaped(tmp_path: Path, server: tuple[str, list[str]]) -> None:
    base, requests = server
    theme = tmp_path / "theme"
    theme.mkdir()
    escapes = [
        f"{base}/allowed/../secret.png",
        f"{base}/allowed/%2e%2e/secret2.png",
        f"{base}/allowedness.png",
    ]
    (theme / "print.css").write_text(
        f"body {{ background: url({base}/allowed/ok.png); }}\n"
        + "".join(
            f"{selector} {{ background: url({url}); }}\n"
            for selector, url in zip(("h1", "h2", "p"), escapes, strict=True)
        ),
        encoding="utf-8",
    )

    result = render(french_item(), "pdf", theme=theme, allowed_urls=[f"{base}/allowed"])

    assert requests == ["/allowed/ok.png"]
    refused = "\n".join(d.message for d in result.diagnostics)
    for url in escapes:
        assert url in refused


def test_prefix_matching_respects_the_host_boundary() -> None:
    from jsi_docs.exporters.pdf.fetcher import LockedFetcher
    from jsi_docs.themes import Theme

    fetcher = LockedFetcher(Theme.load(), ["https://example.org"])
    with pytest.raises(ValueError, match="refused"):
        fetcher.fetch("https://example.org.evil.test/x.png")
    with pytest.raises(ValueError, match="refused"):
        fetcher.fetch("HTTPS://EXAMPLE.ORG@evil.test/x.png")
    assert [url for url, _ in fetcher.refused] == [
        "https://example.org.evil.test/x.png",
        "HTTPS://EXAMPLE.ORG@evil.test/x.png",
    ]
