"""Where the punctuation that ends a quotation goes: inside its closing mark, or after it.

Spanish and Russian write the full stop and the comma that end a quoted sentence after the
closing mark (RAE: «No lo haré». Розенталь: «Я приду».), where English and French keep them
inside; a typography profile lists the marks it moves (``punctuation_after_quotes``). Writers
need not know: the rich text is rewritten before it is typeset, so every format shows the
same characters in the same order.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from jsi_docs.model import (
    Foreign,
    Inline,
    Insertion,
    NoteRef,
    Quotation,
    QuotedTerm,
    RichText,
    Text,
    Truncation,
    walk,
)

__all__ = ["Moved", "punctuation_after_quotes"]

_SENTENCE_GOES_ON = ".,;:!?…»”’"
"""Punctuation that, written right after a quotation, takes the place of the moved mark
(«Vendré», dijo: the quotation's own full stop is dropped)."""


@attrs.frozen
class Moved(Text):
    """A mark moved out of a quotation, standing where the source had no text: the view
    counts the source's nodes without it, so that error paths still point at them."""


def punctuation_after_quotes(nodes: RichText, marks_for: Callable[[str | None], str]) -> RichText:
    """``nodes`` with the mark that ends each quotation (or quoted term) moved after it,
    when ``marks_for(lang)`` lists it. ``lang`` is None for the text's own language, or the
    language of the passage (``Foreign``) the quotation is in."""
    if marks_for(None) or any(isinstance(n, Foreign) for n in walk(nodes)):
        return _rewrite(nodes, marks_for, None)
    return nodes


def _rewrite(nodes: RichText, marks_for: Callable[[str | None], str], lang: str | None) -> RichText:
    out = list(nodes)
    index = 0
    while index < len(out):
        node = out[index]
        if isinstance(node, Foreign):
            out[index] = attrs.evolve(node, content=_rewrite(node.content, marks_for, node.lang))
        elif isinstance(node, Quotation | QuotedTerm):
            inner = _rewrite(node.content, marks_for, lang)
            stripped = _strip_last(inner, marks_for(lang))
            if stripped is None:
                out[index] = attrs.evolve(node, content=inner)
            else:
                inner, mark = stripped
                out[index] = attrs.evolve(node, content=inner)
                _put_after(out, index, mark)
        elif not isinstance(node, Text | NoteRef | Truncation):
            out[index] = attrs.evolve(node, content=_rewrite(node.content, marks_for, lang))
        index += 1
    return tuple(out)


def _strip_last(content: RichText, marks: str) -> tuple[RichText, str] | None:
    """``content`` without the mark of ``marks`` it ends with, and that mark; None when it
    ends with none (an ellipsis "..." is not a full stop), or nothing would be left."""
    if not content or not marks:
        return None
    last = content[-1]
    if isinstance(last, Text):
        text = last.text
        if text[-1:] not in marks or text.endswith(".."):
            return None
        rest = text[:-1]
        head = content[:-1]
        if not rest.strip():
            # The mark stood alone after the words (a note mark, an inner quotation...).
            return (head, text[-1]) if head and not isinstance(head[-1], NoteRef) else None
        return (*head, Text(rest)), text[-1]
    # Emphasis, a link, a reference...; not an editor's insertion, nor a quotation's own marks.
    if not isinstance(last, NoteRef | Truncation | Insertion | Quotation | QuotedTerm):
        found = _strip_last(last.content, marks)
        if found is None:
            return None
        try:
            return (*content[:-1], attrs.evolve(last, content=found[0])), found[1]
        except ValueError:  # nothing but the mark in it
            return None
    return None


def _put_after(out: list[Inline], index: int, mark: str) -> None:
    """Put ``mark`` after the node at ``index`` (and the note marks that follow it): at the
    start of the text there, unless that text goes on with punctuation of its own."""
    at = index + 1
    while at < len(out) and isinstance(out[at], NoteRef):
        at += 1
    following = out[at] if at < len(out) else None
    if isinstance(following, Text):
        if following.text[:1] not in _SENTENCE_GOES_ON:
            out[at] = attrs.evolve(following, text=mark + following.text)
        return
    out.insert(at, Moved(mark))
