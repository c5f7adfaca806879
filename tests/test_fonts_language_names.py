"""The theme's font of the languages' own names (中文): a Latin item that names its Chinese
version embeds a few glyphs renumbered, not a subset of Noto Sans CJK SC that keeps the glyph
ids of a 65,535-glyph font (about 38 KB for two ideographs)."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pypdf
import pytest
from fontTools.pens.recordingPen import RecordingPen  # type: ignore[import-untyped]
from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

import jsi_docs
from _pdf_helpers import EXAMPLES
from _theme_helpers import tool
from jsi_docs.themes import DEFAULT_THEME_DIR
from jsi_docs.themes.tokens import TOKENS_NAME, load_tokens

FONTS = DEFAULT_THEME_DIR / "fonts"
FAMILY = "JSI Language Names CJK"
FACES = ("Regular", "Bold")


def _font(style: str) -> Any:
    return TTFont(FONTS / f"JSILanguageNamesCJK-{style}.otf")


def test_the_fonts_hold_every_ideograph_of_the_language_names_and_little_else() -> None:
    ideographs = tool("subset_fonts").name_ideographs()
    assert ideographs == "中文"
    for style in FACES:
        font = _font(style)
        # the space too: Pango keeps a run's font for the space after it ("中文 x" showed a box)
        assert set(font.getBestCmap()) == {ord(c) for c in ideographs + " "}, style
        assert font["maxp"].numGlyphs == len(ideographs) + 2  # and .notdef: renumbered
        assert font["name"].getDebugName(1) == FAMILY
        assert "Source" not in (font["name"].getDebugName(6) or "")  # the OFL's reserved name
    assert (FONTS / "LICENSE-Noto-CJK.txt").read_text(encoding="utf-8").count("OPEN FONT LICENSE")


def test_the_glyphs_are_noto_sans_cjk_sc_s() -> None:
    noto = Path("/usr/share/fonts/opentype/noto")
    if not (noto / "NotoSansCJK-Regular.ttc").is_file():
        pytest.skip("fonts-noto-cjk is not installed")
    for style in FACES:
        ours = _font(style)
        theirs = TTFont(noto / f"NotoSansCJK-{style}.ttc", fontNumber=2)
        assert theirs["name"].getDebugName(1) == "Noto Sans CJK SC"
        for char in "中文":
            drawn = []
            for font in (ours, theirs):
                pen = RecordingPen()
                font.getGlyphSet()[font.getBestCmap()[ord(char)]].draw(pen)
                drawn.append(pen.value)
            assert drawn[0] == drawn[1], (style, char)


def test_the_family_follows_the_theme_s_sans_in_the_stack_and_has_its_faces() -> None:
    tokens = load_tokens(DEFAULT_THEME_DIR / TOKENS_NAME)
    assert tokens.fonts["sans"].css[:2] == ("JSI Sans", FAMILY)
    css = (DEFAULT_THEME_DIR / "fonts.css").read_text(encoding="utf-8")
    faces = re.findall(rf'font-family: "{FAMILY}"; src: url\("([^"]+)"\)', css)
    assert faces == [f"fonts/JSILanguageNamesCJK-{style}.otf" for style in FACES]


def _embedded_fonts(data: bytes) -> dict[str, int]:
    """Each embedded font's name (without the subset tag) and the size of its stream."""
    found: dict[str, int] = {}
    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        resources: Any = page["/Resources"]
        for reference in resources.get("/Font", {}).values():
            font = reference.get_object()
            for descendant in font.get("/DescendantFonts", []):
                descriptor = descendant.get_object()["/FontDescriptor"].get_object()
                for key in ("/FontFile2", "/FontFile3"):
                    if key in descriptor:
                        name = str(font["/BaseFont"]).split("+", 1)[-1]
                        found[name] = len(descriptor[key].get_object()._data)
    return found


def test_a_latin_item_naming_its_chinese_version_embeds_a_small_cjk_font() -> None:
    data = jsi_docs.export(jsi_docs.load(EXAMPLES / "jsi-ecommerce-2023-05-25.fr.yaml"), "pdf")
    fonts = _embedded_fonts(data)
    assert "JSI-Language-Names-CJK" in fonts, fonts
    assert not any("Noto" in name for name in fonts), fonts
    assert fonts["JSI-Language-Names-CJK"] < 2_000
    text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)
    assert "中文" in text


def test_a_chinese_item_keeps_its_own_font_for_its_text() -> None:
    data = jsi_docs.export(jsi_docs.load(EXAMPLES / "jsi-ecommerce-2023-05-25.zh.yaml"), "pdf")
    fonts = _embedded_fonts(data)
    assert "Noto-Sans-CJK-SC" in fonts
    assert "JSI-Language-Names-CJK" not in fonts  # its script's font comes first (by language)
