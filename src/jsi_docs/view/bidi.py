"""Which texts need bidi isolation: words of the other direction than the text around them.

A Latin name, a document symbol, a URL or an e-mail address inside Arabic text (or an Arabic
name inside English) is shown in the right order only if the bidi algorithm treats it as one
unit: writers isolate it (``<bdi>`` in HTML). Words already in their surroundings' direction
are left alone, so a left-to-right item in Latin script is written exactly as before.
"""

from __future__ import annotations

import unicodedata
from typing import Final, Literal

__all__ = ["needs_isolation", "strong_directions"]

_STRONG: Final = {"L": "ltr", "R": "rtl", "AL": "rtl"}


def strong_directions(text: str) -> frozenset[Literal["ltr", "rtl"]]:
    """The directions of the strong characters in ``text`` (letters; not digits or marks)."""
    found: set[Literal["ltr", "rtl"]] = set()
    for c in text:
        kind = unicodedata.bidirectional(c)
        if kind == "L":
            found.add("ltr")
        elif kind in ("R", "AL"):
            found.add("rtl")
        if len(found) == 2:
            break
    return frozenset(found)


def needs_isolation(text: str, direction: str) -> bool:
    """Whether ``text``, shown inside text written in ``direction`` ("ltr" or "rtl"), holds
    letters of the other direction and so must be isolated from its surroundings."""
    other = "ltr" if direction == "rtl" else "rtl"
    return other in strong_directions(text)


FIRST_STRONG_ISOLATE: Final = "\u2068"
POP_DIRECTIONAL_ISOLATE: Final = "\u2069"
"""Around words of the other direction inside a label's text (every format keeps them as
characters: a label has no markup of its own to isolate them with)."""
