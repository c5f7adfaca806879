"""Scalars whose type a reader could not settle on its own."""

from __future__ import annotations

__all__ = ["Ambiguous"]


class Ambiguous(str):
    """A plain YAML scalar that YAML 1.1 would not read as text (``no``, ``1.10``, ``12:30``).

    Readers hand it over as the text written; the converter accepts it where the field's type
    agrees with ``reading`` (a date for a date field) and refuses it where text is expected,
    rather than storing ``False`` for the country code ``NO``.
    """

    reading: str

    def __new__(cls, text: str, reading: str) -> Ambiguous:
        self = super().__new__(cls, text)
        self.reading = reading
        return self
