"""The HTML exporter on every example: structure, visible text, metadata, labels, JSON-LD.

Every check parses the output (html5lib, as a browser does) instead of searching the markup.
"""

from __future__ import annotations

import functools
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

import jsi_docs
from _html_parse import (
    elements,
    example_paths,
    json_ld,
    norm,
    parse,
    parse_fragment,
    text_of,
)
from jsi_docs.exporters.base import ExportOptions, option_names
from jsi_docs.exporters.html import HtmlExporter, build_page
from jsi_docs.exporting import render
from jsi_docs.i18n import Term, capitalize_first, get_language, labels
from jsi_docs.model import (
    BlockQuote,
    CollectiveSpeaker,
    Figure,
    Link,
    ListBlock,
    NewsItem,
    Paragraph,
    PartialDate,
    Quotation,
    RichText,
    Table,
    plain_text,
    walk,
)
from jsi_docs.themes import Theme
from jsi_docs.view.present import Presenter
from tests_helpers import shown_text

EXAMPLES = example_paths()
FRENCH = next(p for p in EXAMPLES if p.name.endswith(".fr.yaml"))


@functools.cache
def load(path: Path) -> NewsItem:
    return jsi_docs.load(path)


@functools.cache
def page(path: Path, **options: Any) -> ET.Element:
    return parse(jsi_docs.export(load(path), "html", **options).decode("utf-8"))


def rich_texts(item: NewsItem) -> list[RichText]:
    found: list[RichText] = [item.lead] if item.lead else []
    for _, _, block in item.blocks():
        match block:
            case Paragraph(text=text):
                found.append(text)
            case ListBlock(items=items):
                found.extend(items)
            case BlockQuote(paragraphs=paragraphs):
                found.extend(paragraphs)
            case Table():
                found.extend(block.texts())
            case Figure(caption=caption):
                found.extend([caption] if caption else [])
    return found


def article(root: ET.Element) -> ET.Element:
    found = list(elements(root, "article"))
    assert len(found) == 1
    return found[0]


def test_there_are_examples_in_three_languages_with_quotations() -> None:
    assert {load(p).language for p in EXAMPLES} >= {"fr", "en", "es"}
    assert len(list(elements(page(FRENCH), "span", "speech"))) == 2


def _inside_the_marks(text: str, moved: str) -> str:
    return text[:-1] if text[-1:] in moved and not text.endswith("..") else text


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_statement_quotation_speaker_topic_and_link_is_visible(path: Path) -> None:
    item = load(path)
    root = page(path)
    body = norm(text_of(article(root)))
    notes = item.note_numbers()
    cut = f"\u2026 {labels(item.language)[Term.TEXT_CUT_OFF]}"
    statements = [
        (block.speaker, shown_text(block.text, notes, cut))
        for _, _, block in item.blocks()
        if isinstance(block, Paragraph) and block.speaker
    ]
    shown = [(el.get("data-speaker"), norm(text_of(el))) for el in elements(root, "p", "statement")]
    assert shown == [(speaker, norm(text)) for speaker, text in statements]
    for text in rich_texts(item):
        assert norm(shown_text(text, notes)) in body
    # Spanish and Russian show a quotation's final full stop after its closing mark.
    moved = get_language(item.language).profile.punctuation_after_quotes
    quotations = [
        (q.speaker, _inside_the_marks(norm(shown_text(q.content, notes, cut)), moved))
        for text in rich_texts(item)
        for q in walk(text)
        if isinstance(q, Quotation)
    ]
    assert [
        (q.get("data-speaker"), norm(text_of(q))) for q in elements(root, "span", "speech")
    ] == quotations
    block_quotes = [
        (b.speaker, [norm(shown_text(p, notes, cut)) for p in b.paragraphs])
        for _, _, b in item.blocks()
        if isinstance(b, BlockQuote)
    ]
    shown_blocks = [
        (bq.get("data-speaker"), [norm(text_of(p)) for p in elements(bq, "p")])
        for bq in elements(root, "blockquote")
    ]
    assert shown_blocks == block_quotes
    names = [norm(text_of(el)) for el in elements(root, "span", "p-name")]
    for speaker in item.speakers:
        if speaker.name is None:  # a delegation with no person named: listed by its Member
            assert speaker.member is not None
            assert norm(capitalize_first(speaker.member.name)) in names  # opening its line
        else:
            assert norm(speaker.name.full) in names
    for group in item.collective_speakers:
        assert norm(group.label).lower() in [n.lower() for n in names]
    topics = [norm(text_of(el)) for el in elements(root, "span", "topic")]
    assert topics == [norm(t.label) for t in item.topics]
    anchors = {(a.get("href"), norm(text_of(a))) for a in elements(root, "a")}
    for link in item.related_links:
        assert (link.url, norm(link.title)) in anchors
    for text in rich_texts(item) + ([item.contact.text] if item.contact else []):
        for node in walk(text):
            if isinstance(node, Link):
                assert (node.url, norm(plain_text(node.content))) in anchors


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_semantic_structure(path: Path) -> None:
    item = load(path)
    root = page(path)
    html = root if root.tag == "html" else next(elements(root, "html"))
    assert html.get("lang") == item.language
    untitled = labels(item.language)["untitled"]
    assert [norm(text_of(h)) for h in elements(root, "h1")] == [norm(item.headline or untitled)]
    headings = [
        norm(text_of(h))
        for section in elements(article(root), "section", "item-section")
        for h in elements(section, "h2")
    ]
    item_labels = labels(item.language)
    section_headings = [
        norm(" ".join(words))
        for s in item.sections
        if (
            words := [
                *(
                    [item_labels.get(Term.AGENDA_ITEM, number=s.agenda_item)]
                    if s.agenda_item
                    else []
                ),
                *([s.heading] if s.heading else []),
            ]
        )
    ]
    assert headings == section_headings
    if item.highlights:
        highlights = next(elements(article(root), "section", "highlights"))
        assert [norm(text_of(h)) for h in elements(highlights, "h2")] == [
            norm(item_labels[Term.HIGHLIGHTS])
        ]
    times = [t.get("datetime") for t in elements(root, "time")]
    if isinstance(item.published, PartialDate):
        assert item.published.isoformat() in times
    assert len(list(elements(root, "main"))) == 1
    if item.related_links:
        assert list(elements(root, "aside", "related"))
    if item.contact:
        assert list(elements(root, "address"))
    for version in item.language_versions:
        entries = [
            v for v in elements(root, "span", "version") if v.get("lang") == version.language
        ]
        assert len(entries) == 1


@pytest.mark.parametrize("print_mode", [False, True])
def test_head_metadata_in_both_modes(print_mode: bool) -> None:
    item = load(FRENCH)
    html = build_page(item, ExportOptions(), Theme.load(), print_mode=print_mode).html
    root = parse(html)
    meta = {m.get("name"): m.get("content") for m in elements(root, "meta") if m.get("name")}
    assert isinstance(item.published, PartialDate)
    assert item.headline is not None
    assert meta["dcterms.created"] == item.published.isoformat()
    assert item.lead is not None
    assert norm(meta["description"] or "") == norm(plain_text(item.lead))
    assert norm(meta["keywords"] or "") == norm(", ".join(t.label for t in item.topics))
    assert item.publisher is not None
    assert meta["author"] == item.publisher.name
    assert norm(next(elements(root, "title")).text or "") == norm(item.headline)
    assert next(elements(root, "html")).get("lang") == "fr"
    sheets = [
        (link.get("href"), link.get("media"))
        for link in elements(root, "link")
        if link.get("rel") == "stylesheet"
    ]
    if print_mode:
        assert sheets == [("print.css", None)]
        assert not list(elements(root, "a", "skip-link"))
    else:
        assert sheets == [("screen.css", "screen"), ("print.css", "print")]


def test_alternate_links_for_language_versions_with_urls() -> None:
    import attrs

    from jsi_docs.model import LanguageVersion

    item = attrs.evolve(
        load(FRENCH),
        language_versions=(
            LanguageVersion("en", url="https://example.org/en.html"),
            LanguageVersion("es", item_id="x.es"),
        ),
    )
    root = parse(jsi_docs.export(item, "html").decode())
    alternates = [
        (link.get("hreflang"), link.get("href"))
        for link in elements(root, "link")
        if link.get("rel") == "alternate"
    ]
    assert alternates == [("en", "https://example.org/en.html")]
    visible = [
        (a.get("hreflang"), norm(text_of(a)))
        for a in elements(root, "a")
        if a.get("rel") == "alternate"
    ]
    assert visible == [("en", "English")]


def test_fragment_is_one_article_without_head_or_script() -> None:
    item = load(FRENCH)
    html = jsi_docs.export(item, "html", fragment=True).decode()
    assert html.lstrip().startswith("<article")
    wrapper = parse_fragment(html)
    assert [el.tag for el in wrapper if isinstance(el.tag, str)] == ["article"]
    for tag in ("html", "head", "body", "script", "style", "link", "meta", "main"):
        assert not list(elements(wrapper, tag)), tag
    assert next(elements(wrapper, "article")).get("lang") == item.language


@pytest.mark.parametrize("labels_language", ["fr", "en", "es"])
def test_french_example_with_labels_in_each_language(labels_language: str) -> None:
    item = load(FRENCH)
    root = page(FRENCH, labels_language=labels_language)
    words = labels(labels_language)
    related = next(elements(root, "aside", "related"))
    heading = next(elements(related, "h2"))
    typeset = Presenter.for_language(labels_language).text
    assert text_of(heading) == typeset(words[Term.FIND_OUT_MORE])
    expected_lang = None if labels_language == "fr" else labels_language
    assert heading.get("lang") == expected_lang
    speakers_heading = next(elements(next(elements(root, "section", "speakers")), "h2"))
    assert text_of(speakers_heading) == typeset(words[Term.SPEAKERS])
    # The text itself stays French whatever the labels.
    assert next(elements(root, "html")).get("lang") == "fr"
    assert norm(text_of(next(elements(root, "h1")))) == norm(item.headline or "")


def test_labels_differ_between_languages() -> None:
    headings = {
        lang: text_of(
            next(elements(next(elements(page(FRENCH, labels_language=lang), "aside")), "h2"))
        )
        for lang in ("fr", "en", "es")
    }
    assert len(set(headings.values())) == 3


def test_french_typography_applies_to_text_but_not_urls() -> None:
    item = load(FRENCH)
    root = page(FRENCH)
    said = next(
        text_of(p) for p in elements(root, "p", "statement") if p.get("data-speaker") == "tan"
    )
    assert "a dit\u00a0:" in said
    assert "courte\u202f;" in said
    for a in elements(root, "a"):
        href = a.get("href") or ""
        assert "\u00a0" not in href
        assert "\u202f" not in href
    house = page(FRENCH, typography="house")
    said_house = next(
        text_of(p) for p in elements(house, "p", "statement") if p.get("data-speaker") == "tan"
    )
    assert "a dit:" in said_house
    assert "courte;" in said_house
    assert item.contact is not None


def test_quotes_come_from_the_typography_profile() -> None:
    french = parse(jsi_docs.export(load(FRENCH), "html").decode())
    house = parse(jsi_docs.export(load(FRENCH), "html", typography="house").decode())
    assert not list(elements(french, "style"))  # the marks are text, not a stylesheet's
    speech = [text_of(s) for s in elements(french, "span", "speech")]
    assert speech
    assert all(s.startswith("«\u00a0") and s.endswith("\u00a0»") for s in speech)
    house_speech = [text_of(s) for s in elements(house, "span", "speech")]
    assert all(s.startswith("\u201c") and s.endswith("\u201d") for s in house_speech)
    terms = [text_of(t) for t in elements(french, "span", "quoted-term")]
    assert terms
    assert all(t.startswith("«\u00a0") and t.endswith("\u00a0»") for t in terms)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_json_ld_names_every_quotation_speaker(path: Path) -> None:
    item = load(path)
    root = page(path)
    (data,) = json_ld(root)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    if item.headline is None:  # the label shown in its place is not a fact about the item
        assert "headline" not in data
    else:
        assert norm(data["headline"]) == norm(text_of(next(elements(root, "h1"))))
    if not isinstance(item.published, PartialDate):
        assert "datePublished" not in data
    else:
        assert data["datePublished"] == item.published.isoformat()
    assert data["inLanguage"] == item.language
    assert [norm(k) for k in data.get("keywords", [])] == [norm(t.label) for t in item.topics]
    assert [a["name"] for a in data.get("about", [])] == data.get("keywords", [])
    assert item.publisher is not None
    assert data["publisher"]["name"] == item.publisher.name
    assert [w["inLanguage"] for w in data.get("workTranslation", [])] == [
        v.language for v in item.language_versions
    ]
    quotes = [q for q in data.get("hasPart", []) if q["@type"] == "Quotation"]
    visible = [
        (q.get("data-speaker"), norm(text_of(q)))
        for q in root.iter()
        if (q.tag == "span" and q.get("class") == "speech")
        or (q.tag == "blockquote" and q.get("data-speaker"))
    ]
    assert [norm(q["text"]) for q in quotes] == [text for _, text in visible]
    for quotation, (speaker_id, _) in zip(quotes, visible, strict=True):
        assert speaker_id is not None
        speaker = item.speaker(speaker_id)
        assert speaker is not None
        creator = quotation["creator"]
        if isinstance(speaker, CollectiveSpeaker):
            continue
        assert creator["@type"] == "Person"
        assert speaker.name is not None
        assert creator["name"] == speaker.name.full
        if speaker.member is None:
            assert "affiliation" not in creator
        else:
            assert creator["affiliation"][0]["name"] == speaker.member.name


def test_exporter_protocol_and_registry() -> None:
    exporter = HtmlExporter()
    assert (exporter.name, exporter.media_type, exporter.suffix) == ("html", "text/html", ".html")
    assert option_names(exporter.options_type) == (
        "document_url_pattern",
        "fragment",
        "labels_language",
        "sibling_files",
        "strict",
        "theme",
        "typography",
    )
    result = render(load(FRENCH), "html")
    assert result.media_type == "text/html"
    assert result.data.decode("utf-8").startswith("<!DOCTYPE html>")
    assert result.diagnostics == ()


def test_unsupported_item_language_falls_back_to_english_with_a_diagnostic() -> None:
    import attrs

    from jsi_docs.errors import DiagnosticsError

    item = attrs.evolve(load(FRENCH), language="de")
    result = render(item, "html")
    assert any("'de'" in d.message for d in result.diagnostics)
    root = parse(result.data.decode())
    assert next(elements(root, "html")).get("lang") == "de"
    related = next(elements(next(elements(root, "aside")), "h2"))
    assert text_of(related) == labels("en")[Term.FIND_OUT_MORE]
    with pytest.raises(DiagnosticsError):
        render(item, "html", strict=True)


def test_bad_option_values_are_option_errors() -> None:
    from jsi_docs.exporters.base import OptionError

    with pytest.raises(OptionError):
        jsi_docs.export(load(FRENCH), "html", labels_language="de")
    with pytest.raises(OptionError):
        jsi_docs.export(load(FRENCH), "html", typography="gothic")  # type: ignore[call-overload]
    with pytest.raises(OptionError):
        jsi_docs.export(load(FRENCH), "html", pdf_variant="pdf/a-3b")  # type: ignore[call-overload]


def test_runs_are_typeset_with_their_neighbours_across_markup() -> None:
    import attrs

    from jsi_docs.model import Emphasis, Foreign, Text

    lead = (
        Emphasis((Text("Note"),)),
        Text(": suite; "),
        Foreign((Text("he said: yes"),), lang="en"),
    )
    item = attrs.evolve(load(FRENCH), lead=lead)
    root = parse(jsi_docs.export(item, "html").decode())
    shown = text_of(next(elements(root, "p", "lead")))
    assert shown == "Note\u00a0: suite\u202f; he said: yes"  # English words keep English spacing
    assert next(elements(next(elements(root, "p", "lead")), "span")).get("lang") == "en"
