"""Plain text in a stated language: a heading, a label or a title written in another language
than the item's (an English agenda item heading in a French summary, a Spanish unit name).

:class:`LangText` is a ``str`` that also carries ``lang`` (a BCP 47 tag), so a field that took
text keeps taking text: every reader of the field sees the words, and the view, which asks
:func:`lang_of`, marks them with their language in every format. Two values are equal when
their words and their language are; a ``LangText`` is never equal to a bare ``str``.

Files write it as a mapping, ``{text: "Item 3", lang: en}``, where the field's schema allows
it (:data:`LANG_FIELDS`); a bare string is text in the item's language, as before.
"""

from __future__ import annotations

import re
from typing import Any

from jsi_docs.model._checks import LANGUAGE_PATTERN

__all__ = ["LANG_FIELDS", "LangText", "lang_of"]

_LANGUAGE = re.compile(LANGUAGE_PATTERN)


class LangText(str):
    """Text in the language ``lang``; behaves as the ``str`` of its words everywhere else."""

    lang: str

    def __new__(cls, text: str, lang: str) -> LangText:
        if not isinstance(text, str):
            raise TypeError(f"text: expected text, got {type(text).__name__} {text!r}")
        if not isinstance(lang, str) or not _LANGUAGE.fullmatch(lang):
            raise ValueError(
                f"lang: {lang!r} is not a BCP 47 language tag (e.g. 'fr', 'en-GB', 'es-419')"
            )
        made = super().__new__(cls, text)
        made.lang = lang
        return made

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LangText):
            return str.__eq__(self, other) and self.lang == other.lang
        if isinstance(other, str):
            return False
        return NotImplemented

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    def __hash__(self) -> int:
        return hash((str(self), self.lang))

    def __repr__(self) -> str:
        return f"LangText({str(self)!r}, lang={self.lang!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (LangText, (str(self), self.lang))

    def __deepcopy__(self, memo: dict[int, Any]) -> LangText:
        return self

    def __copy__(self) -> LangText:
        return self


def lang_of(text: str | None) -> str | None:
    """The language stated for ``text``, or None (the item's language)."""
    return text.lang if isinstance(text, LangText) else None


LANG_FIELDS: frozenset[tuple[str, str]] = frozenset(
    {
        ("NewsItem", "headline"),
        ("Section", "heading"),
        ("Series", "label"),
        ("Topic", "label"),
        ("RelatedLink", "title"),
        ("Organization", "name"),
        ("Contact", "prompt"),
        ("Contact", "unit"),
        ("Contact", "person"),
        ("Phone", "label"),
        ("Dateline", "place"),
        ("Figure", "credit"),
    }
)
"""The plain-text fields (class name, field name) that may state their language; the view
marks it on each. Elsewhere a language is refused (validation says where)."""
