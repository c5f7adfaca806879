"""Small helpers shared by the tests."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from pathlib import Path

import jsi_docs
from jsi_docs.model import Insertion, InsertionMarks, NewsItem, NoteRef, RichText, Text, Truncation

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
FRENCH = EXAMPLES / "jsi-ecommerce-2023-05-25.fr.yaml"


@functools.cache
def french_example() -> NewsItem:
    return jsi_docs.load(FRENCH)


def shown_text(nodes: RichText, notes: Mapping[str, int], cut: str = "") -> str:
    """The text of ``nodes`` as a reader sees it: plain text with each note mark's number, an
    insertion between its marks, and ``cut`` where the text stops in the source (a format's
    ellipsis and words saying so; none by default)."""
    parts: list[str] = []
    for node in nodes:
        if isinstance(node, Text):
            parts.append(node.text)
        elif isinstance(node, NoteRef):
            parts.append(str(notes.get(node.note, "")))
        elif isinstance(node, Truncation):
            parts.append(cut)  # an ellipsis and a label, not the item's words
        elif isinstance(node, Insertion):
            opening, closing = ("[", "]") if node.marks is InsertionMarks.SQUARE else ("(", ")")
            parts.append(opening + shown_text(node.content, notes, cut) + closing)
        else:
            parts.append(shown_text(node.content, notes, cut))
    return "".join(parts)
