"""Find text that an XML 1.0 file (so a DOCX) cannot hold, and say in which field it is.

XML 1.0 has no way to write the control characters U+0000-U+0008, U+000B, U+000C,
U+000E-U+001F, the noncharacters U+FFFE and U+FFFF, or a lone surrogate (U+D800-U+DFFF not
paired, which a Python ``str`` can hold). lxml refuses them with a ``ValueError`` naming no
field; this module finds every one first and reports its JSONPath (``$.sections[0].blocks[1]
.text[0].text``) in an :class:`~jsi_docs.errors.InputError`.
"""

from __future__ import annotations

import enum
import re
from typing import Any, Final

import attrs

from jsi_docs.errors import InputError, Problem

__all__ = ["check_xml_text", "may_hold_illegal_xml", "xml_text_problems"]

_ILLEGAL: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# The same characters as ``json.dumps(ensure_ascii=False)`` writes them: surrogates and
# noncharacters as they are, control characters as \u00XX, \b or \f (an escaped backslash
# before "b" or "f" also matches: a false alarm only costs the full walk).
_ILLEGAL_IN_JSON: Final = re.compile(
    "[\ud800-\udfff\ufffe\uffff]|\\\\u00(?:0[0-8bBcCeEfF]|1[0-9a-fA-F])|\\\\[bf]"
)


def may_hold_illegal_xml(json_text: str) -> bool:
    """Whether the JSON of an item may hold text XML cannot (a cheap test before the walk)."""
    return _ILLEGAL_IN_JSON.search(json_text) is not None


def _describe(char: str) -> str:
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF:
        kind = "a lone surrogate"
    elif code >= 0xFFFE:
        kind = "a noncharacter"
    else:
        kind = "a control character"
    return f"U+{code:04X} ({kind})"


def xml_text_problems(value: object, path: str = "$") -> list[Problem]:
    """Every string inside ``value`` (attrs classes, tuples) holding characters XML cannot."""
    problems: list[Problem] = []
    _walk(value, path, problems)
    return problems


def _walk(value: object, path: str, problems: list[Problem]) -> None:
    if isinstance(value, enum.Enum):
        return
    if isinstance(value, str):
        found = _ILLEGAL.findall(value)
        if found:
            chars = ", ".join(_describe(c) for c in dict.fromkeys(found))
            problems.append(Problem(path, f"holds {chars}, which a DOCX (XML 1.0) cannot hold"))
        return
    if isinstance(value, tuple):
        for index, entry in enumerate(value):
            _walk(entry, f"{path}[{index}]", problems)
        return
    cls: Any = type(value)
    if attrs.has(cls):
        for field in attrs.fields(cls):
            _walk(getattr(value, field.name), f"{path}.{field.name}", problems)


def check_xml_text(value: object) -> None:
    """Raise :class:`InputError` naming every field of ``value`` that XML cannot hold."""
    problems = xml_text_problems(value)
    if problems:
        raise InputError(problems)
