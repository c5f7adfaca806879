"""Where a character of a YAML value sits in the file, for errors inside a value (rich text).

A value is not its source: YAML folds lines, drops indentation and reads escapes. The
character is found by counting the characters that are not white space, which folding never
changes, in the value and in its source; an escape (``\\"``, ``''``) counts as one.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

__all__ = ["ScalarSpan", "position_in_file"]


@attrs.frozen
class ScalarSpan:
    """A scalar's source: where it starts and ends in the file's text, and its YAML style."""

    start: int
    end: int
    style: str | None


def _content_start(text: str, span: ScalarSpan) -> int:
    if span.style in ("|", ">"):  # the header line ('>-', '|2') is not the value
        newline = text.find("\n", span.start, span.end)
        return span.end if newline < 0 else newline + 1
    if span.style in ('"', "'"):
        return span.start + 1
    return span.start


def _visible(text: str, start: int, end: int, style: str | None) -> Iterator[int]:
    """Indexes of the source characters that stand for one non-space character each."""
    i = start
    while i < end:
        c = text[i]
        if c.isspace():
            i += 1
            continue
        if style == '"' and c == "\\" and i + 1 < end:
            if text[i + 1] == "\n":  # a line continuation stands for nothing
                i += 2
                continue
            yield i
            i += 2
            continue
        if style == "'" and c == "'" and text.startswith("''", i):
            yield i
            i += 2
            continue
        yield i
        i += 1


def position_in_file(text: str, span: ScalarSpan, value: str, offset: int) -> tuple[int, int]:
    """The 1-based (line, column) in ``text`` of ``value[offset]``."""
    wanted = sum(1 for c in value[: max(0, offset)] if not c.isspace())
    at = _content_start(text, span)
    for count, index in enumerate(_visible(text, at, span.end, span.style)):
        at = index
        if count == wanted:
            break
    line = text.count("\n", 0, at) + 1
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    return line, column
