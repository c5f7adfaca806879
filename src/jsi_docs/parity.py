"""Do the language versions of one item say the same things?

Versions are written by different hands and drift: a quotation dropped in one language, a
speaker's Member changed, a topic missing. :func:`compare_versions` compares what must not
differ between versions of one item -- everything but the words -- and reports each difference
with the path of the thing on each side:

* speakers (by id) with their Member, "on behalf of", and roles (kind and period), and the
  collective speakers (by id, with their kind);
* the statements (blocks with a speaker, and statement spans in rich text) and direct
  quotations, in reading order, with who speaks, and how many quotations each speaker has;
* topics (by id), the publication, update and meeting dates, how the meeting was held,
  document symbols and the release number, the notes (by id), the related links (in order, by site: each version links to pages in its own language),
  and the sections (their number, ids and how many blocks each holds).

Names are not compared: they are spelt in each language's script. This module reads the model
only (it knows no file format); ``jsi-docs parity`` is its command, and ``jsi-docs validate
--parity`` runs it on the items among those given that list one another as language versions
(:func:`version_groups` finds them).
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterator, Sequence
from urllib.parse import urlsplit

import attrs

from jsi_docs.model import (
    BlockQuote,
    DateAsWritten,
    NewsItem,
    Paragraph,
    Quotation,
    Speaker,
    Statement,
)
from jsi_docs.model.inline import walk

__all__ = ["Difference", "compare_versions", "version_groups"]

_NONE = "(none)"


@attrs.frozen
class Difference:
    """One thing two versions do not agree on: what, and where it is on each side.

    ``left`` and ``right`` are ``"<item id> <JSONPath>"`` (``"(none)"`` for the path when
    the thing is missing on that side); ``left_value`` and ``right_value`` say what each side
    has.
    """

    what: str
    left: str
    right: str
    left_value: str
    right_value: str

    def __str__(self) -> str:
        return f"{self.what}: {self.left} ({self.left_value}) <> {self.right} ({self.right_value})"

    @property
    def left_path(self) -> str | None:
        """The JSONPath on the left side alone (None when the thing is missing there)."""
        return _path_of(self.left)

    @property
    def right_path(self) -> str | None:
        """The JSONPath on the right side alone (None when the thing is missing there)."""
        return _path_of(self.right)


def _path_of(side: str) -> str | None:
    path = side.split(" ", 1)[1] if " " in side else _NONE
    return None if path == _NONE else path


def version_groups(items: Sequence[NewsItem]) -> list[list[int]]:
    """The items that are language versions of one another, as lists of indices into
    ``items``, each in the order given; an item alone is in no group.

    Two items are versions of one another when either lists the other's id among its
    ``language_versions`` (``item_id``); versions of versions are one group. A version known
    by its URL only cannot be matched to an item and is left out.
    """
    by_id: dict[str, list[int]] = {}
    for index, item in enumerate(items):
        by_id.setdefault(item.id, []).append(index)
    parent = list(range(len(items)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    for index, item in enumerate(items):
        for version in item.language_versions:
            for other in by_id.get(version.item_id or "", ()):
                parent[root(other)] = root(index)
    groups: dict[int, list[int]] = {}
    for index in range(len(items)):
        groups.setdefault(root(index), []).append(index)
    return sorted((g for g in groups.values() if len(g) > 1), key=lambda g: g[0])


_Fact = tuple[str, str]  # (JSONPath, value as text)


def compare_versions(items: Sequence[NewsItem]) -> list[Difference]:
    """Every difference between the first item and each of the others, in order."""
    if not items:
        return []
    reference, others = items[0], items[1:]
    keyed_left, ordered_left = _keyed(reference), _ordered(reference)
    found: list[Difference] = []
    for other in others:
        keyed_right, ordered_right = _keyed(other), _ordered(other)
        for what in keyed_left.keys() | keyed_right.keys():
            left, right = keyed_left.get(what, {}), keyed_right.get(what, {})
            for key in sorted(left.keys() | right.keys()):
                found += _differ(what, key, reference, left.get(key), other, right.get(key))
        for what in ordered_left.keys() | ordered_right.keys():
            pairs = itertools.zip_longest(ordered_left.get(what, ()), ordered_right.get(what, ()))
            for n, (a, b) in enumerate(pairs):
                found += _differ(what, str(n + 1), reference, a, other, b)
    return sorted(found, key=lambda d: (d.right.split(" ", 1)[0], d.what, d.left, d.right))


def _differ(
    what: str, key: str, left: NewsItem, a: _Fact | None, right: NewsItem, b: _Fact | None
) -> list[Difference]:
    if a is not None and b is not None and a[1] == b[1]:
        return []
    return [
        Difference(
            f"{what} {key}" if key else what,
            f"{left.id} {a[0] if a else _NONE}",
            f"{right.id} {b[0] if b else _NONE}",
            a[1] if a else "missing",
            b[1] if b else "missing",
        )
    ]


def _keyed(item: NewsItem) -> dict[str, dict[str, _Fact]]:
    """Facts found by a key (an id, a URL): what -> key -> (path, value)."""
    speakers: dict[str, _Fact] = {}
    for i, s in enumerate(item.speakers):
        speakers[s.id] = (f"$.speakers[{i}]", _speaker(s))
    for i, c in enumerate(item.collective_speakers):
        speakers[c.id] = (f"$.collective_speakers[{i}]", f"collective {c.kind}")
    mode = item.meeting.mode if item.meeting else None
    quoted = Counter(speaker for _, speaker in _quotations(item))
    first_quote = {}
    for path, speaker in reversed(list(_quotations(item))):
        first_quote[speaker] = path
    return {
        "speaker": speakers,
        "quotations by": {
            speaker: (first_quote[speaker], f"{count} quotation(s)")
            for speaker, count in quoted.items()
        },
        "topic": {t.id: (f"$.topics[{i}]", "present") for i, t in enumerate(item.topics)},
        "note": {n.id: (f"$.notes[{i}]", "present") for i, n in enumerate(item.notes)},
        "date": _dates(item),
        "symbols": {"": ("$.symbols", ", ".join(item.symbols) or "none")},
        "release number": {"": ("$.release_number", item.release_number or "none")},
        "meeting mode": {"": ("$.meeting.mode", str(mode) if mode else "none")},
    }


def _speaker(speaker: Speaker) -> str:
    parts = [f"member {_affiliation(speaker.member)}"]
    if speaker.on_behalf_of:
        parties = " and ".join(_affiliation(p) for p in speaker.on_behalf_of)
        parts.append(f"on behalf of {parties}")
    for role in speaker.roles:
        period = f" {role.period.start}/{role.period.end}" if role.period else ""
        parts.append(f"role {role.kind}{period}")
    return "; ".join(parts)


def _affiliation(affiliation: object) -> str:
    if affiliation is None:
        return "none"
    code = getattr(affiliation, "code", None)
    return str(code) if code else str(getattr(affiliation, "name", affiliation))


def _dates(item: NewsItem) -> dict[str, _Fact]:
    # A date as written is compared by kind only: its words are the version's language.
    def known(date: object) -> str:
        return "as written" if isinstance(date, DateAsWritten) else str(date)

    dates = {"published": ("$.published", known(item.published))}
    dates["updated"] = ("$.updated", known(item.updated) if item.updated else "none")
    if item.meeting is not None:
        period = item.meeting.dates
        dates["meeting"] = (
            "$.meeting.dates",
            known(period) if isinstance(period, DateAsWritten) else f"{period.start}/{period.end}",
        )
    return dates


def _ordered(item: NewsItem) -> dict[str, list[_Fact]]:
    """Facts compared by position: what -> [(path, value)] in reading order."""
    statements = [
        (f"$.sections[{s}].blocks[{b}]", f"statement by {block.speaker}")
        for s, b, block in item.blocks()
        if isinstance(block, Paragraph | BlockQuote) and block.speaker is not None
    ]
    sections = [
        (f"$.sections[{s}]", _section(section.id, section.heading, len(section.blocks)))
        for s, section in enumerate(item.sections)
    ]
    quotations = [(path, f"quotation by {speaker}") for path, speaker in _quotations(item)]
    spans = [
        (path, f"statement by {node.speaker}")
        for path, text in item.texts()
        for node in walk(text)
        if isinstance(node, Statement)
    ]
    # a link's page is in each version's language ("/english/", "/french/"): its site stays
    links = [
        (f"$.related_links[{i}].url", f"a page of {urlsplit(link.url).netloc or link.url}")
        for i, link in enumerate(item.related_links)
    ]
    return {
        "statement": statements,
        "statement span": spans,
        "quotation": quotations,
        "section": sections,
        "link": links,
    }


def _section(section_id: str | None, heading: object, blocks: int) -> str:
    return f"id {section_id}, {'a' if heading is not None else 'no'} heading, {blocks} block(s)"


def _quotations(item: NewsItem) -> Iterator[tuple[str, str]]:
    """(path of the text holding it, speaker) for each direct quotation, in reading order."""
    for path, text in item.texts():
        for node in walk(text):
            if isinstance(node, Quotation):
                yield path, node.speaker
    for s, b, block in item.blocks():
        if isinstance(block, BlockQuote) and block.speaker is not None:
            yield f"$.sections[{s}].blocks[{b}]", block.speaker
