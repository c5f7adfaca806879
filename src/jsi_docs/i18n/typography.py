"""Typography profiles: the spacing and quotation marks of a language or a house style.

A :class:`TypographyProfile` is data: each language file gives its own (``[typography]`` in
``data/languages/<code>.toml``), and house styles that are not a language have a file of their
own (``data/profiles/house_wto.toml``); see :mod:`jsi_docs.i18n.profiles` for the profiles by
name and ``docs/languages.md`` for the keys.

A profile is applied to **plain text runs only**. Exporters call :meth:`TypographyProfile.apply`
on the text of text nodes -- never on URLs, e-mail addresses, code or markup, which must not be
passed in. As a safety net, URLs (``https://...``, ``www....``, ``mailto:...``) and e-mail
addresses found inside a run are left untouched.

The rules a profile can express:

* ``space_before``: for any punctuation mark (``:``, ``?``, the Arabic ``؟``, a full-width
  ``！``...), the space put before it -- ``"\u00a0"``, ``"\u202f"``, or ``""`` to remove spaces
  found there. Ordinary or other spaces already there are replaced, never doubled. A mark
  followed by a letter or digit is not prose punctuation and is left alone (``a?b``; a
  full-width mark such as ``？`` always is, as Chinese puts no space after it), and a
  colon only counts when followed by a space, the end or a closing guillemet (``12:30``,
  ``https://``, ``WT/L:1`` keep theirs). No space is inserted after an opening bracket or quote,
  an inverted ``¿¡``, a dash, a slash or another spaced mark (``(?)``, ``?!``).
* ``space_inside_guillemets``: the space put inside ``« »``.
* ``curly_apostrophes``: a straight apostrophe after a letter becomes ’.
* ``punctuation_after_quotes``: the marks (``.`` and ``,`` in Spanish and Russian) that,
  ending a quotation, are written after its closing mark: «No lo haré». The view moves them
  (:mod:`jsi_docs.view.punctuation`); :meth:`TypographyProfile.apply` does not.
* ``no_space_between_wide``: spaces between two wide characters (Han, kana, full-width
  punctuation) are removed: Chinese puts none between words, so a line break that a YAML
  folded text (``>-``) turned into a space is no space in the output (``）。 秘书长``).

Quotation marks are not converted inside runs: whether ``"`` opens or closes cannot be told
reliably from one run (a quotation can span emphasis). Direct quotations are structural in the
model; exporters put the profile's :attr:`~TypographyProfile.quotes` around them.

Only the run is changed. ``before`` and ``after`` give the text of the neighbouring runs as
context, so that ``"<em>Note</em>: suite"`` still gets its space: the space goes into the run
that holds the punctuation (or the opening guillemet). Without ``before``, nothing is inserted
before punctuation at the very start of a run.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

import attrs

__all__ = [
    "NARROW_NBSP",
    "NBSP",
    "SPACES",
    "TypographyProfile",
]

NBSP: Final = "\u00a0"
NARROW_NBSP: Final = "\u202f"
SPACES: Final = " \t\u00a0\u202f\u2009\u2007\u2008\u200a"
"""Horizontal spaces a profile may replace or remove next to the punctuation it targets."""

_NO_SPACE_AFTER: Final = "([{«“‘\"'’¿¡/-–—:;!?"
"""Characters after which no space is inserted before spaced punctuation (``(?)``, ``?!``,
``«?``, an apostrophe, straight or curly, so that typesetting twice changes nothing); a
profile adds the marks it spaces."""

_OWN_RULES: Final = "«»'"
"""Characters with a rule of their own (guillemets, apostrophe), never keys of ``space_before``."""

_URL_OR_EMAIL: Final = re.compile(
    r"""(?:[A-Za-z][A-Za-z0-9+.-]*://|www\.|mailto:)[^\s<>«»“”"]*[^\s<>«»“”"'.,;:!?)\]]"""
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
)


def _spaces(name: str, value: str | None) -> None:
    if value is not None and any(c not in SPACES for c in value):
        raise ValueError(f"{name} must be made of spaces, not {value!r}")


def _frozen(value: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType(dict(value))


def _check_space_before(
    _instance: object, _attribute: attrs.Attribute[Mapping[str, str]], value: Mapping[str, str]
) -> None:
    for mark, space in value.items():
        if len(mark) != 1 or mark in SPACES or mark.isspace() or mark.isalnum():
            raise ValueError(f"space_before: {mark!r} is not one punctuation character")
        if mark in _OWN_RULES:
            raise ValueError(f"space_before: {mark!r} has its own rule and cannot be spaced here")
        _spaces(f"space_before[{mark!r}]", space)


def _check_after_quotes(_instance: object, _attribute: attrs.Attribute[str], value: str) -> None:
    for mark in value:
        if mark.isalnum() or mark.isspace() or mark in "…«»“”„‘’\"'":
            raise ValueError(f"punctuation_after_quotes: {mark!r} is not a punctuation mark")


def _check_guillemets(
    _instance: object, attribute: attrs.Attribute[str | None], value: str | None
) -> None:
    _spaces(attribute.name, value)


@attrs.frozen(cache_hash=True)
class TypographyProfile:
    """How a style spaces punctuation and marks quotations.

    ``space_before`` maps each punctuation character to the space put before it (``""``
    removes spaces found there; a mark absent is left as written). ``space_inside_guillemets``
    likewise for the inside of « » (``None``: as written). ``quotes`` and ``nested_quotes`` are
    the (opening, closing) marks put around a direct quotation and around one inside another;
    ``curly_apostrophes`` turns ``'`` after a letter into ’. ``comma`` joins the parts of a
    line the view composes (a speaker's Member, roles, a meeting's place), ``parentheses``
    enclose a speaker's Member: ", " and " (", ")" by default; full-width "，" and "（", "）"
    in Chinese, "، " in Arabic. ``punctuation_after_quotes`` lists the marks that, ending a
    quotation, are written after its closing mark (Spanish, Russian: «No lo haré».).
    """

    name: str
    quotes: tuple[str, str]
    nested_quotes: tuple[str, str]
    space_before: Mapping[str, str] = attrs.field(
        factory=dict, converter=_frozen, validator=_check_space_before, hash=False
    )  # (a read-only mapping, compared but not hashed: equal profiles still hash alike)
    space_inside_guillemets: str | None = attrs.field(default=None, validator=_check_guillemets)
    curly_apostrophes: bool = False
    comma: str = ", "
    parentheses: tuple[str, str] = (" (", ")")
    no_space_between_wide: bool = False
    punctuation_after_quotes: str = attrs.field(default="", validator=_check_after_quotes)
    """The marks that, ending a quotation, go after its closing mark (``".,"`` in Spanish)."""
    acted_on: re.Pattern[str] = attrs.field(init=False, eq=False, hash=False, repr=False)
    """Matches the characters this profile may change or space around (see :meth:`may_change`)."""

    acted_on_chars: str = attrs.field(init=False, eq=False, hash=False, repr=False)
    """The characters :attr:`acted_on` matches."""
    _no_space_after: str = attrs.field(init=False, eq=False, hash=False, repr=False)

    def __attrs_post_init__(self) -> None:
        chars = "".join(self.space_before)
        object.__setattr__(self, "_no_space_after", _NO_SPACE_AFTER + chars)
        if self.space_inside_guillemets is not None:
            chars += "«»"
        if self.curly_apostrophes:
            chars += "'"
        pattern = re.compile(f"[{re.escape(chars)}]" if chars else "(?!)")
        object.__setattr__(self, "acted_on", pattern)
        object.__setattr__(self, "acted_on_chars", chars)

    def apply(self, text: str, *, before: str = "", after: str = "") -> str:
        """``text`` (one plain-text run, never a URL) respaced by this profile.

        ``before``/``after`` are the neighbouring runs' text, read as context only. Idempotent:
        applying twice gives the result of applying once. Only :data:`SPACES` (around the targeted
        punctuation) and apostrophes change.
        """
        if self.no_space_between_wide and ("\t" in text or " " in text):
            text = _join_wide(text, before, after)
        if not ("@" in text or "://" in text or "www." in text or "mailto:" in text):
            # No URL or e-mail address can be there (the expression finding them is slow).
            return self._chunk(text, before, after)
        out: list[str] = []
        pos = 0
        for m in _URL_OR_EMAIL.finditer(text):
            out.append(
                self._chunk(text[pos : m.start()], before + text[:pos], text[m.start() :] + after)
            )
            out.append(m.group())
            pos = m.end()
        out.append(self._chunk(text[pos:], before + text[:pos], after))
        return "".join(out)

    __call__ = apply

    def may_change(self, text: str) -> bool:
        """Whether :meth:`apply` could change ``text``, in any context.

        False when ``text`` holds none of the characters this profile acts on (its
        punctuation, guillemets, straight apostrophes): such a run is left as it is whatever its
        neighbours, so exporters can skip typesetting it.
        """
        if self.no_space_between_wide and _may_join(text):
            return True
        return self.acted_on.search(text) is not None

    def needs_context(self, text: str) -> bool:
        """Whether :meth:`apply`'s result for ``text`` may depend on its neighbours.

        Only punctuation, guillemets or apostrophes at either end of a run (spaces aside) look
        past it; a run without them is typeset the same whatever surrounds it.
        """
        acted_on = self.acted_on.match
        if self.no_space_between_wide and _EDGE_SPACE_BY_WIDE.search(text):
            return True
        return (
            acted_on(text.lstrip(SPACES)) is not None
            or acted_on(text.rstrip(SPACES)[-1:]) is not None
        )

    def _chunk(self, text: str, before: str, after: str) -> str:
        # Only the spaces next to the characters acted on can change: find those gaps (runs of
        # SPACES, possibly empty) and apply the rules to each, in order; then the apostrophes.
        spacing = self.space_before
        guillemets = self.space_inside_guillemets
        size = len(text)
        first = before[-1] if before else None
        last = after[0] if after else None
        gaps: dict[int, int] = {}  # start -> end of each gap to look at
        apostrophes: list[int] = []
        for c in self.acted_on_chars:  # str.find is far faster than a regular expression
            at = text.find(c)
            while at != -1:
                if c == "'":
                    apostrophes.append(at)
                elif c == "«":
                    end = at + 1
                    while end < size and text[end] in SPACES:
                        end += 1
                    gaps[at + 1] = end
                else:
                    start = at
                    while start > 0 and text[start - 1] in SPACES:
                        start -= 1
                    gaps[start] = at
                at = text.find(c, at + 1)
        if not gaps and not apostrophes:  # nothing this profile acts on
            return text
        replaced: list[tuple[int, int, str]] = []
        for start, end in sorted(gaps.items()):
            gap = text[start:end]
            lc = text[start - 1] if start > 0 else first
            rc = text[end] if end < size else last
            target: str | None = None
            if (
                rc is not None
                and end < size
                and rc in spacing
                and self._prose_follows(text, end, last)
            ):
                if gap or (lc is not None and not lc.isspace() and lc not in self._no_space_after):
                    target = spacing[rc]
            elif guillemets is not None and start > 0 and lc == "«":
                if gap or (rc is not None and not rc.isspace() and rc not in spacing):
                    target = guillemets
            elif (guillemets is not None and end < size and rc == "»") and (
                gap or (lc is not None and not lc.isspace() and lc != "«")
            ):
                target = guillemets
            if target is not None and target != gap:
                replaced.append((start, end, target))
        if self.curly_apostrophes:
            for at in apostrophes:
                lc = text[at - 1] if at > 0 else first
                if lc is not None and lc.isalpha():
                    replaced.append((at, at + 1, "\u2019"))
            replaced.sort()
        if not replaced:
            return text
        out: list[str] = []
        pos = 0
        for start, end, new in replaced:
            out.append(text[pos:start])
            out.append(new)
            pos = end
        out.append(text[pos:])
        return "".join(out)

    @staticmethod
    def _prose_follows(text: str, at: int, last: str | None) -> bool:
        """Whether the punctuation at ``at`` is followed like prose: by a space, the end, or
        (after a colon, only a closing guillemet) a character that is not a letter or digit.
        A full-width mark (Chinese ，？) is always prose: Chinese puts no space after it."""
        if unicodedata.east_asian_width(text[at]) in "FW":
            return True
        nxt = text[at + 1] if at + 1 < len(text) else last
        if nxt is None or nxt in SPACES or nxt.isspace():
            return True
        return nxt == "»" if text[at] == ":" else not nxt.isalnum()


_WIDE: Final = (
    "\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f"
    "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6"
    "\U00020000-\U0003fffd\u201c\u201d\u2018\u2019"
)
"""Characters set full width in Chinese text: ideographs, kana, full-width punctuation and
forms, and the curly quotation marks (full width in Chinese fonts)."""
_SPACE_BETWEEN_WIDE: Final = re.compile(f"(?<=[{_WIDE}])[ \t]+(?=[{_WIDE}])")
_SPACE_BY_WIDE: Final = re.compile(f"[{_WIDE}][ \t]|[ \t][{_WIDE}]|^[ \t]+$")
_EDGE_SPACE_BY_WIDE: Final = re.compile(f"^[ \t]+(?:[{_WIDE}]|$)|[{_WIDE}][ \t]+$")


def _may_join(text: str) -> bool:
    """Whether a space of ``text`` touches a wide character (or ``text`` is spaces only), so
    that :func:`_join_wide` may remove it."""
    return ("\t" in text or " " in text) and _SPACE_BY_WIDE.search(text) is not None


def _join_wide(text: str, before: str, after: str) -> str:
    """``text`` without the spaces between two wide characters, its neighbours' included."""
    head, tail = before[-1:], after[:1]
    joined = _SPACE_BETWEEN_WIDE.sub("", head + text + tail)
    return joined[len(head) : len(joined) - len(tail)]
