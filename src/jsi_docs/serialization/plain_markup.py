"""Likely mistakes in what a file writes, reported as warnings (with their paths), not refused:

- rich-text markup in a plain-text field (a headline, a heading, a label): such a field is
  printed as written, brackets included, so ``headline: Talks with [Ambassador
  Tan](speaker:tan)`` is most likely a mistake; brackets and stars are also ordinary
  characters, hence a warning;
- quotation marks typed in rich text (``said: "we are done"``): the exporters add the marks of
  the item's language around ``[words](quote:ID)`` and ``[words](term)``, so typed marks print
  as typed (straight, or another language's), and twice next to a marked quotation.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from jsi_docs.errors import Problem
from jsi_docs.model import NewsItem, Text, plain_text, walk
from jsi_docs.serialization.converter import INLINE_TAGS, shorten
from jsi_docs.serialization.richtext import RichTextSyntaxError, parse_rich_text

__all__ = ["item_warnings", "markup_in_plain_text", "typed_quotation_marks"]

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


_QUOTATION_MARKS = frozenset('"“”„«»「」『』')
"""Double quotation marks of the scripts jsi_docs writes; single ones (’) are apostrophes too."""


def typed_quotation_marks(item: NewsItem) -> list[Problem]:
    """A warning for each rich text of ``item`` with quotation marks typed in its words."""
    found: list[Problem] = []
    for path, text in item.all_texts():
        typed = next(
            (
                node.text
                for node in walk(text)
                if isinstance(node, Text) and not _QUOTATION_MARKS.isdisjoint(node.text)
            ),
            None,
        )
        if typed is not None:
            at = min(typed.index(m) for m in _QUOTATION_MARKS if m in typed)
            words = shorten(typed[at:], 40)
            found.append(
                Problem(
                    path,
                    f"quotation marks typed in the text ({words}): mark the words instead, "
                    "[words](quote:SPEAKER) for what someone said or [words](term) for a quoted "
                    "term; every format then adds the marks of the item's language (typed marks "
                    "print as typed, and twice around a marked quotation)",
                )
            )
    return found


def item_warnings(item: NewsItem) -> list[Problem]:
    """Every warning of ``item``: markup in plain text, typed quotation marks."""
    return [*markup_in_plain_text(item), *typed_quotation_marks(item)]
