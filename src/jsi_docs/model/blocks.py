"""Blocks (paragraphs, lists, block quotations, figures) and the sections that hold them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeAlias

import attrs

from jsi_docs.model._checks import (
    FieldValueError,
    not_blank,
    not_empty,
    optional_identifier,
    optional_not_blank,
    optional_positive,
)
from jsi_docs.model.inline import Inline, RichText, normalize

__all__ = ["Block", "BlockQuote", "Figure", "ListBlock", "Paragraph", "Section"]


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


def _optional_rich(value: Iterable[Inline | str] | None) -> RichText | None:
    return None if value is None else normalize(value)


def _optional_not_empty(
    instance: object, attribute: attrs.Attribute[RichText | None], value: RichText | None
) -> None:
    if value is not None and not value:
        raise FieldValueError(attribute.name, "must not be empty (leave the field out instead)")


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


Block: TypeAlias = Paragraph | ListBlock | BlockQuote | Figure
"""The closed union of block nodes; exporters ``match`` over it."""


@attrs.frozen
class Section:
    """A run of blocks, under a heading unless it opens the item."""

    blocks: tuple[Block, ...] = attrs.field(converter=_blocks, validator=not_empty)
    heading: str | None = attrs.field(default=None, kw_only=True, validator=optional_not_blank)
    id: str | None = attrs.field(default=None, kw_only=True, validator=optional_identifier)


for _cls in (Paragraph, ListBlock, BlockQuote, Figure, Section):
    attrs.resolve_types(_cls, globals(), locals())
