"""Inline runs as every format shows them: typeset text, quotation marks as characters.

:class:`InlineBuilder` turns the model's rich text into a tuple of :data:`InlineView` nodes.
Each text run is typeset by the typography profile of the language it is written in, with the
text of its neighbouring runs (the quotation marks included) as context, so that
``<em>Note</em> : suite`` keeps its space in every format. A direct quotation or a quoted term
carries its opening and closing marks, chosen by the language of the passage it is in and by
how deeply it is nested. Notes are numbered; refused links lose their target and say why.

Writers show :attr:`Speech.opening` + content + :attr:`Speech.closing` and add nothing: the
words, spaces and marks are all decided here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import NamedTuple, TypeAlias, assert_never

import attrs

from jsi_docs.diagnostics import VIEW, Diagnostic
from jsi_docs.model import (
    DocumentRef,
    Emphasis,
    Foreign,
    Inline,
    Insertion,
    InsertionMarks,
    Link,
    NoteRef,
    Quotation,
    QuotedTerm,
    RichText,
    SpeakerRef,
    Statement,
    Strong,
    Text,
    TopicRef,
    Truncation,
    walk,
)
from jsi_docs.view.present import Presenter, clean, safe_url
from jsi_docs.view.punctuation import Moved, punctuation_after_quotes

__all__ = [
    "Citation",
    "Cut",
    "Emph",
    "InlineBuilder",
    "InlineView",
    "Inlines",
    "Insert",
    "LinkSpan",
    "NoteMark",
    "Passage",
    "Reported",
    "Run",
    "SpeakerName",
    "Speech",
    "Stress",
    "Term",
    "TopicName",
    "plain",
]


@attrs.frozen
class Run:
    """Text, already typeset and cleaned of characters no document may hold."""

    text: str


@attrs.frozen
class Emph:
    """Emphasis (italics)."""

    content: Inlines


@attrs.frozen
class Stress:
    """Strong emphasis (bold)."""

    content: Inlines


@attrs.frozen
class LinkSpan:
    """A link; ``href`` is None when the target was refused (the words are shown alone)."""

    content: Inlines
    href: str | None


@attrs.frozen
class Passage:
    """Words in another language than their surroundings (``lang``, ``direction``)."""

    content: Inlines
    lang: str
    direction: str


@attrs.frozen
class SpeakerName:
    """Words naming one of the item's speakers (``speaker`` is its id)."""

    content: Inlines
    speaker: str


@attrs.frozen
class TopicName:
    """Words naming one of the item's topics (``topic`` is its id)."""

    content: Inlines
    topic: str


@attrs.frozen
class Speech:
    """Direct speech of ``speaker``: ``opening`` + content + ``closing`` is what is shown."""

    content: Inlines
    speaker: str
    opening: str
    closing: str


@attrs.frozen
class Reported:
    """A statement of ``speaker`` in the item's words (reported speech): no marks are added."""

    content: Inlines
    speaker: str


@attrs.frozen
class Term:
    """A term in quotation marks that is not speech: ``opening`` + content + ``closing``."""

    content: Inlines
    opening: str
    closing: str


@attrs.frozen
class NoteMark:
    """A reference to note ``number``; ``nth`` counts the references to that note (from 1)."""

    number: int
    nth: int


@attrs.frozen
class Insert:
    """An editor's words inside a quotation ("[…]", "[the Council]"), not the speaker's:
    ``opening`` + content + ``closing`` is what is shown."""

    content: Inlines
    opening: str
    closing: str


@attrs.frozen
class Cut:
    """Where the text stops in the source: ``mark`` (an ellipsis), then ``note``, the words
    saying so ("[text cut off in the source]"), in ``lang`` when that is not the text's."""

    mark: str
    note: str
    lang: str | None = None


@attrs.frozen
class Citation:
    """Words citing a document; ``symbol`` is its symbol when it has one, ``href`` its link
    (the citation's own URL, else one made from the symbol by the export's
    ``document_url_pattern``), None when there is none or it was refused. ``verbatim`` is True
    when the words are the symbol itself (a code no translation should touch)."""

    content: Inlines
    symbol: str | None
    href: str | None
    verbatim: bool = False


InlineView: TypeAlias = (
    Run
    | Emph
    | Stress
    | LinkSpan
    | Passage
    | SpeakerName
    | TopicName
    | Speech
    | Term
    | NoteMark
    | Insert
    | Cut
    | Reported
    | Citation
)
"""The closed union of inline view nodes; writers ``match`` over it."""

Inlines: TypeAlias = tuple[InlineView, ...]

for _cls in (
    Run,
    Emph,
    Stress,
    LinkSpan,
    Passage,
    SpeakerName,
    TopicName,
    Speech,
    Term,
    NoteMark,
    Insert,
    Cut,
    Reported,
    Citation,
):
    attrs.resolve_types(_cls, globals(), locals())


def plain(nodes: Inlines) -> str:
    """What a reader sees of ``nodes`` as plain text: the runs and quotation marks (the note
    numbers left out)."""
    parts: list[str] = []
    _plain(nodes, parts.append)
    return "".join(parts)


def _plain(nodes: Inlines, add: Callable[[str], None]) -> None:
    for node in nodes:
        if isinstance(node, Run):
            add(node.text)
        elif isinstance(node, Speech | Term | Insert):
            add(node.opening)
            _plain(node.content, add)
            add(node.closing)
        elif isinstance(node, Cut):
            add(f"{node.mark} {node.note}")
        elif not isinstance(node, NoteMark):
            _plain(node.content, add)


CUT_MARK = "\u2026"
"""The mark where a text stops in the source (an ellipsis, before the words saying so)."""

_INSERTION_MARKS: Mapping[InsertionMarks, tuple[str, str]] = {
    InsertionMarks.SQUARE: ("[", "]"),
    InsertionMarks.ROUND: ("(", ")"),
}


class InlineBuilder:
    """Builds the inline view of every rich text of one item, in reading order.

    ``presenter_for(lang)`` gives the presenter of a foreign passage's language, or None when
    that language has none (its text is then cleaned and left as written);
    ``direction_for(lang)`` its writing direction. Note references are numbered by ``notes``
    and counted as they are met; diagnostics (refused links, unknown notes) are appended to
    ``diagnostics`` with the JSONPath of the node.
    """

    def __init__(
        self,
        presenter: Presenter,
        *,
        presenter_for: Callable[[str], Presenter | None],
        direction_for: Callable[[str], str],
        notes: Mapping[str, int],
        diagnostics: list[Diagnostic],
        cut_note: tuple[str, str | None] = ("", None),
        document_url: Callable[[str], str | None] | None = None,
    ) -> None:
        self._cut_note = cut_note
        """The words after the mark of a text cut off in the source, and their language
        when it is not the item's."""
        self._presenter = presenter
        self._presenter_for = presenter_for
        self._direction_for = direction_for
        self._notes = notes
        self._seen: dict[int, int] = {}
        self._diagnostics = diagnostics
        self._document_url = document_url
        """The link a document symbol gets (from the export's pattern), or None."""
        self.citations: list[Citation] = []
        """Every cited document met, in reading order."""
        self.quotations: list[tuple[Inlines, str]] = []
        """Every direct quotation met, as (content, speaker id), in reading order."""
        self.statements: list[tuple[Inlines, str]] = []
        """Every statement (reported speech) met, as (content, speaker id), in reading order."""

    def build(self, nodes: RichText, where: str, *, quotations: bool = True) -> Inlines:
        """The view of ``nodes`` (found at JSONPath ``where``); with ``quotations``, their
        direct quotations are added to :attr:`quotations` and their statements to
        :attr:`statements`."""
        nodes = punctuation_after_quotes(nodes, self._after_quotes)
        texts: list[_Piece] = []
        self._collect(nodes, self._presenter, 0, texts)
        typeset = iter(_trimmed(_typeset(texts)))
        return self._nodes(nodes, self._presenter, 0, False, typeset, where, quotations)

    def _collect(
        self,
        nodes: RichText,
        presenter: Presenter | None,
        depth: int,
        texts: list[_Piece],
    ) -> None:
        """Every piece of text of ``nodes`` in reading order, the marks and note numbers as
        context only."""
        for node in nodes:
            if isinstance(node, Text):
                texts.append(_Piece(node.text, presenter, _RUN))
            elif isinstance(node, NoteRef):
                texts.append(_Piece("", None, _NOTE))
            elif isinstance(node, Truncation):
                texts.append(_Piece(CUT_MARK, None, _MARK))
            elif isinstance(node, Insertion):
                opening, closing = _INSERTION_MARKS[node.marks]
                texts.append(_Piece(opening, None, _MARK))
                self._collect(node.content, presenter, depth, texts)
                texts.append(_Piece(closing, None, _MARK))
            elif isinstance(node, Quotation | QuotedTerm):
                opening, closing = self._marks(presenter, depth)
                texts.append(_Piece(opening, None, _MARK))
                self._collect(node.content, presenter, depth + 1, texts)
                texts.append(_Piece(closing, None, _MARK))
            elif isinstance(node, Foreign):
                self._collect(node.content, self._presenter_for(node.lang), depth, texts)
            else:
                self._collect(node.content, presenter, depth, texts)

    def _marks(self, presenter: Presenter | None, depth: int) -> tuple[str, str]:
        return (presenter or self._presenter).quote_marks(depth)

    def _after_quotes(self, lang: str | None) -> str:
        """The marks that end a quotation and go after its closing mark, in the item's
        language (``lang`` None) or a passage's."""
        presenter = None if lang is None else self._presenter_for(lang)
        return (presenter or self._presenter).profile.punctuation_after_quotes

    def _nodes(
        self,
        nodes: RichText,
        presenter: Presenter | None,
        depth: int,
        in_link: bool,
        typeset: Iterator[str],
        where: str,
        quotations: bool,
    ) -> Inlines:
        out: list[InlineView] = []
        index = 0  # the node's place in the source, a moved mark not counted
        for node in nodes:
            made = self._node(
                node, presenter, depth, in_link, typeset, f"{where}[{index}]", quotations
            )
            if made is not None:
                out.append(made)
            if not isinstance(node, Moved):
                index += 1
        return tuple(out)

    def _node(
        self,
        node: Inline,
        presenter: Presenter | None,
        depth: int,
        in_link: bool,
        typeset: Iterator[str],
        where: str,
        quotations: bool,
    ) -> InlineView | None:
        def inner(
            content: RichText,
            *,
            language: Presenter | None = presenter,
            nested: int = depth,
            linked: bool = in_link,
        ) -> Inlines:
            return self._nodes(
                content, language, nested, linked, typeset, f"{where}.content", quotations
            )

        match node:
            case Text():
                return Run(next(typeset))
            case Emphasis(content=content):
                return Emph(inner(content))
            case Strong(content=content):
                return Stress(inner(content))
            case SpeakerRef(content=content, speaker=speaker):
                return SpeakerName(inner(content), speaker)
            case TopicRef(content=content, topic=topic):
                return TopicName(inner(content), topic)
            case Quotation(content=content, speaker=speaker):
                opening, closing = self._marks(presenter, depth)
                quoted = Speech(inner(content, nested=depth + 1), speaker, opening, closing)
                if quotations:
                    self.quotations.append((quoted.content, speaker))
                return quoted
            case QuotedTerm(content=content):
                opening, closing = self._marks(presenter, depth)
                return Term(inner(content, nested=depth + 1), opening, closing)
            case Statement(content=content, speaker=speaker):
                at = len(self.statements)  # a statement comes before the ones inside it
                reported = Reported(inner(content), speaker)
                if quotations:
                    self.statements.insert(at, (reported.content, speaker))
                return reported
            case Foreign(content=content, lang=lang):
                words = inner(content, language=self._presenter_for(lang))
                return Passage(words, lang, self._direction_for(lang))
            case Link(content=content, url=url):
                href = safe_url(url)
                if href is None or in_link:
                    why = "inside another link" if href else "not an http, https or mailto URL"
                    self._diagnostics.append(
                        Diagnostic(
                            f"link to {url!r} left as text: {why}", source=VIEW, path=f"{where}.url"
                        )
                    )
                    return LinkSpan(inner(content), None)
                return LinkSpan(inner(content, linked=True), href)
            case Insertion(content=content, marks=marks):
                opening, closing = _INSERTION_MARKS[marks]
                return Insert(inner(content), opening, closing)
            case Truncation():
                cut_note, cut_lang = self._cut_note
                return Cut(CUT_MARK, cut_note, cut_lang)
            case DocumentRef(content=content, symbol=symbol, url=url):
                return self._citation(inner, content, symbol, url, in_link, where)
            case NoteRef(note=note):
                number = self._notes.get(note)
                if number is None:
                    self._diagnostics.append(
                        Diagnostic(
                            f"reference to an unknown note {note!r} left out",
                            source=VIEW,
                            path=f"{where}.note",
                        )
                    )
                    return None
                nth = self._seen[number] = self._seen.get(number, 0) + 1
                return NoteMark(number, nth)
            case _:
                assert_never(node)

    def _citation(
        self,
        inner: Callable[..., Inlines],
        content: RichText,
        symbol: str | None,
        url: str | None,
        in_link: bool,
        where: str,
    ) -> Citation:
        """A cited document: linked by its own URL, else by the pattern for its symbol; never
        inside another link, never to an unsafe target."""
        href = None
        if url is not None:
            href = safe_url(url)
            if href is None:
                self._diagnostics.append(
                    Diagnostic(
                        f"citation's link {url!r} left out: not an http, https or mailto URL",
                        source=VIEW,
                        path=f"{where}.url",
                    )
                )
        elif symbol is not None and self._document_url is not None:
            href = self._document_url(symbol)
        if href is not None and (in_link or any(isinstance(n, NoteRef) for n in walk(content))):
            why = "inside another link" if in_link else "it holds a note mark, a link itself"
            self._diagnostics.append(
                Diagnostic(f"citation's link left out: {why}", source=VIEW, path=where)
            )
            href = None
        words = inner(content, linked=True) if href else inner(content)
        verbatim = symbol is not None and plain(words).strip() == clean(symbol)
        cited = Citation(words, clean(symbol) if symbol else None, href, verbatim)
        self.citations.append(cited)
        return cited


def _trimmed(runs: list[str]) -> list[str]:
    """``runs`` without the spaces that start or end the whole text: a browser does not show
    them at the edges of a block, so no format does."""
    for index in range(len(runs)):
        runs[index] = runs[index].lstrip(" ")
        if runs[index]:
            break
    for index in reversed(range(len(runs))):
        runs[index] = runs[index].rstrip(" ")
        if runs[index]:
            break
    return runs


class _Piece(NamedTuple):
    text: str
    presenter: Presenter | None
    kind: str  # _RUN, _MARK or _NOTE


_RUN, _MARK, _NOTE = "run", "mark", "note"


def _typeset(texts: list[_Piece]) -> list[str]:
    """The text runs of one rich text, each typeset with its neighbours (quotation marks
    included, note numbers skipped); a space that follows another across a run's edge is
    dropped, as a browser collapses it, so that every format shows one."""
    context = [piece for piece in texts if piece.kind != _NOTE]
    out: list[str] = []
    after_space = False
    k = -1
    for piece in texts:
        if piece.kind == _NOTE:
            after_space = False
            continue
        k += 1
        text = piece.text
        if piece.kind == _RUN:
            if piece.presenter is None:
                text = clean(text)
            else:
                before = context[k - 1].text if k > 0 else ""
                after = context[k + 1].text if k + 1 < len(context) else ""
                text = piece.presenter.text(text, before=before, after=after)
            if after_space and text.startswith(" "):
                text = text[1:]
            out.append(text)
        if text:
            after_space = text.endswith(" ")
    return out
