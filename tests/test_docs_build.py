"""The documentation site builds with warnings as errors (as ``nox -s docs`` does)."""

from __future__ import annotations

import importlib.util
import re
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
        [
            sys.executable,
            "-m",
            "sphinx",
            "-W",
            "--keep-going",
            "-q",
            "-b",
            "html",
            str(DOCS),
            str(tmp_path / "html"),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert (tmp_path / "html" / "format.html").is_file()


def test_the_api_reference_covers_everything_in_all() -> None:
    import jsi_docs
    from jsi_docs import model

    api = (DOCS / "api.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\.\. auto\w+:: jsi_docs\.(?:\w+\.)*(\w+)$", api, re.M))
    rest = set(jsi_docs.__all__) - set(model.__all__) - {"__version__"}
    assert sorted(rest - documented) == []
    assert ".. automodule:: jsi_docs.model" in (DOCS / "model.md").read_text(encoding="utf-8")


def test_the_reading_order_puts_the_changelog_last() -> None:
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    entries = [line for line in index.splitlines() if re.fullmatch(r"[a-z-]+", line)]
    assert entries[:2] == ["install", "getting-started"]
    assert entries[-1] == "changelog"
    assert entries.index("limits") < entries.index("changelog")
    assert entries.index("batch") < entries.index("changelog")
    assert sorted(entries) == sorted(p.stem for p in DOCS.glob("*.md") if p.stem != "index")
