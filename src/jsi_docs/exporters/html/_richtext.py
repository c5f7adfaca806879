"""Rich text to escaped HTML: one ``match`` over the closed :data:`~jsi_docs.model.Inline` union.

Every text run is typeset by the :class:`~jsi_docs.exporters.display.Presenter` of the language
it is written in (a :class:`~jsi_docs.model.Foreign` passage switches language), with its
neighbouring runs as context, and then escaped. Attribute values are escaped and written
between double quotes. Only http, https and mailto links become ``<a href>``; any other target
is dropped (its words kept) with a diagnostic.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal, assert_never

from markupsafe import Markup

from jsi_docs.diagnostics import Diagnostic
from jsi_docs.exporters.display import TYPESET_CONTEXT, Presenter, clean, safe_url
from jsi_docs.model import (
    Emphasis,
    Foreign,
    Link,
    Quotation,
    QuotedTerm,
    RichText,
    SpeakerRef,
    Strong,
    Text,
    TopicRef,
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


class _Output:
    """Markup being built, and the text runs whose typesetting waits for their neighbours.

    ``parts`` holds markup (escaped) and, for each run, a placeholder filled in at the end;
    ``texts`` holds every piece of text in reading order (runs and quotation marks, even
    marks drawn by CSS), the context each run is typeset with.
    """

    __slots__ = ("parts", "presenters", "slots", "texts")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.texts: list[str] = []
        self.slots: list[int] = []  # per text: its index in parts, or -1 (not written here)
        self.presenters: list[Presenter | Literal[False] | None] = []  # False: a mark

    def run(self, text: str, presenter: Presenter | None) -> None:
        self.slots.append(len(self.parts))
        self.parts.append(text)
        self.texts.append(text)
        self.presenters.append(presenter)

    def mark(self, text: str, shown: bool) -> None:
        if shown:
            self.slots.append(len(self.parts))
            self.parts.append(escape_text(text))
        else:
            self.slots.append(-1)
        self.texts.append(text)
        self.presenters.append(False)

    def finish(self) -> Markup:
        texts, parts, last = self.texts, self.parts, len(self.texts) - 1
        memos: dict[int, dict[tuple[str, str, str], str]] = {}
        for k, presenter in enumerate(self.presenters):
            if presenter is False:
                continue
            text = texts[k]
            if presenter is None:
                parts[self.slots[k]] = escape_text(clean(text))
                continue
            memo = memos.get(id(presenter))
            if memo is None:
                memo = memos[id(presenter)] = _memo(presenter)
            before = texts[k - 1][-TYPESET_CONTEXT:] if k > 0 else ""
            after = texts[k + 1][:TYPESET_CONTEXT] if k < last else ""
            key = (text, before, after)
            html = memo.get(key)
            if html is None:
                if len(memo) >= _MEMO_SIZE:
                    memo.clear()
                html = memo[key] = escape_text(presenter.text(text, before=before, after=after))
            parts[self.slots[k]] = html
        return Markup("".join(parts))


# Typeset and escaped runs, per presenter (equal presenters typeset alike): the same runs
# recur from page to page (labels, names, an item in several shapes), and typesetting is slow.
_MEMOS: dict[Presenter, dict[tuple[str, str, str], str]] = {}
_MEMO_SIZE = 8192


def _memo(presenter: Presenter) -> dict[tuple[str, str, str], str]:
    memo = _MEMOS.get(presenter)
    if memo is None:
        if len(_MEMOS) >= 64:
            _MEMOS.clear()
        memo = _MEMOS[presenter] = {}
    return memo


class RichTextRenderer:
    """Renders the rich text of one item; collects diagnostics (refused links) as it goes.

    ``presenter_for(lang)`` gives the presenter of a foreign passage's language, or None when
    that language has no typography profile (its text is then left as written).
    """

    __slots__ = ("_diagnostics", "_presenter", "_presenter_for")

    def __init__(
        self,
        presenter: Presenter,
        *,
        presenter_for: Callable[[str], Presenter | None],
        diagnostics: list[Diagnostic],
    ) -> None:
        self._presenter = presenter
        self._presenter_for = presenter_for
        self._diagnostics = diagnostics

    def render(self, nodes: RichText) -> Markup:
        """``nodes`` as safe HTML (phrasing content only)."""
        out = _Output()
        self._nodes(nodes, out, self._presenter, 0, False)
        return out.finish()

    def _nodes(
        self,
        nodes: RichText,
        out: _Output,
        presenter: Presenter | None,
        depth: int,
        in_link: bool,
    ) -> None:
        parts = out.parts
        for node in nodes:
            match node:
                case Text(text=text):
                    out.run(text, presenter)
                case Emphasis(content=content):
                    parts.append("<em>")
                    self._nodes(content, out, presenter, depth, in_link)
                    parts.append("</em>")
                case Strong(content=content):
                    parts.append("<strong>")
                    self._nodes(content, out, presenter, depth, in_link)
                    parts.append("</strong>")
                case Link(content=content, url=url):
                    href = safe_url(url)
                    if href is None or in_link:
                        why = "inside another link" if href else "not an http, https or mailto URL"
                        self._diagnostics.append(
                            Diagnostic(f"link to {url!r} left as text: {why}", source="html")
                        )
                        self._nodes(content, out, presenter, depth, in_link)
                    else:
                        parts.append(f'<a href="{escape_text(href)}">')
                        self._nodes(content, out, presenter, depth, True)
                        parts.append("</a>")
                case Foreign(content=content, lang=lang):
                    parts.append(f'<span lang="{escape_text(lang)}">')
                    self._nodes(content, out, self._presenter_for(lang), depth, in_link)
                    parts.append("</span>")
                case SpeakerRef(content=content, speaker=speaker):
                    parts.append(
                        f'<span class="speaker-ref" data-speaker="{escape_text(speaker)}">'
                    )
                    self._nodes(content, out, presenter, depth, in_link)
                    parts.append("</span>")
                case TopicRef(content=content, topic=topic):
                    parts.append(f'<span class="topic-ref" data-topic="{escape_text(topic)}">')
                    self._nodes(content, out, presenter, depth, in_link)
                    parts.append("</span>")
                case Quotation(content=content, speaker=speaker):
                    # HTML wants no marks inside <q>: the stylesheet's ``quotes`` draws them.
                    opening, closing = self._marks(presenter, depth)
                    parts.append(f'<q class="speech" data-speaker="{escape_text(speaker)}">')
                    out.mark(opening, shown=False)
                    self._nodes(content, out, presenter, depth + 1, in_link)
                    out.mark(closing, shown=False)
                    parts.append("</q>")
                case QuotedTerm(content=content):
                    opening, closing = self._marks(presenter, depth)
                    parts.append('<span class="quoted-term">')
                    out.mark(opening, shown=True)
                    self._nodes(content, out, presenter, depth + 1, in_link)
                    out.mark(closing, shown=True)
                    parts.append("</span>")
                case _:
                    assert_never(node)

    def _marks(self, presenter: Presenter | None, depth: int) -> tuple[str, str]:
        return (presenter or self._presenter).quote_marks(depth)
