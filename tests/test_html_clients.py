"""Real clients judge the HTML: the Nu HTML Checker and axe-core in headless Chromium.

Every example is checked as a standalone page (screen and print mode), as a fragment wrapped
in a minimal page, and the French example with English and Spanish labels; so are the hostile
items of ``test_html_injection`` (markup and forbidden code points in every field).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings

import jsi_docs
from _html_parse import example_paths, minimal_page
from clients import Chromium, nu_check, require_axe, require_nu
from jsi_docs.exporters.base import ExportOptions
from jsi_docs.exporters.html import build_page, page_assets
from jsi_docs.model import NewsItem
from jsi_docs.themes import Theme
from strategies import news_items
from test_html_injection import evil_item, forbidden_item

pytestmark = pytest.mark.clients

FRENCH = next(p for p in example_paths() if p.name.endswith(".fr.yaml"))


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every page to check, written with the theme's assets beside it."""
    out = tmp_path_factory.mktemp("html")
    for relative, data in page_assets(Theme.load()).items():
        (out / relative).parent.mkdir(parents=True, exist_ok=True)
        (out / relative).write_bytes(data)
    written: dict[str, Path] = {}

    def write(name: str, html: str) -> None:
        path = out / f"{name}.html"
        path.write_text(html, encoding="utf-8")
        written[name] = path

    for path in example_paths():
        item = jsi_docs.load(path)
        write(path.stem, jsi_docs.export(item, "html").decode())
        write(
            f"{path.stem}.print",
            build_page(item, ExportOptions(), Theme.load(), print_mode=True).html,
        )
        fragment = jsi_docs.export(item, "html", fragment=True).decode()
        write(f"{path.stem}.fragment", minimal_page(fragment, item.language))
    for name, hostile in (("hostile", evil_item()), ("forbidden", forbidden_item())):
        write(name, jsi_docs.export(hostile, "html").decode())
        fragment = jsi_docs.export(hostile, "html", fragment=True).decode()
        write(f"{name}.fragment", minimal_page(fragment, hostile.language))
    french = jsi_docs.load(FRENCH)
    for labels_language in ("en", "es"):
        html = jsi_docs.export(french, "html", labels_language=labels_language).decode()
        write(f"{FRENCH.stem}.labels-{labels_language}", html)
    return written


def test_nu_html_checker_finds_no_error(pages: dict[str, Path]) -> None:
    require_nu()
    assert len(pages) >= 3 * len(example_paths())
    assert nu_check(sorted(pages.values())) == []


def test_nu_html_checker_finds_no_warning_on_the_french_page(pages: dict[str, Path]) -> None:
    require_nu()
    assert nu_check([pages[FRENCH.stem], pages[f"{FRENCH.stem}.fragment"]], warnings=True) == []


def test_axe_core_finds_no_violation(pages: dict[str, Path]) -> None:
    require_axe()
    found: dict[str, list[str]] = {}
    with Chromium() as browser:
        for name, path in sorted(pages.items()):
            if name.endswith(".print"):
                continue  # print.css is for paper; the screen pages are what a reader browses
            violations = browser.axe(path)
            if violations:
                found[name] = [
                    f"{v['id']}: {v['help']} {v['nodes'][0]['target']}" for v in violations
                ]
    assert found == {}


def test_nu_html_checker_accepts_generated_items(tmp_path: Path) -> None:
    """Valid markup whatever the item holds (hypothesis items: markup-like text, odd
    characters, every inline node nested in every other), page and fragment alike.

    The items are drawn first and checked together, as one Nu run costs seconds.
    """
    require_nu()
    paths: list[Path] = []

    @settings(max_examples=12, deadline=None, database=None)
    @given(item=news_items())
    def write(item: NewsItem) -> None:
        index = len(paths)
        page = tmp_path / f"item-{index}.html"
        page.write_bytes(jsi_docs.export(item, "html"))
        fragment = tmp_path / f"item-{index}.fragment.html"
        html = jsi_docs.export(item, "html", fragment=True).decode()
        fragment.write_text(minimal_page(html, item.language), encoding="utf-8")
        paths.extend((page, fragment))

    write()
    assert len(paths) >= 12
    assert nu_check(paths) == []
