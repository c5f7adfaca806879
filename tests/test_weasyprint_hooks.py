"""The one hook into WeasyPrint's private API (``exporters/pdf/_weasyprint_hooks.py``).

These tests never skip: on a WeasyPrint whose tagger changed they fail, naming what changed,
which is the signal to update the hook before widening the ``weasyprint`` pin in
``pyproject.toml``.
"""

from __future__ import annotations

import io
import re
import tomllib
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pypdf
import pytest
import weasyprint  # no importorskip: without the engine these tests must fail, not skip
from packaging.requirements import Requirement
from weasyprint.pdf import tags

from _pdf_helpers import example_paths, load
from jsi_docs.errors import DiagnosticsError
from jsi_docs.exporters.pdf._weasyprint_hooks import LANGUAGE_TAGS_MISSING, language_tags_problem
from jsi_docs.exporting import render
from jsi_docs.model import Foreign, NewsItem, Paragraph, walk

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


def _summary() -> NewsItem:
    """The meeting summary, which holds a French passage in an English item."""
    return load(next(p for p in example_paths() if "meeting-summary" in p.name))


def _foreign_languages(item: NewsItem) -> set[str]:
    found = {
        node.lang
        for _, _, block in item.blocks()
        if isinstance(block, Paragraph)
        for node in walk(block.text)
        if isinstance(node, Foreign)
    }
    assert found - {item.language}, "the example should hold a passage in another language"
    return found


def _struct_languages(data: bytes) -> set[str]:
    """Every ``/Lang`` in the PDF's structure tree (the catalog's own is not in it)."""
    root: Any = pypdf.PdfReader(io.BytesIO(data)).trailer["/Root"]
    found: set[str] = set()
    pending = [root["/StructTreeRoot"].get_object()]
    while pending:
        node = pending.pop()
        if "/Lang" in node:
            found.add(str(node["/Lang"]))
        kids = node.get("/K")
        for kid in kids if isinstance(kids, list) else [kids]:
            if isinstance(kid, pypdf.generic.IndirectObject):
                kid = kid.get_object()
            if isinstance(kid, pypdf.generic.DictionaryObject) and kid.get("/Type") != "/OBJR":
                pending.append(kid)
    return found


def test_the_hook_applies_to_the_installed_weasyprint() -> None:
    problem = language_tags_problem()
    assert problem is None, (
        f"WeasyPrint {weasyprint.__version__}: {problem}. PDFs lose the language of passages "
        "in another language (PDF/UA). Update exporters/pdf/_weasyprint_hooks.py for this "
        "version, or keep the weasyprint pin in pyproject.toml below it."
    )


def test_the_installed_weasyprint_is_one_the_pin_allows() -> None:
    """The hook is vouched for only within the pin; a wider environment is not tested."""
    dependencies = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["dependencies"]
    pins = [Requirement(d) for d in dependencies if re.match(r"weasyprint\b", d, re.I)]
    assert len(pins) == 1
    assert any(spec.operator == "<" for spec in pins[0].specifier), "no upper bound"
    assert pins[0].specifier.contains(version("weasyprint")), (
        f"WeasyPrint {version('weasyprint')} is outside {pins[0]}"
    )


def test_passages_in_another_language_carry_their_lang() -> None:
    item = _summary()
    result = render(item, "pdf")
    assert _foreign_languages(item) <= _struct_languages(result.data)
    assert not any(LANGUAGE_TAGS_MISSING in d.message for d in result.diagnostics)


def test_weasyprint_s_tagger_is_its_own_again_after_a_render() -> None:
    tagger = tags._build_box_tree
    render(_summary(), "pdf")
    assert tags._build_box_tree is tagger
    assert not hasattr(tagger, "_jsi_docs_lang_hook")


def test_a_weasyprint_the_hook_does_not_fit_gives_the_pdf_and_says_what_is_lost(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """As if a release turned the generator into a plain function: the PDF is made, without
    the passages' /Lang, and a warning says so (an error under strict)."""
    original = tags._build_box_tree
    monkeypatch.setattr(tags, "_build_box_tree", lambda *a, **k: original(*a, **k))
    item = _summary()
    result = render(item, "pdf")
    assert result.data.startswith(b"%PDF-")
    assert not _foreign_languages(item) & _struct_languages(result.data)
    warnings = [d for d in result.diagnostics if LANGUAGE_TAGS_MISSING in d.message]
    assert len(warnings) == 1
    assert weasyprint.__version__ in warnings[0].message
    with pytest.raises(DiagnosticsError, match=LANGUAGE_TAGS_MISSING):
        render(item, "pdf", strict=True)
