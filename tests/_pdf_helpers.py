"""Shared helpers of the PDF tests: the examples, and text normalised for comparison."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import jsi_docs
from jsi_docs.model import NewsItem

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
FRENCH = EXAMPLES / "jsi-ecommerce-2023-05-25.fr.yaml"


def example_paths() -> list[Path]:
    """Every example item of the repository (YAML)."""
    return sorted(EXAMPLES.glob("*.yaml"))


@functools.cache
def load(path: Path) -> NewsItem:
    return jsi_docs.load(path)


def french_item() -> NewsItem:
    """The French e-commerce example, the item every PDF test starts from."""
    return load(FRENCH)


def squeeze(text: str) -> str:
    """Letters and digits only, case-folded: compares text across typography, quotation marks,
    hyphenation and line breaks (a word split "com-/mencé" joins back)."""
    return re.sub(r"[\W_]+", "", text.casefold())
