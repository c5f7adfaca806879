"""Blocks of the view: what a section shows, in reading order, every text already typeset."""

from __future__ import annotations

from typing import TypeAlias

import attrs

from jsi_docs.view.inline import Inlines
from jsi_docs.view.records import DecisionView, InterventionsView

__all__ = [
    "BlockView",
    "CellView",
    "FigureView",
    "ListView",
    "ParagraphView",
    "QuoteView",
    "SectionView",
    "TableView",
]


@attrs.frozen
class ParagraphView:
    """A paragraph; with ``speaker`` (an id) a statement reporting what that speaker said."""

    content: Inlines
    speaker: str | None = None


@attrs.frozen
class ListView:
    """A bulleted or numbered list, attributed to ``speaker`` when it is a statement."""

    items: tuple[Inlines, ...]
    ordered: bool = False
    speaker: str | None = None


@attrs.frozen
class QuoteView:
    """A quotation set apart.

    ``attribution`` is the line under it, as shown ("— Ambassadeur Hung Seng Tan (Singapour)",
    with a link to ``cite`` when that is a safe URL); None when there is nothing to attribute.
    """

    paragraphs: tuple[Inlines, ...]
    speaker: str | None = None
    cite: str | None = None
    attribution: Inlines | None = None


@attrs.frozen
class CellView:
    """A table cell, and whether it holds a number alone (set flush right)."""

    content: Inlines
    numeric: bool


@attrs.frozen
class TableView:
    """A table: caption, header cells, rows, note; ``anchor`` names it (its note describes it)."""

    anchor: str
    rows: tuple[tuple[CellView, ...], ...]
    header: tuple[CellView, ...] = ()
    row_headers: bool = False
    caption: Inlines | None = None
    note: Inlines | None = None
    speaker: str | None = None


@attrs.frozen
class FigureView:
    """An image with its text alternative, caption and credit.

    ``src`` is the image's URL when it is a safe http(s) URL, else None: then only ``alt`` can
    be shown. Whether a writer may fetch ``src`` is the writer's policy, not the view's.
    """

    src: str | None
    alt: str
    width: int | None = None
    height: int | None = None
    caption: Inlines | None = None
    credit: str | None = None
    credit_label: str = ""
    where: str = ""
    """The JSONPath of the figure, for a writer's diagnostics."""


BlockView: TypeAlias = (
    ParagraphView | ListView | QuoteView | TableView | FigureView | InterventionsView | DecisionView
)
"""The closed union of block views; writers ``match`` over it."""


@attrs.frozen
class SectionView:
    """A run of blocks under ``heading`` (None for the opening run); ``anchor`` names it.

    ``agenda_item`` is the agenda item's number in words ("Item 3."), shown before the
    heading; ``heading_lang`` the heading's language when stated and not the item's."""

    anchor: str
    heading: str | None
    blocks: tuple[BlockView, ...]
    agenda_item: str | None = None
    heading_lang: str | None = None

    @property
    def title(self) -> str | None:
        """The whole heading line: "Item 3. Trade and environment", or None."""
        if self.agenda_item and self.heading:
            return f"{self.agenda_item} {self.heading}"
        return self.agenda_item or self.heading


for _cls in (ParagraphView, ListView, QuoteView, CellView, TableView, FigureView, SectionView):
    attrs.resolve_types(_cls, globals(), locals())
