"""Themes for HTML: a user folder overrides the default templates and CSS file by file;
templates are compiled once per theme, escape by default and refuse undefined names."""

from __future__ import annotations

from pathlib import Path

import attrs
import jinja2
import pytest

import jsi_docs
from _html_parse import elements, parse, parse_fragment, text_of
from jsi_docs.errors import ExportError
from jsi_docs.exporters.html import environment, page_assets
from jsi_docs.exporters.html._environment import template
from jsi_docs.themes import Theme
from tests_helpers import french_example


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_user_templates_override_the_default_ones_file_by_file(tmp_path: Path) -> None:
    write(
        tmp_path / "templates" / "article.html.j2",
        '{% import "blocks.html.j2" as blocks with context %}'
        '<article class="house-style" lang="{{ item.language }}"><h1>{{ item.headline }}</h1>'
        "{% for s in item.sections %}{% for block in s.blocks %}"
        "{{ blocks[block_macro(block)](block) }}{% endfor %}{% endfor %}</article>\n",
    )
    item = french_example()
    page = parse(jsi_docs.export(item, "html", theme=tmp_path).decode())
    # The article is the user's; the page around it (head, JSON-LD) is still the default one.
    assert [a.get("class") for a in elements(page, "article")] == ["house-style"]
    assert next(elements(page, "meta")).get("charset") == "utf-8"
    assert len(list(elements(page, "script"))) == 1
    # blocks.html.j2, imported by the user's template, comes from the default theme.
    assert list(elements(page, "p", "statement"))
    fragment = parse_fragment(jsi_docs.export(item, "html", theme=tmp_path, fragment=True).decode())
    assert next(elements(fragment, "article")).get("class") == "house-style"


def test_user_css_replaces_the_default_and_fonts_stay(tmp_path: Path) -> None:
    write(tmp_path / "screen.css", "body { color: rebeccapurple; }\n")
    page_assets.cache_clear()  # read both themes now (another test may have cached the default)
    assets = page_assets(Theme.load(tmp_path))
    assert assets["screen.css"] == b"body { color: rebeccapurple; }\n"
    default = page_assets(Theme.load())
    assert assets["print.css"] == default["print.css"]
    fonts = [name for name in default if name.startswith("fonts/") and name.endswith(".ttf")]
    assert fonts
    assert all(assets[name] == default[name] for name in fonts)
    assert "fonts/LICENSE-DejaVu.txt" in assets


def test_default_fonts_are_small_and_cover_french_and_spanish() -> None:
    from fontTools.ttLib import TTFont

    assets = page_assets(Theme.load())
    fonts = {name: data for name, data in assets.items() if name.endswith(".ttf")}
    assert len(fonts) == 8
    assert sum(len(data) for data in fonts.values()) < 3_000_000
    needed = "àâæçéèêëîïôœùûüÿÀÂÆÇÉÈÊËÎÏÔŒÙÛÜŸñÑáíóúÁÍÓÚ¿¡«»“”‘’–—…\u00a0\u202f€"
    css = assets["fonts.css"].decode()
    for name in fonts:
        assert name in css
        import io

        cmap = TTFont(io.BytesIO(fonts[name])).getBestCmap()
        assert all(ord(c) in cmap for c in needed), name


def test_environment_is_compiled_once_escapes_and_is_strict(tmp_path: Path) -> None:
    theme = Theme.load()
    env = environment(theme)
    assert env is environment(Theme.load())
    assert template(theme, "page.html.j2") is template(theme, "page.html.j2")
    assert env.autoescape is True
    assert env.undefined is jinja2.StrictUndefined
    assert env.auto_reload is False
    assert isinstance(env.loader, jinja2.ChoiceLoader)
    assert env.from_string("{{ x }}").render(x="<b>") == "&lt;b&gt;"
    write(tmp_path / "templates" / "article.html.j2", "<article>{{ page.no_such_thing }}</article>")
    with pytest.raises(ExportError, match="no_such_thing") as caught:
        jsi_docs.export(french_example(), "html", theme=tmp_path, fragment=True)
    assert isinstance(caught.value.__cause__, jinja2.UndefinedError)


def test_user_templates_escape_text_too(tmp_path: Path) -> None:
    write(
        tmp_path / "templates" / "article.html.j2",
        "<article><h1>{{ item.headline }}</h1></article>",
    )
    item = attrs.evolve(french_example(), headline="<script>alert(1)</script>")
    html = jsi_docs.export(item, "html", theme=tmp_path, fragment=True).decode()
    root = parse_fragment(html)
    assert not list(elements(root, "script"))
    assert text_of(next(elements(root, "h1"))) == "<script>alert(1)</script>"


def test_pages_fetch_nothing_from_the_network() -> None:
    import re

    assets = page_assets(Theme.load())
    root = parse(jsi_docs.export(french_example(), "html").decode())
    hrefs = [
        link.get("href") or "" for link in elements(root, "link") if link.get("rel") == "stylesheet"
    ]
    assert hrefs
    assert all(href in assets for href in hrefs)  # relative, and shipped with the theme
    for name in ("screen.css", "fonts.css"):
        css = assets[name].decode()
        urls = re.findall(r"""(?:url\(\s*["']?|@import\s+["'])([^"')\s]+)""", css)
        assert urls
        for url in urls:
            assert "//" not in url
            assert url in assets, url
