"""Small helpers shared by the tests."""

from __future__ import annotations

import functools
from pathlib import Path

import jsi_docs
from jsi_docs.model import NewsItem

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
FRENCH = EXAMPLES / "jsi-ecommerce-2023-05-25.fr.yaml"


@functools.cache
def french_example() -> NewsItem:
    return jsi_docs.load(FRENCH)
