"""A speech's JSON-LD names whoever gives it as the ``author``, the organisation staying the
``publisher``; only when the item says who speaks (every attributed block is theirs)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import jsi_docs
from _html_parse import json_ld, parse
from jsi_docs.exporters import jsonld
from jsi_docs.view import build_view, speech_giver
from tests_helpers import EXAMPLES

_ITEMS = sorted(EXAMPLES.glob("*.yaml"))

_SPEECH = """\
id: speech-test
language: en
kind: {kind}
headline: Trade can open more doors
published: 2024-03-12
publisher: {{name: World Trade Organization, url: "https://www.wto.org/"}}
speakers:
  - id: okafor
    honorific: Ambassador
    name: {{given: Adaeze, family: Okafor}}
    member: {{name: Nigeria, code: NGA}}
    roles: [{{kind: chair, of: of the General Council}}]
  - id: dg
    name: {{given: Ana, family: Ruiz}}
sections:
  - blocks:
{blocks}
"""

_BY_OKAFOR = """\
      - speaker: okafor
        text: Good morning to you all.
      - type: blockquote
        speaker: dg
        paragraphs: [Trade is a bridge.]
      - type: list
        speaker: okafor
        items: [Information first., Fewer forms.]
"""


def _article(blocks: str, kind: str = "speech") -> dict[str, Any]:
    item = jsi_docs.loads(_SPEECH.format(kind=kind, blocks=blocks), format="yaml")
    return jsonld.news_article(build_view(item))


_PUBLISHER = {
    "@type": "Organization",
    "name": "World Trade Organization",
    "url": "https://www.wto.org/",
}


def test_the_speaker_is_the_author_and_the_organisation_the_publisher() -> None:
    article = _article(_BY_OKAFOR)
    assert article["author"] == {
        "@type": "Person",
        "name": "Adaeze Okafor",
        "familyName": "Okafor",
        "givenName": "Adaeze",
        "honorificPrefix": "Ambassador",
        "affiliation": [{"@type": "Organization", "name": "Nigeria", "identifier": "NGA"}],
        "jobTitle": ["chair of the General Council"],
    }
    assert article["publisher"] == _PUBLISHER


@pytest.mark.parametrize(
    "blocks",
    [
        # Nobody named as giving it: the page's words only.
        "      - text: Good morning to you all.\n",
        # Two people's blocks: which one gives the speech is not guessed.
        "      - {speaker: okafor, text: Good morning.}\n      - {speaker: dg, text: Thank you.}\n",
        # A quotation set apart is someone quoted, not the speech.
        "      - {type: blockquote, speaker: dg, paragraphs: [Trade is a bridge.]}\n",
    ],
    ids=["nobody", "two-speakers", "only-quoted"],
)
def test_no_speaker_is_invented(blocks: str) -> None:
    article = _article(blocks)
    assert article["author"] == article["publisher"] == _PUBLISHER


def test_only_a_speech_has_a_speaker_for_author() -> None:
    assert _article(_BY_OKAFOR, kind="news")["author"] == _PUBLISHER


def test_the_speech_example_names_its_speaker() -> None:
    (path,) = [p for p in _ITEMS if p.name.startswith("discurso-")]
    item = jsi_docs.load(path)
    assert speech_giver(item) == "oyarzun"
    (data,) = json_ld(parse(jsi_docs.export(item, "html").decode("utf-8")))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["author"] == {
        "@type": "Person",
        "name": "Marta Oyarzún",
        "familyName": "Oyarzún",
        "givenName": "Marta",
        "jobTitle": ["Directora General Adjunta"],
    }
    assert data["publisher"]["@type"] == "Organization"
    assert data["publisher"]["name"] == "Organización Mundial del Comercio"


@pytest.mark.parametrize("path", _ITEMS, ids=lambda p: p.stem)
def test_every_example_has_an_author_of_a_schema_org_type(path: Path) -> None:
    item = jsi_docs.load(path)
    data = jsonld.news_article(build_view(item))
    if "author" in data:
        assert data["author"]["@type"] in ("Person", "Organization")
        assert data["author"]["name"]
    if speech_giver(item) is None and "publisher" in data:
        assert data["author"] == data["publisher"]
