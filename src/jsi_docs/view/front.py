"""The front matter of the view that press releases and reports add to a news item: the
dateline ("Geneva, 12 March 2024"), decided once for every writer."""

from __future__ import annotations

from typing import Literal

import attrs

__all__ = ["DatelinePart", "DatelineView"]

DatelinePart = tuple[Literal["text", "place", "date"], str]
"""One piece of a dateline: the words around, the place or the date, and its text."""


@attrs.frozen
class DatelineView:
    """Where and when, as known: ``parts`` in the order the language writes them ("Geneva",
    ", ", "12 March 2024"); ``place_lang`` is the place's language when stated and not the
    item's; ``iso`` the date to the precision known, None when the source gives only a place."""

    parts: tuple[DatelinePart, ...]
    place_lang: str | None = None
    iso: str | None = None

    @property
    def text(self) -> str:
        """The whole line as plain text."""
        return "".join(text for _, text in self.parts)
