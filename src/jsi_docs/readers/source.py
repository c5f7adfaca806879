"""What a reader hands on: plain data, where each path starts, and the problems found."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from jsi_docs.errors import Problem, path_step
from jsi_docs.readers.positions import ScalarSpan

__all__ = ["SourceData", "format_path"]


def format_path(parts: Sequence[str | int]) -> str:
    """``("speakers", 1, "member")`` -> ``$.speakers[1].member``."""
    return "$" + "".join(path_step(p) for p in parts)


@attrs.frozen
class SourceData:
    """Plain data read from a file (None when it could not be read) and its line table."""

    data: Any
    lines: Mapping[str, int]
    problems: tuple[Problem, ...]
    spans: Mapping[str, ScalarSpan] = attrs.field(factory=dict)
    """Where each text value's source is in the file (YAML), by path."""

    def line_of(self, path: str) -> int | None:
        """The line of ``path``, or of the nearest enclosing path the reader saw."""
        while path:
            if path in self.lines:
                return self.lines[path]
            cut = max(path.rfind("."), path.rfind("["))
            if cut <= 0:
                break
            path = path[:cut]
        return self.lines.get("$")
