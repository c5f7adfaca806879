"""The original typography algorithm, character by character: the reference the fast
:meth:`jsi_docs.i18n.TypographyProfile.apply` is checked against (tests only)."""

from __future__ import annotations

import unicodedata

from jsi_docs.i18n.typography import _NO_SPACE_AFTER, _URL_OR_EMAIL, SPACES, TypographyProfile


def reference_apply(
    self: TypographyProfile, text: str, *, before: str = "", after: str = ""
) -> str:
    out: list[str] = []
    pos = 0
    for m in _URL_OR_EMAIL.finditer(text):
        out.append(
            _chunk(self, text[pos : m.start()], before + text[:pos], text[m.start() :] + after)
        )
        out.append(m.group())
        pos = m.end()
    out.append(_chunk(self, text[pos:], before + text[:pos], after))
    return "".join(out)


def _chunk(self: TypographyProfile, text: str, before: str, after: str) -> str:
    if not text:
        return text
    spacing = dict(self.space_before)
    no_space_after = _NO_SPACE_AFTER + "".join(spacing)  # a spaced mark after another: "?!"
    guillemets = self.space_inside_guillemets
    # atoms: the non-space characters; gaps[i]: the spaces before atoms[i] (gaps[-1]: trailing).
    atoms: list[str] = []
    gaps: list[str] = []
    gap: list[str] = []
    for c in text:
        if c in SPACES:
            gap.append(c)
        else:
            gaps.append("".join(gap))
            atoms.append(c)
            gap = []
    gaps.append("".join(gap))
    n = len(atoms)

    def left(i: int) -> str | None:  # the character just before gap i's spaces
        if i > 0:
            return atoms[i - 1]
        return before[-1] if before else None

    def right(i: int) -> str | None:  # the character just after gap i's spaces
        if i < n:
            return atoms[i]
        return after[0] if after else None

    def prose_follows(i: int, colon: bool) -> bool:  # is atoms[i] followed like prose?
        if gaps[i + 1] or unicodedata.east_asian_width(atoms[i]) in "FW":
            return True
        nxt = right(i + 1)
        if nxt is None or nxt.isspace():
            return True
        return nxt == "»" if colon else not nxt.isalnum()

    new_gaps = list(gaps)
    for i in range(n + 1):
        g, lc, rc = gaps[i], left(i), right(i)
        target: str | None = None
        if i < n and rc in spacing and prose_follows(i, colon=rc == ":"):
            if g or (lc is not None and not lc.isspace() and lc not in no_space_after):
                target = spacing[rc]
        elif guillemets is not None and i > 0 and lc == "«":
            if g or (rc is not None and not rc.isspace() and rc not in spacing):
                target = guillemets
        elif (guillemets is not None and i < n and rc == "»") and (
            g or (lc is not None and not lc.isspace() and lc != "«")
        ):
            target = guillemets
        if target is not None:
            new_gaps[i] = target
    if self.curly_apostrophes:
        for i, c in enumerate(atoms):
            lc = left(i) if not gaps[i] else " "
            if c == "'" and lc is not None and lc.isalpha():
                atoms[i] = "\u2019"
    return "".join(g + a for g, a in zip(new_gaps, atoms, strict=False)) + new_gaps[n]
