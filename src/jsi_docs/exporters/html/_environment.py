"""The Jinja2 environment of a theme: compiled once per theme and kept."""

from __future__ import annotations

import functools

import jinja2

from jsi_docs.themes import Theme

__all__ = ["TEMPLATE_DIR", "environment", "template"]

TEMPLATE_DIR = "templates"
"""Where a theme keeps its templates, relative to the theme folder."""


@functools.lru_cache(maxsize=16)
def environment(theme: Theme) -> jinja2.Environment:
    """A Jinja2 environment whose templates come from ``theme`` (user folder before default).

    ``autoescape=True`` is explicit: ``select_autoescape`` would not escape ``*.html.j2`` files.
    Undefined names fail loudly (``StrictUndefined``); templates are never re-read from disk.
    """
    loader = jinja2.ChoiceLoader(
        [jinja2.FileSystemLoader(folder / TEMPLATE_DIR) for folder in theme.folders]
    )
    return jinja2.Environment(
        loader=loader,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        auto_reload=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        cache_size=-1,
    )


@functools.lru_cache(maxsize=64)
def template(theme: Theme, name: str) -> jinja2.Template:
    """The compiled template ``name`` of ``theme``."""
    return environment(theme).get_template(name)
