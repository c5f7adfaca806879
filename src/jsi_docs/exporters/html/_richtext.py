"""Rich text to escaped HTML: one ``match`` over the closed :data:`~jsi_docs.model.Inline` union.

Every text run is typeset by the :class:`~jsi_docs.exporters.display.Presenter` of the language
it is written in (a :class:`~jsi_docs.model.Foreign` passage switches language), with its
neighbouring runs as context, and then escaped. Attribute values are escaped and written
between double quotes. Only http, https and mailto links become ``<a href>``; any other target
is dropped (its words kept) with a diagnostic. A note reference becomes a superscript link
to its note (DPUB-ARIA ``doc-noteref``), numbered as the page numbers its notes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import assert_never

from markupsafe import Markup

from jsi_docs.diagnostics import Diagnostic
from jsi_docs.exporters.display import (
    KEPT_RUN_LENGTH,
    TYPESET_CONTEXT,
    Presenter,
    clean,
    safe_url,
)
from jsi_docs.model import (
    Emphasis,
    Foreign,
    Link,
    NoteRef,
    Quotation,
    QuotedTerm,
    RichText,
    SpeakerRef,
    Strong,
    Text,
    TopicRef,
    plain_text,
)

__all__ = ["RichTextRenderer", "escape_text"]


def escape_text(text: str) -> str:
    """``text`` escaped for HTML content and double- or single-quoted attribute values.

    The same entities as :func:`markupsafe.escape`, without making a ``Markup`` per run.
    """
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&#34;")
        .replace("'", "&#39;")
    )


_MEMO_SIZE = 8192
"""Entries each cache below keeps before it starts again (the same words recur from page to
page: labels, names, an item in several formats)."""


class _Memos:
    """A presenter's caches: runs typeset and escaped alone, and runs typeset in context.

    ``plain`` maps a run to its HTML when the profile typesets it alike whatever its
    neighbours, and to ``""`` when it must be typeset with them (``typeset``, keyed by the run
    and one character of each neighbour).
    """

    __slots__ = ("plain", "presenter", "typeset")

    def __init__(self, presenter: Presenter | None) -> None:
        self.presenter = presenter
        self.plain: dict[str, str] = {}
        self.typeset: dict[tuple[str, str, str], str] = {}

    def classify(self, text: str) -> str:
        """The run's HTML, or ``""`` if it waits for its neighbours; remembered."""
        presenter = self.presenter
        if presenter is None:
            html = escape_text(clean(text))
        elif presenter.profile.needs_context(text):
            html = ""
        else:  # what presenter.text() gives a run alone, without asking needs_context() again
            html = escape_text(presenter.profile.apply(clean(text)))
        if len(text) <= KEPT_RUN_LENGTH:
            if len(self.plain) >= _MEMO_SIZE:
                self.plain.clear()
            self.plain[text] = html
        return html

    def typeset_run(self, text: str, before: str, after: str) -> str:
        key = (text, before[-TYPESET_CONTEXT:], after[:TYPESET_CONTEXT])
        html = self.typeset.get(key)
        if html is None:
            presenter = self.presenter
            typeset = (
                presenter.text(text, before=key[1], after=key[2]) if presenter else clean(text)
            )
            html = escape_text(typeset)
            if len(text) <= KEPT_RUN_LENGTH:
                if len(self.typeset) >= _MEMO_SIZE:
                    self.typeset.clear()
                self.typeset[key] = html
        return html


_MEMOS: dict[Presenter | None, _Memos] = {}


def _memos(presenter: Presenter | None) -> _Memos:
    found = _MEMOS.get(presenter)
    if found is None:
        if len(_MEMOS) >= 64:
            _MEMOS.clear()
        found = _MEMOS[presenter] = _Memos(presenter)
    return found


class _Tags:
    """An opening tag with one attribute value, escaped; remembered in ``done`` by value (an
    item's ids recur)."""

    __slots__ = ("done", "template")

    def __init__(self, template: str) -> None:
        self.template = template
        self.done: dict[str, str] = {}

    def __call__(self, value: str) -> str:
        html = self.done.get(value)
        if html is None:
            if len(self.done) >= _MEMO_SIZE:
                self.done.clear()
            html = self.done[value] = self.template.format(escape_text(value))
        return html


_topic_ref = _Tags('<span class="topic-ref" data-topic="{}">')
_speaker_ref = _Tags('<span class="speaker-ref" data-speaker="{}">')
_speech = _Tags('<q class="speech" data-speaker="{}">')
_foreign = _Tags('<span lang="{}">')


class RichTextRenderer:
    """Renders the rich text of one item; collects diagnostics (refused links) as it goes.

    ``presenter_for(lang)`` gives the presenter of a foreign passage's language, or None when
    that language has no typography profile (its text is then left as written).
    """

    __slots__ = (
        "_diagnostics",
        "_memos",
        "_note_ids",
        "_note_refs",
        "_notes",
        "_parts",
        "_presenter",
        "_presenter_for",
        "_quoted",
        "_texts",
        "_waiting",
        "_walk",
    )

    def __init__(
        self,
        presenter: Presenter,
        *,
        presenter_for: Callable[[str], Presenter | None],
        diagnostics: list[Diagnostic],
        notes: Mapping[str, int] | None = None,
        note_ids: str = "",
    ) -> None:
        self._presenter = presenter
        self._notes = notes or {}
        self._note_ids = note_ids  # the prefix of the ids of notes and references
        self._note_refs: dict[int, int] = {}  # references made so far, by note number
        self._presenter_for = presenter_for
        self._diagnostics = diagnostics
        self._memos = _memos(presenter)
        # One walk, made once and reused by every render() of this renderer (a page has many
        # paragraphs): it writes into these lists, emptied at each render.
        self._parts: list[str] = []
        self._texts: list[str] = []  # every piece of text in reading order, CSS marks too
        self._waiting: list[tuple[int, int, _Memos]] = []  # (part, text) typeset in context
        self._quoted: list[list[tuple[str, str]] | None] = [None]
        self._walk = self._make_walk()

    def render(self, nodes: RichText, quotations: list[tuple[str, str]] | None = None) -> Markup:
        """``nodes`` as safe HTML (phrasing content only).

        Each direct quotation met is appended to ``quotations``, if given, as ``(plain text,
        speaker id)``: the structured data states them, and this walk already finds them.
        Not reentrant: one renderer serves one page at a time.
        """
        parts, texts, waiting = self._parts, self._texts, self._waiting
        parts.clear()
        texts.clear()
        waiting.clear()
        self._quoted[0] = quotations
        self._walk(nodes, self._memos, 0, False)
        if waiting:
            self._typeset(parts, texts, waiting)
        return str.__new__(Markup, "".join(parts))  # Markup() would check its argument again

    def _make_walk(self) -> Callable[[RichText, _Memos, int, bool], None]:
        parts, texts, waiting, quoted = self._parts, self._texts, self._waiting, self._quoted
        add, add_text = parts.append, texts.append
        topic_refs, speaker_refs = _topic_ref.done, _speaker_ref.done

        def walk(nodes: RichText, memos: _Memos, depth: int, in_link: bool) -> None:
            known = memos.plain
            for node in nodes:  # the kinds in the order of their frequency in real items
                if isinstance(node, Text):
                    text = node.text
                    html = known.get(text)
                    if html is None:
                        html = memos.classify(text)
                    if not html:
                        waiting.append((len(parts), len(texts), memos))
                    add(html)
                    add_text(text)
                elif isinstance(node, TopicRef | SpeakerRef):
                    add(
                        topic_refs.get(node.topic) or _topic_ref(node.topic)
                        if isinstance(node, TopicRef)
                        else speaker_refs.get(node.speaker) or _speaker_ref(node.speaker)
                    )
                    content = node.content
                    if (
                        len(content) == 1
                        and isinstance(only := content[0], Text)
                        and (html := known.get(only.text))
                    ):  # the usual reference: one run, already typeset (walk() would do this)
                        add(html)
                        add_text(only.text)
                    else:
                        walk(content, memos, depth, in_link)
                    add("</span>")
                else:
                    other(node, memos, depth, in_link)

        def other(
            node: Quotation | QuotedTerm | Emphasis | Strong | Link | Foreign | NoteRef,
            memos: _Memos,
            depth: int,
            in_link: bool,
        ) -> None:
            if isinstance(node, Quotation):
                # HTML wants no marks inside <q>: the stylesheet's ``quotes`` draws them,
                # but they are still the context of the runs they touch.
                if (quotations := quoted[0]) is not None:
                    quotations.append((plain_text(node.content), node.speaker))
                opening, closing = self._marks(memos, depth)
                add(_speech(node.speaker))
                add_text(opening)
                walk(node.content, memos, depth + 1, in_link)
                add_text(closing)
                add("</q>")
            elif isinstance(node, QuotedTerm):
                opening, closing = self._marks(memos, depth)
                add('<span class="quoted-term">')
                add_text(opening)
                add(escape_text(opening))
                walk(node.content, memos, depth + 1, in_link)
                add_text(closing)
                add(escape_text(closing))
                add("</span>")
            elif isinstance(node, Emphasis):
                add("<em>")
                walk(node.content, memos, depth, in_link)
                add("</em>")
            elif isinstance(node, Strong):
                add("<strong>")
                walk(node.content, memos, depth, in_link)
                add("</strong>")
            elif isinstance(node, Link):
                href = safe_url(node.url)
                if href is None or in_link:
                    why = "inside another link" if href else "not an http, https or mailto URL"
                    self._diagnostics.append(
                        Diagnostic(f"link to {node.url!r} left as text: {why}", source="html")
                    )
                    walk(node.content, memos, depth, in_link)
                else:
                    add(f'<a href="{escape_text(href)}">')
                    walk(node.content, memos, depth, True)
                    add("</a>")
            elif isinstance(node, Foreign):
                add(_foreign(node.lang))
                walk(node.content, _memos(self._presenter_for(node.lang)), depth, in_link)
                add("</span>")
            elif isinstance(node, NoteRef):
                add(self._note_ref(node.note))
            else:
                assert_never(node)

        return walk

    @staticmethod
    def _typeset(
        parts: list[str], texts: list[str], waiting: list[tuple[int, int, _Memos]]
    ) -> None:
        """Fill in the runs that waited, each typeset with its neighbouring texts."""
        last = len(texts) - 1
        for part, k, memos in waiting:
            before = texts[k - 1] if k > 0 else ""
            after = texts[k + 1] if k < last else ""
            parts[part] = memos.typeset_run(texts[k], before, after)

    def note_id(self, number: int) -> str:
        """The element id of note ``number``."""
        return f"{self._note_ids}note-{number}"

    def note_ref_id(self, number: int, nth: int = 1) -> str:
        """The element id of the ``nth`` reference to note ``number``."""
        suffix = "" if nth == 1 else f"-{nth}"
        return f"{self._note_ids}noteref-{number}{suffix}"

    def _note_ref(self, note: str) -> str:
        number = self._notes.get(note)
        if number is None:
            self._diagnostics.append(
                Diagnostic(f"reference to an unknown note {note!r} left out", source="html")
            )
            return ""
        nth = self._note_refs[number] = self._note_refs.get(number, 0) + 1
        target = escape_text(self.note_id(number))
        ref = escape_text(self.note_ref_id(number, nth))
        return (
            f'<sup class="note-ref"><a href="#{target}" id="{ref}" role="doc-noteref">'
            f"{number}</a></sup>"
        )

    def _marks(self, memos: _Memos, depth: int) -> tuple[str, str]:
        return (memos.presenter or self._presenter).quote_marks(depth)
