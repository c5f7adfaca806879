"""Tag passages in another language: ``/Lang`` on their PDF structure elements.

WeasyPrint 70 sets the document language (``/Lang`` in the catalog) but not the language of an
element whose ``lang`` attribute differs, which PDF/UA asks for (screen readers switch voice on
it). Its tagger builds one structure element per box in ``weasyprint.pdf.tags._build_box_tree``,
a generator it calls recursively through the module global; wrapping that global lets us add
``/Lang`` from each box's element. If a WeasyPrint release renames the function, the hook is
simply not installed and PDFs lose only the per-passage language.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Iterator
from typing import Any

__all__ = ["install"]

_lock = threading.Lock()
_HOOKED = "_jsi_docs_lang_hook"


def _language_of(box: Any) -> str | None:
    element = getattr(box, "element", None)
    if element is None or getattr(box, "element_tag", None) in ("html", "body"):
        return None
    lang = element.get("lang") if hasattr(element, "get") else None
    return lang.strip() if isinstance(lang, str) and lang.strip() else None


def _wrap(
    build: Callable[..., Iterator[Any]], string: Callable[[str], Any]
) -> Callable[..., Iterator[Any]]:
    @functools.wraps(build)
    def build_with_language(box: Any, *args: Any, **kwargs: Any) -> Iterator[Any]:
        lang = _language_of(box)
        for element in build(box, *args, **kwargs):
            if lang is not None and isinstance(element, dict) and "Lang" not in element:
                element["Lang"] = string(lang)
            yield element

    setattr(build_with_language, _HOOKED, True)
    return build_with_language


def install() -> bool:
    """Install the hook once per process; False when WeasyPrint's tagger is not as expected."""
    from weasyprint.pdf import tags

    with _lock:
        build = getattr(tags, "_build_box_tree", None)
        string = getattr(getattr(tags, "pydyf", None), "String", None)
        if not callable(build) or not callable(string):
            return False
        if not getattr(build, _HOOKED, False):
            tags._build_box_tree = _wrap(build, string)
        return True
