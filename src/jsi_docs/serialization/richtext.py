"""The text form of inline rich text, for files people write by hand.

It is Markdown's inline syntax, narrowed so that every value has exactly one reading::

    Dans ses remarques, [l'Ambassadeur George Mina](speaker:mina) a dit :
    [Nous cherchons un résultat équilibré.](quote:mina) Des articles [mis de côté](term),
    _emphasis_, **strong**, [a link](https://www.wto.org), [in English](lang:en),
    [les flux de données](topic:data-flows).

``[^ID]`` (not followed by ``(``) refers to the note ``ID``, as footnotes do in Markdown.
``[words](target)`` takes the targets ``speaker:ID``, ``topic:ID``, ``quote:SPEAKER``,
``lang:TAG``, ``term``, ``em``, ``strong``, or a URL. ``_…_`` or ``*…*`` is emphasis and
``**…**`` strong; a mark followed by a space, or an underscore inside a word, is text. A backslash makes the next character literal (``\\_``, ``\\*``, ``\\[``,
``\\]``, ``\\\\``); inside a target, ``\\)`` is a literal parenthesis.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import assert_never

from jsi_docs.model import (
    Emphasis,
    Foreign,
    Inline,
    Link,
    NoteRef,
    Quotation,
    QuotedTerm,
    RichText,
    SpeakerRef,
    Strong,
    Text,
    TopicRef,
    walk,
)
from jsi_docs.model._checks import ID_PATTERN
from jsi_docs.model.inline import normalize

__all__ = ["RichTextSyntaxError", "format_rich_text", "parse_rich_text"]

_SPECIAL = "\\*_[]"
_DELIMITERS = ("*", "_", "**")
_NOTE_REF = re.compile(r"\[\^(" + ID_PATTERN.strip("^$") + r")\](?!\()")


class RichTextSyntaxError(ValueError):
    """Text that does not follow the rich-text syntax; ``column`` is 1-based."""

    def __init__(self, message: str, column: int) -> None:
        self.column = column
        super().__init__(f"{message} (column {column})")


_PREFIXED: dict[str, Callable[[RichText, str], Inline]] = {
    "speaker": lambda c, v: SpeakerRef(c, speaker=v),
    "topic": lambda c, v: TopicRef(c, topic=v),
    "quote": lambda c, v: Quotation(c, speaker=v),
    "lang": lambda c, v: Foreign(c, lang=v),
}
_BARE: dict[str, Callable[[RichText], Inline]] = {
    "term": QuotedTerm,
    "em": Emphasis,
    "strong": Strong,
}


class _Parser:
    def __init__(self, source: str) -> None:
        self.s = source
        self.i = 0

    def error(self, message: str, at: int | None = None) -> RichTextSyntaxError:
        return RichTextSyntaxError(message, (self.i if at is None else at) + 1)

    def run(self, closer: str | None, opened_at: int = 0) -> RichText:
        s, nodes, buf = self.s, list[Inline | str](), list[str]()

        def flush() -> None:
            if buf:
                nodes.append("".join(buf))
                buf.clear()

        while self.i < len(s):
            c = s[self.i]
            if c == "\\":
                if self.i + 1 == len(s):
                    raise self.error("a backslash must be followed by the character it escapes")
                buf.append(s[self.i + 1])
                self.i += 2
            elif closer in _DELIMITERS and s.startswith(closer, self.i) and self.closes(closer):
                self.i += len(closer)
                flush()
                return _checked(nodes, self, opened_at, closer)
            elif closer == "]" and c == "]":
                self.i += 1
                flush()
                return _checked(nodes, self, opened_at, closer)
            elif c in "*_":
                mark = "**" if s.startswith("**", self.i) else c
                start, self.i = self.i, self.i + len(mark)
                if not self.opens(mark, start):  # "5 * 3", "snake_case": the marks are text
                    buf.append(mark)
                    continue
                flush()
                content = self.run(mark, start)
                nodes.append(Strong(content) if mark == "**" else Emphasis(content))
            elif c == "[" and (note := _NOTE_REF.match(s, self.i)):
                flush()
                nodes.append(NoteRef(note.group(1)))
                self.i = note.end()
            elif c == "[":
                flush()
                start, self.i = self.i, self.i + 1
                content = self.run("]", start)
                nodes.append(self.target(content, start))
            elif c == "]":
                raise self.error("']' closes nothing; write \\] for a literal bracket")
            else:
                buf.append(c)
                self.i += 1
        if closer is not None:
            shown = "[" if closer == "]" else closer
            raise self.error(
                f"'{shown}' is never closed; write \\{shown[0]} for a literal character", opened_at
            )
        flush()
        return _checked(nodes, self, opened_at, None)

    def opens(self, mark: str, at: int) -> bool:
        """Whether ``mark`` at ``at`` can open emphasis: words follow it, and an underscore
        does not sit inside a word (Markdown's rule for left-flanking delimiters, simplified)."""
        after = self.s[at + len(mark) : at + len(mark) + 1]
        before = self.s[at - 1 : at] if at else ""
        return bool(after) and not after.isspace() and not (mark == "_" and before.isalnum())

    def closes(self, mark: str) -> bool:
        """Whether ``mark`` here can close emphasis: words precede it, and an underscore does
        not sit inside a word."""
        at = self.i
        before = self.s[at - 1 : at]
        after = self.s[at + len(mark) : at + len(mark) + 1]
        return not before.isspace() and not (mark == "_" and after.isalnum())

    def target(self, content: RichText, start: int) -> Inline:
        s = self.s
        if not s.startswith("(", self.i):
            if s.startswith("[^", start):  # meant as a note mark, with an id that is none
                written = s[start : self.i]
                written = written if len(written) <= 72 else written[:70] + "…]"
                raise self.error(
                    f"'{written}' is not a note reference: a note id is 1–64 letters, "
                    "digits, '_', '.' or '-', starting with a letter or digit; "
                    "write \\[ for a bracket",
                    start,
                )
            raise self.error("'[…]' must be followed by '(target)'; write \\[ for a bracket", start)
        self.i += 1
        chars: list[str] = []
        while self.i < len(s) and s[self.i] != ")":
            if s[self.i] == "\\" and self.i + 1 < len(s):
                self.i += 1
            chars.append(s[self.i])
            self.i += 1
        if self.i == len(s):
            raise self.error("'(' of a target is never closed", start)
        self.i += 1
        target = "".join(chars).strip()
        if not target:
            raise self.error("empty target in '[…]()'", start)
        try:
            return _make(content, target)
        except ValueError as exc:
            raise self.error(f"bad target {target!r}: {exc}", start) from None


def _make(content: RichText, target: str) -> Inline:
    if target in _BARE:
        return _BARE[target](content)
    prefix, colon, value = target.partition(":")
    if colon and prefix in _PREFIXED:
        return _PREFIXED[prefix](content, value)
    return Link(content, url=target)


def _checked(
    nodes: list[Inline | str], parser: _Parser, opened_at: int, closer: str | None
) -> RichText:
    if closer is not None and not nodes:
        raise parser.error("empty markup", opened_at)
    return normalize(nodes)


def parse_rich_text(source: str) -> RichText:
    """Read the text form into rich text; :class:`RichTextSyntaxError` says where it is wrong."""
    return _Parser(source).run(None)


def _escape(text: str) -> str:
    return "".join("\\" + c if c in _SPECIAL else c for c in text)


def _escape_target(target: str) -> str:
    return target.replace("\\", "\\\\").replace(")", "\\)")


def _has_emphasis(nodes: RichText) -> bool:
    return any(isinstance(n, Emphasis | Strong) for n in walk(nodes))


def format_rich_text(nodes: RichText) -> str:
    """The text form of ``nodes``; :func:`parse_rich_text` reads it back to an equal value."""
    parts = [_format(node) for node in nodes]
    for k, node in enumerate(nodes):
        if k and isinstance(nodes[k - 1], NoteRef) and parts[k].startswith("("):
            parts[k] = "\\" + parts[k]  # else "[^a](b)" would read as a link
        if isinstance(node, Emphasis | Strong) and not _delimited(
            parts[k], parts[k - 1][-1:] if k else "", parts[k + 1][:1] if k + 1 < len(parts) else ""
        ):
            target = "em" if isinstance(node, Emphasis) else "strong"
            parts[k] = f"[{format_rich_text(node.content)}]({target})"
    return "".join(parts)


def _delimited(text: str, before: str, after: str) -> bool:
    """Whether ``_…_`` or ``**…**`` (``text``) reads back as written between these characters:
    words just inside both marks, and no underscore touching a word outside."""
    mark = "_" if text.startswith("_") else "**" if text.startswith("**") else ""
    if not mark:
        return True  # already written as [words](em)
    inner = text[len(mark) : -len(mark)]
    if not inner or inner[0].isspace() or inner[-1].isspace():
        return False
    return mark != "_" or not (before.isalnum() or after.isalnum())


def _format(node: Inline) -> str:
    match node:
        case Text(text=text):
            return _escape(text)
        case Emphasis(content=content):
            inner = format_rich_text(content)
            return f"[{inner}](em)" if _has_emphasis(content) else f"_{inner}_"
        case Strong(content=content):
            inner = format_rich_text(content)
            return f"[{inner}](strong)" if _has_emphasis(content) else f"**{inner}**"
        case Link(content=content, url=url):
            target = url
            if target in _BARE or target.partition(":")[0] in _PREFIXED or target != target.strip():
                raise ValueError(f"the URL {url!r} cannot be written in the text form")
        case Foreign(content=content, lang=lang):
            target = f"lang:{lang}"
        case SpeakerRef(content=content, speaker=speaker):
            target = f"speaker:{speaker}"
        case TopicRef(content=content, topic=topic):
            target = f"topic:{topic}"
        case Quotation(content=content, speaker=speaker):
            target = f"quote:{speaker}"
        case QuotedTerm(content=content):
            target = "term"
        case NoteRef(note=note):
            return f"[^{note}]"
        case _:
            assert_never(node)
    return f"[{format_rich_text(content)}]({_escape_target(target)})"
