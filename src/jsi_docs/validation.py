"""Rules across objects: references resolve, ids are unique, URLs and dates make sense.

Single-field rules live in the model's attrs validators; this module checks what needs the
whole item. :func:`validate` returns every problem at once, each with its path.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable, Iterator
from urllib.parse import urlsplit

import attrs

from jsi_docs.errors import Problem, did_you_mean

# The supported languages are the i18n data files present (SUPPORTED_LANGUAGES: those shipped).
# i18n imports nothing of ours but errors, and Babel only once a date is written: asking it
# here adds no cycle and keeps reading an item light.
from jsi_docs.i18n.exceptions import UnsupportedLanguageError
from jsi_docs.i18n.languages import SUPPORTED_LANGUAGES, normalize_language
from jsi_docs.model import (
    AffiliationKind,
    BlockQuote,
    DocumentRef,
    Figure,
    Interventions,
    Link,
    NewsItem,
    NoteRef,
    PartialDate,
    Period,
    Quotation,
    RichText,
    SpeakerRef,
    Statement,
    Text,
    TopicRef,
    Truncation,
    walk,
)
from jsi_docs.model.words import LANG_FIELDS, LangText

__all__ = [
    "IMAGE_SCHEMES",
    "LINK_SCHEMES",
    "SUPPORTED_LANGUAGES",
    "check_url",
    "is_safe_url",
    "validate",
]


LINK_SCHEMES = frozenset({"http", "https", "mailto"})
"""The only URL schemes that may become links, in any format."""

IMAGE_SCHEMES = frozenset({"http", "https"})
"""The only URL schemes an image may come from."""

# Whitespace or control characters: browsers drop some inside URLs ("java\nscript:"), so a URL
# holding any is refused rather than guessed at.
_UNSAFE_URL_CHARS = re.compile(
    r"[\x00-\x20\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]"
)
_EMAIL = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$"
)


_TO_ENCODE = '"<>\\^`{|}'


def check_url(url: str, schemes: Iterable[str] = LINK_SCHEMES) -> str | None:
    """Why ``url`` may not be used as a link target, or None when it may.

    Characters a URL may not hold as such but that have one meaning (``"<>\\^`{|}``) are
    allowed: exporters percent-encode them, as browsers do.
    """
    allowed = tuple(sorted(schemes))
    if not url or _UNSAFE_URL_CHARS.search(url):
        return f"{url!r} is not a URL (spaces or control characters)"
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        return f"{url!r} is not a URL: {exc}"
    scheme = parts.scheme.lower()
    if scheme not in allowed:
        return f"{url!r}: only {', '.join(allowed)} URLs are allowed"
    if scheme == "mailto":
        return None if _EMAIL.fullmatch(parts.path) else f"{url!r}: not a valid e-mail address"
    if not parts.netloc or parts.hostname is None:
        return f"{url!r}: an {scheme} URL needs a host"
    return None


def is_safe_url(url: str) -> bool:
    """True if ``url`` may become a link (http, https or mailto, well formed)."""
    return check_url(url) is None


def _rich(text: RichText | None, path: str) -> Iterator[tuple[str, object]]:
    if text:
        for index, node in enumerate(walk(text)):
            yield f"{path}[{index}]", node


def _notes(item: NewsItem) -> Iterator[Problem]:
    """Note ids unique; every reference resolves, outside notes and links; every note used."""
    yield from _duplicates("note", [(f"$.notes[{i}].id", n.id) for i, n in enumerate(item.notes)])
    note_ids = {n.id for n in item.notes}
    referenced: set[str] = set()
    for path, text in item.texts():
        for node_path, node in _rich(text, path):
            if isinstance(node, NoteRef):
                referenced.add(node.note)
                if node.note not in note_ids:
                    yield Problem(
                        f"{node_path}.note",
                        f"unknown note {node.note!r}{_known(note_ids, node.note)}",
                    )
            elif isinstance(node, Link) and any(isinstance(n, NoteRef) for n in walk(node.content)):
                yield Problem(f"{node_path}.content", "a note reference cannot sit inside a link")
            elif (
                isinstance(node, DocumentRef)
                and node.url is not None
                and any(isinstance(n, NoteRef) for n in walk(node.content))
            ):
                yield Problem(
                    f"{node_path}.content",
                    "a note reference cannot sit inside a linked citation (put it after)",
                )
    for i, note in enumerate(item.notes):
        for node_path, node in _rich(note.text, f"$.notes[{i}].text"):
            if isinstance(node, NoteRef):
                yield Problem(node_path, "a note cannot refer to a note")
        if note.id not in referenced:
            yield Problem(f"$.notes[{i}]", f"note {note.id!r} is never referred to")


def _urls(item: NewsItem) -> Iterator[tuple[str, str | None, frozenset[str]]]:
    for path, url in _link_urls(item):
        yield path, url, LINK_SCHEMES
    for s, b, block in item.blocks():
        if isinstance(block, Figure):
            yield f"$.sections[{s}].blocks[{b}].image", block.image, IMAGE_SCHEMES


def _link_urls(item: NewsItem) -> Iterator[tuple[str, str | None]]:
    yield "$.url", item.url
    if item.series is not None:
        yield "$.series.url", item.series.url
    if item.publisher is not None:
        yield "$.publisher.url", item.publisher.url
    for i, topic in enumerate(item.topics):
        yield f"$.topics[{i}].uri", topic.uri
    for i, link in enumerate(item.related_links):
        yield f"$.related_links[{i}].url", link.url
    for i, version in enumerate(item.language_versions):
        yield f"$.language_versions[{i}].url", version.url
    if item.contact is not None:
        yield "$.contact.url", item.contact.url
    for s, b, block in item.blocks():
        if isinstance(block, BlockQuote):
            yield f"$.sections[{s}].blocks[{b}].cite", block.cite
    for path, text in item.all_texts():
        for node_path, node in _rich(text, path):
            if isinstance(node, Link | DocumentRef):
                yield f"{node_path}.url", node.url


def _duplicates(kind: str, entries: Iterable[tuple[str, str | None]]) -> Iterator[Problem]:
    seen: dict[str, str] = {}
    for path, value in entries:
        if value is None:
            continue
        if value in seen:
            yield Problem(path, f"duplicate {kind} id {value!r} (first used at {seen[value]})")
        else:
            seen[value] = path


def _known(ids: Iterable[str], wrong: str) -> str:
    """``; did you mean 'tan'? (known: mina, tan)``: the ids there are, the closest first."""
    known = sorted(ids)
    return f"{did_you_mean(wrong, known)} (known: {', '.join(known) or 'none defined'})"


_SPOKEN_FOR_ONLY = (AffiliationKind.PERSON, AffiliationKind.OFFICE)


def _members(item: NewsItem) -> Iterator[Problem]:
    """A person or an office is spoken for (``on_behalf_of``), never a speaker's Member."""
    found = [(f"$.speakers[{i}].member", s.member) for i, s in enumerate(item.speakers)]
    for c, group in enumerate(item.collective_speakers):
        found += [
            (f"$.collective_speakers[{c}].members[{m}]", a) for m, a in enumerate(group.members)
        ]
    for path, member in found:
        if member is not None and member.kind in _SPOKEN_FOR_ONLY:
            yield Problem(
                f"{path}.kind",
                f"a Member, country, organization or group is expected here, not a {member.kind} "
                "(someone speaking for a person or an office says so with on_behalf_of)",
            )


def _group_people(item: NewsItem) -> Iterator[Problem]:
    """A group's ``people`` are persons or delegations of the item (not groups)."""
    person_ids = {s.id for s in item.speakers}
    for c, group in enumerate(item.collective_speakers):
        for p, person in enumerate(group.people):
            if person not in person_ids:
                yield Problem(
                    f"$.collective_speakers[{c}].people[{p}]",
                    f"unknown speaker {person!r}: a group's people are ids of the item's "
                    f"speakers{_known(person_ids, person)}",
                )


def validate(item: NewsItem) -> list[Problem]:
    """Every cross-object problem of ``item``; an empty list when it is valid."""
    problems: list[Problem] = []
    add = problems.append

    try:
        normalize_language(item.language)
    except UnsupportedLanguageError as exc:
        add(Problem("$.language", str(exc)))

    speakers = [(f"$.speakers[{i}].id", s.id) for i, s in enumerate(item.speakers)]
    speakers += [
        (f"$.collective_speakers[{i}].id", s.id) for i, s in enumerate(item.collective_speakers)
    ]
    problems += _duplicates("speaker", speakers)
    problems += _duplicates(
        "topic", [(f"$.topics[{i}].id", t.id) for i, t in enumerate(item.topics)]
    )
    problems += _duplicates(
        "section", [(f"$.sections[{i}].id", s.id) for i, s in enumerate(item.sections)]
    )
    speaker_ids = {value for _, value in speakers}
    topic_ids = {t.id for t in item.topics}

    def speaker_ref(path: str, ref: str | None) -> None:
        if ref is not None and ref not in speaker_ids:
            add(Problem(path, f"unknown speaker {ref!r}{_known(speaker_ids, ref)}"))

    problems += _members(item)
    problems += _group_people(item)
    for s, b, block in item.blocks():
        speaker_ref(f"$.sections[{s}].blocks[{b}].speaker", block.speaker)
        if isinstance(block, Interventions):
            for i, entry in enumerate(block.interventions):
                speaker_ref(
                    f"$.sections[{s}].blocks[{b}].interventions[{i}].speaker", entry.speaker
                )
    for path, text in item.all_texts():
        for node_path, node in _rich(text, path):
            if isinstance(node, SpeakerRef | Quotation | Statement):
                speaker_ref(f"{node_path}.speaker", node.speaker)
            elif isinstance(node, TopicRef) and node.topic not in topic_ids:
                add(
                    Problem(
                        f"{node_path}.topic",
                        f"unknown topic {node.topic!r}{_known(topic_ids, node.topic)}",
                    )
                )

    for path, url, schemes in _urls(item):
        if url is None:
            continue
        if reason := check_url(url, schemes):
            add(Problem(path, reason))
        elif unencoded := sorted(set(url) & set(_TO_ENCODE)):
            add(
                Problem(
                    path, f"{url!r} is not a URL as written: percent-encode {' '.join(unencoded)}"
                )
            )
    if (
        item.contact is not None
        and item.contact.email is not None
        and not _EMAIL.fullmatch(item.contact.email)
    ):
        add(Problem("$.contact.email", f"{item.contact.email!r} is not a valid e-mail address"))

    languages = {item.language.lower()}
    for i, version in enumerate(item.language_versions):
        if version.language.lower() in languages:
            add(
                Problem(
                    f"$.language_versions[{i}].language",
                    f"a second version in {version.language!r}",
                )
            )
        languages.add(version.language.lower())
        if version.item_id == item.id:
            add(
                Problem(
                    f"$.language_versions[{i}].item_id",
                    "a language version cannot be the item itself",
                )
            )

    problems += _notes(item)
    problems += _truncations(item)
    problems += _languages_stated(item, "$")
    # A partial date is a range of days: only what is certainly wrong is refused. A date
    # as written names no day, so it is compared with nothing.
    published = item.published if isinstance(item.published, PartialDate) else None
    updated = item.updated if isinstance(item.updated, PartialDate) else None
    if updated is not None and published is not None and updated.last < published.first:
        add(
            Problem(
                "$.updated",
                f"the item is updated ({updated}) before it is published ({published})",
            )
        )

    meeting = item.meeting
    if meeting is not None and isinstance(meeting.dates, Period):
        dates = meeting.dates
        if published is not None and dates.start > published.last:
            add(
                Problem(
                    "$.meeting.dates",
                    f"the meeting starts ({dates.ends[0]}) after the item's publication ({published})",
                )
            )
        for i, speaker in enumerate(item.speakers):
            for r, role in enumerate(speaker.roles):
                if role.period is not None and not role.period.overlaps(dates):
                    add(
                        Problem(
                            f"$.speakers[{i}].roles[{r}].period",
                            f"the role's period {role.period.isoformat()} does not cover the meeting "
                            f"({dates.isoformat()})",
                        )
                    )
    return problems


def _truncations(item: NewsItem) -> Iterator[Problem]:
    """A text cut off in the source stops at its truncation mark: nothing but white space or a
    note mark follows it."""
    for path, text in item.all_texts():
        cut: str | None = None
        for node_path, node in _rich(text, path):
            if cut is None:
                if isinstance(node, Truncation):
                    cut = node_path
            elif (isinstance(node, Text) and node.text.isspace()) or isinstance(node, NoteRef):
                continue
            else:
                yield Problem(
                    cut,
                    "a text cut off in the source stops at its truncation mark ([…](cut)): "
                    "nothing may follow it",
                )
                break


_NO_LANGUAGE = (
    "takes no language: write the text alone (a language can be stated on headings, labels, "
    "titles, organisations' names, the contact's prompt and unit, phone labels, the dateline's "
    "place and photo credits)"
)


def _languages_stated(value: object, path: str) -> Iterator[Problem]:
    """Text with a stated language (``{text, lang}``) only in the fields that show it."""
    if isinstance(value, tuple):
        for index, entry in enumerate(value):
            if isinstance(entry, LangText):  # no list of plain texts shows a language
                yield Problem(f"{path}[{index}]", _NO_LANGUAGE)
            else:
                yield from _languages_stated(entry, f"{path}[{index}]")
        return
    cls = type(value)
    if not attrs.has(cls):
        return
    for field in attrs.fields(cls):
        child = getattr(value, field.name)
        where = f"{path}.{field.name}"
        if isinstance(child, LangText):
            if (cls.__name__, field.name) not in LANG_FIELDS:
                yield Problem(where, _NO_LANGUAGE)
        elif not isinstance(child, str):
            yield from _languages_stated(child, where)


_CHECKED: dict[int, weakref.ref[NewsItem]] = {}
"""Items known valid (read by a reader, or checked by :func:`checked`), by identity while they
live: an item read from a file is not checked again when it is exported."""


def mark_valid(item: NewsItem) -> None:
    """Remember that ``item`` (this object) was found valid."""
    key = id(item)
    _CHECKED[key] = weakref.ref(item, lambda _: _CHECKED.pop(key, None))


def checked(item: NewsItem) -> list[Problem]:
    """:func:`validate` for an item not yet known valid; nothing again for one that is."""
    ref = _CHECKED.get(id(item))
    if ref is not None and ref() is item:
        return []
    problems = validate(item)
    if not problems:
        mark_valid(item)
    return problems
