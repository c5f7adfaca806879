"""Characters no installed font can draw, reported by the script they belong to.

WeasyPrint logs one warning per text run it had to draw with ``.notdef`` (empty boxes). We turn
those into one diagnostic per script, naming the script and the package that covers it, so a
missing font for Arabic says "Arabic" rather than leaving boxes in the PDF unnoticed.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from typing import Final

from jsi_docs.diagnostics import Diagnostic, Severity

__all__ = ["NOTDEF_MARKER", "missing_script_diagnostics", "script_of"]

NOTDEF_MARKER: Final = ".notdef glyph rendered"
"""The start of WeasyPrint's warning for characters no font has."""

_QUOTED: Final = re.compile(r'"(.*)"', re.DOTALL)
_KIND_WORDS: Final = (
    "LETTER", "CHARACTER", "SIGN", "DIGIT", "SYLLABLE", "IDEOGRAPH", "VOWEL", "MARK", "NUMBER",
    "PUNCTUATION", "SYMBOL", "LIGATURE", "CONSONANT", "COMMA", "FULL", "QUESTION", "SEMICOLON",
    "CAPITAL", "SMALL",
)  # fmt: skip
_PACKAGES: Final = {
    "LATIN": "fonts-dejavu-core", "CYRILLIC": "fonts-dejavu-core", "GREEK": "fonts-dejavu-core",
    "ARABIC": "fonts-noto-core", "CJK": "fonts-noto-cjk", "HIRAGANA": "fonts-noto-cjk",
    "KATAKANA": "fonts-noto-cjk", "HANGUL": "fonts-noto-cjk",
}  # fmt: skip
"""The Debian package the default theme's font stacks expect for a script of the six
languages (the README's apt line)."""


def script_of(char: str) -> str:
    """The script of ``char`` as its Unicode name says it: "Arabic", "Toto", "CJK"; "symbol"
    for a symbol or emoji, "invisible" for a separator or control character, "unassigned" for
    a code point with no name (private use)."""
    name = unicodedata.name(char, "")
    if not name:
        return "unassigned"
    category = unicodedata.category(char)
    if category.startswith("S"):
        return "symbol"
    if category[0] in "ZC":  # U+2028 LINE SEPARATOR, controls, format characters
        return "invisible"
    words = name.split()
    if words[0] == "CJK":
        return "CJK"
    script: list[str] = []
    for word in words:
        if word in _KIND_WORDS or "-" in word:
            break
        script.append(word)
    return " ".join(script or words[:1]).title()


def missing_script_diagnostics(records: list[logging.LogRecord]) -> list[Diagnostic]:
    """One warning per script whose characters were drawn as ``.notdef`` in these records."""
    missing: dict[str, list[str]] = {}
    for record in records:
        message = record.getMessage() if record.args else str(record.msg)
        if NOTDEF_MARKER not in message:
            continue
        quoted = _QUOTED.search(message)
        for char in quoted.group(1) if quoted else "":
            if char in " \t\n":
                continue
            chars = missing.setdefault(script_of(char), [])
            if char not in chars:
                chars.append(char)
    out = []
    for script, chars in missing.items():
        shown = ", ".join(f"U+{ord(c):04X}" for c in chars[:5]) + (" ..." if len(chars) > 5 else "")
        if script == "unassigned":
            message = f"no font can draw these private-use or unassigned characters ({shown})"
        elif script == "symbol":
            message = f"no installed font has these symbols or emoji ({shown})"
        elif script == "invisible":
            message = f"no font has a glyph for these separators or control characters ({shown})"
        else:
            package = _PACKAGES.get(script.upper())
            hint = f" (Debian/Ubuntu: apt-get install {package})" if package else ""
            message = (
                f"no installed font has the {script} script ({shown}); install a font "
                f"covering it{hint}"
            )
        out.append(Diagnostic(f"{message}: the PDF shows empty boxes", Severity.WARNING, "pdf"))
    return out
