"""Bounds on input size, so that reading and rendering an item take bounded time and memory.

The figures were chosen from measurements (see ``docs/limits.md``): WeasyPrint's cost grows
faster than linearly on very long paragraphs, so single text values are kept well below the
sizes where a render takes seconds.
"""

from __future__ import annotations

import attrs

__all__ = ["DEFAULT_LIMITS", "Limits"]


@attrs.frozen
class Limits:
    """The largest input a reader accepts."""

    max_bytes: int = 4_000_000
    """Size of the file or text read."""
    max_depth: int = 40
    """Nesting of mappings and lists (the model needs about 12)."""
    max_nodes: int = 400_000
    """Scalars, mappings and lists in the whole document."""
    max_text: int = 100_000
    """Characters in one text value."""
    max_blocks: int = 5_000
    """Blocks (paragraphs, lists, quotations) in the whole item."""


DEFAULT_LIMITS = Limits()
