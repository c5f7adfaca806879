"""schema.org structured data: a ``NewsArticle`` for an item, and a JSON-LD ``<script>`` body
that no text value can break out of.

The builder states the facts the visible page shows (headline, date, language, images, topics,
publisher, language versions, and every direct quotation with the person who said it), in
the item's typography, so the structured data and the page agree.
"""

from __future__ import annotations

from typing import Any

import msgspec

from jsi_docs.view import ItemView, Organisation, SpeakerView, one_line, plain

__all__ = ["news_article", "script_json"]

CONTEXT = "https://schema.org"

JsonObject = dict[str, Any]


def _organisation(organisation: Organisation) -> JsonObject:
    org: JsonObject = {"@type": "Organization", "name": organisation.name}
    if organisation.code:
        org["identifier"] = organisation.code
    return org


def _creator(speaker: SpeakerView) -> JsonObject:
    if speaker.collective or speaker.delegation:
        group: JsonObject = {"@type": "Organization", "name": speaker.name}
        if speaker.organisations:
            group["member"] = [_organisation(m) for m in speaker.organisations]
        if speaker.on_behalf_of:
            group["description"] = speaker.on_behalf_of
        return group
    person: JsonObject = {"@type": "Person", "name": speaker.name}
    if speaker.family is not None:
        person["familyName"] = speaker.family
        if speaker.given:
            person["givenName"] = speaker.given
    if speaker.honorific:
        person["honorificPrefix"] = speaker.honorific
    if speaker.organisations:
        person["affiliation"] = [_organisation(a) for a in speaker.organisations]
    if speaker.roles:
        person["jobTitle"] = list(speaker.roles)
    if speaker.on_behalf_of:  # schema.org has no property for it: the words the page shows
        person["description"] = speaker.on_behalf_of
    return person


def _contact_point(view: ItemView) -> JsonObject:
    """The item's contact as the page shows it: a press contact, its unit and phones."""
    contact = view.contact
    assert contact is not None
    point: JsonObject = {"@type": "ContactPoint"}
    if contact.press:
        point["contactType"] = contact.prompt
    if contact.unit:
        point["name"] = contact.unit
    if contact.phones:
        point["telephone"] = list(contact.phones)
    emails = [
        d.value.href.removeprefix("mailto:")
        for d in contact.details
        if d.value.href and d.value.href.startswith("mailto:")
    ]
    if emails:
        point["email"] = emails[0]
    return point


def news_article(view: ItemView) -> JsonObject:
    """The schema.org ``NewsArticle`` describing the item of ``view`` (a JSON-ready dict):
    the facts its page shows, in the same words, and every direct quotation with the person
    who said it."""
    article: JsonObject = {"@context": CONTEXT, "@type": "NewsArticle"}
    # Only what the source says: no headline or date when it gives none; a date known to the
    # month or year is written so (ISO 8601 "2023-05").
    if view.headline_known:
        article["headline"] = view.headline
    article["inLanguage"] = view.language
    if view.published is not None:
        article["datePublished"] = view.published.iso
    if view.updated is not None:
        article["dateModified"] = view.updated.iso
    if view.symbols:
        article["identifier"] = list(view.symbols)
    if view.url:
        article["url"] = view.url
        article["mainEntityOfPage"] = view.url
    if view.subtitle:
        article["alternativeHeadline"] = one_line(plain(view.subtitle))
    if view.dateline is not None:
        article["dateline"] = view.dateline.text
        place = next((text for kind, text in view.dateline.parts if kind == "place"), None)
        if place is not None:
            article["locationCreated"] = {"@type": "Place", "name": place}
    if view.lead:
        article["description"] = view.description
    if view.highlights:
        article["abstract"] = [one_line(plain(entry)) for entry in view.highlights]
    if images := view.images():
        article["image"] = list(images)
    if view.topics:
        about: list[JsonObject] = []
        for topic in view.topics:
            thing: JsonObject = {"@type": "Thing", "name": topic.label}
            if topic.uri:
                thing["sameAs"] = topic.uri
            about.append(thing)
        article["about"] = about
        article["keywords"] = list(view.keywords)
    if view.publisher:
        publisher: JsonObject = {"@type": "Organization", "name": view.publisher.text}
        if view.publisher.href:
            publisher["url"] = view.publisher.href
        if view.contact is not None and (view.contact.press or view.contact.unit):
            publisher["contactPoint"] = _contact_point(view)
        article["publisher"] = publisher
        article["author"] = publisher
    if view.banner:
        series: JsonObject = {"@type": "CreativeWorkSeries", "name": view.banner.text}
        if view.banner.href:
            series["url"] = view.banner.href
        article["isPartOf"] = series
    translations = []
    for version in view.versions:
        work: JsonObject = {"@type": "NewsArticle", "inLanguage": version.lang}
        if version.href:
            work["url"] = version.href
        if version.headline:
            work["headline"] = version.headline
        if version.item_id:
            work["identifier"] = version.item_id
        translations.append(work)
    if translations:
        article["workTranslation"] = translations
    parts: list[JsonObject] = []
    for quoted in view.quotations:
        quotation: JsonObject = {"@type": "Quotation", "text": quoted.text}
        if quoted.speaker is not None:
            quotation["creator"] = _creator(quoted.speaker)
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
