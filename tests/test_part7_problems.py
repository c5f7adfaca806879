"""Issue 15, part 7: each mistake in a dateline, a truncation mark or a stated language is
reported at its line and path, in words a writer can act on."""

from __future__ import annotations

import pytest

import jsi_docs
from test_reading import MINIMAL as ITEM
from test_reading import problems

NO_LANGUAGE = "takes no language: write the text alone"


def test_a_dateline_needs_a_place_or_a_date() -> None:
    assert problems(ITEM + "dateline: {}\n") == [
        "line 8: $.dateline.place: a dateline needs a place, a date, or both"
    ]


def test_nothing_follows_a_truncation_mark() -> None:
    text = ITEM.replace("text: Un paragraphe.", "text: 'Des mots […](cut) et encore.'")
    assert problems(text) == [
        "line 7: $.sections[0].blocks[0].text[1]: a text cut off in the source stops at its "
        "truncation mark ([…](cut)): nothing may follow it"
    ]
    # at the end of its text, the mark is where it belongs
    fine = ITEM.replace("text: Un paragraphe.", "text: 'Des mots […](cut)'")
    assert jsi_docs.loads(fine, "yaml").sections[0].blocks[0]


@pytest.mark.parametrize(
    ("addition", "where"),
    [
        ("url: {text: 'https://a.example/x', lang: en}\n", "line 8: $.url: "),
        ("symbols:\n  - {text: WT/L/1, lang: en}\n", "line 9: $.symbols[0]: "),
        (
            "speakers:\n  - id: s\n    name: {family: {text: Eide, lang: nb}}\n",
            "line 10: $.speakers[0].name.family: ",
        ),
    ],
)
def test_a_language_is_refused_where_no_format_shows_it(addition: str, where: str) -> None:
    found = problems(ITEM + addition)
    assert len(found) == 1
    assert found[0].startswith(where + NO_LANGUAGE)


def test_a_language_is_taken_where_the_formats_show_it() -> None:
    item = jsi_docs.loads(ITEM.replace("headline: Titre", "headline: {text: Title, lang: en}"))
    assert getattr(item.headline, "lang", None) == "en"
    assert 'lang="en"' in jsi_docs.export(item, "html").decode()
