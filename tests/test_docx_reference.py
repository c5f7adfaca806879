"""The reference document: regenerated identically, complete, clean; and user references
(``reference_docx``, a theme's own) that lack styles or carry Word's defaults."""

from __future__ import annotations

import importlib.util
import io
import os
import zipfile
from pathlib import Path
from types import ModuleType

import docx
import pytest

import jsi_docs
from _docx_helpers import NS, W, every_node_item, open_docx, part, part_bytes
from clients import openxml_audit, require_openxml_audit
from jsi_docs.exporters.docx._template import (
    CHARACTER_STYLES,
    REFERENCE_NAME,
    TABLE_STYLES,
    StyleName,
)
from jsi_docs.themes import DEFAULT_THEME_DIR

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = DEFAULT_THEME_DIR / REFERENCE_NAME
LEAKS = (b"en-US", b"python-docx", b"2013-", b"ja-JP", b"ar-SA")


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_reference_docx", ROOT / "tools/make_reference_docx.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _rewrite(data: bytes, name: str, change: bytes, to: bytes) -> bytes:
    """``data`` (a zip) with ``change`` replaced by ``to`` in member ``name``."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            blob = src.read(info)
            if info.filename == name:
                assert change in blob
                blob = blob.replace(change, to)
            dst.writestr(info, blob)
    return out.getvalue()


def _all_bytes(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_committed_reference_is_what_the_generator_makes() -> None:
    assert _generator().build() == REFERENCE.read_bytes(), "run tools/make_reference_docx.py"


def test_reference_defines_every_named_style_with_its_type() -> None:
    # Word's built-in names are lower case ("footnote text"); python-docx maps only some.
    styles = {s.name.casefold(): s for s in docx.Document(str(REFERENCE)).styles}
    for name in StyleName:
        style = styles[str(name).casefold()]
        # WD_STYLE_TYPE.TABLE / CHARACTER / PARAGRAPH
        expected = 3 if name in TABLE_STYLES else 2 if name in CHARACTER_STYLES else 1
        assert style.type == expected, name


def test_reference_carries_no_default_template_leftovers() -> None:
    for name, blob in _all_bytes(REFERENCE.read_bytes()).items():
        for leak in LEAKS:
            assert leak not in blob, (name, leak)


def test_missing_styles_are_copied_from_the_default_reference(tmp_path: Path) -> None:
    data = _rewrite(
        REFERENCE.read_bytes(),
        "word/styles.xml",
        b'<w:name w:val="Statement"/>',
        b'<w:name w:val="Declaration"/>',
    )
    user = tmp_path / "user.docx"
    user.write_bytes(data)
    result = jsi_docs.export(every_node_item(), "docx", reference_docx=user)
    names = [p.style.name for p in open_docx(result).paragraphs]
    assert "Statement" in names
    ids = [
        s.get(f"{{{W}}}styleId") for s in part(result, "word/styles.xml").iterfind("w:style", NS)
    ]
    assert len(ids) == len(set(ids)), "style ids stay unique"


def test_python_docx_default_template_as_reference_leaks_nothing(tmp_path: Path) -> None:
    user = tmp_path / "python-docx-default.docx"
    docx.Document().save(str(user))
    assert b"en-US" in b"".join(_all_bytes(user.read_bytes()).values())  # the trap is real
    result = jsi_docs.export(every_node_item(), "docx", reference_docx=user)
    for name, blob in _all_bytes(result).items():
        for leak in LEAKS:
            assert leak not in blob, (name, leak)
    core = open_docx(result).core_properties
    assert core.author == "Organisation mondiale du commerce"
    assert [p.style.name for p in open_docx(result).paragraphs][:2] == ["Title", "Dateline"]


def test_a_themes_reference_replaces_the_default(tmp_path: Path) -> None:
    theme = tmp_path / "theme"
    theme.mkdir()
    (theme / REFERENCE_NAME).write_bytes(
        _rewrite(REFERENCE.read_bytes(), "word/styles.xml", b"00417A", b"8B0000")
    )
    result = jsi_docs.export(every_node_item(), "docx", theme=theme)
    assert b"8B0000" in part_bytes(result, "word/styles.xml")
    default = jsi_docs.export(every_node_item(), "docx")
    assert b"8B0000" not in part_bytes(default, "word/styles.xml")


def test_a_changed_reference_file_is_read_again(tmp_path: Path) -> None:
    user = tmp_path / "user.docx"
    user.write_bytes(REFERENCE.read_bytes())
    first = jsi_docs.export(every_node_item(), "docx", reference_docx=user)
    user.write_bytes(_rewrite(REFERENCE.read_bytes(), "word/styles.xml", b"00417A", b"8B0000"))
    stat = user.stat()
    os.utime(user, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    second = jsi_docs.export(every_node_item(), "docx", reference_docx=user)
    assert b"8B0000" not in part_bytes(first, "word/styles.xml")
    assert b"8B0000" in part_bytes(second, "word/styles.xml")


def test_a_missing_or_broken_reference_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(jsi_docs.ExportError, match="reference document"):
        jsi_docs.export(every_node_item(), "docx", reference_docx=tmp_path / "nope.docx")
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(jsi_docs.ExportError, match="reference document"):
        jsi_docs.export(every_node_item(), "docx", reference_docx=broken)


def test_restarted_lists_keep_the_numbering_parts_order(tmp_path: Path) -> None:
    user = tmp_path / "word-made.docx"
    user.write_bytes(
        _rewrite(
            REFERENCE.read_bytes(),
            "word/numbering.xml",
            b"</w:numbering>",
            b'<w:numIdMacAtCleanup w:val="2"/></w:numbering>',
        )
    )
    result = jsi_docs.export(every_node_item(), "docx", reference_docx=user)
    numbering = part(result, "word/numbering.xml")
    tags = [str(child.tag).split("}")[1] for child in numbering]
    assert tags[-1] == "numIdMacAtCleanup"
    assert tags.count("num") == 4  # the reference's two, and one per ordered list
    require_openxml_audit()
    path = tmp_path / "out.docx"
    path.write_bytes(result)
    assert openxml_audit(path) == []
