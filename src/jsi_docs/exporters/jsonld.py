"""schema.org structured data: a ``NewsArticle`` for an item, and a JSON-LD ``<script>`` body
that no text value can break out of.

The builder states the facts the visible page shows (headline, date, language, images, topics,
publisher, language versions, every direct quotation and every statement with the person who
made it, and the people only mentioned), in the item's typography, so the structured data and
the page agree.

The records of a meeting have no exact schema.org term; they are stated as what they are
closest to, under ``mentions`` (things the article refers to without being about them):
an interventions block is an ``ItemList`` (its order is the speaking order; its ``name`` the
item's lead-in, when it gives one) of
``CommunicateAction`` entries, each with its ``agent`` and, when reported, what was said as
its ``description``; a decision is an ``Action`` whose ``agent`` is the body, ``name`` the
sentence shown, ``object`` what it bears on, ``additionalType`` the decision kind, and
``actionStatus`` completed. Cited documents are the article's ``citation``: a
``CreativeWork`` named by the words shown, with the symbol as ``identifier`` and the link as
``url`` when there is one. The item's document symbols are its ``identifier``; the number
its publisher gives the release, when it is no document symbol, is one more, a
``PropertyValue`` whose ``propertyID`` is :data:`RELEASE_NUMBER`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import msgspec

from jsi_docs.view import (
    DecisionView,
    InterventionsView,
    ItemView,
    Organisation,
    SpeakerView,
    one_line,
    plain,
)

__all__ = ["news_article", "script_json"]

CONTEXT = "https://schema.org"

JsonObject = dict[str, Any]


def _organisation(organisation: Organisation) -> JsonObject:
    org: JsonObject = {"@type": "Organization", "name": organisation.name}
    if organisation.code:
        org["identifier"] = organisation.code
    return org


def _creator(speaker: SpeakerView, people: Mapping[str, SpeakerView] | None = None) -> JsonObject:
    """A speaker as schema.org states it; ``people`` resolves the ids of a group's people."""
    if speaker.delegation:  # the Member itself, speaking with no person named
        delegation = (
            _organisation(speaker.organisations[0])
            if speaker.organisations
            else {"@type": "Organization", "name": speaker.name}
        )
        if speaker.on_behalf_of:
            delegation["description"] = speaker.on_behalf_of
        return delegation
    if speaker.collective:
        group: JsonObject = {"@type": "Organization", "name": speaker.name}
        members = [_organisation(m) for m in speaker.organisations]
        if people:
            members += [_creator(people[p]) for p in speaker.people if p in people]
        if members:
            group["member"] = members
        if speaker.on_behalf_of:
            group["description"] = speaker.on_behalf_of
        return group
    person: JsonObject = {"@type": "Person", "name": speaker.name}
    if speaker.family is not None:
        person["familyName"] = speaker.family
        if speaker.given:
            person["givenName"] = speaker.given
    if speaker.honorific:
        person["honorificSuffix" if speaker.honorific_after else "honorificPrefix"] = (
            speaker.honorific
        )
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
    if contact.person:  # schema.org has no property for it: the words the page shows
        point["description"] = contact.person
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
    # A date known only as written states no machine date.
    if view.published is not None and view.published.iso:
        article["datePublished"] = view.published.iso
    if view.updated is not None and view.updated.iso:
        article["dateModified"] = view.updated.iso
    identifiers: list[Any] = list(view.symbols)
    if view.release_number:  # the publisher's own number: said apart from document symbols
        identifiers.append(
            {"@type": "PropertyValue", "propertyID": RELEASE_NUMBER, "value": view.release_number}
        )
    if identifiers:
        article["identifier"] = identifiers
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
        if view.contact is not None and (
            view.contact.press or view.contact.unit or view.contact.person
        ):
            publisher["contactPoint"] = _contact_point(view)
        article["publisher"] = publisher
        article["author"] = publisher
    if view.speech_by is not None:  # a speech's author is who gives it, when the item says
        article["author"] = _creator(view.speech_by, view.people_index)
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
    people = view.people_index
    parts: list[JsonObject] = []
    # Verbatim words are a Quotation; words reported in the item's own are a Statement.
    for kind, found in (("Quotation", view.quotations), ("Statement", view.statements)):
        for quoted in found:
            quotation: JsonObject = {"@type": kind, "text": quoted.text}
            if quoted.speaker is not None:
                quotation["creator"] = _creator(quoted.speaker, people)
            parts.append(quotation)
    if parts:
        article["hasPart"] = parts
    if view.mentioned:  # named, not speaking
        article["mentions"] = [_creator(person, people) for person in view.mentioned]
    if records := _records(view):
        article.setdefault("mentions", []).extend(records)
    if citations := _citations(view):
        article["citation"] = citations
    return article


RELEASE_NUMBER = "urn:jsi-docs:release-number"
"""The ``propertyID`` of the number a publisher gives a release (``IP/24/1234``)."""
_COMPLETED = "https://schema.org/CompletedActionStatus"
DECISION_KINDS = "urn:jsi-docs:decision:"
"""Prefix of a decision's ``additionalType`` (``urn:jsi-docs:decision:took-note``)."""


def _records(view: ItemView) -> list[JsonObject]:
    """The interventions and decisions of the item, in reading order."""
    speakers = view.speaker_index
    found: list[JsonObject] = []
    for block in view.blocks():
        if isinstance(block, InterventionsView):
            entries: list[JsonObject] = []
            for position, entry in enumerate(block.entries, 1):
                action: JsonObject = {"@type": "CommunicateAction", "actionStatus": _COMPLETED}
                speaker = speakers.get(entry.speaker) if entry.speaker else None
                if speaker is not None:
                    action["agent"] = _creator(speaker)
                elif entry.label:  # speakers the item does not name: its words, nobody invented
                    action["agent"] = {"@type": "Organization", "name": entry.label}
                if entry.content:
                    action["description"] = one_line(plain(entry.content))
                entries.append({"@type": "ListItem", "position": position, "item": action})
            listed: JsonObject = {
                "@type": "ItemList",
                "itemListOrder": "https://schema.org/ItemListOrderAscending",
                "itemListElement": entries,
            }
            if block.lead_in:  # the item's words before the list ("Also speaking were:")
                listed["name"] = one_line(plain(block.lead_in))
            found.append(listed)
        elif isinstance(block, DecisionView):
            decision: JsonObject = {
                "@type": "Action",
                "additionalType": DECISION_KINDS + block.kind,
                "name": one_line(plain(block.content)),
                "agent": {"@type": "Organization", "name": block.body},
                "actionStatus": _COMPLETED,
            }
            if block.object:
                decision["object"] = {"@type": "Thing", "name": one_line(plain(block.object))}
            found.append(decision)
    return found


def _citations(view: ItemView) -> list[JsonObject]:
    """Every cited document once, in reading order."""
    seen: dict[tuple[str, str | None, str | None], JsonObject] = {}
    for cited in view.citations:
        name = one_line(plain(cited.content))
        key = (name, cited.symbol, cited.href)
        if key in seen:
            continue
        work: JsonObject = {"@type": "CreativeWork", "name": name}
        if cited.symbol:
            work["identifier"] = cited.symbol
        if cited.href:
            work["url"] = cited.href
        seen[key] = work
    return list(seen.values())


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
