"""Blocks (paragraphs, lists, block quotations, tables, figures) and the sections that hold
them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeAlias

import attrs

from jsi_docs.model._checks import (
    FieldValueError,
    each_of,
    not_blank,
    not_empty,
    optional_identifier,
    optional_not_blank,
    optional_positive,
)
from jsi_docs.model.inline import Inline, RichText, missing_words, normalize, words_in
from jsi_docs.model.records import Decision, Interventions

__all__ = ["Block", "BlockQuote", "Figure", "ListBlock", "Paragraph", "Section", "Table"]


def _rich_items(values: Iterable[Iterable[Inline | str]]) -> tuple[RichText, ...]:
    return tuple(normalize(v) for v in values)


def _each_not_empty(
    instance: object, attribute: attrs.Attribute[tuple[RichText, ...]], value: tuple[RichText, ...]
) -> None:
    not_empty(instance, attribute, value)
    for index, entry in enumerate(value):
        if why := missing_words(entry):
            raise FieldValueError(attribute.name, f"entry {index} is {why}")


def _optional_rich(value: Iterable[Inline | str] | None) -> RichText | None:
    return None if value is None else normalize(value)


def _optional_not_empty(
    instance: object, attribute: attrs.Attribute[RichText | None], value: RichText | None
) -> None:
    if value is not None and (why := missing_words(value)):
        raise FieldValueError(attribute.name, f"must not be {why} (leave the field out instead)")


def _rows(values: Iterable[Iterable[Iterable[Inline | str]]]) -> tuple[tuple[RichText, ...], ...]:
    return tuple(_rich_items(row) for row in values)


def _cells(count: int) -> str:
    return f"{count} cell" if count == 1 else f"{count} cells"


def _table_shape(
    instance: Table,
    attribute: attrs.Attribute[tuple[tuple[RichText, ...], ...]],
    value: tuple[tuple[RichText, ...], ...],
) -> None:
    not_empty(instance, attribute, value)
    header = instance.header
    width = len(header) if header else len(value[0])
    for index, row in enumerate(value):
        where = f"{attribute.name}[{index}]"
        if not row:
            raise FieldValueError(where, "a row must hold at least one cell")
        if len(row) != width:
            other = "the header has" if header else "row 0 has"
            raise FieldValueError(where, f"{_cells(len(row))}, {other} {width}")
        if instance.row_headers and not row[0]:
            raise FieldValueError(f"{where}[0]", "a row heading must not be empty")


def _blocks(values: Iterable[Block]) -> tuple[Block, ...]:
    return each_of(Block, values, "a block (Paragraph, ListBlock, BlockQuote, Table, Figure, ...)")


@attrs.frozen
class Paragraph:
    """A paragraph. With ``speaker`` set it is a statement: it reports what that speaker said."""

    text: RichText = attrs.field(converter=normalize, validator=words_in)
    speaker: str | None = attrs.field(default=None, kw_only=True, validator=optional_identifier)


@attrs.frozen
class ListBlock:
    """A bulleted (or numbered) list; ``speaker`` attributes the whole list, as for a paragraph."""

    items: tuple[RichText, ...] = attrs.field(converter=_rich_items, validator=_each_not_empty)
    ordered: bool = attrs.field(default=False, kw_only=True)
    speaker: str | None = attrs.field(default=None, kw_only=True, validator=optional_identifier)


@attrs.frozen
class BlockQuote:
    """A quotation set apart, possibly of several paragraphs.

    With ``speaker`` it is direct speech by that speaker; without, a quoted passage (of a document,
    say, named by ``cite``, a URL).
    """

    paragraphs: tuple[RichText, ...] = attrs.field(converter=_rich_items, validator=_each_not_empty)
    speaker: str | None = attrs.field(default=None, kw_only=True, validator=optional_identifier)
    cite: str | None = attrs.field(default=None, kw_only=True, validator=optional_not_blank)


@attrs.frozen
class Figure:
    """An image (a news photo) with its text alternative, and optionally a caption and credit.

    ``image`` is an http(s) URL (checked with the item's other URLs by validation); ``alt``
    says what the image shows, for readers who cannot see it; ``width`` and ``height`` are the
    image's intrinsic size in pixels, so a page can reserve its space.
    """

    image: str = attrs.field(validator=not_blank)
    alt: str = attrs.field(validator=not_blank)
    caption: RichText | None = attrs.field(
        default=None, kw_only=True, converter=_optional_rich, validator=_optional_not_empty
    )
    credit: str | None = attrs.field(default=None, kw_only=True, validator=optional_not_blank)
    width: int | None = attrs.field(default=None, kw_only=True, validator=optional_positive)
    height: int | None = attrs.field(default=None, kw_only=True, validator=optional_positive)

    @property
    def speaker(self) -> None:
        """A figure is nobody's statement (blocks share this attribute)."""
        return None


@attrs.frozen
class Table:
    """A table of rich-text cells: ``rows`` under optional column ``header`` cells.

    Every row has as many cells as the header (or, without one, as the first row); a cell may
    be empty. ``caption`` titles the table, ``note`` follows it (a source, say); with
    ``row_headers`` the first cell of each row heads that row. ``speaker`` attributes the table
    (figures a speaker presented), as for a list.
    """

    rows: tuple[tuple[RichText, ...], ...] = attrs.field(converter=_rows, validator=_table_shape)
    header: tuple[RichText, ...] = attrs.field(default=(), kw_only=True, converter=_rich_items)
    row_headers: bool = attrs.field(default=False, kw_only=True)
    caption: RichText | None = attrs.field(
        default=None, kw_only=True, converter=_optional_rich, validator=_optional_not_empty
    )
    note: RichText | None = attrs.field(
        default=None, kw_only=True, converter=_optional_rich, validator=_optional_not_empty
    )
    speaker: str | None = attrs.field(default=None, kw_only=True, validator=optional_identifier)

    def texts(self) -> Iterator[RichText]:
        """Every rich text of the table in reading order: caption, header, rows, note."""
        if self.caption:
            yield self.caption
        yield from self.header
        for row in self.rows:
            yield from row
        if self.note:
            yield self.note


Block: TypeAlias = Paragraph | ListBlock | BlockQuote | Table | Figure | Interventions | Decision
"""The closed union of block nodes; exporters ``match`` over it."""


@attrs.frozen
class Section:
    """A run of blocks, under a heading (or an agenda item's number) unless it opens the
    item."""

    blocks: tuple[Block, ...] = attrs.field(converter=_blocks, validator=not_empty)
    heading: str | None = attrs.field(default=None, kw_only=True, validator=optional_not_blank)
    id: str | None = attrs.field(default=None, kw_only=True, validator=optional_identifier)
    agenda_item: str | None = attrs.field(default=None, kw_only=True, validator=optional_not_blank)
    """The number of the agenda item the section reports, as the source writes it ("3",
    "3(a)", "IV"): shown before the heading in the words of the item's language ("Item 3.")."""


for _cls in (Paragraph, ListBlock, BlockQuote, Table, Figure, Section):
    attrs.resolve_types(_cls, globals(), locals())
