"""Development sessions: ``nox -l`` lists them, ``nox -s NAME`` runs one.

The default run (``nox``) is tests, lint, mypy, docs and examples; bench and fuzz run on demand.
"""

from __future__ import annotations

from pathlib import Path

import nox

nox.options.default_venv_backend = "venv"
nox.options.sessions = ["tests", "lint", "mypy", "docs", "examples"]
nox.options.reuse_existing_virtualenvs = True

ROOT = Path(__file__).parent
PYTHON = "3.11"


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """The test suite (extra pytest arguments after ``--``)."""
    session.install("-e", ".[test]")
    session.run("pytest", *session.posargs)


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """Ruff: lint rules and formatting."""
    session.install("ruff>=0.5")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session(python=PYTHON)
def mypy(session: nox.Session) -> None:
    """Strict type checking of src/ and tests/ (pyproject's [tool.mypy])."""
    session.install("-e", ".[test,lint]")
    session.run("mypy", "--strict")


@nox.session(python=PYTHON)
def docs(session: nox.Session) -> None:
    """The Sphinx site, with warnings as errors, into docs/_build/html."""
    session.install("-e", ".[docs]")
    session.run("sphinx-build", "-W", "--keep-going", "-b", "html", "docs", "docs/_build/html")


@nox.session(python=PYTHON)
def examples(session: nox.Session) -> None:
    """Every example validates, and every example script runs."""
    session.install("-e", ".[serve]")
    session.run("jsi-docs", "validate", "examples/")
    for script in sorted((ROOT / "examples").glob("*.py")):
        # a server runs until stopped: it checks itself on a free port instead
        extra = ["--self-test"] if script.name == "embed_service.py" else []
        session.run("python", str(script), *extra)


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """The benchmarks against raw WeasyPrint, python-docx and Jinja2 (benchmarks/run.py)."""
    runner = ROOT / "benchmarks" / "run.py"
    if not runner.exists():
        session.skip("benchmarks/run.py does not exist yet")
    session.install("-e", ".[bench]")
    session.run("python", str(runner), *session.posargs)


@nox.session(python=PYTHON)
def fuzz(session: nox.Session) -> None:
    """The hypothesis tests with many more examples (JSI_FUZZ=1, profile "fuzz")."""
    session.install("-e", ".[test]")
    session.run(
        "pytest",
        "--hypothesis-profile=fuzz",
        *session.posargs,
        env={"JSI_FUZZ": "1"},
    )
