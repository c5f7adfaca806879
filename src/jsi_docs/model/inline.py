"""Inline rich text: the runs of text inside a paragraph, a lead, a heading or a list item.

A rich text value is a tuple of :data:`Inline` nodes. Containers hold rich text themselves, so
emphasis can sit inside a quotation that sits inside a link. Tuples are normalised on
construction (adjacent :class:`Text` nodes merged, empty ones dropped), so two values that read
the same compare equal.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterable, Iterator
from typing import TypeAlias

import attrs

from jsi_docs.model._checks import (
    FieldValueError,
    identifier,
    language_tag,
    member,
    not_blank,
    not_empty,
    optional_not_blank,
)

__all__ = [
    "DocumentRef",
    "Emphasis",
    "Foreign",
    "Inline",
    "Insertion",
    "InsertionMarks",
    "Link",
    "NoteRef",
    "Quotation",
    "QuotedTerm",
    "RichText",
    "SpeakerRef",
    "Statement",
    "Strong",
    "Text",
    "TopicRef",
    "Truncation",
    "has_words",
    "normalize",
    "plain_text",
    "walk",
]


def _non_empty_text(instance: Text, attribute: attrs.Attribute[str], value: str) -> None:
    if not value:
        raise FieldValueError(attribute.name, "must not be empty")


@attrs.frozen
class Text:
    """A run of plain text."""

    text: str = attrs.field(validator=_non_empty_text)


def normalize(nodes: Iterable[Inline | str]) -> RichText:
    """Merge adjacent text runs and drop empty ones; plain ``str`` items become :class:`Text`."""
    out: list[Inline] = []
    for node in nodes:
        if isinstance(node, str):
            if not node:
                continue
            node = Text(node)
        elif not isinstance(node, Inline):
            raise TypeError(f"expected text or an inline node, not {type(node).__name__}")
        if isinstance(node, Text) and out and isinstance(out[-1], Text):
            out[-1] = Text(out[-1].text + node.text)
        else:
            out.append(node)
    return tuple(out)


@attrs.frozen
class Emphasis:
    """Emphasised text (usually shown in italics)."""

    content: RichText = attrs.field(converter=normalize, validator=not_empty)


@attrs.frozen
class Strong:
    """Strongly emphasised text (usually bold)."""

    content: RichText = attrs.field(converter=normalize, validator=not_empty)


@attrs.frozen
class Link:
    """A hyperlink. Only http, https and mailto targets are rendered as links."""

    content: RichText = attrs.field(converter=normalize, validator=not_empty)
    url: str = attrs.field(kw_only=True, validator=not_blank)


@attrs.frozen
class Foreign:
    """A passage in another language than the item's (``lang`` is a BCP 47 tag)."""

    content: RichText = attrs.field(converter=normalize, validator=not_empty)
    lang: str = attrs.field(kw_only=True, validator=language_tag)


@attrs.frozen
class SpeakerRef:
    """Words that name a speaker of the item, e.g. "l'Ambassadeur Yamazaki"."""

    content: RichText = attrs.field(converter=normalize, validator=not_empty)
    speaker: str = attrs.field(kw_only=True, validator=identifier)


@attrs.frozen
class TopicRef:
    """Words that name one of the item's topics, e.g. "les flux de données"."""

    content: RichText = attrs.field(converter=normalize, validator=not_empty)
    topic: str = attrs.field(kw_only=True, validator=identifier)


@attrs.frozen
class Quotation:
    """Direct speech: words quoted verbatim from ``speaker`` (a speaker or collective speaker id).

    Exporters add the quotation marks of the item's language; the content holds the words only.
    """

    content: RichText = attrs.field(converter=normalize, validator=not_empty)
    speaker: str = attrs.field(kw_only=True, validator=identifier)


@attrs.frozen
class Statement:
    """Reported speech: words that say what ``speaker`` (a speaker or collective speaker id)
    said, in the item's words rather than theirs ("the Chair reported that [the text was
    stable]").

    Unlike a :class:`Quotation` it is not verbatim, so no format adds quotation marks; it may
    sit in any rich text (a paragraph, a list item, the lead) and hold a quotation.
    """

    content: RichText = attrs.field(converter=normalize, validator=not_empty)
    speaker: str = attrs.field(kw_only=True, validator=identifier)


@attrs.frozen
class NoteRef:
    """A reference to one of the item's notes (a footnote mark): a leaf with no text of its own.

    Exporters show the note's number; :func:`plain_text` leaves the mark out.
    """

    note: str = attrs.field(validator=identifier)


@attrs.frozen
class QuotedTerm:
    """A term in quotation marks that is not speech, e.g. articles “mis de côté” (set aside)."""

    content: RichText = attrs.field(converter=normalize, validator=not_empty)


class InsertionMarks(enum.StrEnum):
    """The marks an editor put around words of their own: ``[…]`` or ``(…)``."""

    SQUARE = "square"
    ROUND = "round"


def _insertion_marks(value: InsertionMarks | str) -> InsertionMarks:
    return member(InsertionMarks, value)


@attrs.frozen
class Insertion:
    """Words an editor put inside a quotation, not the speaker's: an elision ``[…]``, ``(...)``
    or a clarification ``[the Council]``. Exporters show them between ``marks``; the content
    holds the inserted words only (``…`` for an elision)."""

    content: RichText = attrs.field(converter=normalize, validator=not_empty)
    marks: InsertionMarks = attrs.field(
        default=InsertionMarks.SQUARE, kw_only=True, converter=_insertion_marks
    )


@attrs.frozen
class Truncation:
    """The place where the source stops: the text (or the quotation) went on, but the page was
    captured only in part. A leaf, last in its text; exporters show an ellipsis and say, in
    words, that the text is cut off in the source."""


def optional_symbol(
    instance: object, attribute: attrs.Attribute[str | None], value: str | None
) -> None:
    if value is None:
        return
    if not _SYMBOL.fullmatch(value) or not value.isprintable():
        raise FieldValueError(
            attribute.name,
            f"{value!r} is not a document symbol (words with one space between them, on one "
            "line: 'WT/GC/M/200', 'SCCR/48/1 Prov. 2')",
        )
    if len(value) > SYMBOL_MAX_LENGTH:
        raise FieldValueError(attribute.name, f"longer than {SYMBOL_MAX_LENGTH} characters")


_SYMBOL = re.compile(r"[^\s]+(?: [^\s]+)*")

SYMBOL_MAX_LENGTH = 64
"""Longest document symbol accepted ("WT/MIN(24)/38/Rev.1" is 19 characters)."""


@attrs.frozen
class DocumentRef:
    """Words citing a document: its symbol ("WT/GC/M/200") or its name ("paragraph 8 of the
    MC12 Outcome Document").

    ``symbol`` is the document's symbol when it has one (exporters may make it a link by a
    pattern); ``url`` links the citation itself and wins over any pattern.
    """

    content: RichText = attrs.field(converter=normalize, validator=not_empty)
    symbol: str | None = attrs.field(default=None, kw_only=True, validator=optional_symbol)
    url: str | None = attrs.field(default=None, kw_only=True, validator=optional_not_blank)


Inline: TypeAlias = (
    Text
    | Emphasis
    | Strong
    | Link
    | Foreign
    | SpeakerRef
    | TopicRef
    | Quotation
    | QuotedTerm
    | NoteRef
    | Insertion
    | Truncation
    | Statement
    | DocumentRef
)
"""The closed union of inline nodes; exporters ``match`` over it."""

RichText: TypeAlias = tuple[Inline, ...]

CONTAINERS: tuple[type, ...] = (
    Emphasis,
    Strong,
    Link,
    Foreign,
    SpeakerRef,
    TopicRef,
    Quotation,
    QuotedTerm,
    Insertion,
    Statement,
    DocumentRef,
)
LEAVES: tuple[type, ...] = (Text, NoteRef, Truncation)
"""The inline nodes with no content of their own."""

for _cls in (Text, NoteRef, Truncation, *CONTAINERS):
    attrs.resolve_types(_cls, globals(), locals())


def walk(nodes: RichText) -> Iterator[Inline]:
    """Every node of ``nodes``, depth first, parents before children."""
    for node in nodes:
        yield node
        if not isinstance(node, Text | NoteRef | Truncation):
            yield from walk(node.content)


def plain_text(nodes: RichText) -> str:
    """The text of ``nodes`` with all markup removed (no quotation marks, no note marks)."""
    if len(nodes) == 1 and isinstance(nodes[0], Text):
        return nodes[0].text
    parts: list[str] = []
    _texts(nodes, parts.append)
    return "".join(parts)


def _texts(nodes: RichText, add: Callable[[str], None]) -> None:
    # Plain recursion: nested generators (walk()) cost several times more per node.
    for node in nodes:
        if isinstance(node, Text):
            add(node.text)
        elif not isinstance(node, NoteRef | Truncation):
            _texts(node.content, add)


def has_words(nodes: RichText) -> bool:
    """Whether ``nodes`` hold anything but white space: a visible character, a note mark or
    the mark of a text cut off in the source."""
    return any(
        isinstance(node, NoteRef | Truncation)
        or (isinstance(node, Text) and not node.text.isspace())
        for node in walk(nodes)
    )


def missing_words(nodes: RichText) -> str | None:
    """Why ``nodes`` hold no words: ``"empty"``, ``"blank"`` (white space only), or None."""
    if has_words(nodes):
        return None
    return "blank" if nodes else "empty"


def words_in(instance: object, attribute: attrs.Attribute[RichText], value: RichText) -> None:
    """Validator: a rich text that is neither empty nor only white space."""
    if why := missing_words(value):
        raise FieldValueError(attribute.name, f"must not be {why}")
