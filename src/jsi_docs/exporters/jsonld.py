"""schema.org structured data: a ``NewsArticle`` for an item, and a JSON-LD ``<script>`` body
that no text value can break out of.

The builder states the facts the visible page shows (headline, date, language, images, topics,
publisher, language versions, and every direct quotation with the person who said it), in
the item's typography, so the structured data and the page agree.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, assert_never

import msgspec

from jsi_docs.exporters.display import (
    Presenter,
    SpeakerDisplay,
    clean,
    safe_image_url,
    safe_url,
)
from jsi_docs.model import (
    Affiliation,
    BlockQuote,
    CollectiveSpeaker,
    Figure,
    ListBlock,
    NewsItem,
    NoteRef,
    Paragraph,
    Quotation,
    RichText,
    Speaker,
    Table,
    Text,
    plain_text,
)

__all__ = ["news_article", "quotations", "script_json"]

CONTEXT = "https://schema.org"

JsonObject = dict[str, Any]


def _affiliation(affiliation: Affiliation) -> JsonObject:
    org: JsonObject = {"@type": "Organization", "name": clean(affiliation.name)}
    if affiliation.code:
        org["identifier"] = clean(affiliation.code)
    return org


def _creator(
    presenter: Presenter,
    speaker: Speaker | CollectiveSpeaker,
    shown: SpeakerDisplay | None,
) -> JsonObject:
    if isinstance(speaker, CollectiveSpeaker):
        group: JsonObject = {"@type": "Organization", "name": presenter.text(speaker.label)}
        if speaker.members:
            group["member"] = [_affiliation(m) for m in speaker.members]
        return group
    shown = shown or presenter.speaker(speaker)
    person: JsonObject = {"@type": "Person", "name": shown.name}
    if speaker.name is not None:
        person["familyName"] = clean(speaker.name.family)
        if speaker.name.given:
            person["givenName"] = clean(speaker.name.given)
    if shown.honorific:
        person["honorificPrefix"] = shown.honorific
    affiliations = [a for a in (speaker.member, speaker.on_behalf_of) if a is not None]
    if affiliations:
        person["affiliation"] = [_affiliation(a) for a in affiliations]
    if shown.roles:
        person["jobTitle"] = list(shown.roles)
    return person


def _inline_quotations(texts: Iterable[RichText], found: list[tuple[str, str]]) -> None:
    for nodes in texts:
        for node in nodes:
            if isinstance(node, Text | NoteRef):  # most nodes; a note's text is not walked
                continue
            if isinstance(node, Quotation):
                found.append((plain_text(node.content), node.speaker))
            _inline_quotations((node.content,), found)


def quotations(item: NewsItem) -> list[tuple[str, str]]:
    """Every direct quotation as ``(plain text, speaker id)``, in reading order: inline
    ``Quotation`` nodes (figure captions included) and block quotations with a speaker (their
    paragraphs joined)."""
    found: list[tuple[str, str]] = []
    if item.lead:
        _inline_quotations((item.lead,), found)
    for _, _, block in item.blocks():
        match block:
            case Paragraph(text=text):
                _inline_quotations((text,), found)
            case ListBlock(items=items):
                _inline_quotations(items, found)
            case BlockQuote(paragraphs=paragraphs, speaker=speaker):
                if speaker is not None:
                    found.append(("\n".join(plain_text(p) for p in paragraphs), speaker))
                _inline_quotations(paragraphs, found)
            case Figure(caption=caption):
                if caption:
                    _inline_quotations((caption,), found)
            case Table(caption=caption, header=header, rows=rows, note=note):
                _inline_quotations((caption or (),), found)
                _inline_quotations(header, found)
                for row in rows:
                    _inline_quotations(row, found)
                _inline_quotations((note or (),), found)
            case _:
                assert_never(block)
    return found


def news_article(
    item: NewsItem,
    presenter: Presenter | None = None,
    *,
    speakers: Mapping[str, SpeakerDisplay] | None = None,
    quoted: Iterable[tuple[str, str]] | None = None,
) -> JsonObject:
    """The schema.org ``NewsArticle`` describing ``item`` (a JSON-ready dict).

    ``presenter`` gives the typography and role names; by default the item language's.
    ``speakers`` may pass the speakers as already shown (by id), to avoid composing them twice;
    ``quoted`` the item's :func:`quotations`, when a walk over its text already found them.
    """
    p = presenter or Presenter.for_item(item)
    article: JsonObject = {
        "@context": CONTEXT,
        "@type": "NewsArticle",
        "headline": p.text(item.headline),
        "inLanguage": item.language,
        "datePublished": item.published.isoformat(),
    }
    if item.updated is not None:
        article["dateModified"] = item.updated.isoformat()
    if item.symbols:
        article["identifier"] = [clean(symbol) for symbol in item.symbols]
    url = safe_url(item.url) if item.url else None
    if url:
        article["url"] = url
        article["mainEntityOfPage"] = url
    if item.lead:
        article["description"] = p.text(plain_text(item.lead))
    images = [
        src
        for _, _, block in item.blocks()
        if isinstance(block, Figure) and (src := safe_image_url(block.image))
    ]
    if images:
        article["image"] = list(dict.fromkeys(images))
    if item.topics:
        about: list[JsonObject] = []
        keywords: list[str] = []
        for topic in item.topics:
            name = p.text(topic.label)
            thing: JsonObject = {"@type": "Thing", "name": name}
            if topic.uri and (uri := safe_url(topic.uri)):
                thing["sameAs"] = uri
            about.append(thing)
            keywords.append(name)
        article["about"] = about
        article["keywords"] = keywords
    if item.publisher:
        publisher: JsonObject = {"@type": "Organization", "name": clean(item.publisher.name)}
        if item.publisher.url and (purl := safe_url(item.publisher.url)):
            publisher["url"] = purl
        article["publisher"] = publisher
        article["author"] = publisher
    if item.series:
        series: JsonObject = {"@type": "CreativeWorkSeries", "name": p.text(item.series.label)}
        if item.series.url and (surl := safe_url(item.series.url)):
            series["url"] = surl
        article["isPartOf"] = series
    translations = []
    for version in item.language_versions:
        work: JsonObject = {"@type": "NewsArticle", "inLanguage": version.language}
        if version.url and (vurl := safe_url(version.url)):
            work["url"] = vurl
        if version.headline:
            work["headline"] = clean(version.headline)
        if version.item_id:
            work["identifier"] = version.item_id
        translations.append(work)
    if translations:
        article["workTranslation"] = translations
    parts: list[JsonObject] = []
    creators: dict[str, JsonObject | None] = {}
    for text, speaker_id in quotations(item) if quoted is None else quoted:
        quotation: JsonObject = {"@type": "Quotation", "text": p.text(text)}
        if speaker_id not in creators:
            speaker = item.speaker(speaker_id)
            creators[speaker_id] = (
                None if speaker is None else _creator(p, speaker, (speakers or {}).get(speaker_id))
            )
        if (creator := creators[speaker_id]) is not None:
            quotation["creator"] = creator
        parts.append(quotation)
    if parts:
        article["hasPart"] = parts
    return article


# Characters that could end the <script> element or open an HTML comment, or that some
# JavaScript parsers take for line ends; written as JSON escapes, which parse back the same.
_SCRIPT_ESCAPES = {c: f"\\u{ord(c):04x}" for c in "<>&\u2028\u2029"}


def script_json(data: JsonObject) -> str:
    """``data`` as JSON safe to place inside ``<script type="application/ld+json">``.

    No value can close the element (``</script>``), open a comment (``<!--``) or end a line
    early (U+2028, U+2029): those characters are written as ``\\uXXXX`` escapes.
    """
    text = _ENCODE(data).decode("utf-8")
    for unsafe, escaped in _SCRIPT_ESCAPES.items():  # ``in`` is far faster than a search
        if unsafe in text:
            text = text.replace(unsafe, escaped)
    return text


# msgspec writes the same compact JSON as json.dumps(ensure_ascii=False, separators=(",", ":")),
# five times faster (the structured data of a long item is tens of kilobytes).
_ENCODE = msgspec.json.Encoder().encode
