"""The full stop and the comma that end a quotation: after the closing mark in Spanish and
Russian («No lo haré».), inside in English (British usage), French and the others, in the
view and in the words every format shows."""

from __future__ import annotations

import re

import pytest

import jsi_docs
from _reading import docx_stream, html_stream, pdf_stream
from jsi_docs.i18n import get_language
from jsi_docs.i18n.catalog import load_catalog
from jsi_docs.i18n.exceptions import LanguageDataError
from jsi_docs.view import build_view, plain

_ITEM = """\
id: quote-test
language: {lang}
headline: Test
published: 2023-05-25
speakers:
  - id: tan
    name: {{given: Hung Seng, family: Tan}}
sections:
  - blocks:
      - text: >-
          {text}
"""


def _item(lang: str, text: str) -> jsi_docs.NewsItem:
    return jsi_docs.loads(_ITEM.format(lang=lang, text=text), format="yaml")


def _paragraph(lang: str, text: str, typography: str | None = None) -> str:
    view = build_view(_item(lang, text), typography=typography)
    (block,) = view.sections[0].blocks
    return plain(block.content)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("lang", "text", "shown"),
    [
        ("es", "Dijo: [Vendré mañana.](quote:tan) Luego", "Dijo: «Vendré mañana». Luego"),
        ("es", "[Vendré mañana,](quote:tan) dijo.", "«Vendré mañana», dijo."),
        ("ru", "Он сказал: [Я приду.](quote:tan)", "Он сказал: «Я приду»."),
        ("ru", "[Я приду,](quote:tan) сказал он.", "«Я приду», сказал он."),
        # English (British usage), French, Chinese, Arabic: as written, inside.
        ("en", "He said: [I will come.](quote:tan) Then", "He said: “I will come.” Then"),
        (
            "fr",
            "Il a dit: [Je viendrai.](quote:tan) Puis",
            "Il a dit\u00a0: «\u00a0Je viendrai.\u00a0» Puis",
        ),
        ("zh", "他说：[我会来。](quote:tan)", "他说：“我会来。”"),
        ("ar", "قال: [سأحضر.](quote:tan)", "قال: «سأحضر.»"),
    ],
)
def test_each_language_places_the_full_stop_and_comma(lang: str, text: str, shown: str) -> None:
    assert _paragraph(lang, text) == shown


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        # The sentence's own punctuation takes the place of the quotation's full stop.
        ("Dijo: [Vendré.](quote:tan).", "Dijo: «Vendré»."),
        ("[Vendré.](quote:tan), dijo.", "«Vendré», dijo."),
        # A question or an exclamation belongs to the quotation; an ellipsis is not a stop.
        ("Preguntó: [¿Vendrás?](quote:tan)", "Preguntó: «¿Vendrás?»"),
        ("Dijo: [Ya veremos...](quote:tan)", "Dijo: «Ya veremos...»"),
        # Inside emphasis, a term, a quotation in a quotation: the stop leaves every mark.
        ("Dijo: [_Vendré._](quote:tan)", "Dijo: «Vendré»."),
        ("Dijo: [Ella dijo [ya voy.](quote:tan)](quote:tan)", "Dijo: «Ella dijo “ya voy”»."),
        ("se llamó [lo que queda.](term)", "se llamó «lo que queda»."),
        # A note mark stays on the closing mark, before the stop.
        ("Dijo: [Vendré.](quote:tan)[^n] Luego", "Dijo: «Vendré». Luego"),
    ],
)
def test_spanish_cases(text: str, shown: str) -> None:
    if "[^n]" in text:
        item = jsi_docs.loads(
            _ITEM.format(lang="es", text=text) + "notes:\n  - {id: n, text: Nota.}\n",
            format="yaml",
        )
        (block,) = build_view(item).sections[0].blocks
        assert plain(block.content) == shown  # type: ignore[union-attr]
        return
    assert _paragraph("es", text) == shown


def test_a_passage_follows_its_own_language() -> None:
    """A Spanish passage in an English item puts its quotation's stop after « »."""
    text = "He read: [Dijo: [Vendré.](quote:tan)](lang:es) Then [I will.](quote:tan)"
    assert _paragraph("en", text) == "He read: Dijo: «Vendré». Then “I will.”"


def test_the_house_profile_keeps_the_stop_where_it_is_written() -> None:
    assert _paragraph("es", "Dijo: [Vendré.](quote:tan)", "house") == "Dijo: “Vendré.”"


def test_json_ld_quotation_is_the_words_inside_the_marks() -> None:
    item = _item("es", "Dijo: [Vendré mañana.](quote:tan)")
    assert [q.text for q in build_view(item).quotations] == ["Vendré mañana"]


def test_profiles_declare_the_rule() -> None:
    assert get_language("es").profile.punctuation_after_quotes == ".,"
    assert get_language("ru").profile.punctuation_after_quotes == ".,"
    for lang in ("en", "fr", "zh", "ar"):
        assert get_language(lang).profile.punctuation_after_quotes == ""


def test_a_mark_that_is_not_punctuation_is_refused(tmp_path: pytest.TempPathFactory) -> None:
    from jsi_docs.i18n.catalog import DATA

    root = tmp_path / "data"  # type: ignore[operator]
    (root / "languages").mkdir(parents=True)
    es = DATA.joinpath("languages/es.toml").read_text(encoding="utf-8")
    broken = es.replace('punctuation_after_quotes = [".", ","]', 'punctuation_after_quotes = ["»"]')
    (root / "languages" / "es.toml").write_text(broken, encoding="utf-8")
    with pytest.raises(LanguageDataError, match="punctuation_after_quotes"):
        load_catalog(root)


_SPACES = re.compile(r"\s+")


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("es", "Dijo: [Vendré mañana.](quote:tan) Luego salió.", "Dijo:«Vendrémañana».Luego"),
        ("ru", "Он сказал: [Я приду.](quote:tan) Потом ушёл.", "Онсказал:«Яприду».Потом"),
        ("fr", "Il a dit: [Je viendrai.](quote:tan) Puis il partit.", "Iladit:«Jeviendrai.»Puis"),
        ("en", "He said: [I will come.](quote:tan) Then he left.", "Hesaid:“Iwillcome.”Then"),
    ],
)
def test_every_format_reads_the_same(lang: str, text: str, expected: str) -> None:
    """The words, the marks and the full stop, in the same order, in HTML, PDF and DOCX."""
    item = _item(lang, text)
    streams = {
        "html": html_stream(jsi_docs.export(item, "html").decode("utf-8")),
        "pdf": pdf_stream(jsi_docs.export(item, "pdf")),
        "docx": docx_stream(jsi_docs.export(item, "docx")),
    }
    for fmt, stream in streams.items():
        assert expected in _SPACES.sub("", stream), (fmt, stream)
