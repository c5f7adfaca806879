"""Parsing helpers for the HTML exporter's tests: html5lib trees, visible text, JSON-LD."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import html5lib

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

_HIDDEN = {"script", "style", "head", "template", "title"}
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")


def example_paths() -> list[Path]:
    """Every example item of the repository (YAML)."""
    return sorted(EXAMPLES.glob("*.yaml"))


def parse(html: str) -> ET.Element:
    """The document as an ElementTree (no namespaces), as a browser would parse it."""
    root: ET.Element = html5lib.parse(html, treebuilder="etree", namespaceHTMLElements=False)
    return root


def parse_fragment(html: str) -> ET.Element:
    """A fragment parsed in a ``<div>`` context; returns a wrapping element."""
    wrapper: ET.Element = html5lib.parseFragment(
        html, treebuilder="etree", namespaceHTMLElements=False
    )
    return wrapper


def text_of(element: ET.Element) -> str:
    """The text a reader sees inside ``element`` (script, style and head left out)."""
    parts: list[str] = []

    def walk(el: ET.Element) -> None:
        if isinstance(el.tag, str) and el.tag in _HIDDEN:
            return
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    return "".join(parts)


_MARKS = str.maketrans(dict.fromkeys("«»\u201c\u201d\u201e\u2018", "") | {"\u2019": "'"})


def norm(text: str) -> str:
    """Text compared on its characters, not its typography: quotation marks dropped (the
    exporter adds them), curly apostrophes made straight, and every space (the typography
    profile adds and removes no-break ones) left out."""
    return _SPACES.sub("", text.translate(_MARKS))


def elements(
    root: ET.Element, tag: str | None = None, cls: str | None = None
) -> Iterator[ET.Element]:
    """Every element below ``root`` with that tag and/or class, in document order."""
    for el in root.iter(tag):
        if not isinstance(el.tag, str):
            continue
        if cls is None or cls in (el.get("class") or "").split():
            yield el


def json_ld(root: ET.Element) -> list[dict[str, Any]]:
    """The parsed JSON-LD blocks of a document."""
    return [
        json.loads(el.text or "")
        for el in elements(root, "script")
        if el.get("type") == "application/ld+json"
    ]


def minimal_page(fragment: str, lang: str) -> str:
    """A fragment wrapped in the smallest valid page, for the Nu HTML Checker and axe."""
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>Fragment</title>\n</head>\n<body>\n<main>\n{fragment}</main>\n</body>\n</html>\n"
    )
