"""Shared pytest configuration for jsi_docs tests."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# --- real clients (tests/clients) ------------------------------------------------------
# Make ``import clients`` work under any --import-mode, and say in the run's header which
# clients are present (missing ones skip their tests, or fail them with JSI_REQUIRE_CLIENTS=1).
if str(Path(__file__).parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).parent))

import clients


def pytest_report_header() -> str:
    present = clients.availability()
    mode = "required" if clients.clients_required() else "optional (missing ones skip)"
    listed = ", ".join(f"{name}={'yes' if ok else 'NO'}" for name, ok in present.items())
    return f"real clients [{mode}]: {listed}"


# --- golden files --------------------------------------------------------------------------
# ``pytest --update-goldens`` rewrites every golden file from the current output (review the
# diff by eye before committing); without it, tests compare against the stored files.
def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        default=False,
        help="rewrite golden files (tests/golden/) from the current output",
    )


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    """True when the run was asked to rewrite golden files."""
    return bool(request.config.getoption("--update-goldens"))


# --- hypothesis profiles ---------------------------------------------------------------
# "default" keeps the suite quick; "fuzz" (nox -s fuzz, JSI_FUZZ=1) runs far more examples.


# The default profile is derandomized: the suite (and CI) runs the same examples every time,
# so it passes or fails for a reason; the fuzz profile searches anew on every run.
settings.register_profile(
    "default",
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "fuzz", max_examples=2_000, deadline=None, suppress_health_check=list(HealthCheck)
)
settings.load_profile("fuzz" if os.environ.get("JSI_FUZZ") else "default")
