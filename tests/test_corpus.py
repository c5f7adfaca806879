"""Every entry of the hostile-input corpus (tests/corpus/expected.yaml) gives its expected outcome.

Each file is loaded -- and, when valid, rendered as HTML, PDF and DOCX -- in a subprocess with a
wall-clock timeout and an address-space ceiling, so that a hang or a memory blow-up fails that
entry instead of the run. Valid entries must render safely: no executable markup in the HTML,
the item's text present (escaped) in every output, nothing fetched into the PDF.
"""

from __future__ import annotations

import functools
import importlib.util
import io
import json
import os
import resource
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

import jsi_docs
from _extract import docx_text, html_hazards, html_text, normalise, pdf_text

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
MANIFEST: list[dict[str, Any]] = yaml.safe_load((CORPUS / "expected.yaml").read_text("utf-8"))
WORKER = HERE / "_corpus_worker.py"

LOAD_CPU_SECONDS = 5.0
"""Loading any entry, valid or not, takes less CPU time than this (measured inside the worker;
CPU time, because CI machines are shared and wall time says more about the neighbours)."""
WORKER_TIMEOUT = 600
"""Wall-clock bound on one entry's load and three renders (generous: CI machines are shared)."""
MEMORY_CEILING = 3 * 1024**3
"""Address space a worker may map; exhausting it is a failure, never a swapping machine."""

VALID = [e for e in MANIFEST if e["outcome"] == "valid"]
REFUSED = [e for e in MANIFEST if e["outcome"] != "valid"]
FORMATS = ("html", "pdf", "docx")


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CEILING, MEMORY_CEILING))


@functools.cache
def outcome(name: str, out_dir: Path) -> dict[str, Any]:
    """Run the worker once per file (the format tests share it)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    try:
        proc = subprocess.run(
            [sys.executable, str(WORKER), str(CORPUS / name), str(out_dir)],
            capture_output=True,
            timeout=WORKER_TIMEOUT,
            preexec_fn=_limit_memory,
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{name}: loading and rendering took more than {WORKER_TIMEOUT} s")
    result_file = out_dir / "result.json"
    died = f"{name}: worker died (exit {proc.returncode}): {proc.stderr.decode(errors='replace')[-2000:]}"
    assert proc.returncode == 0, died
    assert result_file.exists(), died
    result: dict[str, Any] = json.loads(result_file.read_text("utf-8"))
    result["stdout"] = proc.stdout.decode(errors="replace")
    result["stderr"] = proc.stderr.decode(errors="replace")
    return result


@pytest.fixture(scope="session")
def corpus_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("corpus")


def test_manifest_lists_every_corpus_file_once() -> None:
    listed = [e["file"] for e in MANIFEST]
    on_disk = sorted(p.name for p in CORPUS.iterdir() if p.suffix in (".yaml", ".json"))
    on_disk.remove("expected.yaml")
    assert sorted(listed) == on_disk
    assert len(listed) >= 40
    for entry in MANIFEST:
        assert entry["outcome"] in ("valid", "error", "limit"), entry
        assert ("path" in entry) == (entry["outcome"] != "valid"), entry


def test_generated_entries_match_the_limits() -> None:
    spec = importlib.util.spec_from_file_location("make_large", CORPUS / "make_large.py")
    assert spec is not None
    assert spec.loader is not None
    make_large = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_large)
    for name, text in make_large.files().items():
        assert (CORPUS / name).read_text("utf-8") == text, (
            f"run tests/corpus/make_large.py ({name})"
        )


@pytest.mark.parametrize("entry", REFUSED, ids=[e["file"] for e in REFUSED])
def test_refused_entry_names_the_field(entry: dict[str, Any], corpus_out: Path) -> None:
    result = outcome(entry["file"], corpus_out / entry["file"])
    assert result["outcome"] != "crash", result["traceback"]
    assert result["outcome"] == entry["outcome"], result.get("problems")
    assert result["load_cpu_seconds"] < LOAD_CPU_SECONDS
    problems = [tuple(p) for p in result["problems"]]
    assert any(
        path == entry["path"] and entry["message"] in message for path, message in problems
    ), f"expected {entry['path']}: ...{entry['message']}... in {problems}"
    assert not result["stdout"]
    assert not result["stderr"]


@pytest.mark.parametrize("entry", VALID, ids=[e["file"] for e in VALID])
def test_valid_entry_loads(entry: dict[str, Any], corpus_out: Path) -> None:
    result = outcome(entry["file"], corpus_out / entry["file"])
    assert result["outcome"] != "crash", result["traceback"]
    assert result["outcome"] == "valid", result.get("problems")
    assert result["load_cpu_seconds"] < LOAD_CPU_SECONDS


def _rendered(entry: dict[str, Any], fmt: str, corpus_out: Path) -> tuple[bytes, dict[str, Any]]:
    out_dir = corpus_out / entry["file"]
    result = outcome(entry["file"], out_dir)
    if result["outcome"] != "valid":
        pytest.fail(f"{entry['file']} did not load: {result.get('problems') or result}")
    report = result["formats"][fmt]
    if "skipped" in report:
        pytest.skip(report["skipped"])
    assert "crash" not in report, report.get("crash")
    assert not result["stdout"], "export wrote to stdout"
    assert not result["stderr"], "export wrote to stderr"
    return (out_dir / f"output.{fmt}").read_bytes(), report


def _texts(entry: dict[str, Any]) -> list[str]:
    """The item's headline and block texts, as the reader (not the worker) sees them."""
    item = jsi_docs.load(CORPUS / entry["file"])
    texts = [item.headline or ""]
    texts += [s.heading for s in item.sections if s.heading]
    texts += [jsi_docs.plain_text(b.text) for _, _, b in item.blocks() if hasattr(b, "text")]
    return [t for t in texts if normalise(t)]


def _extract(fmt: str, data: bytes) -> str:
    if fmt == "html":
        return html_text(data.decode("utf-8"))
    if fmt == "docx":
        return docx_text(data)
    return pdf_text(data, body_only=True)


# PDF text extraction cannot give back what the fonts lack or what bidi reordered: for those
# entries the PDF is checked for being a readable PDF, not for its text.
_PDF_TEXT_UNCHECKED = {"valid-missing-glyphs.yaml", "valid-rtl-and-combining.yaml"}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("entry", VALID, ids=[e["file"] for e in VALID])
def test_valid_entry_renders_safely(entry: dict[str, Any], fmt: str, corpus_out: Path) -> None:
    data, report = _rendered(entry, fmt, corpus_out)
    expected = entry.get("diagnostics", {}).get(fmt)
    if expected is None:
        assert report["diagnostics"] == []
    else:
        kinds = [expected] if isinstance(expected, str) else expected  # one of these each
        assert report["diagnostics"], f"{fmt}: expected a diagnostic {expected!r}"
        assert all(any(k in d for k in kinds) for d in report["diagnostics"]), report["diagnostics"]
        assert all(any(k in d for d in report["diagnostics"]) for k in kinds)
    if fmt == "html":
        assert list(html_hazards(data.decode("utf-8"))) == []
    if fmt == "pdf":
        assert data.startswith(b"%PDF-")
        _check_pdf_attachments(data, jsi_docs.load(CORPUS / entry["file"]).id)
        if entry["file"] in _PDF_TEXT_UNCHECKED:
            return
    if fmt == "docx":
        assert data.startswith(b"PK")
    text = normalise(_extract(fmt, data))
    for expected in _texts(entry):
        assert normalise(expected) in text, f"{fmt}: {expected[:80]!r} not in the output's text"


def _check_pdf_attachments(data: bytes, item_id: str) -> None:
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= 1
    assert sorted(reader.attachments) == [f"{item_id}.json"]


def test_markup_is_shown_as_text_in_every_format(corpus_out: Path) -> None:
    entry = next(e for e in VALID if e["file"] == "valid-markup-in-every-field.yaml")
    for fmt in FORMATS:
        data, _ = _rendered(entry, fmt, corpus_out)
        text = _extract(fmt, data)
        for shown in ("<script>alert(1)</script>", "{{ 7*7 }}", "<img src=x onerror=alert(1)>"):
            assert normalise(shown) in normalise(text), (fmt, shown)
        assert "49" not in normalise(text).replace("U+0049", ""), f"{fmt}: a template ran"
