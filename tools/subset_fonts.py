"""Rebuild the default theme's fonts: DejaVu Sans and Serif subset to Latin and punctuation.

``python tools/subset_fonts.py`` reads Debian's ``fonts-dejavu-core`` (``/usr/share/fonts/
truetype/dejavu``) and writes ``src/jsi_docs/themes/default/fonts/*.ttf`` with fontTools'
subsetter: Basic Latin, Latin-1, Latin Extended-A (French, Spanish and most European
languages), general punctuation with the no-break and narrow no-break spaces French typography
needs, the euro sign and a few symbols. Hinting is dropped; kerning and ligatures are kept.
The Bitstream Vera licence allows modified copies under a name without "Bitstream" or "Vera".

``python tools/subset_fonts.py --language-names`` writes the other fonts of the theme,
``JSILanguageNamesCJK-Regular.otf`` and ``-Bold.otf``: the ideographs of the languages' own
names (中文) and the space, cut from Noto Sans CJK SC (``fonts-noto-cjk``) with glyphs renumbered, so that a
Latin item whose language-versions line names Chinese embeds a few hundred bytes of CJK font
where the system's Noto Sans CJK SC would embed about 38 KB (WeasyPrint keeps glyph ids when it
subsets, and these two sit near glyph 20,000). ``fonts.css`` gives them to "JSI Sans" for those
characters only (``unicode-range``). The OFL allows modified copies under a name that is not a
Reserved Font Name ("Source"); they are renamed "JSI Language Names CJK".
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset

ROOT = Path(__file__).resolve().parents[1]
SOURCE = Path("/usr/share/fonts/truetype/dejavu")
TARGET = ROOT / "src/jsi_docs/themes/default/fonts"
FACES = (
    "DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", "DejaVuSans-BoldOblique",
    "DejaVuSerif", "DejaVuSerif-Bold", "DejaVuSerif-Italic", "DejaVuSerif-BoldItalic",
)  # fmt: skip
UNICODES = (
    "U+0020-007E,U+00A0-017F,U+0192,U+0218-021B,U+02C6-02C7,U+02D8-02DD,U+2000-2027,"
    "U+202F-2044,U+205F-2060,U+20AC,U+2116,U+2122,U+2190-2193,U+2212,U+FEFF,U+FFFD"
)


NOTO_CJK = Path("/usr/share/fonts/opentype/noto")
NOTO_CJK_COPYRIGHT = Path("/usr/share/doc/fonts-noto-cjk/copyright")
NAMES_FONT = "JSILanguageNamesCJK"
NAMES_FAMILY = "JSI Language Names CJK"
NAMES_FACES = {"Regular": "NotoSansCJK-Regular.ttc", "Bold": "NotoSansCJK-Bold.ttc"}
_SIMPLIFIED_CHINESE = 2  # the SC face in the collections of fonts-noto-cjk


def name_ideographs() -> str:
    """The ideographs of every supported language's name in itself, sorted ("中文")."""
    from jsi_docs.i18n import language_name, supported_languages

    names = "".join(language_name(code) for code in supported_languages())
    return "".join(sorted({c for c in names if "\u2e80" <= c <= "\u9fff"}))


def language_names() -> int:
    """Write the CJK fonts of the languages' names and their licence."""
    from fontTools.ttLib import TTFont

    if not NOTO_CJK.is_dir():
        print(f"needs {NOTO_CJK} (apt-get install fonts-noto-cjk)", file=sys.stderr)
        return 1
    characters = name_ideographs()
    copyright_notice = ""
    for style, collection in NAMES_FACES.items():
        font = TTFont(NOTO_CJK / collection, fontNumber=_SIMPLIFIED_CHINESE, lazy=False)
        options = subset.Options()
        options.layout_features = []
        options.hinting = False
        options.desubroutinize = True
        options.notdef_outline = True
        options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]
        subsetter = subset.Subsetter(options)
        # and the space: Pango keeps a run's font for a space after it, as if every font had
        # one (HarfBuzz draws the other spaces with it), so without it "中文 x" shows a box
        subsetter.populate(unicodes=[ord(c) for c in characters + " "])
        subsetter.subset(font)
        copyright_notice = font["name"].getDebugName(0) or copyright_notice
        table = font["name"]
        for record in list(table.names):
            if record.nameID in (1, 3, 4, 6, 16, 17):
                table.removeNames(nameID=record.nameID)
        table.setName(NAMES_FAMILY, 1, 3, 1, 0x409)
        table.setName(f"{NAMES_FONT}-{style}", 3, 3, 1, 0x409)
        table.setName(f"{NAMES_FAMILY} {style}", 4, 3, 1, 0x409)
        table.setName(f"{NAMES_FONT}-{style}", 6, 3, 1, 0x409)
        if "CFF " in font:
            cff = font["CFF "].cff
            cff.fontNames = [f"{NAMES_FONT}-{style}"]
        font.save(TARGET / f"{NAMES_FONT}-{style}.otf")
    licence = NOTO_CJK_COPYRIGHT.read_text(encoding="utf-8").split("License: SIL-1.1\n")[-1]
    licence = licence.split("\nLicense: ")[0]
    body = "\n".join("" if line.strip() == "." else line[1:] for line in licence.splitlines())
    (TARGET / "LICENSE-Noto-CJK.txt").write_text(
        f"{NAMES_FAMILY} (fonts/{NAMES_FONT}-*.otf): the characters {characters} of\n"
        f"Noto Sans CJK SC, renamed. {copyright_notice}\n\n{body.strip()}\n",
        encoding="utf-8",
    )
    sizes = sum((TARGET / f"{NAMES_FONT}-{s}.otf").stat().st_size for s in NAMES_FACES)
    print(
        f"{len(NAMES_FACES)} fonts of {characters}, {sizes:,} bytes in {TARGET.relative_to(ROOT)}"
    )
    return 0


def main() -> int:
    if sys.argv[1:] == ["--language-names"]:
        return language_names()
    if not SOURCE.is_dir():
        print(f"needs {SOURCE} (apt-get install fonts-dejavu-core)", file=sys.stderr)
        return 1
    for face in FACES:
        subset.main(
            [
                str(SOURCE / f"{face}.ttf"),
                f"--unicodes={UNICODES}",
                "--layout-features=kern,liga,clig,calt,mark,mkmk,ccmp,locl",
                "--no-hinting",
                "--desubroutinize",
                "--name-IDs=*",
                "--name-languages=*",
                "--notdef-outline",
                f"--output-file={TARGET / f'{face}.ttf'}",
            ]
        )
    total = sum((TARGET / f"{face}.ttf").stat().st_size for face in FACES)
    print(f"{len(FACES)} fonts, {total // 1024} KiB in {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
