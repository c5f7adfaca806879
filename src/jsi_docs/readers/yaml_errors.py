"""PyYAML's syntax errors said in plain words, at the line and column of the mistake, with the fix.

PyYAML reports where its parser gave up, which is often lines after the mistake (a quote left
open swallows the lines after it) and in its own terms (``expected <block end>, but found
'<scalar>'``). :func:`explain` looks at the tokens read before the error to name the usual
mistakes of people writing items by hand; anything else keeps PyYAML's words.
"""

from __future__ import annotations

import functools
import re

import yaml

from jsi_docs.errors import Problem

__all__ = ["explain"]

_KEY_LINE = re.compile(r"^\s*(?:-\s+)?[A-Za-z_][\w-]*:(?:\s|$)")
_SPECIAL_START = re.compile(r"found character '(.)' that cannot start any token")
_QUOTE_THEN_TEXT = (
    "text after the closing quote: a value that starts with a quote must end with it. Put the "
    'whole text in double quotes ("l\'Ambassadeur ..."), or leave out the quotes'
)


def _tokens(text: str) -> list[yaml.Token]:
    """The tokens PyYAML reads before it stops."""
    found: list[yaml.Token] = []
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            found.append(token)
    except yaml.YAMLError:
        pass
    return found


def _at(mark: yaml.Mark | None, message: str) -> Problem:
    if mark is None:
        return Problem("$", message)
    return Problem("$", message, mark.line + 1, mark.column + 1)


def _runaway_quote(tokens: list[yaml.Token], text: str, before: int) -> Problem | None:
    """A quoted value that runs over lines that look like keys: its closing quote is missing,
    and the next quote in the file closed it instead."""
    for token in tokens:
        if not isinstance(token, yaml.ScalarToken) or token.style not in ('"', "'"):
            continue
        start, end = token.start_mark, token.end_mark
        if start.index >= before or start.line == end.line:
            continue
        swallowed = text[start.index : end.index].splitlines()[1:]
        if any(_KEY_LINE.match(line) for line in swallowed):
            quote = token.style
            return _at(
                start,
                f"the quote ({quote}) that opens this value is not closed on its line, so it runs "
                f"on to line {end.line + 1}: close it at the end of the value (or leave out the "
                "quotes: a text needs them only when it holds ': ' or starts with a sign such "
                "as [, * or &)",
            )
    return None


def _block_end(tokens: list[yaml.Token], problem_mark: yaml.Mark | None) -> Problem | None:
    """``expected <block end>``: what came just before the token found explains it."""
    if problem_mark is None:
        return None
    previous = [t for t in tokens if t.end_mark.index <= problem_mark.index]
    if not previous:
        return None
    last = previous[-1]
    same_line = last.end_mark.line == problem_mark.line
    if same_line and isinstance(last, yaml.FlowSequenceEndToken | yaml.FlowMappingEndToken):
        opener = (
            yaml.FlowSequenceStartToken
            if isinstance(last, yaml.FlowSequenceEndToken)
            else (yaml.FlowMappingStartToken)
        )
        start = next((t for t in reversed(previous) if isinstance(t, opener)), last).start_mark
        sign = "[" if opener is yaml.FlowSequenceStartToken else "{"
        return _at(
            start,
            f"a value that starts with '{sign}' is read by YAML as a list or mapping: put the "
            "whole text in quotes, or write it on the next lines after '>-'",
        )
    if same_line and isinstance(last, yaml.ScalarToken) and last.style in ('"', "'"):
        return _at(problem_mark, _QUOTE_THEN_TEXT)
    return _at(
        problem_mark,
        "this line is indented differently from the lines before it at the same level: "
        "align it with them (with spaces), or indent a continued text further than its key",
    )


_KEY_LINE = re.compile(r"\s*(?:-\s+)?([a-z_]+):(?:\s.*)?")


@functools.cache
def _field_names() -> frozenset[str]:
    """Every key an item file may hold (the model's field names), and ``type``."""
    import attrs

    from jsi_docs import model

    names = {"type", "schema_version"}
    for name in model.__all__:
        cls = getattr(model, name)
        if isinstance(cls, type) and attrs.has(cls):
            names.update(f.name for f in attrs.fields(cls))
    return frozenset(names)


def _misplaced_key(text: str, mark: yaml.Mark) -> str | None:
    """The key a line holds (``blocks`` in ``      blocks:``) when YAML stopped at its colon
    and it is one of the file format's keys: a key indented as if it continued a text, not
    ': ' inside a text (``headline: Talks: day one`` stops at its second colon)."""
    lines = text.splitlines()
    if not 0 <= mark.line < len(lines):
        return None
    line = lines[mark.line]
    found = _KEY_LINE.fullmatch(line)
    if found is None or line.find(":") != mark.column or found.group(1) not in _field_names():
        return None
    return found.group(1)


def explain(exc: yaml.MarkedYAMLError, text: str) -> Problem:
    """The problem behind ``exc`` (raised reading ``text``), in plain words, where it is."""
    problem = exc.problem or ""
    context = exc.context or ""
    where = exc.problem_mark
    tokens = _tokens(text)
    runaway = _runaway_quote(tokens, text, where.index if where is not None else len(text))
    if runaway is not None:
        return runaway
    if "'\\t'" in problem:
        return _at(
            where, "a tab character: YAML indents with spaces only; replace the tab by spaces"
        )
    if "quoted scalar" in context and "end of stream" in problem:
        return _at(
            exc.context_mark,
            "the quote that opens this value is never closed: add the closing quote at the end "
            "of the value",
        )
    if "unknown escape character" in problem:
        return _at(
            where,
            'in double quotes a backslash starts an escape (\\n, \\"): write \\\\ for a '
            "backslash, or put the text in single quotes",
        )
    if problem == "mapping values are not allowed here":
        key = _misplaced_key(text, where) if where is not None else None
        if key is not None:
            return _at(
                where,
                f"'{key}' is a key, but this line is indented as if it went on with the text "
                f"above: start '{key}:' in the same column as the key it belongs with",
            )
        return _at(
            where,
            "': ' inside a text that is not in quotes makes YAML read a key: put the whole text "
            "in quotes, or write it on the next lines after '>-'",
        )
    if "could not find expected ':'" in problem:
        return _at(
            exc.context_mark,
            "this line is not 'key: value' and does not continue the value above it: indent a "
            "continued text further than its key, or add the missing ':'",
        )
    special = _SPECIAL_START.search(problem)
    if special is None and ("an alias" in context or "an anchor" in context):
        special_sign: str | None = "*" if "alias" in context else "&"
        where = exc.context_mark
    else:
        special_sign = special.group(1) if special else None
    if special_sign is not None:
        return _at(
            where,
            f"a value cannot start with '{special_sign}' unless it is in quotes: put the whole "
            "text in quotes",
        )
    if context.startswith("while parsing a flow"):
        sign = "[" if "sequence" in context else "{"
        return _at(
            exc.context_mark,
            f"the '{sign}' here opens a list or mapping that is never closed: if the value is "
            "text that starts with it, put the whole text in quotes",
        )
    if "expected <block end>" in problem or "did not find expected" in problem:
        found = _block_end(tokens, where)
        if found is not None:
            return found
    return _at(where, f"not valid YAML: {' '.join(filter(None, [context, problem]))}")
