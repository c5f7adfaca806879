"""The documentation site builds with warnings as errors (as ``nox -s docs`` does)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from clients import require

DOCS = Path(__file__).resolve().parent.parent / "docs"


@pytest.mark.slow
def test_sphinx_builds_without_warnings(tmp_path: Path) -> None:
    available = all(importlib.util.find_spec(m) for m in ("sphinx", "myst_parser", "furo"))
    require(available, "the docs build needs the docs extra: pip install -e '.[docs]'")
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html", str(DOCS), str(tmp_path / "html")],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert (tmp_path / "html" / "format.html").is_file()
