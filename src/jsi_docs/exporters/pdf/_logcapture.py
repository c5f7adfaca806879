"""Turn WeasyPrint's log records into diagnostics of the render that caused them.

One filter is installed, once, on the loggers WeasyPrint and fontTools write to. While a thread
renders inside :func:`capture`, the filter takes the warnings and errors that thread emits into
that render's list and stops them there, so they are neither printed nor passed up to the
application's handlers; records of other threads, and records below WARNING (which only appear
when an application asked for them), pass through untouched.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from jsi_docs.diagnostics import Diagnostic, Severity

__all__ = ["capture"]

# A logger's filters see only the records created on that very logger, so each one is listed.
_LOGGERS = (
    "weasyprint",
    "weasyprint.progress",
    "fontTools",
    "fontTools.subset",
    "fontTools.ttLib",
    "fontTools.ttLib.ttFont",
    "fontTools.varLib.instancer",
)

_local = threading.local()


class _CaptureFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        records: list[logging.LogRecord] | None = getattr(_local, "records", None)
        if records is None or record.levelno < logging.WARNING:
            return True
        records.append(record)
        return False


_FILTER = _CaptureFilter()
_install_lock = threading.Lock()
_installed = False


def _install() -> None:
    global _installed
    with _install_lock:
        if not _installed:
            for name in _LOGGERS:
                logging.getLogger(name).addFilter(_FILTER)
            _installed = True


def _severity(levelno: int) -> Severity:
    return Severity.ERROR if levelno >= logging.ERROR else Severity.WARNING


def _message(record: logging.LogRecord) -> str:
    try:
        return record.getMessage()
    except Exception:  # a malformed record must not end the render
        return str(record.msg)


@contextmanager
def capture() -> Iterator[list[logging.LogRecord]]:
    """Collect the WARNING+ records this thread logs to WeasyPrint/fontTools inside the block."""
    _install()
    previous = getattr(_local, "records", None)
    records: list[logging.LogRecord] = []
    _local.records = records
    try:
        yield records
    finally:
        _local.records = previous


def to_diagnostics(
    records: list[logging.LogRecord], *, skip: tuple[str, ...] = ()
) -> list[Diagnostic]:
    """One diagnostic per distinct record, in order, leaving out messages containing ``skip``."""
    seen: set[tuple[str, Severity, str]] = set()
    out: list[Diagnostic] = []
    for record in records:
        message = _message(record)
        if any(marker in message for marker in skip):
            continue
        source = record.name.split(".", 1)[0]
        key = (message, _severity(record.levelno), source)
        if key not in seen:
            seen.add(key)
            out.append(Diagnostic(message, key[1], source))
    return out
