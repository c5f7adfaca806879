"""The Jinja2 environment of a theme: compiled once per theme and kept.

A theme is data, not code: its templates run in Jinja2's immutable sandbox (no attribute
starting with ``_``, so no ``lipsum.__globals__`` and no way to ``os``; no changing the values
handed to it) and are read only from inside the theme's folders (a template that is a link out
of its folder is not found).
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Iterator
from pathlib import Path

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

from jsi_docs.errors import ExportError
from jsi_docs.themes import Theme

__all__ = ["TEMPLATE_DIR", "environment", "template", "theme_errors"]

TEMPLATE_DIR = "templates"
"""Where a theme keeps its templates, relative to the theme folder."""


class _InsideLoader(jinja2.FileSystemLoader):
    """A file-system loader that does not follow a link out of its folder."""

    def __init__(self, folder: Path) -> None:
        super().__init__(folder)
        self._root = folder.resolve()

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        source, filename, uptodate = super().get_source(environment, template)
        if not Path(filename).resolve().is_relative_to(self._root):
            raise jinja2.TemplateNotFound(f"{template} (a link out of the theme folder)")
        return source, filename, uptodate


@functools.lru_cache(maxsize=16)
def environment(theme: Theme) -> jinja2.Environment:
    """A Jinja2 environment whose templates come from ``theme`` (user folder before default).

    ``autoescape=True`` is explicit: ``select_autoescape`` would not escape ``*.html.j2`` files.
    Undefined names fail loudly (``StrictUndefined``); templates are never re-read from disk.
    """
    loader = jinja2.ChoiceLoader([_InsideLoader(folder / TEMPLATE_DIR) for folder in theme.folders])
    return ImmutableSandboxedEnvironment(
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


@contextlib.contextmanager
def theme_errors() -> Iterator[None]:
    """Turn a theme template's failure (a syntax error, a name it lacks, an unsafe attribute
    the sandbox refused) into an :class:`ExportError` saying so."""
    try:
        yield
    except jinja2.TemplateError as exc:
        where = (
            f" ({exc.name}, line {exc.lineno})"
            if isinstance(exc, jinja2.TemplateSyntaxError)
            else ""
        )
        raise ExportError(f"the theme's templates failed{where}: {exc}") from exc
