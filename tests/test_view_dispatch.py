"""Dispatch over the view is total: every member of the block and inline unions has its macro or
writer branch in each format, and a kind nobody renders fails loudly instead of rendering as
another."""

from __future__ import annotations

import ast
import inspect
import typing
from pathlib import Path

import attrs
import jinja2
import pytest

import jsi_docs
from jsi_docs.exporters.docx._writer import BodyWriter, _Inlines
from jsi_docs.exporters.html import render_view
from jsi_docs.exporters.html._inline import InlineRenderer
from jsi_docs.exporters.html._page import BLOCK_MACROS, block_macro
from jsi_docs.themes import Theme
from jsi_docs.view import BlockView, InlineView, ItemView, build_view, item

BLOCK_KINDS = set(typing.get_args(BlockView))
INLINE_KINDS = set(typing.get_args(InlineView))
TEMPLATES = Path(jsi_docs.__file__).parent / "themes" / "default" / "templates"
EXAMPLE = Path(__file__).parent.parent / "examples" / "jsi-ecommerce-2023-05-25.fr.yaml"


def _case_classes(function: object) -> set[str]:
    """The class names of the ``case Cls(...)`` patterns of every ``match`` in ``function``."""
    tree = ast.parse(inspect.getsource(function).lstrip())  # type: ignore[arg-type]
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.match_case) and isinstance(node.pattern, ast.MatchClass):
            cls = node.pattern.cls
            if isinstance(cls, ast.Name):
                names.add(cls.id)
    return names


def _ends_in_assert_never(function: object) -> bool:
    tree = ast.parse(inspect.getsource(function).lstrip())  # type: ignore[arg-type]
    return any(
        isinstance(node, ast.match_case)
        and isinstance(node.pattern, ast.MatchAs)
        and node.pattern.pattern is None
        and "assert_never" in ast.unparse(node.body[0])
        for node in ast.walk(tree)
    )


def _names(kinds: set[type]) -> set[str]:
    return {kind.__name__ for kind in kinds}


def _macros() -> set[str]:
    source = (TEMPLATES / "blocks.html.j2").read_text(encoding="utf-8")
    parsed = jinja2.Environment().parse(source)
    return {macro.name for macro in parsed.find_all(jinja2.nodes.Macro)}


def test_every_block_kind_has_a_template_macro() -> None:
    assert set(BLOCK_MACROS) == BLOCK_KINDS
    assert set(BLOCK_MACROS.values()) <= _macros()


def test_every_block_and_inline_kind_has_a_docx_branch_and_no_fallback() -> None:
    assert _case_classes(BodyWriter._block) == _names(BLOCK_KINDS)
    assert _case_classes(_Inlines.nodes) == _names(INLINE_KINDS)
    assert _ends_in_assert_never(BodyWriter._block)
    assert _ends_in_assert_never(_Inlines.nodes)


def test_every_inline_kind_has_an_html_branch_and_no_fallback() -> None:
    assert _case_classes(InlineRenderer._nodes) == _names(INLINE_KINDS)
    assert _ends_in_assert_never(InlineRenderer._nodes)


def test_the_generic_traversal_knows_every_block_kind() -> None:
    assert _case_classes(item.block_texts) == _names(BLOCK_KINDS)


@attrs.frozen
class Unknown:
    """A block kind no writer knows."""

    content: tuple[InlineView, ...] = ()


def _with_unknown_block() -> ItemView:
    view = build_view(jsi_docs.load(EXAMPLE))
    section = view.sections[0]
    unknown = typing.cast(BlockView, Unknown())
    changed = attrs.evolve(section, blocks=(*section.blocks, unknown))
    return attrs.evolve(view, sections=(changed, *view.sections[1:]))


def test_a_block_kind_without_a_macro_fails_loudly_in_html() -> None:
    with pytest.raises(LookupError, match="Unknown"):
        block_macro(Unknown())  # type: ignore[arg-type]
    with pytest.raises(LookupError, match="Unknown"):
        render_view(_with_unknown_block(), Theme.load(None))


def test_a_block_kind_without_a_writer_method_fails_loudly_in_docx() -> None:
    with pytest.raises(AssertionError):
        BodyWriter._block(object.__new__(BodyWriter), Unknown())  # type: ignore[arg-type]
