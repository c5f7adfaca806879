"""Blocks (paragraphs, lists, block quotations) and the sections that hold them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeAlias

import attrs

from jsi_docs.model._checks import (
    FieldValueError,
    not_empty,
    optional_identifier,
    optional_not_blank,
)
from jsi_docs.model.inline import Inline, RichText, normalize

__all__ = ["Block", "BlockQuote", "ListBlock", "Paragraph", "Section"]


def _rich_items(values: Iterable[Iterable[Inline | str]]) -> tuple[RichText, ...]:
    return tuple(normalize(v) for v in values)


def _each_not_empty(
    instance: object, attribute: attrs.Attribute[tuple[RichText, ...]], value: tuple[RichText, ...]
) -> None:
    not_empty(instance, attribute, value)
    for index, entry in enumerate(value):
        if not entry:
            raise FieldValueError(attribute.name, f"entry {index} is empty")


def _blocks(values: Iterable[Block]) -> tuple[Block, ...]:
    return tuple(values)


@attrs.frozen
class Paragraph:
    """A paragraph. With ``speaker`` set it is a statement: it reports what that speaker said."""

    text: RichText = attrs.field(converter=normalize, validator=not_empty)
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


Block: TypeAlias = Paragraph | ListBlock | BlockQuote
"""The closed union of block nodes; exporters ``match`` over it."""


@attrs.frozen
class Section:
    """A run of blocks, under a heading unless it opens the item."""

    blocks: tuple[Block, ...] = attrs.field(converter=_blocks, validator=not_empty)
    heading: str | None = attrs.field(default=None, kw_only=True, validator=optional_not_blank)
    id: str | None = attrs.field(default=None, kw_only=True, validator=optional_identifier)


for _cls in (Paragraph, ListBlock, BlockQuote, Section):
    attrs.resolve_types(_cls, globals(), locals())
