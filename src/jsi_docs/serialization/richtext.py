"""The text form of inline rich text, for files people write by hand.

It is Markdown's inline syntax, narrowed so that every value has exactly one reading::

    Dans ses remarques, [l'Ambassadeur George Mina](speaker:mina) a dit :
    [Nous cherchons un résultat équilibré.](quote:mina) Des articles [mis de côté](term),
    _emphasis_, **strong**, [a link](https://www.wto.org), [in English](lang:en),
    [les flux de données](topic:data-flows).

``[^ID]`` (not followed by ``(``) refers to the note ``ID``, as footnotes do in Markdown.
``[words](target)`` takes the targets ``speaker:ID``, ``topic:ID``, ``quote:SPEAKER``,
``said:SPEAKER`` (a statement: what the speaker said, in the item's words), ``lang:TAG``,
``term``, ``em``, ``strong``, ``insert`` (an editor's words inside a quotation, shown in square
brackets: ``[…](insert)``, ``[the Council](insert)``; ``insert:round`` for round ones),
``[…](cut)`` (the text stops here in the source), ``doc`` (a cited document), ``doc:SYMBOL``
(one with a symbol, which may hold spaces: ``doc:SCCR/48/1 Prov. 2``), either followed by a
space and a URL, or a URL. ``_…_`` or ``*…*`` is
emphasis and
``**…**`` strong; as in CommonMark, a mark followed by a space, an underscore inside a word,
and a mark never closed are text (``7*7``, ``Members*``). A backslash makes the next character
literal (``\\_``, ``\\*``, ``\\[``, ``\\]``, ``\\\\``); inside a target, ``\\)`` is a literal
parenthesis. Brackets are stricter than CommonMark: a ``[`` never closed, or ``[…]`` without
a target, is an error, since it is almost always a target forgotten or mistyped.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import assert_never

import attrs

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
from jsi_docs.model._checks import ID_PATTERN
from jsi_docs.model.inline import normalize

__all__ = ["RichTextSyntaxError", "format_rich_text", "parse_rich_text"]

_SPECIAL = "\\*_[]"
MAX_NESTING = 24
"""Marks and brackets open inside one another at most; a deeper mark is text, a deeper
bracket an error (the model nests far less; this bounds time and the stack)."""
_DELIMITERS = ("*", "_", "**")
_NOTE_REF = re.compile(r"\[\^(" + ID_PATTERN.strip("^$") + r")\](?!\()")


class RichTextSyntaxError(ValueError):
    """Text that does not follow the rich-text syntax; ``column`` is 1-based (the character of
    the text where the mistake is), ``message`` says what is wrong without it."""

    def __init__(self, message: str, column: int) -> None:
        self.message = message
        self.column = column
        super().__init__(f"{message} (column {column})")


@attrs.frozen
class _Mark:
    """An emphasis mark (``*``, ``_`` or ``**``) met while reading, not yet paired."""

    mark: str
    can_open: bool
    can_close: bool


def _insertion(content: RichText, marks: str) -> Inline:
    try:
        kind = InsertionMarks(marks)
    except ValueError:
        known = ", ".join(m.value for m in InsertionMarks)
        raise ValueError(f"the marks of an insertion are one of: {known}") from None
    return Insertion(content, marks=kind)


_CUT_WORDS = frozenset({"…", "..."})


def _truncation(content: RichText) -> Inline:
    if len(content) != 1 or not isinstance(content[0], Text) or content[0].text not in _CUT_WORDS:
        raise ValueError("write the place where the source stops as […](cut)")
    return Truncation()


_PREFIXED: dict[str, Callable[[RichText, str], Inline]] = {
    "speaker": lambda c, v: SpeakerRef(c, speaker=v),
    "topic": lambda c, v: TopicRef(c, topic=v),
    "quote": lambda c, v: Quotation(c, speaker=v),
    "said": lambda c, v: Statement(c, speaker=v),
    "lang": lambda c, v: Foreign(c, lang=v),
    "insert": _insertion,
}
_BARE: dict[str, Callable[[RichText], Inline]] = {
    "term": QuotedTerm,
    "em": Emphasis,
    "strong": Strong,
    "insert": Insertion,
    "cut": _truncation,
}


class _Parser:
    def __init__(self, source: str) -> None:
        self.s = source
        self.i = 0
        self.depth = 0  # brackets open around the current position

    def error(self, message: str, at: int | None = None) -> RichTextSyntaxError:
        return RichTextSyntaxError(message, (self.i if at is None else at) + 1)

    def run(self, closer: str | None, opened_at: int = 0) -> RichText:
        """Read up to ``closer`` (``"]"``, or None for the end of the text)."""
        s, tokens, buf = self.s, list[Inline | str | _Mark](), list[str]()

        def flush() -> None:
            if buf:
                tokens.append("".join(buf))
                buf.clear()

        while self.i < len(s):
            c = s[self.i]
            if c == "\\":
                if self.i + 1 == len(s):
                    raise self.error("a backslash must be followed by the character it escapes")
                buf.append(s[self.i + 1])
                self.i += 2
            elif closer == "]" and c == "]":
                self.i += 1
                flush()
                return _checked(_emphasis(tokens, self.depth), self, opened_at, closer)
            elif c in "*_":
                mark = "**" if s.startswith("**", self.i) else c
                flush()
                tokens.append(_Mark(mark, self.opens(mark, self.i), self.closes(mark, self.i)))
                self.i += len(mark)
            elif c == "[" and (note := _NOTE_REF.match(s, self.i)):
                flush()
                tokens.append(NoteRef(note.group(1)))
                self.i = note.end()
            elif c == "[":
                flush()
                start, self.i = self.i, self.i + 1
                if self.depth >= MAX_NESTING:
                    raise self.error(f"markup nested more than {MAX_NESTING} levels deep", start)
                self.depth += 1
                try:
                    content = self.run("]", start)
                finally:
                    self.depth -= 1
                tokens.append(self.target(content, start))
            elif c == "]":
                raise self.error("']' closes nothing; write \\] for a literal bracket")
            else:
                buf.append(c)
                self.i += 1
        if closer is not None:
            raise self.error(
                "'[' is never closed: add the ']' (and its '(target)') where the marked words "
                "end, or write \\[ for a bracket that is text",
                opened_at,
            )
        flush()
        return _checked(_emphasis(tokens, self.depth), self, opened_at, None)

    def opens(self, mark: str, at: int) -> bool:
        """Whether ``mark`` at ``at`` can open emphasis: words follow it, and an underscore
        does not sit inside a word (Markdown's rule for left-flanking delimiters, simplified)."""
        after = self.s[at + len(mark) : at + len(mark) + 1]
        before = self.s[at - 1 : at] if at else ""
        return bool(after) and not after.isspace() and not (mark == "_" and before.isalnum())

    def closes(self, mark: str, at: int) -> bool:
        """Whether ``mark`` at ``at`` can close emphasis: words precede it, and an underscore
        does not sit inside a word."""
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


_DOC = "doc"
_SPACE = re.compile(r"\s+")


_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


def _looks_like_url(word: str) -> bool:
    """Whether ``word`` starts with a URL scheme (``https:``, ``mailto:``, ``javascript:``),
    which no document symbol does; the URL checks then judge it."""
    return _SCHEME.match(word) is not None


def _document(content: RichText, target: str) -> Inline | None:
    """``doc``, ``doc:SYMBOL``, either followed by a space and a URL; None for another target.

    A symbol may hold spaces ("SCCR/48/1 Prov. 2"): the last word is the URL only when it
    starts with a URL scheme (``https:``, ``mailto:``)."""
    if target != _DOC and not target.startswith((_DOC + ":", _DOC + " ", _DOC + "\n")):
        return None
    words = _SPACE.split(target.strip())
    url = words.pop() if len(words) > 1 and _looks_like_url(words[-1]) else None
    if words[0] == _DOC:
        if len(words) > 1:  # "doc not-a-url": the URL check says what is wrong
            url = " ".join(words[1:]) + (f" {url}" if url else "")
        return DocumentRef(content, url=url)
    symbol = " ".join(words)[len(_DOC) + 1 :]
    if symbol == "":
        raise ValueError("'doc:' must be followed by a document symbol")
    return DocumentRef(content, symbol=symbol, url=url)


def _make(content: RichText, target: str) -> Inline:
    if (document := _document(content, target)) is not None:
        return document
    if target in _BARE:
        return _BARE[target](content)
    prefix, colon, value = target.partition(":")
    if colon and prefix in _PREFIXED:
        return _PREFIXED[prefix](content, value)
    return Link(content, url=target)


def _pairs(tokens: list[Inline | str | _Mark]) -> dict[int, int]:
    """Opening mark index -> closing mark index, as CommonMark pairs delimiters: a mark that
    can close takes the nearest open mark of its kind, and the marks between them become
    text. Linear: ``floor`` remembers, per kind, below which no opener of it is left."""
    pairs: dict[int, int] = {}
    openers: list[int] = []
    floor = dict.fromkeys(_DELIMITERS, 0)
    for k, token in enumerate(tokens):
        if not isinstance(token, _Mark):
            continue
        if token.can_close:
            j = len(openers) - 1
            while j >= floor[token.mark] and tokens[openers[j]].mark != token.mark:  # type: ignore[union-attr]
                j -= 1
            if j >= floor[token.mark] and openers[j] != k - 1:  # "****" stays text
                pairs[openers[j]] = k
                del openers[j:]
                for mark in floor:
                    floor[mark] = min(floor[mark], len(openers))
                continue
            floor[token.mark] = len(openers)
        if token.can_open:
            openers.append(k)
    return pairs


def _emphasis(tokens: list[Inline | str | _Mark], depth: int) -> list[Inline | str]:
    """The tokens with paired marks made into emphasis and the others into text; emphasis
    deeper than :data:`MAX_NESTING` (brackets around included) stays text."""
    pairs = _pairs(tokens)
    closing = {c: o for o, c in pairs.items()}
    open_: list[tuple[str, list[Inline | str]]] = [("", [])]
    as_text: set[int] = set()
    for k, token in enumerate(tokens):
        if not isinstance(token, _Mark):
            open_[-1][1].append(token)
        elif k in pairs and depth + len(open_) <= MAX_NESTING:
            open_.append((token.mark, []))
        elif k in closing and closing[k] not in as_text:
            mark, content = open_.pop()
            open_[-1][1].append(Strong(content) if mark == "**" else Emphasis(content))
        else:
            as_text.add(k)
            open_[-1][1].append(token.mark)
    return open_[0][1]


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
            if (
                target in _BARE
                or target.partition(":")[0] in _PREFIXED
                or _SPACE.split(target, maxsplit=1)[0].partition(":")[0] == _DOC
                or target != target.strip()
            ):
                raise ValueError(f"the URL {url!r} cannot be written in the text form")
        case Foreign(content=content, lang=lang):
            target = f"lang:{lang}"
        case SpeakerRef(content=content, speaker=speaker):
            target = f"speaker:{speaker}"
        case TopicRef(content=content, topic=topic):
            target = f"topic:{topic}"
        case Quotation(content=content, speaker=speaker):
            target = f"quote:{speaker}"
        case Statement(content=content, speaker=speaker):
            target = f"said:{speaker}"
        case QuotedTerm(content=content):
            target = "term"
        case NoteRef(note=note):
            return f"[^{note}]"
        case Insertion(content=content, marks=marks):
            target = "insert" if marks is InsertionMarks.SQUARE else f"insert:{marks}"
        case Truncation():
            return "[…](cut)"
        case DocumentRef(content=content, symbol=symbol, url=url):
            if url is not None and (
                not url
                or _SPACE.search(url)
                or (symbol and " " in symbol and not _looks_like_url(url))
            ):
                raise ValueError(f"the URL {url!r} cannot be written in the text form")
            target = _DOC + (f":{symbol}" if symbol else "") + (f" {url}" if url else "")
        case _:
            assert_never(node)
    return f"[{format_rich_text(content)}]({_escape_target(target)})"
