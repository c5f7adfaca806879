"""The house style is defined once: tokens.toml makes the generated block of both stylesheets,
and the hand-written rest of each takes fonts and colours only from that block."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import tinycss2  # type: ignore[import-untyped]
import tinycss2.color3  # type: ignore[import-untyped]

from _theme_helpers import SHEETS, declarations, sheet_text, tokens, tool
from jsi_docs.themes import DEFAULT_THEME_DIR
from jsi_docs.themes.tokens import TOKENS_NAME, parse_tokens

# Properties that make an element's look: the hand-written CSS may not set them to a value of its
# own (a var() of the generated block, inherit or a relative size only).
LOOK = frozenset(
    {"font-family", "font-weight", "font-style", "color", "letter-spacing", "text-transform",
     "hyphens", "font", "font-size", "text-decoration", "text-decoration-line"}
)  # fmt: skip
KEYWORDS = frozenset({"inherit", "initial", "unset", "currentcolor", "transparent", "none"})
QUOTE_MARKS = "«»‹›“”„‘’‚\"'"


@pytest.mark.parametrize("name", SHEETS)
def test_stylesheet_is_what_the_tokens_make(name: str) -> None:
    made = tool("make_theme").sheets()[DEFAULT_THEME_DIR / name]
    assert sheet_text(name) == made, "run python tools/make_theme.py"


@pytest.mark.parametrize("name", SHEETS)
def test_each_selector_of_an_element_gets_the_elements_look(name: str) -> None:
    """Read as the cascade reads it: of the rules that list a selector, the last to set a
    property wins. A rule pasted into another's selector list (the table rule that once took
    the headings' sans font away) fails here."""
    make_theme = tool("make_theme")
    medium = make_theme.SHEETS[name]
    by_selector: dict[str, dict[str, str]] = {}
    for prelude, prop, decl in declarations(sheet_text(name)):
        for selector in (part.strip() for part in prelude.split(",")):
            value = tinycss2.serialize(decl.value).strip()
            by_selector.setdefault(selector, {})[prop] = value
    checked = 0
    for element in tokens().elements:
        for decl in make_theme.declarations(element.look, medium, tokens()):
            prop, value = decl.split(": ", 1)
            for selector in element.html:
                assert by_selector.get(selector, {}).get(prop) == value, (element.name, selector)
                checked += 1
    assert checked > 150
    sans = "var(--jsi-font-sans)"
    for selector in (".jsi-item .headline", ".jsi-item .item-body h2", ".jsi-item .series"):
        assert by_selector[selector]["font-family"] == sans, selector
    assert by_selector[".jsi-item .item-meta"]["font-family"] == sans


@pytest.mark.parametrize("name", SHEETS)
def test_hand_written_css_takes_its_look_from_the_tokens(name: str) -> None:
    hand = tool("make_theme").hand_written(sheet_text(name))
    found = declarations(hand)
    assert len(found) > 50
    for prelude, prop, decl in found:
        where = f"{name}: {prelude} {{ {prop}: {tinycss2.serialize(decl.value).strip()} }}"
        tokens_ = [t for t in decl.value if t.type not in ("whitespace", "comment")]
        for token in tokens_:
            colour = tinycss2.color3.parse_color(token)
            literal = colour is not None and colour != "currentColor"
            if token.type == "ident" and token.lower_value == "transparent":
                literal = False
            assert not literal, f"a colour of its own: {where}"
        if prop not in LOOK:
            continue
        values = [t for t in tokens_ if t.type != "literal" or t.value != ","]
        for token in values:
            if token.type == "function":
                assert token.lower_name == "var", where
            elif token.type == "ident":
                assert token.lower_value in KEYWORDS, where
            elif prop == "font-size":
                assert token.type == "percentage" or (
                    token.type == "dimension" and token.lower_unit == "em"
                ), where
            else:
                raise AssertionError(f"a look of its own: {where}")


@pytest.mark.parametrize("name", SHEETS)
def test_every_custom_property_used_is_defined(name: str) -> None:
    found = declarations(sheet_text(name))
    defined = {prop for prelude, prop, _ in found if prelude == ":root"}
    used = set(
        re.findall(r"var\(\s*(--[\w-]+)", " ".join(tinycss2.serialize(d.value) for *_, d in found))
    )
    assert used
    assert used <= defined, used - defined


@pytest.mark.parametrize("name", SHEETS)
def test_no_css_draws_quotation_marks(name: str) -> None:
    """Direct speech and quoted terms hold their marks as characters: the theme draws none."""
    for prelude, prop, decl in declarations(sheet_text(name)):
        assert prop != "quotes", prelude
        if prop != "content":
            continue
        for token in decl.value:
            if token.type == "string":
                assert not set(token.value) & set(QUOTE_MARKS), (prelude, token.value)
            if token.type == "ident":
                assert "quote" not in token.lower_value, (prelude, token.value)


def test_tokens_refuse_what_they_do_not_know() -> None:
    text = (DEFAULT_THEME_DIR / TOKENS_NAME).read_text(encoding="utf-8")
    assert parse_tokens(text).element("speaker-name").look.colour is None
    with pytest.raises(Exception, match="underlined"):
        parse_tokens(text.replace('decoration = "none"', "underlined = true", 1))
    with pytest.raises(ValueError, match="unknown colour 'blue'"):
        parse_tokens(text.replace('colour = "accent"', 'colour = "blue"', 1))
    with pytest.raises(ValueError, match="unknown font role 'mono'"):
        parse_tokens(text.replace('family = "sans"', 'family = "mono"', 1))
    with pytest.raises(ValueError, match="weight"):
        parse_tokens(text.replace("weight = 700", "weight = 600", 1))


def test_a_theme_folder_gets_its_own_sheets(tmp_path: Path) -> None:
    """The tool makes a user theme's stylesheets from that theme's tokens."""
    text = (DEFAULT_THEME_DIR / TOKENS_NAME).read_text(encoding="utf-8")
    (tmp_path / TOKENS_NAME).write_text(text.replace("#00417a", "#8b0000"), encoding="utf-8")
    for name in SHEETS:
        (tmp_path / name).write_text(sheet_text(name), encoding="utf-8")
    made = tool("make_theme").sheets(tmp_path)
    assert all("--jsi-colour-accent: #8b0000;" in css for css in made.values())
    assert all("#00417a" not in css for css in made.values())
