"""What the service asks a worker process to do, and what comes back (plain, picklable records).

A worker reads the item itself, so that a slow or hostile input costs a worker's time, under the
pool's time ceiling, and never the server's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from jsi_docs.diagnostics import Diagnostic
from jsi_docs.errors import Problem

if TYPE_CHECKING:  # the server process does not import the converter
    from jsi_docs.serialization import TextFormat


def input_format(name: str | None) -> TextFormat | None:
    """``"yaml"`` or ``"json"`` for that name in any case, else None."""
    match (name or "").lower():
        case "yaml":
            return "yaml"
        case "json":
            return "json"
    return None


__all__ = [
    "Failed",
    "Invalid",
    "Job",
    "Refused",
    "Rendered",
    "Reply",
    "Validated",
    "input_format",
    "run_job",
]


@attrs.frozen
class Job:
    """Read ``text`` (``input_format``: yaml or json); render it as ``fmt`` with ``options``, or
    only check it when ``fmt`` is None."""

    text: bytes
    input_format: TextFormat = "yaml"
    fmt: str | None = None
    options: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen
class Rendered:
    """The output's bytes, its media type, suffix, the item's id and the diagnostics (those
    about a place of the item with their line in the input)."""

    data: bytes
    media_type: str
    suffix: str
    item_id: str
    diagnostics: tuple[Diagnostic, ...] = ()


@attrs.frozen
class Validated:
    """The item is valid; ``warnings`` are problems that do not make it invalid (with their
    lines in the input)."""

    warnings: tuple[Problem, ...] = ()


@attrs.frozen
class Invalid:
    """The input is not a valid item: every problem, with its line when known."""

    problems: tuple[Problem, ...]
    too_large: bool = False


@attrs.frozen
class Refused:
    """The request itself is wrong (an unknown option, a bad option value) or, under
    ``strict``, the export produced diagnostics."""

    message: str


@attrs.frozen
class Failed:
    """Something went wrong that is not the input's fault (a bug, a dead or slow worker)."""

    message: str
    timed_out: bool = False


Reply = Rendered | Validated | Invalid | Refused | Failed


def run_job(job: Job) -> Reply:
    """Do ``job`` in this process; every fault of the input becomes a reply, never an exception."""
    from jsi_docs.errors import (
        DiagnosticsError,
        InputError,
        JsiDocsError,
        LimitExceededError,
        UnknownFormatError,
    )
    from jsi_docs.exporters import OptionError
    from jsi_docs.exporting import render
    from jsi_docs.readers import loads, locate, locate_diagnostics
    from jsi_docs.serialization.plain_markup import item_warnings

    try:
        item = loads(job.text, job.input_format)
        if job.fmt is None:
            return Validated(tuple(locate(item_warnings(item), job.text, job.input_format)))
        result = render(item, job.fmt, **job.options)
    except LimitExceededError as exc:
        return Invalid(exc.problems, too_large=True)
    except InputError as exc:
        return Invalid(exc.problems)
    except (OptionError, UnknownFormatError, DiagnosticsError) as exc:
        return Refused(str(exc))
    except JsiDocsError as exc:
        return Failed(f"{type(exc).__name__}: {exc}")
    except Exception as exc:  # a bug met by one input must not take the worker down
        return Failed(f"{type(exc).__name__}: {exc}")
    diagnostics = tuple(locate_diagnostics(result.diagnostics, job.text, job.input_format))
    return Rendered(result.data, result.media_type, result.suffix, item.id, diagnostics)
