"""The one place jsi_docs reaches into WeasyPrint's private API: ``/Lang`` on tagged passages.

PDF/UA asks that a passage in another language than the document say so (screen readers switch
voice on it). WeasyPrint 70 writes the document's language in the catalog but gives no structure
element a ``/Lang``, and has no public way to add one. Its tagger builds one structure element
per box in the generator ``weasyprint.pdf.tags._build_box_tree``, which calls itself through
the module global; :func:`language_tags` wraps that global for the length of one render, so each
element whose HTML has a ``lang`` attribute gets it, and puts the original back afterwards.

The hook was written for, and is tested with, the WeasyPrint versions ``pyproject.toml`` allows.
If a WeasyPrint outside them lacks the function, the PDF is still made, without the per-passage
languages, and :func:`language_tags` says why (the exporter reports it as a warning);
``tests/test_weasyprint_hooks.py`` fails on such a version.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

__all__ = ["LANGUAGE_TAGS_MISSING", "language_tags", "language_tags_problem"]

LANGUAGE_TAGS_MISSING = "passages in another language are not tagged with their language"

_HOOKED = "_jsi_docs_lang_hook"


def _tagger() -> tuple[Any, Callable[..., Iterator[Any]], Callable[[str], Any]] | str:
    """WeasyPrint's tags module, its box-tree builder and ``pydyf.String``, or what is amiss."""
    from weasyprint.pdf import tags

    build = getattr(tags, "_build_box_tree", None)
    string = getattr(getattr(tags, "pydyf", None), "String", None)
    if build is None or not inspect.isgeneratorfunction(inspect.unwrap(build)):
        return "weasyprint.pdf.tags._build_box_tree is gone or no longer a generator"
    if not callable(string):
        return "weasyprint.pdf.tags no longer uses pydyf.String"
    return tags, build, string


def language_tags_problem() -> str | None:
    """Why :func:`language_tags` cannot apply to the installed WeasyPrint, or ``None``."""
    found = _tagger()
    return found if isinstance(found, str) else None


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


@contextmanager
def language_tags() -> Iterator[str | None]:
    """While inside, WeasyPrint's tagger adds ``/Lang`` from each element's ``lang`` attribute.

    Yields ``None``, or why the hook does not apply (then nothing is changed). Callers hold the
    PDF exporter's lock, so two of our renders never wrap the tagger at once; the original is
    put back on exit unless something else replaced it meanwhile.
    """
    found = _tagger()
    if isinstance(found, str):
        yield found
        return
    tags, build, string = found
    if getattr(build, _HOOKED, False):  # already inside a render of ours
        yield None
        return
    wrapped = _wrap(build, string)
    tags._build_box_tree = wrapped
    try:
        yield None
    finally:
        if tags._build_box_tree is wrapped:
            tags._build_box_tree = build
