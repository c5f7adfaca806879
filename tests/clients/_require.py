"""Skip a test when a real client is missing, or fail it where clients are required (CI)."""

from __future__ import annotations

import os
from typing import NoReturn

import pytest

__all__ = ["REQUIRE_ENV", "clients_required", "require"]

#: Set to ``1`` (as ``.ci/run`` does) to turn every "client missing" skip into a failure.
REQUIRE_ENV = "JSI_REQUIRE_CLIENTS"


def clients_required() -> bool:
    """True when the environment demands that every real client be present."""
    return os.environ.get(REQUIRE_ENV, "").strip().lower() in {"1", "true", "yes"}


def _missing(reason: str) -> NoReturn:
    __tracebackhide__ = True
    if clients_required():
        pytest.fail(f"{reason} [{REQUIRE_ENV}=1: a missing client is a failure]", pytrace=False)
    pytest.skip(reason)


def require(tool_available: bool, reason: str) -> None:
    """Skip the calling test with ``reason`` unless ``tool_available``.

    ``reason`` should name what to install, e.g. ``"qpdf missing: apt-get install qpdf"``.
    With ``JSI_REQUIRE_CLIENTS=1`` in the environment the test fails instead of skipping,
    so a CI machine that lacks a client cannot go green by skipping its checks.
    """
    __tracebackhide__ = True
    if not tool_available:
        _missing(reason)


def require_all(missing: list[str], what: str) -> None:
    """Skip/fail naming every missing piece of ``what`` (used by the ``require_*`` helpers)."""
    __tracebackhide__ = True
    if missing:
        _missing(f"{what} unavailable; missing: " + "; ".join(missing))
