"""Rich text to escaped HTML: one ``match`` over the closed :data:`~jsi_docs.model.Inline` union.

Every text run is typeset by the :class:`~jsi_docs.exporters.display.Presenter` of the language
it is written in (a :class:`~jsi_docs.model.Foreign` passage switches language), with its
neighbouring runs as context, and then escaped. Attribute values are escaped and written
between double quotes. Only http, https and mailto links become ``<a href>``; any other target
is dropped (its words kept) with a diagnostic.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import assert_never

from markupsafe import Markup

from jsi_docs.diagnostics import Diagnostic
from jsi_docs.exporters.display import Presenter, safe_url
from jsi_docs.model import (
    Emphasis,
    Foreign,
    Inline,
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


# A text event is (text, presenter, kind): a run to typeset with ``presenter`` (None: leave it
# as written), or quotation marks, shown or only used as context for the neighbouring runs.
_RUN, _SHOWN_MARK, _HIDDEN_MARK = 0, 1, 2
_TextEvent = tuple[str, Presenter | None, int]
_Event = str | _TextEvent  # str: markup, already escaped


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
        events: list[_Event] = []
        self._flatten(nodes, events, self._presenter, 0, False)
        context = [e[0] for e in events if not isinstance(e, str)]
        out: list[str] = []
        k = 0
        last = len(context) - 1
        for event in events:
            if isinstance(event, str):
                out.append(event)
                continue
            text, presenter, kind = event
            if kind == _RUN:
                if presenter is not None:
                    before = context[k - 1] if k > 0 else ""
                    after = context[k + 1] if k < last else ""
                    text = presenter.text(text, before=before, after=after)
                out.append(escape_text(text))
            elif kind == _SHOWN_MARK:
                out.append(escape_text(text))
            k += 1
        return Markup("".join(out))

    def _flatten(
        self,
        nodes: RichText,
        out: list[_Event],
        presenter: Presenter | None,
        depth: int,
        in_link: bool,
    ) -> None:
        for node in nodes:
            self._node(node, out, presenter, depth, in_link)

    def _node(
        self,
        node: Inline,
        out: list[_Event],
        presenter: Presenter | None,
        depth: int,
        in_link: bool,
    ) -> None:
        match node:
            case Text(text=text):
                out.append((text, presenter, _RUN))
            case Emphasis(content=content):
                out.append("<em>")
                self._flatten(content, out, presenter, depth, in_link)
                out.append("</em>")
            case Strong(content=content):
                out.append("<strong>")
                self._flatten(content, out, presenter, depth, in_link)
                out.append("</strong>")
            case Link(content=content, url=url):
                href = safe_url(url)
                if href is None or in_link:
                    why = (
                        "it is inside another link" if href else "not an http, https or mailto URL"
                    )
                    self._diagnostics.append(
                        Diagnostic(f"link to {url!r} left as text: {why}", source="html")
                    )
                    self._flatten(content, out, presenter, depth, in_link)
                else:
                    out.append(f'<a href="{escape_text(href)}">')
                    self._flatten(content, out, presenter, depth, True)
                    out.append("</a>")
            case Foreign(content=content, lang=lang):
                out.append(f'<span lang="{escape_text(lang)}">')
                self._flatten(content, out, self._presenter_for(lang), depth, in_link)
                out.append("</span>")
            case SpeakerRef(content=content, speaker=speaker):
                out.append(f'<span class="speaker-ref" data-speaker="{escape_text(speaker)}">')
                self._flatten(content, out, presenter, depth, in_link)
                out.append("</span>")
            case TopicRef(content=content, topic=topic):
                out.append(f'<span class="topic-ref" data-topic="{escape_text(topic)}">')
                self._flatten(content, out, presenter, depth, in_link)
                out.append("</span>")
            case Quotation(content=content, speaker=speaker):
                # HTML wants no marks inside <q>: the stylesheet's ``quotes`` draws them.
                opening, closing = self._marks(presenter, depth)
                out.append(f'<q class="speech" data-speaker="{escape_text(speaker)}">')
                out.append((opening, None, _HIDDEN_MARK))
                self._flatten(content, out, presenter, depth + 1, in_link)
                out.append((closing, None, _HIDDEN_MARK))
                out.append("</q>")
            case QuotedTerm(content=content):
                opening, closing = self._marks(presenter, depth)
                out.append('<span class="quoted-term">')
                out.append((opening, None, _SHOWN_MARK))
                self._flatten(content, out, presenter, depth + 1, in_link)
                out.append((closing, None, _SHOWN_MARK))
                out.append("</span>")
            case _:
                assert_never(node)

    def _marks(self, presenter: Presenter | None, depth: int) -> tuple[str, str]:
        return (presenter or self._presenter).quote_marks(depth)
