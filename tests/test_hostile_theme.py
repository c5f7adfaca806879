"""A theme is data, not code: templates run sandboxed, and nothing in a theme is followed
through a link out of it, in any format (issue 13, causes 15 and 16)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

import jsi_docs
from jsi_docs.errors import ExportError
from jsi_docs.exporters.html import environment, page_assets
from jsi_docs.exporters.html._environment import template
from jsi_docs.themes import Theme
from tests_helpers import french_example


@pytest.fixture(autouse=True)
def fresh_caches() -> Iterator[None]:
    for cached in (environment, template, page_assets):
        cached.cache_clear()
    yield
    for cached in (environment, template, page_assets):
        cached.cache_clear()


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "outside" / "secret.txt"
    path.parent.mkdir()
    path.write_text("TOP-SECRET-OUTSIDE-THE-THEME", encoding="utf-8")
    return path


def theme_with(
    tmp_path: Path, relative: str, *, text: str | None = None, link: Path | None = None
) -> Path:
    folder = tmp_path / "theme"
    target = folder / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    if link is not None:
        target.symlink_to(link)
    else:
        target.write_text(text or "", encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    "expression",
    [
        "lipsum.__globals__['os'].popen('id').read()",
        "cycler.__init__.__globals__.os.environ",
        "''.__class__.__mro__[1].__subclasses__()",
    ],
)
@pytest.mark.parametrize("fmt", ["html", "pdf"])
def test_a_template_cannot_reach_python_internals(
    tmp_path: Path, expression: str, fmt: str
) -> None:
    # lipsum.__globals__ reached os: a theme could run any command
    theme = theme_with(tmp_path, "templates/article.html.j2", text="{{ " + expression + " }}")
    with pytest.raises(ExportError, match="the theme's templates failed: access to attribute"):
        jsi_docs.export(french_example(), fmt, theme=theme)


def test_a_template_linked_out_of_the_theme_is_not_read(tmp_path: Path, secret: Path) -> None:
    # a template linked to /etc/passwd put it into the HTML and the PDF; the default one
    # serves instead
    theme = theme_with(tmp_path, "templates/article.html.j2", link=secret)
    page = jsi_docs.export(french_example(), "html", theme=theme)
    assert b"TOP-SECRET" not in page
    assert page == jsi_docs.export(french_example(), "html")
    pdf = PdfReader(io.BytesIO(jsi_docs.export(french_example(), "pdf", theme=theme)))
    assert "TOP-SECRET" not in "".join(p.extract_text() for p in pdf.pages)


@pytest.mark.parametrize("relative", ["screen.css", "fonts/extra.ttf"])
def test_html_assets_linked_out_of_the_theme_are_not_copied(
    tmp_path: Path, secret: Path, relative: str
) -> None:
    theme = theme_with(tmp_path, relative, link=secret)
    result = jsi_docs.render(french_example(), "html", theme=theme)
    assert all(b"TOP-SECRET" not in data for data in result.resources.values())
    assert "fonts/extra.ttf" not in result.resources
    default = page_assets(Theme.load())
    assert result.resources["screen.css"] == default["screen.css"]  # the default one instead


def test_a_reference_docx_linked_out_of_the_theme_is_not_used(tmp_path: Path) -> None:
    outside = tmp_path / "outside.docx"
    outside.write_bytes(jsi_docs.export(french_example(), "docx"))
    theme = theme_with(tmp_path, "reference.docx", link=outside)
    assert Theme.load(theme).find("reference.docx") == Theme.load().find("reference.docx")
    data = jsi_docs.export(french_example(), "docx", theme=theme)
    assert zipfile.ZipFile(io.BytesIO(data)).testzip() is None
