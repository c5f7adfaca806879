"""Non-fatal problems found while exporting, kept apart from exceptions."""

from __future__ import annotations

import enum
import logging

import attrs

from jsi_docs.errors import one_line

__all__ = ["Diagnostic", "Severity", "logger"]

logger = logging.getLogger("jsi_docs")
logger.addHandler(logging.NullHandler())


class Severity(enum.Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


@attrs.frozen
class Diagnostic:
    """Something an export noticed but could work around (a refused URL, a missing font...)."""

    message: str = attrs.field(converter=one_line)
    """One line: control characters and line breaks are escaped (:func:`~jsi_docs.errors.one_line`)."""
    severity: Severity = Severity.WARNING
    source: str = "jsi_docs"

    def __str__(self) -> str:
        return f"{self.severity.value}: {self.message} [{self.source}]"

    def for_format(self, fmt: str) -> str:
        """``pdf: warning: message``: one line naming the output format once."""
        return f"{fmt}: {self.severity.value}: {self.message}"
