"""Non-fatal problems found while exporting, kept apart from exceptions."""

from __future__ import annotations

import enum
import logging
from typing import Final

import attrs

from jsi_docs.errors import Problem, one_line

__all__ = ["ITEM", "VIEW", "Diagnostic", "Severity", "logger"]

logger = logging.getLogger("jsi_docs")
logger.addHandler(logging.NullHandler())

ITEM: Final = "item"
"""The source of what the item's own checks found (its warnings, and its problems when it was
built in code): the same in every format."""
VIEW: Final = "view"
"""The source of what building the item's format-neutral view noticed."""


class Severity(enum.Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


def _optional_one_line(value: str | None) -> str | None:
    return None if value is None else one_line(value)


@attrs.frozen
class Diagnostic:
    """Something an export noticed but could work around (a refused URL, a missing font...)."""

    message: str = attrs.field(converter=one_line)
    """One line: control characters and line breaks are escaped (:func:`~jsi_docs.errors.one_line`)."""
    severity: Severity = Severity.WARNING
    source: str = "jsi_docs"
    """Who noticed: ``item`` (the item's checks), ``view``, a format (``pdf``), ``weasyprint``..."""
    path: str | None = attrs.field(default=None, kw_only=True, converter=_optional_one_line)
    """Where in the item, when it is about one place of it: ``$.sections[0].blocks[2].image``."""
    line: int | None = attrs.field(default=None, kw_only=True)
    """The line of ``path`` in the source file (1-based), when known."""
    column: int | None = attrs.field(default=None, kw_only=True)
    """The column of ``path`` on that line (1-based), when known."""

    @classmethod
    def of_problem(
        cls, problem: Problem, severity: Severity = Severity.WARNING, source: str = ITEM
    ) -> Diagnostic:
        """``problem`` (a warning about the item, say) as a diagnostic, its place kept."""
        return cls(
            problem.message,
            severity,
            source,
            path=problem.path,
            line=problem.line,
            column=problem.column,
        )

    @property
    def with_path(self) -> str:
        """``$.path: message``, or the message alone when it is about no place of the item."""
        return self.message if self.path is None else f"{self.path}: {self.message}"

    @property
    def of_item(self) -> bool:
        """True when it is about the item whatever the format (found by the item's checks or
        its view), not about one format's output."""
        return self.source in (ITEM, VIEW)

    def __str__(self) -> str:
        return f"{self.severity.value}: {self.with_path} [{self.source}]"

    def for_format(self, fmt: str) -> str:
        """``pdf: warning: message``: one line naming the output format once."""
        return f"{fmt}: {self.severity.value}: {self.with_path}"

    def format(self, source: str | None = None) -> str:
        """``item.yaml:12:5: $.path: warning: message``, as ``jsi-docs validate`` prints a
        problem, leaving out what is unknown."""
        said = f"{self.severity.value}: {self.message}"
        if self.path is None:
            return f"{one_line(source)}: {said}" if source else said
        return Problem(self.path, said, self.line, self.column).format(source)
