"""Limits on the rich text of an item, checked on the model, so that they hold whichever form
the text was written in (the text form ``[[…](em)](em)``, the JSON node form, or a mix of
both, and strings a list joins into one run)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import get_args

import attrs

from jsi_docs.errors import Problem, path_step
from jsi_docs.model import Inline, NewsItem, NoteRef, RichText, Text, Truncation
from jsi_docs.readers.limits import Limits

__all__ = ["rich_text_limit"]

_INLINE = get_args(Inline)


def _rich_texts(value: object, path: str) -> Iterator[tuple[str, RichText]]:
    """Every rich-text value inside ``value`` (an attrs instance or a tuple), with its path."""
    if isinstance(value, tuple):
        if value and all(isinstance(node, _INLINE) for node in value):
            yield path, value
            return
        for index, entry in enumerate(value):
            yield from _rich_texts(entry, path + path_step(index))
    elif attrs.has(cls := type(value)) and not isinstance(value, _INLINE):
        for field in attrs.fields(cls):
            yield from _rich_texts(getattr(value, field.name), path + path_step(field.name))


def _measure(nodes: RichText) -> tuple[int, int, int]:
    """(elements, deepest nesting of elements, characters) of one rich-text value, without
    recursion: the tree may be deeper than any limit yet."""
    elements = depth = characters = 0
    pending: list[tuple[RichText, int]] = [(nodes, 0)]
    while pending:
        children, level = pending.pop()
        for node in children:
            if isinstance(node, Text):
                characters += len(node.text)
            else:
                elements += 1
                depth = max(depth, level + 1)
                if not isinstance(node, NoteRef | Truncation):
                    pending.append((node.content, level + 1))
    return elements, depth, characters


def rich_text_limit(item: NewsItem, limits: Limits) -> Problem | None:
    """The first limit ``item``'s rich text exceeds: a value nested deeper than
    ``max_inline_depth`` or holding more than ``max_text`` characters, or more than
    ``max_inline`` inline elements (emphasis, quotations, links, note marks...) in the item."""
    total = 0
    for path, nodes in _rich_texts(item, "$"):
        elements, depth, characters = _measure(nodes)
        if depth > limits.max_inline_depth:
            message = f"rich text nested more than {limits.max_inline_depth} levels deep ({depth})"
            return Problem(path, message)
        if characters > limits.max_text:
            message = f"text longer than {limits.max_text} characters ({characters})"
            return Problem(path, message)
        total += elements
        if total > limits.max_inline:
            message = (
                f"more than {limits.max_inline} inline elements (emphasis, quotations, links, "
                "references, note marks) in the item"
            )
            return Problem("$", message)
    return None
