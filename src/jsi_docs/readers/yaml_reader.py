"""A hardened YAML reader: no aliases, no tags, no YAML 1.1 guesses, bounded size, with lines.

Every plain scalar that YAML 1.1 would read as something other than text (``no``, ``1.10``,
``2023-05-25``, ``12:30``) is handed on as an :class:`~jsi_docs.serialization.scalars.Ambiguous`
string: the converter accepts it where the field's type agrees and refuses it elsewhere.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from jsi_docs.errors import LimitExceededError, Problem
from jsi_docs.readers.limits import Limits
from jsi_docs.readers.positions import ScalarSpan
from jsi_docs.readers.source import SourceData, format_path
from jsi_docs.readers.yaml_errors import explain
from jsi_docs.serialization.scalars import Ambiguous

__all__ = ["read_yaml"]

_FAST_LOADER: type[yaml.CSafeLoader] | None = getattr(yaml, "CSafeLoader", None)
"""libyaml's parser, where PyYAML was built with it: the same nodes and marks, 25 times faster."""
_STR = "tag:yaml.org,2002:str"
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_TRUE_FALSE = {"true": True, "false": False}
_DECIMAL = re.compile(r"^-?(?:0|[1-9][0-9]*)$")
_READINGS = {
    "tag:yaml.org,2002:bool": "boolean",
    "tag:yaml.org,2002:int": "number",
    "tag:yaml.org,2002:float": "number",
    "tag:yaml.org,2002:timestamp": "date",
    "tag:yaml.org,2002:null": "null",
}
_ALLOWED_TAGS = {_STR, "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq", *_READINGS}


class _YamlProblem(Exception):
    def __init__(self, problem: Problem, *, limit: bool = False) -> None:
        self.problem = problem
        self.limit = limit


def _scalar(node: yaml.ScalarNode) -> Any:
    value: str = node.value
    if node.style or node.tag == _STR:  # quoted or block scalars are text (plain: None or "")
        return value
    if _NULL.fullmatch(value):
        return None
    if value in _TRUE_FALSE:
        return _TRUE_FALSE[value]
    if node.tag == "tag:yaml.org,2002:int" and _DECIMAL.fullmatch(value):
        try:
            return int(value)
        except ValueError:  # more digits than Python converts (sys.get_int_max_str_digits)
            return Ambiguous(value, "number")
    reading = _READINGS.get(node.tag)
    return Ambiguous(value, reading) if reading else value


class _Builder:
    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.lines: dict[str, int] = {}
        self.spans: dict[str, ScalarSpan] = {}
        self.count = 0

    def build(self, node: yaml.Node, path: tuple[str | int, ...], depth: int) -> Any:
        where = format_path(path)
        self.lines.setdefault(where, node.start_mark.line + 1)
        self.count += 1
        if self.count > self.limits.max_nodes:
            raise _limit(where, node, f"more than {self.limits.max_nodes} values in the document")
        if depth > self.limits.max_depth:
            raise _limit(where, node, f"nested more than {self.limits.max_depth} levels deep")
        if node.tag not in _ALLOWED_TAGS:
            raise _YamlProblem(Problem(where, f"YAML tag {node.tag!r} is not allowed", _line(node)))
        if isinstance(node, yaml.ScalarNode):
            if len(node.value) > self.limits.max_text:
                raise _limit(where, node, f"text longer than {self.limits.max_text} characters")
            self.spans[where] = ScalarSpan(
                node.start_mark.index, node.end_mark.index, node.style or None
            )
            return _scalar(node)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(child, (*path, i), depth + 1) for i, child in enumerate(node.value)]
        if isinstance(node, yaml.MappingNode):
            out: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if (
                    not isinstance(key_node, yaml.ScalarNode)
                    or key_node.tag == "tag:yaml.org,2002:merge"
                ):
                    raise _YamlProblem(
                        Problem(
                            where,
                            "keys must be plain text (no merge keys)",
                            _line(key_node),
                        )
                    )
                key = key_node.value
                if key in out:
                    raise _YamlProblem(
                        Problem(format_path((*path, key)), "duplicate key", _line(key_node))
                    )
                self.lines[format_path((*path, key))] = key_node.start_mark.line + 1
                out[key] = self.build(value_node, (*path, key), depth + 1)
            return out
        raise AssertionError(node)


def _line(node: yaml.Node | yaml.Event) -> int | None:
    mark = node.start_mark
    return None if mark is None else mark.line + 1


def _limit(where: str, node: yaml.Node | yaml.Event, message: str) -> _YamlProblem:
    return _YamlProblem(Problem(where, message, _line(node)), limit=True)


def _scan(text: str, limits: Limits, loader: type[yaml.SafeLoader | yaml.CSafeLoader]) -> None:
    """Refuse aliases, deep nesting and too many values before anything is built (all can
    exhaust memory or time)."""
    depth = 0
    values = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _YamlProblem(
                Problem("$", "anchors and aliases (&, *) are not allowed", _line(event))
            )
        if isinstance(event, yaml.ScalarEvent | yaml.CollectionStartEvent):
            values += 1
            if values > limits.max_nodes:
                raise _limit("$", event, f"more than {limits.max_nodes} values in the document")
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > limits.max_depth:
                raise _limit("$", event, f"nested more than {limits.max_depth} levels deep")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _documents(text: str, limits: Limits) -> list[yaml.Node]:
    """The documents' nodes, checked by :func:`_scan` first. Text that is not valid YAML is
    read again by the pure-Python parser, whose messages and marks are the ones explained."""
    if _FAST_LOADER is not None and not text.startswith("\ufeff"):  # it counts no BOM in marks
        try:
            _scan(text, limits, _FAST_LOADER)
            return list(yaml.compose_all(text, Loader=_FAST_LOADER))
        except yaml.YAMLError:
            pass
    _scan(text, limits, yaml.SafeLoader)
    return list(yaml.compose_all(text, Loader=yaml.SafeLoader))


def read_yaml(text: str, limits: Limits) -> SourceData:
    """Parse ``text`` into plain data and a table of the line where each path starts."""
    try:
        documents = _documents(text, limits)
        if len(documents) != 1:
            raise _YamlProblem(Problem("$", f"expected one YAML document, found {len(documents)}"))
        builder = _Builder(limits)
        data = builder.build(documents[0], (), 0)
    except _YamlProblem as exc:
        if exc.limit:
            raise LimitExceededError([exc.problem]) from None
        return SourceData(None, {}, (exc.problem,))
    except yaml.MarkedYAMLError as exc:
        return SourceData(None, {}, (explain(exc, text),))
    except yaml.YAMLError as exc:
        return SourceData(None, {}, (Problem("$", f"not valid YAML: {exc}"),))
    except RecursionError:
        raise LimitExceededError(
            [Problem("$", f"nested more than {limits.max_depth} levels deep")]
        ) from None
    return SourceData(data, builder.lines, (), builder.spans)
