"""HTML export: a standalone page or an embeddable ``<article>`` fragment.

Semantic HTML5 from the theme's Jinja2 templates (compiled once per theme), every text value
typeset in its language and escaped, only http/https/mailto links, schema.org JSON-LD in the
head. The PDF exporter uses :func:`build_page` with ``print_mode=True``.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from types import MappingProxyType
from typing import ClassVar

import attrs

from jsi_docs.diagnostics import Diagnostic
from jsi_docs.exporters.base import ExportOptions, ExportResult, ViewOptions, item_view
from jsi_docs.exporters.html._environment import environment, template, theme_errors
from jsi_docs.exporters.html._page import BLOCK_MACROS, PageHead, template_names
from jsi_docs.exporters.remote import allowed_url
from jsi_docs.model import NewsItem
from jsi_docs.themes import Theme, inside
from jsi_docs.view import FigureView, ItemView

__all__ = [
    "ARTICLE_TEMPLATE",
    "BLOCK_MACROS",
    "PAGE_TEMPLATE",
    "HtmlExporter",
    "HtmlOptions",
    "HtmlPage",
    "PageHead",
    "build_fragment",
    "build_page",
    "environment",
    "item_view",
    "page_assets",
    "render_view",
    "template",
]

PAGE_TEMPLATE = "page.html.j2"
"""The theme template of a standalone page (it includes :data:`ARTICLE_TEMPLATE`)."""
ARTICLE_TEMPLATE = "article.html.j2"
"""The theme template of the ``<article>``: the whole of a fragment."""

PAGE_ASSETS = ("screen.css", "print.css", "fonts.css")
"""Theme files a standalone page refers to (by relative URL), besides ``fonts/``."""


@attrs.frozen(kw_only=True)
class HtmlOptions(ViewOptions):
    """Options of the HTML exporter."""

    fragment: bool = False
    """One ``<article>`` to embed in another page, with no ``<html>`` or ``<head>``."""


@attrs.frozen
class HtmlPage:
    """A rendered page: the HTML text and what was noticed while making it."""

    html: str
    diagnostics: tuple[Diagnostic, ...] = ()


def render_view(
    view: ItemView,
    theme: Theme,
    *,
    print_mode: bool = False,
    fragment: bool = False,
    allowed_urls: tuple[str, ...] = (),
) -> HtmlPage:
    """``view`` as a standalone page, or with ``fragment`` as its ``<article>`` alone.

    In ``print_mode`` (for PDF) an image is shown only when its URL is under ``allowed_urls``;
    otherwise its text alternative is printed, with a diagnostic.
    """
    diagnostics = list(view.diagnostics)

    def image_src(figure: FigureView) -> str | None:
        if figure.src is None or not print_mode or allowed_url(figure.src, allowed_urls):
            return figure.src
        diagnostics.append(
            Diagnostic(
                f"{figure.src} not fetched (not under allowed_urls); "
                "its text alternative is printed instead",
                source="pdf",
                path=f"{figure.where}.image",
            )
        )
        return None

    names = template_names(view, print_mode=print_mode, fragment=fragment)
    names["image_src"] = image_src
    html = template(theme, ARTICLE_TEMPLATE if fragment else PAGE_TEMPLATE).render(names)
    return HtmlPage(html, tuple(diagnostics))


def build_page(
    item: NewsItem, options: ExportOptions, theme: Theme, *, print_mode: bool = False
) -> HtmlPage:
    """The standalone HTML page of ``item``.

    In screen mode the page links ``screen.css`` (media screen) and ``print.css`` (media
    print); in print mode (for PDF) only ``print.css``. Both hrefs are relative, to be resolved
    against the theme folder (PDF) or the folder the page is written to (see
    :func:`page_assets`). The head always carries ``<title>``, ``<html lang>`` and the
    ``description``, ``keywords``, ``author`` and ``dcterms.created`` metadata.
    """
    return render_view(
        item_view(item, options), theme, print_mode=print_mode, allowed_urls=options.allowed_urls
    )


def build_fragment(item: NewsItem, options: ExportOptions, theme: Theme) -> HtmlPage:
    """The ``<article>`` of ``item`` alone, to embed in another page (no head, no JSON-LD)."""
    return render_view(item_view(item, options), theme, fragment=True)


@functools.lru_cache(maxsize=16)
def page_assets(theme: Theme) -> Mapping[str, bytes]:
    """The files a standalone page refers to, by relative path: the stylesheets and fonts.

    Write them beside the page (``DIR/screen.css``, ``DIR/fonts/...``) for it to show as
    designed; nothing is ever fetched from the network. A user theme's files replace the
    default ones of the same path.
    """
    found: dict[str, bytes] = {}
    for folder in reversed(theme.folders):
        for name in PAGE_ASSETS:
            if (folder / name).is_file() and inside(folder / name, folder):
                found[name] = (folder / name).read_bytes()
        fonts = folder / "fonts"
        if fonts.is_dir() and inside(fonts, folder):
            for path in sorted(fonts.iterdir()):
                if path.is_file() and inside(path, folder):  # never a link out of the theme
                    found[f"fonts/{path.name}"] = path.read_bytes()
    return MappingProxyType(dict(sorted(found.items())))


class HtmlExporter:
    """``jsi_docs.export(item, "html", fragment=False, theme=..., labels_language=...)``."""

    name: ClassVar[str] = "html"
    media_type: ClassVar[str] = "text/html"
    suffix: ClassVar[str] = ".html"
    options_type: ClassVar[type[HtmlOptions]] = HtmlOptions

    def export(self, item: NewsItem, options: HtmlOptions) -> ExportResult:
        """The page (or, with ``fragment=True``, the article) as UTF-8 bytes."""
        theme = Theme.load(options.theme)
        with theme_errors():
            page = (
                build_fragment(item, options, theme)
                if options.fragment
                else build_page(item, options, theme)
            )
        return ExportResult(
            page.html.encode("utf-8"),
            self.media_type,
            self.suffix,
            page.diagnostics,
            resources={} if options.fragment else page_assets(theme),
        )
