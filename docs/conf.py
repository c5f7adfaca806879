"""Sphinx configuration for the jsi_docs documentation (MyST Markdown, furo theme)."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

project = "jsi_docs"
author = "jsi_docs developers"
copyright = "jsi_docs developers"
release = "0.1.0"

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.viewcode",
]
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]

myst_enable_extensions = ["colon_fence", "deflist", "fieldlist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_typehints_description_target = "documented"
autodoc_default_options = {"members": True, "undoc-members": True}
autodoc_type_aliases = {"RichText": "RichText", "Inline": "Inline", "Block": "Block"}


class _EmptyGlobFilter(logging.Filter):
    """Drop "toctree glob pattern didn't match any documents".

    The index lists pages by glob (``html*``, ``pdf*``, ...) so that each appears, in its place,
    as soon as it is written; until then an empty glob is expected, not an error. Sphinx gives
    this warning no type, so ``suppress_warnings`` cannot name it.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        return getattr(record, "subtype", None) != "empty_glob"


logging.getLogger("sphinx.sphinx.directives.other").addFilter(_EmptyGlobFilter())

html_theme = "furo"
html_title = "jsi_docs"
