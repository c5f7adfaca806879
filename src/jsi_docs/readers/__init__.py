"""Reading items from files and text: YAML, JSON, and the source embedded in our PDFs and DOCX.

Every reader ends in the same checks: the strict converter, then :mod:`jsi_docs.validation`.
Problems are gathered, given the line they start on when the format has lines, and raised
together as one :class:`~jsi_docs.errors.InputError`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TypeAlias

import attrs

from jsi_docs.diagnostics import Diagnostic
from jsi_docs.errors import InputError, LimitExceededError, Problem, UnknownFormatError, split_path
from jsi_docs.model import Block, NewsItem, Table
from jsi_docs.readers.json_reader import read_json
from jsi_docs.readers.limits import DEFAULT_LIMITS, Limits
from jsi_docs.readers.positions import position_in_file
from jsi_docs.readers.rich_limits import rich_text_limit
from jsi_docs.readers.source import SourceData, format_path
from jsi_docs.readers.yaml_reader import read_yaml
from jsi_docs.serialization import LEFT_OUT, MAX_PROBLEMS, TextFormat, structure_item
from jsi_docs.serialization.partial import reference_problems
from jsi_docs.validation import mark_valid, validate

__all__ = ["DEFAULT_LIMITS", "SUFFIXES", "Limits", "load", "loads", "locate", "locate_diagnostics"]

InputFormat: TypeAlias = TextFormat
"""``"yaml"`` or ``"json"`` (in any case at run time)."""
SUFFIXES: dict[str, str] = {
    ".yaml": "yaml",
    ".yml": "yaml",
    ".json": "json",
    ".pdf": "pdf",
    ".docx": "docx",
}

# Characters XML 1.0 cannot hold (DOCX and the PDF's XMP are XML): C0 controls but tab, LF,
# CR; U+FFFE, U+FFFF; lone surrogates.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _strings(
    value: Any, path: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, child in value.items():
            yield from _strings(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _strings(child, (*path, index))


def _check_text(data: Any, limits: Limits) -> list[Problem]:
    problems: list[Problem] = []
    total = 0
    for path, text in _strings(data):
        total += len(text)
        if total > limits.max_total_text:
            raise LimitExceededError(
                [Problem("$", f"more than {limits.max_total_text} characters of text in the item")]
            )
        if len(text) > limits.max_text:
            raise LimitExceededError(
                [
                    Problem(
                        format_path(path),
                        f"text longer than {limits.max_text} characters ({len(text)})",
                    )
                ]
            )
        if match := _NOT_XML.search(text):
            char = match.group()
            problems.append(
                Problem(
                    format_path(path),
                    f"character U+{ord(char):04X} at position {match.start()} cannot be stored in "
                    "XML (control characters, U+FFFE/U+FFFF and lone surrogates are refused)",
                )
            )
    return problems


def _weight(block: Block) -> int:
    # A table cell costs a PDF about as much as a paragraph (more than 2 ms each): each counts.
    if isinstance(block, Table):
        return 1 + len(block.header) + sum(len(row) for row in block.rows)
    return 1


def _count_blocks(item: NewsItem, limits: Limits) -> None:
    # a note is typeset as a footnote block, and costs a PDF a little more than a paragraph
    count = sum(_weight(block) for _, _, block in item.blocks()) + len(item.notes)
    if count > limits.max_blocks:
        raise LimitExceededError(
            [Problem("$.sections", f"more than {limits.max_blocks} blocks ({count})")]
        )


def _parse(text: str, fmt: str, limits: Limits) -> SourceData:
    if fmt.lower() in ("yaml", "yml"):
        return read_yaml(text, limits)
    if fmt.lower() == "json":
        return read_json(text, limits)
    raise UnknownFormatError(fmt, ("yaml", "json"))


def _read(raw: str | bytes, fmt: str, source: str | None, limits: Limits) -> NewsItem:
    if len(raw) > limits.max_bytes:
        raise LimitExceededError(
            [Problem("$", f"input larger than {limits.max_bytes} bytes")], source
        )
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError([Problem("$", f"not UTF-8 text (byte {exc.start})")], source) from None
    try:
        parsed = _parse(raw, fmt, limits)
        problems = list(parsed.problems)
        item = None
        if parsed.data is not None:
            problems += _check_text(parsed.data, limits)
            if not problems:
                item, found = structure_item(parsed.data)
                problems += found
                if item is None and 0 < len(found) <= MAX_PROBLEMS:  # references checked still
                    problems += reference_problems(parsed.data, found, structure_item, validate)
        if item is not None:
            _count_blocks(item, limits)
            if (limit := rich_text_limit(item, limits)) is not None:
                raise LimitExceededError([_with_line(limit, parsed, raw)])
            problems += validate(item)
    except InputError as exc:
        raise exc.with_source(source) if source else exc from None
    if problems:
        located = [_with_line(p, parsed, raw) for p in problems[:MAX_PROBLEMS]]
        located.sort(key=lambda p: (p.line is None, p.line or 0))  # in file order
        if len(problems) > MAX_PROBLEMS:
            located.append(LEFT_OUT)
        raise InputError(located, source)
    assert item is not None
    mark_valid(item)
    return item


_QUOTED = re.compile(r"'([^'\n]+)'")


def _value_at(data: Any, path: str) -> Any:
    try:
        for part in split_path(path):
            data = data[part]
    except (KeyError, IndexError, TypeError, ValueError):
        return None
    return data


def _with_line(problem: Problem, parsed: SourceData, text: str) -> Problem:
    """``problem`` with the line (and column) where it is, when the reader knows lines.

    A mistake at a known place inside a text value (rich-text syntax) gets the line and column
    of that character in the file. A path inside a value read whole (a reference inside rich
    text, say) gets the line and column of the first quoted word of the message at or after
    the value's line.
    """
    if problem.line is not None:
        return problem
    span = parsed.spans.get(problem.path)
    value = _value_at(parsed.data, problem.path) if span is not None else None
    if problem.offset is not None:
        if span is not None and isinstance(value, str):
            return Problem(
                problem.path, problem.message, *position_in_file(text, span, value, problem.offset)
            )
        at = f" (character {problem.offset + 1} of the text)"
        problem = Problem(problem.path, problem.message + at)
    if not parsed.lines:
        return problem
    line = parsed.line_of(problem.path)
    column = None
    quoted = _QUOTED.search(problem.message)
    if line is not None and quoted and problem.path not in parsed.lines:
        source_lines = text.splitlines()
        for index in range(line - 1, min(len(source_lines), line + 60)):
            found = source_lines[index].find(quoted.group(1))
            if found >= 0:
                line, column = index + 1, (found + 1)
                break
    return Problem(problem.path, problem.message, line, column)


def loads(
    text: str | bytes,
    format: InputFormat = "yaml",
    *,
    source: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> NewsItem:
    """The item in ``text`` (``format``: ``"yaml"`` or ``"json"``, in any case), checked;
    :class:`InputError` lists every problem.

    ``source`` names the text in error messages (a file name, say).
    """
    return _read(text, format, source, limits)


def load(path: str | Path, *, limits: Limits = DEFAULT_LIMITS) -> NewsItem:
    """The item in the file at ``path``: ``.yaml``/``.yml``, ``.json``, or a PDF or DOCX made by
    jsi_docs (which carry their source)."""
    path = Path(path)
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise InputError(
            [Problem("$", f"unknown file type {path.suffix!r} (known: {', '.join(SUFFIXES)})")],
            str(path),
        )
    limit = limits.max_bytes if kind in ("yaml", "json") else limits.max_document_bytes
    try:
        with path.open("rb") as file:
            data = file.read(limit + 1)  # not stat(): a link to /dev/zero has size 0
    except OSError as exc:
        raise InputError(
            [Problem("$", f"cannot read the file: {exc.strerror or exc}")], str(path)
        ) from None
    if len(data) > limit:
        raise LimitExceededError([Problem("$", f"file larger than {limit} bytes")], str(path))
    try:
        if kind == "pdf":
            from jsi_docs.readers.pdf_source import extract_source

            source = extract_source(data)
        elif kind == "docx":
            from jsi_docs.readers.docx_source import extract_source as extract_docx_source

            # the XML around the JSON escapes '&' and '<': five times the JSON at most
            source = extract_docx_source(data, 5 * limits.max_bytes + 65_536)
        else:
            return _read(data, kind, str(path), limits)
    except InputError as exc:
        raise exc.with_source(str(path)) from None
    return _read(source, "json", str(path), limits)


def locate(
    problems: Iterable[Problem], text: str | bytes, format: InputFormat = "yaml"
) -> list[Problem]:
    """``problems`` found in the item read from ``text`` (warnings, say), each given the line
    and column of its path in ``text`` when the reader knows them."""
    problems = list(problems)
    if not problems:
        return []
    if isinstance(text, bytes):
        text = text.decode("utf-8-sig", errors="replace")
    parsed = _parse(text, format, DEFAULT_LIMITS)
    return [_with_line(p, parsed, text) for p in problems]


def locate_diagnostics(
    diagnostics: Iterable[Diagnostic], text: str | bytes, format: InputFormat = "yaml"
) -> list[Diagnostic]:
    """``diagnostics`` of the item read from ``text``, those about a place of it (a ``path``)
    given its line and column in ``text`` when the reader knows them."""
    diagnostics = list(diagnostics)
    placed = [d for d in diagnostics if d.path is not None and d.line is None]
    found = locate((Problem(d.path or "$", d.message) for d in placed), text, format)
    lines = {id(d): p for d, p in zip(placed, found, strict=True)}
    return [
        attrs.evolve(d, line=lines[id(d)].line, column=lines[id(d)].column) if id(d) in lines else d
        for d in diagnostics
    ]
