"""Shared helpers of the theme tests: the default tokens, the theme tool, the parsed stylesheets."""

from __future__ import annotations

import functools
import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import tinycss2  # type: ignore[import-untyped]

from jsi_docs.themes import DEFAULT_THEME_DIR
from jsi_docs.themes.tokens import TOKENS_NAME, Tokens, load_tokens

ROOT = Path(__file__).resolve().parents[1]
SHEETS = ("screen.css", "print.css")


def tokens() -> Tokens:
    """The default theme's design tokens."""
    return load_tokens(DEFAULT_THEME_DIR / TOKENS_NAME)


@functools.cache
def tool(name: str) -> ModuleType:
    """``tools/<name>.py`` as a module (the tools folder is not a package)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def sheet_text(name: str) -> str:
    return (DEFAULT_THEME_DIR / name).read_text(encoding="utf-8")


def declarations(css: str) -> list[tuple[str, str, Any]]:
    """Every declaration of ``css`` as (the rule's prelude, property, tinycss2 declaration),
    at-rules (@page and its margin boxes, @media) included."""
    found: list[tuple[str, str, Any]] = []

    def walk(rules: list[Any], where: str) -> None:
        for rule in rules:
            kind = getattr(rule, "type", None)
            if kind == "error":
                raise AssertionError(f"CSS parse error: {rule}")
            if kind not in ("qualified-rule", "at-rule") or rule.content is None:
                continue
            prelude = where + tinycss2.serialize(rule.prelude).strip()
            if kind == "at-rule":
                prelude = f"@{rule.at_keyword} {prelude}".strip()
            if kind == "at-rule" and rule.at_keyword == "media":
                walk(tinycss2.parse_rule_list(rule.content, True, True), prelude + " ")
                continue
            content = tinycss2.parse_blocks_contents(rule.content, True, True)
            for item in content:
                if item.type == "declaration":
                    found.append((prelude, item.lower_name, item))
                elif item.type == "at-rule":
                    walk([item], prelude + " ")
                elif item.type == "error":
                    raise AssertionError(f"CSS parse error in {prelude}: {item}")

    walk(tinycss2.parse_stylesheet(css, True, True), "")
    return found
