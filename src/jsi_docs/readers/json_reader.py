"""A strict JSON reader: duplicate keys and deep nesting are errors; NaN and Infinity too."""

from __future__ import annotations

import json
from typing import Any, NoReturn

from jsi_docs.errors import LimitExceededError, Problem
from jsi_docs.readers.limits import Limits
from jsi_docs.readers.source import SourceData

__all__ = ["read_json"]


class _Duplicate(ValueError):
    pass


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _Duplicate(f"duplicate key {key!r}")
        out[key] = value
    return out


def _no_constant(name: str) -> NoReturn:
    raise ValueError(f"{name} is not JSON")


def _depth(value: Any, limit: int, depth: int = 0) -> bool:
    if depth > limit:
        return False
    if isinstance(value, dict):
        return all(_depth(v, limit, depth + 1) for v in value.values())
    if isinstance(value, list):
        return all(_depth(v, limit, depth + 1) for v in value)
    return True


def read_json(text: str, limits: Limits) -> SourceData:
    """Parse ``text``; JSON carries no line table (problems name paths only)."""
    try:
        data = json.loads(text, object_pairs_hook=_pairs, parse_constant=_no_constant)
    except RecursionError:
        raise LimitExceededError(
            [Problem("$", f"nested more than {limits.max_depth} levels deep")]
        ) from None
    except json.JSONDecodeError as exc:
        return SourceData(
            None, {}, (Problem("$", f"not valid JSON: {exc.msg} (column {exc.colno})", exc.lineno),)
        )
    except ValueError as exc:
        return SourceData(None, {}, (Problem("$", f"not valid JSON: {exc}"),))
    if not _depth(data, limits.max_depth):
        raise LimitExceededError([Problem("$", f"nested more than {limits.max_depth} levels deep")])
    return SourceData(data, {}, ())
