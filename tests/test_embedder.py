"""Embedder hygiene: exporting prints nothing, configures no logging, and gives the same bytes
from several threads at once as one after another."""

from __future__ import annotations

import importlib
import logging
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import jsi_docs
from jsi_docs.diagnostics import Diagnostic
from jsi_docs.model import NewsItem

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
FORMATS = {
    "html": "jsi_docs.exporters.html",
    "pdf": "jsi_docs.exporters.pdf",
    "docx": "jsi_docs.exporters.docx",
}


def _require(fmt: str) -> None:
    try:
        importlib.import_module(FORMATS[fmt])
    except ImportError as exc:
        pytest.skip(f"{FORMATS[fmt]} is not importable yet: {exc}")


def _items() -> list[NewsItem]:
    paths = [
        *sorted((ROOT / "examples").glob("*.yaml")),
        CORPUS / "valid-markup-in-every-field.yaml",
        CORPUS / "valid-rtl-and-combining.yaml",
        CORPUS / "valid-missing-glyphs.yaml",
    ]
    return [jsi_docs.load(p) for p in paths]


def _logging_state() -> list[tuple[str, tuple[logging.Handler, ...], int, bool]]:
    names = ["", "jsi_docs", "weasyprint", "fontTools", "fontTools.subset", "docx"]
    return [
        (name, tuple(logging.getLogger(name).handlers), logging.getLogger(name).level,
         logging.getLogger(name).propagate)
        for name in names
    ]  # fmt: skip


@pytest.fixture
def noisy_theme(tmp_path: Path) -> Path:
    """A theme whose print.css makes WeasyPrint warn and asks for a local file."""
    default = ROOT / "src" / "jsi_docs" / "themes" / "default" / "print.css"
    (tmp_path / "print.css").write_text(
        default.read_text("utf-8")
        + "\n@import url(file:///etc/passwd);\np { colour: red; width: banana; }\n",
        "utf-8",
    )
    return tmp_path


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_export_writes_nothing_to_stdout_or_stderr_and_leaves_logging_alone(
    fmt: str, capfd: pytest.CaptureFixture[str], noisy_theme: Path
) -> None:
    _require(fmt)
    root_before = _logging_state()[:2]  # the application's and ours, before any export
    jsi_docs.export(_items()[0], fmt)  # libraries' own import-time set-up happens here
    before = _logging_state()
    assert before[:2] == root_before
    diagnostics: list[Diagnostic] = []
    for item in _items():
        diagnostics += jsi_docs.render(item, fmt).diagnostics
        diagnostics += jsi_docs.render(item, fmt, theme=noisy_theme).diagnostics
    out, err = capfd.readouterr()
    assert out == ""
    assert err == ""
    assert _logging_state() == before
    if fmt == "pdf":  # the warnings were captured, not printed
        assert any("/etc/passwd" in d.message for d in diagnostics), diagnostics


_BARE_PROCESS = """
import sys, jsi_docs
item = jsi_docs.load(sys.argv[1])
for fmt in sys.argv[2:]:
    result = jsi_docs.render(item, fmt)
    assert result.data
"""


def test_export_in_a_process_without_logging_set_up_prints_nothing() -> None:
    """Diagnostics (missing glyphs, here) reach neither stderr nor Python's last-resort handler."""
    formats = []
    for fmt in FORMATS:
        try:
            importlib.import_module(FORMATS[fmt])
        except ImportError:
            continue
        formats.append(fmt)
    item = CORPUS / "valid-missing-glyphs.yaml"
    done = subprocess.run(
        [sys.executable, "-c", _BARE_PROCESS, str(item), *formats],
        capture_output=True,
        timeout=600,
        check=False,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    assert done.stdout == b""
    assert done.stderr == b""


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_threads_give_the_same_bytes_as_one_after_another(fmt: str) -> None:
    _require(fmt)
    items = _items() * 2
    serial = [jsi_docs.export(item, fmt) for item in items]
    with ThreadPoolExecutor(max_workers=4) as pool:
        threaded = list(pool.map(lambda item: jsi_docs.export(item, fmt), items))
    for index, (one, other) in enumerate(zip(serial, threaded, strict=True)):
        assert one == other, f"{fmt}: item {index} differs when exported from threads"
