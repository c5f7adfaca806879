"""Rich-text markup written in a plain-text field (a headline, a heading, a label).

Such a field is printed as written, brackets included, so ``headline: Talks with
[Ambassador Tan](speaker:tan)`` is most likely a mistake; it is reported as a warning (with
its path), not refused, since brackets and stars are also ordinary characters.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from jsi_docs.errors import Problem
from jsi_docs.model import NewsItem, Text, plain_text
from jsi_docs.serialization.converter import INLINE_TAGS, shorten
from jsi_docs.serialization.richtext import RichTextSyntaxError, parse_rich_text

__all__ = ["markup_in_plain_text"]

_NOT_TEXT = frozenset(
    {"id", "url", "uri", "email", "image", "language", "lang", "code", "item_id", "phone"}
)
_RICH = (Text, *INLINE_TAGS.values())
_TAG_OF = {cls: tag for tag, cls in INLINE_TAGS.items()}


def _plain_fields(value: object, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, _RICH):
        return
    if isinstance(value, tuple):
        for index, entry in enumerate(value):
            yield from _plain_fields(entry, f"{path}[{index}]")
        return
    cls = type(value)
    if not attrs.has(cls):
        return
    for field in attrs.fields(cls):
        child = getattr(value, field.name)
        where = f"{path}.{field.name}"
        if type(child) is str and field.name not in _NOT_TEXT:
            yield where, child
        elif not isinstance(child, str):
            yield from _plain_fields(child, where)


def markup_in_plain_text(item: NewsItem) -> list[Problem]:
    """A warning for each plain-text field of ``item`` that reads as rich text with markup."""
    found: list[Problem] = []
    for path, text in _plain_fields(item, "$"):
        if not any(c in text for c in "[*_"):
            continue
        try:
            nodes = parse_rich_text(text)
        except RichTextSyntaxError:
            continue
        marked = next((node for node in nodes if not isinstance(node, Text)), None)
        if marked is not None:
            words = shorten(plain_text((marked,)), 40)
            found.append(
                Problem(
                    path,
                    f"plain text with rich-text markup in it ({_TAG_OF[type(marked)]} {words}), "
                    "printed as written, marks and brackets included: write the words alone",
                )
            )
    return found
