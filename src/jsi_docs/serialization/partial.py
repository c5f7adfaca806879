"""The references of an item that cannot be built, checked all the same.

A file with a mistake that stops the item from being built (a required key missing, a value
of the wrong kind) would otherwise hide its unknown speaker, topic and note references until
that mistake is fixed: a writer then fixes their file in two rounds. Here the parts in error
are set aside, each replaced by the smallest stand-in that can be built (a required top-level
key gets a neutral value, a block becomes an empty paragraph, a speaker keeps its id), the
item is built from the rest, and only its *reference* problems are kept: the stand-ins hold no
reference, so none of those can come from them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any, Final

from jsi_docs.errors import Problem, split_path

__all__ = ["reference_problems"]

_REFERENCE: Final = re.compile(r"^unknown (speaker|topic|note) ")

_TOP: Final[Mapping[str, object]] = {
    "id": "item",
    "language": "en",
    "headline": None,
    "published": None,
    "sections": [],
}
"""Stand-ins for the required top-level keys; any other top-level key is optional, left out."""

_ID: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


_SET_ASIDE: Final = "x-set-aside"
"""The id of a stand-in whose original id was itself in error (left out of messages)."""


def _kept_id(old: object) -> str:
    found = old.get("id") if isinstance(old, Mapping) else None
    return found if isinstance(found, str) and _ID.fullmatch(found) else _SET_ASIDE


def _without_stand_in_ids(problem: Problem) -> Problem:
    message = problem.message.replace(f", {_SET_ASIDE}", "").replace(f"{_SET_ASIDE}, ", "")
    message = message.replace(f" (known: {_SET_ASIDE})", "")
    return Problem(problem.path, message, problem.line, problem.column, offset=problem.offset)


_ELEMENTS: Final[Mapping[str, Callable[[object], object]]] = {
    "sections": lambda old: {"blocks": []},
    "blocks": lambda old: {"text": "\u2026"},
    "interventions": lambda old: {"label": "\u2026"},
    "speakers": lambda old: {"id": _kept_id(old), "name": {"family": "\u2026"}},
    "collective_speakers": lambda old: {"id": _kept_id(old), "label": "\u2026"},
    "topics": lambda old: {"id": _kept_id(old), "label": "\u2026"},
    "notes": lambda old: {"id": _kept_id(old), "text": "\u2026"},
}
"""Stand-ins for an element of these lists; an element of another list is set aside with the
nearest enclosing one of these (a list item with its block)."""


def _stand_in(data: dict[str, Any], path: str) -> bool:
    """Replace what holds the mistake at ``path`` by a stand-in; False if nothing changed."""
    try:
        parts = split_path(path)
    except ValueError:
        return False
    if not parts or not isinstance(parts[0], str):
        return False
    for cut in range(len(parts) - 1, 0, -1):
        index, key = parts[cut], parts[cut - 1]
        if isinstance(index, int) and isinstance(key, str) and key in _ELEMENTS:
            holder: Any = data
            try:
                for part in parts[:cut]:
                    holder = holder[part]
                old = holder[index]
            except (KeyError, IndexError, TypeError):
                return False
            new = _ELEMENTS[key](old)
            if old == new:
                return False
            holder[index] = new
            return True
    top = parts[0]
    if top in _TOP:
        if top in data and data[top] == _TOP[top]:
            return False
        data[top] = _copied(_TOP[top])
        return True
    return data.pop(top, _MISSING) is not _MISSING


_MISSING: Final = object()


def _copied(value: Any) -> Any:
    """Plain data copied: its mappings and lists new, its scalars (immutable) shared."""
    if isinstance(value, dict):
        return {k: _copied(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copied(v) for v in value]
    return value


def reference_problems(
    data: object,
    problems: list[Problem],
    build: Callable[[Any], tuple[Any, list[Problem]]],
    check: Callable[[Any], list[Problem]],
) -> list[Problem]:
    """The unknown speaker, topic and note references of ``data``, whose ``problems`` stopped
    ``build`` (plain data -> item and problems) from making an item; ``check`` validates the
    item made from the rest."""
    if not isinstance(data, dict):
        return []
    rest = _copied(data)
    blocking = problems
    for _attempt in range(8):
        # unknown keys are set aside by ``build`` itself; the rest stopped it
        stopping = [p for p in blocking if not p.message.startswith("unknown key")]
        if not any([_stand_in(rest, p.path) for p in stopping]):
            return []
        item, blocking = build(rest)
        if item is not None:
            seen = {(p.path, p.message) for p in problems}
            return [
                _without_stand_in_ids(p)
                for p in check(item)
                if _REFERENCE.match(p.message) and (p.path, p.message) not in seen
            ]
    return []
