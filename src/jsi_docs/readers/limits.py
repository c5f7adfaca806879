"""Bounds on input size, so that reading and rendering an item take bounded time and memory.

The figures were chosen from measurements (``docs/limits.md``, ``tools/measure_limits.py``):
a PDF costs about 26 µs of CPU per character of text, 1.4 ms per block and up to 6 ms per
inline element, and PyYAML about 0.1 ms per value, so the defaults keep the worst accepted item
(every limit reached at once) to about 12 s of CPU and 310 MB for a PDF and under 2 s to read
(measured) -- while a real news item (the French example: 6 800 characters, 10 blocks, 25
inline elements, 305 values) stays more than 50 times below every limit.
"""

from __future__ import annotations

import attrs

__all__ = ["DEFAULT_LIMITS", "Limits"]


@attrs.frozen
class Limits:
    """The largest input a reader accepts."""

    max_bytes: int = 2_000_000
    """Size of the file or text read (and of the JSON source embedded in a PDF or DOCX)."""
    max_document_bytes: int = 50_000_000
    """Size of a PDF or DOCX file read back (read up to this, whatever the file system says)."""
    max_depth: int = 40
    """Nesting of mappings and lists (the model needs about 12)."""
    max_nodes: int = 50_000
    """Scalars, mappings and lists in a YAML document (counted while parsing, before building)."""
    max_text: int = 100_000
    """Characters in one text value."""
    max_total_text: int = 500_000
    """Characters of text in the whole item: what a PDF's time and memory grow with."""
    max_blocks: int = 2_000
    """Blocks (paragraphs, lists, quotations, figures, table cells, notes) in the whole item."""
    max_inline: int = 2_000
    """Inline elements (emphasis, strong, links, quotations, references, note marks) in the
    whole item: each costs a PDF up to about 2 ms and 1 MB, whatever text it holds."""
    max_inline_depth: int = 12
    """Inline elements nested inside one another, in the text form and the node form alike
    (the canonical JSON of an item at this depth still reads back within ``max_depth``)."""


DEFAULT_LIMITS = Limits()
