"""Exceptions raised by jsi_docs.

Every exception derives from :class:`JsiDocsError`; each subclass also inherits the builtin it
refines, so ``except ValueError`` keeps working for callers who do not know this library.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterable, Sequence

import attrs

__all__ = [
    "DiagnosticsError",
    "ExportError",
    "InputError",
    "JsiDocsError",
    "LimitExceededError",
    "OutputConflictError",
    "Problem",
    "UnknownFormatError",
    "did_you_mean",
    "one_line",
    "path_step",
    "split_path",
]

# What must not reach a terminal or a log line as itself: C0 and C1 controls and DEL (line
# breaks, ESC, BEL), the Unicode line and paragraph separators, and the bidi controls that
# reorder what a terminal shows.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")
_SHORT_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escaped(match: re.Match[str]) -> str:
    char = match.group()
    return _SHORT_ESCAPES.get(char) or f"\\u{ord(char):04x}"


def one_line(text: str) -> str:
    """``text`` with line breaks, control characters and bidi controls written as escapes
    (``\\n``, ``\\u001b``): what one problem or diagnostic prints stays one line and cannot
    drive a terminal."""
    return _UNPRINTABLE.sub(_escaped, text)


def did_you_mean(wrong: str, names: Iterable[str], cutoff: float = 0.75) -> str:
    """``"; did you mean 'tan'?"`` when one of ``names`` is close to ``wrong`` (the same in
    another case, or a letter or two apart), else ``""``."""
    by_fold: dict[str, str] = {}
    for name in sorted(names):
        by_fold.setdefault(name.casefold(), name)
    folded = wrong.casefold()
    close = [folded] if folded in by_fold else []
    close = close or difflib.get_close_matches(folded, list(by_fold), n=1, cutoff=cutoff)
    return f"; did you mean {by_fold[close[0]]!r}?" if close else ""


_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z")
_DECODE = json.JSONDecoder().raw_decode


def path_step(key: str | int) -> str:
    """One step of a path: ``[3]`` for an index, ``.name`` for a plain key, and any other key
    quoted as a JSON string, ``["x[y]\\n"]``, so that a key can neither forge another path nor
    put a control character or a line break into a message."""
    if isinstance(key, int):
        return f"[{key}]"
    if _PLAIN_KEY.match(key):
        return f".{key}"
    return f"[{json.dumps(key)}]"


def split_path(path: str) -> list[str | int]:
    """The keys and indices of a path made of :func:`path_step` pieces after ``$``;
    ``ValueError`` if it was not made so."""
    parts: list[str | int] = []
    i = 1 if path.startswith("$") else 0
    while i < len(path):
        if path[i] == ".":
            end = min((k for k in (path.find(".", i + 1), path.find("[", i + 1)) if k > 0),
                      default=len(path))  # fmt: skip
            parts.append(path[i + 1 : end])
            i = end
        elif path.startswith('["', i):
            key, end = _DECODE(path, i + 1)
            if not path.startswith("]", end):
                raise ValueError(f"not a path: {path!r}")
            parts.append(key)
            i = end + 1
        elif path[i] == "[" and (end := path.find("]", i)) > i + 1 and path[i + 1 : end].isdigit():
            parts.append(int(path[i + 1 : end]))
            i = end + 1
        else:
            raise ValueError(f"not a path: {path!r}")
    return parts


class JsiDocsError(Exception):
    """Base class of every error raised by jsi_docs."""


@attrs.frozen
class Problem:
    """One thing wrong with an input: where it is and what is wrong.

    ``path`` is a JSONPath-like location (``$.speakers[1].member``); ``line`` and ``column`` are
    1-based, in the source file, when the reader knows them.
    """

    path: str = attrs.field(converter=one_line)
    message: str = attrs.field(converter=one_line)
    """Control characters and line breaks in the path and message are escaped (:func:`one_line`)."""
    line: int | None = None
    column: int | None = None
    offset: int | None = attrs.field(default=None, kw_only=True)
    """Where the mistake is inside the text value at ``path`` (0-based), when known: readers
    turn it into ``line`` and ``column``."""

    def format(self, source: str | None = None) -> str:
        """``source:line:column: path: message``, leaving out what is unknown."""
        where = one_line(source or "")
        position = "" if self.line is None else str(self.line)
        if position and self.column is not None:
            position += f":{self.column}"
        if position and where:
            where = f"{where}:{position}"
        elif position:
            where = f"line {position}"
        head = f"{where}: " if where else ""
        return f"{head}{self.path}: {self.message}"


class InputError(JsiDocsError, ValueError):
    """An item that cannot be read or is not valid; carries every problem found."""

    def __init__(self, problems: Iterable[Problem], source: str | None = None) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.source = source
        super().__init__("\n".join(p.format(source) for p in self.problems))

    def with_source(self, source: str) -> InputError:
        """The same problems, attributed to ``source`` (a file name)."""
        return type(self)(self.problems, source)


class LimitExceededError(InputError):
    """An input larger or deeper than the documented limits."""


class UnknownFormatError(JsiDocsError, LookupError, ValueError):
    """An export format (or input format) nobody registered. Also a ``ValueError``, as a
    format name is an argument's value."""

    def __init__(self, name: str, known: Sequence[str]) -> None:
        self.name = name
        self.known = tuple(known)
        super().__init__(f"unknown format {name!r} (known: {', '.join(self.known)})")


class ExportError(JsiDocsError, RuntimeError):
    """An exporter could not produce its output."""


class DiagnosticsError(ExportError):
    """Raised under ``strict=True`` when an export produced diagnostics."""

    def __init__(self, messages: Sequence[str]) -> None:
        self.messages = tuple(messages)
        super().__init__("; ".join(self.messages))


class OutputConflictError(ExportError):
    """Two outputs of one batch would have one name, or an output would replace an input;
    raised before anything is written."""
