"""Rebuild the default theme's fonts: DejaVu Sans and Serif subset to Latin and punctuation.

``python tools/subset_fonts.py`` reads Debian's ``fonts-dejavu-core`` (``/usr/share/fonts/
truetype/dejavu``) and writes ``src/jsi_docs/themes/default/fonts/*.ttf`` with fontTools'
subsetter: Basic Latin, Latin-1, Latin Extended-A (French, Spanish and most European
languages), general punctuation with the no-break and narrow no-break spaces French typography
needs, the euro sign and a few symbols. Hinting is dropped; kerning and ligatures are kept.
The Bitstream Vera licence allows modified copies under a name without "Bitstream" or "Vera".
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


def main() -> int:
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
