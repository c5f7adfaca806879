"""Inline view nodes to escaped HTML: one ``match`` over the closed union, no fallback.

The text is the view's, as is: quotation marks are characters of the page (in a span that
names the speaker), so copying, reader modes, search snippets and a fragment in a host page
without our stylesheet show the marks the PDF and DOCX show. Attribute values are escaped and
double-quoted; a link the view refused is its words alone.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import assert_never

from markupsafe import Markup

from jsi_docs.view import (
    Citation,
    Cut,
    Emph,
    Inlines,
    Insert,
    LinkSpan,
    NoteMark,
    Passage,
    Reported,
    Run,
    SpeakerName,
    Speech,
    Stress,
    Term,
    TopicName,
    needs_isolation,
    plain,
)

__all__ = ["InlineRenderer", "escape_text", "note_anchor", "note_ref_anchor"]


def escape_text(text: str) -> str:
    """``text`` escaped for HTML content and double- or single-quoted attribute values (the
    entities of :func:`markupsafe.escape`, without making a ``Markup`` per run)."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&#34;")
        .replace("'", "&#39;")
    )


def note_anchor(item_id: str, number: int) -> str:
    """The element id of note ``number``."""
    return f"{item_id}--note-{number}"


def note_ref_anchor(item_id: str, number: int, nth: int = 1) -> str:
    """The element id of the ``nth`` reference to note ``number``."""
    return f"{item_id}--noteref-{number}" + ("" if nth == 1 else f"-{nth}")


class InlineRenderer:
    """Renders the inline views of one item (``item_id`` prefixes note anchors; ``direction``
    is the item's, against which names and links are isolated)."""

    __slots__ = ("_direction", "_item_id")

    def __init__(self, item_id: str, direction: str = "ltr") -> None:
        self._item_id = item_id
        self._direction = direction

    def isolate(self, text: str) -> Markup:
        """``text`` escaped, in ``<bdi>`` when it holds letters of the other direction than
        the item's (a Latin name, symbol or URL in Arabic): shown as one unit, in its order."""
        escaped = escape_text(text)
        if needs_isolation(text, self._direction):
            escaped = f"<bdi>{escaped}</bdi>"
        return str.__new__(Markup, escaped)

    def _isolated(self, content: Inlines, add: Callable[[str], None]) -> None:
        # a name or a link's words: isolated as a whole when they need it
        if needs_isolation(plain(content), self._direction):
            add("<bdi>")
            self._nodes(content, add)
            add("</bdi>")
        else:
            self._nodes(content, add)

    def __call__(self, nodes: Inlines | None) -> Markup:
        """``nodes`` as safe HTML phrasing content (empty for None)."""
        if not nodes:
            return Markup("")
        parts: list[str] = []
        self._nodes(nodes, parts.append)
        return str.__new__(Markup, "".join(parts))  # Markup() would check its argument again

    def _nodes(self, nodes: Inlines, add: Callable[[str], None]) -> None:
        for node in nodes:
            match node:
                case Run(text=text):
                    add(escape_text(text))
                case SpeakerName(content=content, speaker=speaker):
                    add(f'<span class="speaker-ref" data-speaker="{escape_text(speaker)}">')
                    self._isolated(content, add)
                    add("</span>")
                case TopicName(content=content, topic=topic):
                    add(f'<span class="topic-ref" data-topic="{escape_text(topic)}">')
                    self._nodes(content, add)
                    add("</span>")
                case Speech(content=content, speaker=speaker, opening=opening, closing=closing):
                    add(f'<span class="speech" data-speaker="{escape_text(speaker)}">')
                    add(escape_text(opening))
                    self._nodes(content, add)
                    add(escape_text(closing))
                    add("</span>")
                case Reported(content=content, speaker=speaker):
                    add(f'<span class="statement" data-speaker="{escape_text(speaker)}">')
                    self._nodes(content, add)
                    add("</span>")
                case Term(content=content, opening=opening, closing=closing):
                    add('<span class="quoted-term">')
                    add(escape_text(opening))
                    self._nodes(content, add)
                    add(escape_text(closing))
                    add("</span>")
                case Emph(content=content):
                    add("<em>")
                    self._nodes(content, add)
                    add("</em>")
                case Stress(content=content):
                    add("<strong>")
                    self._nodes(content, add)
                    add("</strong>")
                case LinkSpan(content=content, href=href):
                    if href is None:
                        self._nodes(content, add)
                    else:
                        add(f'<a href="{escape_text(href)}">')
                        self._isolated(content, add)
                        add("</a>")
                case Passage(content=content, lang=lang, direction=direction):
                    add(f'<span lang="{escape_text(lang)}" dir="{direction}">')
                    self._nodes(content, add)
                    add("</span>")
                case Citation(content=content, symbol=symbol, href=href, verbatim=verbatim):
                    # <cite>: the title of a work; a symbol is a code, never translated.
                    add('<cite class="doc-ref"')
                    if symbol is not None:
                        add(f' data-symbol="{escape_text(symbol)}"')
                    add(' translate="no">' if verbatim else ">")
                    if href is None:
                        self._isolated(content, add)
                    else:
                        add(f'<a href="{escape_text(href)}">')
                        self._isolated(content, add)
                        add("</a>")
                    add("</cite>")
                case NoteMark(number=number, nth=nth):
                    target = escape_text(note_anchor(self._item_id, number))
                    ref = escape_text(note_ref_anchor(self._item_id, number, nth))
                    add(
                        f'<sup class="note-ref"><a href="#{target}" id="{ref}" '
                        f'role="doc-noteref">{number}</a></sup>'
                    )
                case Insert(content=content, opening=opening, closing=closing):
                    add('<span class="insertion">')
                    add(escape_text(opening))
                    self._nodes(content, add)
                    add(escape_text(closing))
                    add("</span>")
                case Cut(mark=mark, note=note, lang=lang):
                    add(
                        f'<span class="truncation">{escape_text(mark)} <span class="truncation-note"'
                    )
                    if lang:
                        add(f' lang="{escape_text(lang)}"')
                    add(f">{escape_text(note)}</span></span>")
                case _:
                    assert_never(node)
