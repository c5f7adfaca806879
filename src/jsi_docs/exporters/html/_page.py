"""What the page templates receive: the item's view, and what only an HTML page has (its head).

Templates get three names: ``item`` (the :class:`~jsi_docs.view.ItemView`), ``page`` (a
:class:`PageHead`: title, metadata, stylesheets, structured data) and ``inline`` (renders an
inline view as escaped markup). Blocks are dispatched to the macro named by
:data:`BLOCK_MACROS`, so a block kind without one fails loudly instead of rendering as another.
"""

from __future__ import annotations

from typing import NamedTuple

from markupsafe import Markup

from jsi_docs.exporters import jsonld
from jsi_docs.exporters.html._inline import InlineRenderer
from jsi_docs.view import (
    BlockView,
    DecisionView,
    FigureView,
    InterventionsView,
    ItemView,
    ListView,
    ParagraphView,
    QuoteView,
    TableView,
    VersionView,
)

__all__ = ["BLOCK_MACROS", "PageHead", "block_macro", "page_head"]

BLOCK_MACROS: dict[type, str] = {
    ParagraphView: "paragraph",
    ListView: "list",
    QuoteView: "quote",
    TableView: "table",
    FigureView: "figure",
    InterventionsView: "interventions",
    DecisionView: "decision",
}
"""The macro of ``blocks.html.j2`` that renders each kind of block."""


def block_macro(block: BlockView) -> str:
    """The name of the macro that renders ``block``; a kind without one is a ``LookupError``."""
    try:
        return BLOCK_MACROS[type(block)]
    except KeyError:
        raise LookupError(f"no template macro renders {type(block).__name__}") from None


class PageHead(NamedTuple):
    """What a standalone page says in its head, besides the item's view."""

    title: str
    description: str
    keywords: str
    author: str
    created: str | None
    """The publication date to the precision known; None when unknown."""
    canonical: str | None
    alternates: tuple[VersionView, ...]
    jsonld: Markup
    print_mode: bool
    stylesheets: tuple[tuple[str, str | None], ...]


def page_head(view: ItemView, *, print_mode: bool, fragment: bool = False) -> PageHead:
    """The head of ``view``'s page (a ``fragment`` has none: its structured data is empty)."""
    structured = "" if fragment else jsonld.script_json(jsonld.news_article(view))
    return PageHead(
        title=view.headline,
        description=view.description,
        keywords=", ".join(view.keywords),
        author=view.author,
        created=view.published.iso if view.published else None,
        canonical=view.url,
        alternates=tuple(v for v in view.versions if v.href and v.hreflang),
        jsonld=Markup(structured),
        print_mode=print_mode,
        stylesheets=(("print.css", None),)
        if print_mode
        else (("screen.css", "screen"), ("print.css", "print")),
    )


def template_names(
    view: ItemView, *, print_mode: bool, fragment: bool = False
) -> dict[str, object]:
    """The names a page or article template renders with."""
    return {
        "item": view,
        "page": page_head(view, print_mode=print_mode, fragment=fragment),
        "inline": InlineRenderer(view.id, view.direction),
        "block_macro": block_macro,
    }
