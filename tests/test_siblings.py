"""Language versions rendered together link each other's files, and nothing else is invented."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner

import jsi_docs
from jsi_docs.batch import find_siblings, render_many
from jsi_docs.cli import main
from jsi_docs.view import build_view
from tests_helpers import EXAMPLES

STEM = "jsi-ecommerce-2023-05-25"
FR, EN, ES = (EXAMPLES / f"{STEM}.{lang}.yaml" for lang in ("fr", "en", "es"))


def alternates(page: str) -> dict[str, str]:
    """hreflang -> href of the page's <link rel="alternate">."""
    found = re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', page)
    return dict(found)


def visible_links(page: str) -> dict[str, str]:
    """hreflang -> href of the links in the page's language-versions list."""
    nav = page[page.index('<nav class="language-versions"') :]
    nav = nav[: nav.index("</nav>")]
    return {lang: href for href, lang in re.findall(r'<a href="([^"]+)" hreflang="([^"]+)"', nav)}


def docx_targets(path: Path) -> set[str]:
    with zipfile.ZipFile(path) as docx:
        rels = docx.read("word/_rels/document.xml.rels").decode()
    return set(re.findall(r'Target="([^"]+)"', rels))


def test_versions_rendered_together_link_each_others_files(tmp_path: Path) -> None:
    reports = render_many([FR, EN, ES], ["html", "docx", "pdf"], tmp_path, jobs=1)
    assert all(r.ok for r in reports), reports
    french = (tmp_path / f"{STEM}.fr.html").read_text(encoding="utf-8")
    expected = {"en": f"{STEM}.en.html", "es": f"{STEM}.es.html"}
    assert alternates(french) == expected
    assert visible_links(french) == expected
    english = (tmp_path / f"{STEM}.en.html").read_text(encoding="utf-8")
    assert alternates(english) == {"fr": f"{STEM}.fr.html", "es": f"{STEM}.es.html"}
    # a DOCX links the sibling DOCX
    assert {f"{STEM}.en.docx", f"{STEM}.es.docx"} <= docx_targets(tmp_path / f"{STEM}.fr.docx")
    # a PDF links no sibling file (docs/batch.md says why): the names stay text
    pdf = (tmp_path / f"{STEM}.fr.pdf").read_bytes()
    assert f"{STEM}.en".encode() not in pdf


def test_a_version_not_rendered_in_the_run_gets_no_link(tmp_path: Path) -> None:
    render_many([FR, EN], ["html"], tmp_path, jobs=2)  # in a process pool
    french = (tmp_path / f"{STEM}.fr.html").read_text(encoding="utf-8")
    assert alternates(french) == {"en": f"{STEM}.en.html"}
    assert '<span class="version" lang="es">Español</span>' in french


def test_one_item_alone_links_no_sibling(tmp_path: Path) -> None:
    render_many([FR], ["html"], tmp_path)
    assert alternates((tmp_path / f"{STEM}.fr.html").read_text(encoding="utf-8")) == {}


def test_a_version_with_a_url_keeps_it(tmp_path: Path) -> None:
    french = jsi_docs.load(FR)
    published = "https://www.wto.org/english/news_e/news23_e/jsec_25may23_e.htm"
    versions = tuple(
        attrs.evolve(v, url=published) if v.language == "en" else v
        for v in french.language_versions
    )
    render_many(
        [attrs.evolve(french, language_versions=versions), EN, ES], ["html"], tmp_path, jobs=1
    )
    page = (tmp_path / f"{STEM}.fr.html").read_text(encoding="utf-8")
    assert alternates(page) == {"en": published, "es": f"{STEM}.es.html"}


def test_a_sibling_that_fails_is_not_linked(tmp_path: Path) -> None:
    broken = tmp_path / "in" / f"{STEM}.en.yaml"
    broken.parent.mkdir()
    broken.write_text(EN.read_text(encoding="utf-8") + "colour: red\n", encoding="utf-8")
    out = tmp_path / "out"
    reports = render_many([FR, broken], ["html"], out, jobs=1)
    assert [r.ok for r in reports] == [True, False]
    assert reports[0].dropped_siblings == (f"{STEM}.en",)
    assert alternates((out / f"{STEM}.fr.html").read_text(encoding="utf-8")) == {}


def test_a_sibling_must_have_the_version_s_language(tmp_path: Path) -> None:
    impostor = tmp_path / "in" / "impostor.yaml"
    impostor.parent.mkdir()
    text = ES.read_text(encoding="utf-8").replace(f"id: {STEM}.es", f"id: {STEM}.en", 1)
    impostor.write_text(text, encoding="utf-8")
    assert str(FR) not in find_siblings([FR, impostor])


def test_an_id_two_sources_share_links_neither(tmp_path: Path) -> None:
    twin = tmp_path / "twin.en.yaml"
    shutil.copy(EN, twin)
    assert f"{STEM}.en" not in find_siblings([FR, EN, twin]).get(str(FR), {})


@pytest.mark.parametrize("name", ["../x.html", "sub/x.html", ".hidden.html", "javascript:alert(1)"])
def test_the_view_links_only_a_plain_file_name(name: str) -> None:
    item = jsi_docs.load(FR)
    view = build_view(item, sibling_files={f"{STEM}.en": name})
    english = next(v for v in view.versions if v.lang == "en")
    if name.startswith("javascript"):
        assert english.href == "javascript%3Aalert%281%29"  # a relative name, not a scheme
    else:
        assert english.href is None
        assert any("not a plain file name" in d.message for d in view.diagnostics)


def test_the_command_renders_a_linking_item_again_when_its_sibling_appears(tmp_path: Path) -> None:
    folder = tmp_path / "items"
    folder.mkdir()
    shutil.copy(FR, folder)
    out = tmp_path / "out"
    runner = CliRunner()
    assert (
        runner.invoke(main, ["render", str(folder), "--to", "html", "-o", str(out)]).exit_code == 0
    )
    assert alternates((out / f"{STEM}.fr.html").read_text(encoding="utf-8")) == {}
    shutil.copy(EN, folder)
    second = runner.invoke(main, ["render", str(folder), "--to", "html", "-o", str(out)])
    assert second.exit_code == 0, second.output
    assert "skipped" not in second.stderr
    assert alternates((out / f"{STEM}.fr.html").read_text(encoding="utf-8")) == {
        "en": f"{STEM}.en.html"
    }
    third = runner.invoke(main, ["render", str(folder), "--to", "html", "-o", str(out)])
    assert "2 unchanged item(s) skipped" in third.stderr
