"""The layering of ARCHITECTURE.md, checked: who may import whom, and what stays lazy."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "jsi_docs"


def imports_of(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def modules(folder: str) -> list[Path]:
    return sorted((SRC / folder).rglob("*.py")) if (SRC / folder).is_dir() else [SRC / folder]


@pytest.mark.parametrize("path", modules("model"), ids=lambda p: p.name)
def test_model_imports_only_stdlib_attrs_and_itself(path: Path) -> None:
    ours = {m for m in imports_of(path) if m.startswith("jsi_docs")}
    assert all(m.startswith(("jsi_docs.model", "jsi_docs.errors")) for m in ours), ours
    third_party = {m.split(".")[0] for m in imports_of(path)} - {"jsi_docs", "attrs", "__future__"}
    assert third_party <= set(sys.stdlib_module_names), third_party


def test_weasyprint_and_docx_stay_in_their_exporters() -> None:
    for path in SRC.rglob("*.py"):
        relative = path.relative_to(SRC).as_posix()
        roots = {m.split(".")[0] for m in imports_of(path)}
        if "weasyprint" in roots:
            assert relative.startswith("exporters/pdf/"), relative
        if "docx" in roots:
            assert relative.startswith(("exporters/docx/", "themes/")), relative


def test_exporters_never_import_readers() -> None:
    for path in (SRC / "exporters").rglob("*.py"):
        assert not any(m.startswith("jsi_docs.readers") for m in imports_of(path)), path


def test_import_jsi_docs_is_light() -> None:
    code = "import sys, jsi_docs; print(sorted({m.split('.')[0] for m in sys.modules} & {'weasyprint', 'docx', 'yaml', 'jinja2', 'babel', 'pypdf', 'lxml', 'cattrs'}))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("path", modules("i18n"), ids=lambda p: p.name)
def test_i18n_imports_only_errors_and_itself(path: Path) -> None:
    """i18n sits on errors alone, so validation may ask it which languages are supported."""
    ours = {m for m in imports_of(path) if m.startswith("jsi_docs")}
    assert all(m.startswith(("jsi_docs.i18n", "jsi_docs.errors")) for m in ours), ours


def test_reading_an_item_does_not_import_babel() -> None:
    """Validation reads the language files; Babel waits until a date or name is written."""
    code = "import sys, jsi_docs; jsi_docs.load('examples/jsi-ecommerce-2023-05-25.fr.yaml'); print('babel' in sys.modules)"
    root = SRC.parent.parent
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
        cwd=root,
    )
    assert out.stdout.strip() == "False"


def _names_from(path: Path, module: str) -> set[str]:
    """The names ``path`` imports from ``module`` (and its submodules)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(module):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.Import) and any(a.name.startswith(module) for a in node.names):
            found.add("*")
    return found


@pytest.mark.parametrize("path", modules("exporters"), ids=lambda p: p.relative_to(SRC).as_posix())
def test_writers_render_the_view_not_the_model(path: Path) -> None:
    """An exporter takes a NewsItem and hands it to the view: it imports no block, inline or
    speaker class of the model, so no writer can walk the model on its own."""
    assert _names_from(path, "jsi_docs.model") <= {"NewsItem"}


@pytest.mark.parametrize("path", modules("view"), ids=lambda p: p.name)
def test_the_view_knows_no_format(path: Path) -> None:
    roots = {m.split(".")[0] for m in imports_of(path)}
    assert not roots & {"jinja2", "markupsafe", "docx", "lxml", "weasyprint", "pypdf"}, roots
    ours = {m for m in imports_of(path) if m.startswith("jsi_docs")}
    assert not any(m.startswith(("jsi_docs.exporters", "jsi_docs.readers")) for m in ours), ours


_CLI_MODULES = """
import sys
from jsi_docs.cli import main
try:
    main(sys.argv[1:])
except SystemExit as exit:
    assert not exit.code, exit.code
watched = ("weasyprint", "docx", "pypdf", "jsonschema", "starlette", "uvicorn",
           "concurrent.futures.process", "importlib.metadata")
print(" ".join(sorted(m for m in watched if m in sys.modules)))
"""


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("html", ""),
        ("docx", "docx"),  # the one format asked for, and nothing of the others
        ("pdf", "importlib.metadata weasyprint"),  # the PDF names its producer's version
    ],
)
def test_the_command_imports_only_what_the_format_asked_for_needs(
    tmp_path: Path, fmt: str, expected: str
) -> None:
    """``jsi-docs render item.yaml --to html`` as a whole process imports no WeasyPrint (0.4 s,
    and Pango), no python-docx, no process pool, no entry-point scan: a cold start pays only
    for the format it asked for (see docs/benchmarks.md, whole process)."""
    root = SRC.parent.parent
    item = root / "examples" / "jsi-ecommerce-2023-05-25.fr.yaml"
    args = ["render", str(item), "--to", fmt, "-o", str(tmp_path), "-q"]
    out = subprocess.run(
        [sys.executable, "-c", _CLI_MODULES, *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=root,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == expected
