"""Inline view nodes to escaped HTML: one ``match`` over the closed union, no fallback.

The text is the view's, as is: quotation marks are characters of the page (in a span that
names the speaker), so copying, reader modes, search snippets and a fragment in a host page
without our stylesheet show the marks the PDF and DOCX show. Attribute values are escaped and
double-quoted; a link the view refused is its words alone.

A word longer than a line (or than a table's column) can hold is set in ``<span
class="long-word">`` pieces, which the stylesheets let break between any two characters: see
:func:`long_words`.
"""

from __future__ import annotations

import re
import unicodedata
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

__all__ = [
    "LINE_WORD",
    "InlineRenderer",
    "escape_text",
    "long_words",
    "note_anchor",
    "note_ref_anchor",
]

LINE_WORD = 60
"""The longest word a line of the body holds whole, in characters (a line of 10 pt text holds
some 70 characters of the widest kind); a longer one is set to break anywhere."""

# A word, to the line breaking rules (Unicode's UAX #14, as Pango applies them), roughly: what
# lies between white space other than the no-break spaces, zero-width spaces, and the wide
# letters of East Asian scripts (ideographs, kana, Hangul, emoji), which break on both sides
# (their punctuation does not: it stays with its neighbours). A space is no break before a
# closing bracket or "!?,.:;/", after an opening bracket, or between a quotation mark and an
# opening bracket: the words on both sides are one. Where it errs, a word comes out longer.
_WIDE = (
    "\u1100-\u115f\u2e80-\u2fdf\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
    "\uac00-\ud7a3\uf900-\ufaff\U0001f300-\U0001f64f\U0001f900-\U0001f9ff"
    "\U00020000-\U0003fffd"
)
_WORD = re.compile(f"(?:[^\\s\u200b{_WIDE}]|[\u00a0\u2007\u202f])+")
_NO_BREAK_BEFORE = frozenset(
    "!?,.:;/\u203c\u2047\u2048\u2049\uff01\uff0c\uff0e\uff1a\uff1b\uff1f\uff0f"
)
_QUOTES = frozenset("\"'\u00ab\u00bb\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u2039\u203a")
_HARD_BREAKS = frozenset("\n\r\x0b\x0c\x85\u2028\u2029")
_UNSEEN = frozenset({"Mn", "Me", "Cf"})
"""Character categories that take no room of their own (marks, format controls)."""


def _joined(text: str, end: int, start: int) -> bool:
    """Whether the white space from ``end`` to ``start`` of ``text`` leaves the words on either
    side one word, a line not breaking there."""
    if not text[end:start].isspace() or not _HARD_BREAKS.isdisjoint(text[end:start]):
        return False
    before, after = text[end - 1], text[start]
    return (
        unicodedata.category(before) == "Ps"
        or unicodedata.category(after) == "Pe"
        or after in _NO_BREAK_BEFORE
        or (before in _QUOTES and unicodedata.category(after) == "Ps")
    )


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


def long_words(text: str, limit: int) -> list[tuple[int, int]]:
    """Where ``text`` has a word of more than ``limit`` characters (marks and format controls
    not counted), as ``(start, end)`` offsets.

    Such a word is set to break anywhere because WeasyPrint (70) does not break it otherwise:
    its table column is as wide as the word, so the table runs off the page (off its left edge
    in a right-to-left item), and ``overflow-wrap`` neither narrows the column (by the CSS
    rules for ``break-word``) nor breaks the part of a word that follows an inline element's
    edge (``<em>``, ``<a>``, ``<bdi>``: a WeasyPrint limit, ``anywhere`` included). A word
    counts as long only with room to spare, so ordinary words never break.
    """
    found: list[tuple[int, int]] = []

    def keep(start: int, end: int) -> None:
        if end - start > limit:
            seen = sum(unicodedata.category(c) not in _UNSEEN for c in text[start:end])
            if seen > limit:
                found.append((start, end))

    start = end = -1
    for word in _WORD.finditer(text):
        if end > 0 and _joined(text, end, word.start()):
            end = word.end()  # the same word, over a space that is no break
            continue
        if end > 0:
            keep(start, end)
        start, end = word.span()
    if end > 0:
        keep(start, end)
    return found


_Text = Callable[[str], None]


def _marked(text: str, at: int, spans: list[tuple[int, int]]) -> str:
    """``text``, which starts at offset ``at`` of the text :func:`long_words` was given,
    escaped, with its parts inside ``spans`` in ``long-word`` spans (a word that crosses an
    element's edges gets one span on each side: a span cannot cross them)."""
    end = at + len(text)
    out: list[str] = []
    done = 0
    for first, last in spans:
        if last <= at or first >= end:
            continue
        first, last = max(first - at, 0), min(last - at, len(text))
        if first > done:
            out.append(escape_text(text[done:first]))
        out.append(f'<span class="long-word">{escape_text(text[first:last])}</span>')
        done = last
    out.append(escape_text(text[done:]))
    return "".join(out)


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

    def _isolated(self, content: Inlines, add: Callable[[str], None], text: _Text) -> None:
        # a name or a link's words: isolated as a whole when they need it
        if needs_isolation(plain(content), self._direction):
            add("<bdi>")
            self._nodes(content, add, text)
            add("</bdi>")
        else:
            self._nodes(content, add, text)

    def __call__(self, nodes: Inlines | None, long_word: int = LINE_WORD) -> Markup:
        """``nodes`` as safe HTML phrasing content (empty for None); the words of more than
        ``long_word`` characters (see :func:`long_words`) in ``long-word`` spans."""
        if not nodes:
            return Markup("")
        parts: list[str] = []
        texts: list[tuple[int, str]] = []  # the page's text: each piece, and where in parts

        def text(piece: str) -> None:
            texts.append((len(parts), piece))
            parts.append(escape_text(piece))

        self._nodes(nodes, parts.append, text)
        spans = long_words("".join(piece for _, piece in texts), long_word)
        if spans:
            at = 0
            for index, piece in texts:
                parts[index] = _marked(piece, at, spans)
                at += len(piece)
        return str.__new__(Markup, "".join(parts))  # Markup() would check its argument again

    def _nodes(self, nodes: Inlines, add: Callable[[str], None], text: _Text) -> None:
        # ``add`` takes markup, ``text`` the page's text (escaped, and long words marked)
        for node in nodes:
            match node:
                case Run(text=run):
                    text(run)
                case SpeakerName(content=content, speaker=speaker):
                    add(f'<span class="speaker-ref" data-speaker="{escape_text(speaker)}">')
                    self._isolated(content, add, text)
                    add("</span>")
                case TopicName(content=content, topic=topic):
                    add(f'<span class="topic-ref" data-topic="{escape_text(topic)}">')
                    self._nodes(content, add, text)
                    add("</span>")
                case Speech(content=content, speaker=speaker, opening=opening, closing=closing):
                    add(f'<span class="speech" data-speaker="{escape_text(speaker)}">')
                    text(opening)
                    self._nodes(content, add, text)
                    text(closing)
                    add("</span>")
                case Reported(content=content, speaker=speaker):
                    add(f'<span class="statement" data-speaker="{escape_text(speaker)}">')
                    self._nodes(content, add, text)
                    add("</span>")
                case Term(content=content, opening=opening, closing=closing):
                    add('<span class="quoted-term">')
                    text(opening)
                    self._nodes(content, add, text)
                    text(closing)
                    add("</span>")
                case Emph(content=content):
                    add("<em>")
                    self._nodes(content, add, text)
                    add("</em>")
                case Stress(content=content):
                    add("<strong>")
                    self._nodes(content, add, text)
                    add("</strong>")
                case LinkSpan(content=content, href=href):
                    if href is None:
                        self._nodes(content, add, text)
                    else:
                        add(f'<a href="{escape_text(href)}">')
                        self._isolated(content, add, text)
                        add("</a>")
                case Passage(content=content, lang=lang, direction=direction):
                    add(f'<span lang="{escape_text(lang)}" dir="{direction}">')
                    self._nodes(content, add, text)
                    add("</span>")
                case Citation(content=content, symbol=symbol, href=href, verbatim=verbatim):
                    # <cite>: the title of a work; a symbol is a code, never translated.
                    add('<cite class="doc-ref"')
                    if symbol is not None:
                        add(f' data-symbol="{escape_text(symbol)}"')
                    add(' translate="no">' if verbatim else ">")
                    if href is None:
                        self._isolated(content, add, text)
                    else:
                        add(f'<a href="{escape_text(href)}">')
                        self._isolated(content, add, text)
                        add("</a>")
                    add("</cite>")
                case NoteMark(number=number, nth=nth):
                    target = escape_text(note_anchor(self._item_id, number))
                    ref = escape_text(note_ref_anchor(self._item_id, number, nth))
                    add(f'<sup class="note-ref"><a href="#{target}" id="{ref}" role="doc-noteref">')
                    text(str(number))
                    add("</a></sup>")
                case Insert(content=content, opening=opening, closing=closing):
                    add('<span class="insertion">')
                    text(opening)
                    self._nodes(content, add, text)
                    text(closing)
                    add("</span>")
                case Cut(mark=mark, note=note, lang=lang):
                    add('<span class="truncation">')
                    text(f"{mark} ")
                    add('<span class="truncation-note"')
                    if lang:
                        add(f' lang="{escape_text(lang)}"')
                    add(">")
                    text(note)
                    add("</span></span>")
                case _:
                    assert_never(node)
