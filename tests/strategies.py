"""Hypothesis strategies for every model class, producing items that pass validation."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
from hypothesis import strategies as st

from jsi_docs.i18n import SUPPORTED_LANGUAGES
from jsi_docs.model import (
    Affiliation,
    AffiliationKind,
    BlockQuote,
    CollectiveKind,
    CollectiveSpeaker,
    Contact,
    ContactKind,
    DateAsWritten,
    Dateline,
    Decision,
    DecisionKind,
    DocumentRef,
    Emphasis,
    Figure,
    Foreign,
    GrammaticalGender,
    Inline,
    Insertion,
    InsertionMarks,
    Intervention,
    Interventions,
    ItemKind,
    LangText,
    LanguageVersion,
    Link,
    ListBlock,
    Meeting,
    MeetingKind,
    MeetingMode,
    NameOrder,
    NewsItem,
    Note,
    NoteRef,
    OnBehalfOf,
    Organization,
    Paragraph,
    PartialDate,
    Period,
    PersonName,
    Phone,
    PhoneKind,
    Quotation,
    QuotedTerm,
    RelatedLink,
    Role,
    RoleKind,
    Section,
    Series,
    Speaker,
    SpeakerRef,
    Statement,
    Strong,
    Table,
    Text,
    Topic,
    TopicRef,
    Truncation,
)
from jsi_docs.model.inline import has_words

# Text that XML can hold (no controls but tab/newline, no surrogates, no U+FFFE/U+FFFF),
# markup and template syntax included on purpose.
_alphabet = st.characters(
    codec="utf-8",
    exclude_categories=("Cs", "Cc"),
    exclude_characters="\ufffe\uffff",
)
_tricky = st.sampled_from(
    ["<script>alert(1)</script>", "{{ 7*7 }}", "</script>", "<!--", "\u2028", "*", "_", "[x](y)",
     "\\", "«", "»", ":", "?", "l'Ambassadeur", "é", "\u202e", "a\u0301", "&amp;", "\"'", "\t"]
)  # fmt: skip
words = st.lists(
    st.one_of(st.text(_alphabet, min_size=1, max_size=12), _tricky), min_size=1, max_size=4
).map("".join)
label = words.filter(lambda s: s.strip() != "")
dates_as_written = (
    st.sampled_from(
        [
            "mercredi",
            "last Tuesday",
            "el miércoles",
            "\u0627\u0644\u0623\u0631\u0628\u0639\u0627\u0621",
        ]
    )
    | label.filter(lambda s: not any(c in s for c in "\r\n\u2028\u2029"))
).map(DateAsWritten)
"""Dates the source gives only in words (one line)."""
ids = st.from_regex(r"\A[a-z][a-z0-9-]{0,10}\Z")
document_symbols = st.one_of(
    st.from_regex(r"\A[A-Z]{2,5}(/[A-Z0-9()]{1,6}){1,3}(/Rev\.[1-9])?\Z"),
    st.text(_alphabet, min_size=1, max_size=12).filter(
        lambda s: s.isprintable() and not any(c.isspace() for c in s)
    ),
)
urls = st.one_of(
    st.from_regex(r"\Ahttps?://[a-z]{1,8}\.(org|int|example)(/[a-z0-9_.~-]{0,8}){0,3}\Z"),
    st.from_regex(r"\Amailto:[a-z]{1,8}@[a-z]{1,8}\.org\Z"),
)
web_urls = st.from_regex(r"\Ahttps://[a-z]{1,8}\.(org|int)(/[a-z0-9_.~-]{0,8}){0,3}\Z")
image_urls = st.from_regex(
    r"\Ahttps?://[a-z]{1,8}\.(org|int)(/[a-z0-9_.~-]{1,8}){0,2}/[a-z0-9_-]{1,8}\.(jpg|png|gif)\Z"
)
sizes = st.integers(min_value=1, max_value=4000)
languages = st.sampled_from(SUPPORTED_LANGUAGES)  # every language with a data file
days = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2040, 12, 31))


def rich_text(
    speaker_ids: list[str], topic_ids: list[str], max_leaves: int = 6
) -> st.SearchStrategy[tuple[Inline, ...]]:
    """Rich text whose references resolve to the given ids."""
    leaf: st.SearchStrategy[Inline] = words.map(Text)

    def wrap(children: st.SearchStrategy[tuple[Inline, ...]]) -> st.SearchStrategy[Inline]:
        options: list[st.SearchStrategy[Inline]] = [
            children.map(Emphasis),
            children.map(Strong),
            children.map(QuotedTerm),
            st.builds(
                lambda c, m: Insertion(c, marks=m), children, st.sampled_from(InsertionMarks)
            ),
            st.builds(lambda c, u: Link(c, url=u), children, urls),
            st.builds(
                lambda c, lang: Foreign(c, lang=lang),
                children,
                st.sampled_from(["en", "fr", "es", "de", "ar"]),
            ),
            st.builds(
                lambda c, sym, u: DocumentRef(c, symbol=sym, url=u),
                children,
                st.none() | document_symbols,
                st.none() | urls,
            ),
        ]
        if speaker_ids:
            sp = st.sampled_from(speaker_ids)
            options += [
                st.builds(lambda c, s: SpeakerRef(c, speaker=s), children, sp),
                st.builds(lambda c, s: Quotation(c, speaker=s), children, sp),
                st.builds(lambda c, s: Statement(c, speaker=s), children, sp),
            ]
        if topic_ids:
            options.append(
                st.builds(lambda c, t: TopicRef(c, topic=t), children, st.sampled_from(topic_ids))
            )
        return st.one_of(options)

    def as_text(nodes: st.SearchStrategy[Inline]) -> st.SearchStrategy[tuple[Inline, ...]]:
        return st.lists(nodes, min_size=1, max_size=4).map(tuple)

    node = st.recursive(leaf, lambda inner: wrap(as_text(inner)), max_leaves=max_leaves)
    from jsi_docs.model.inline import normalize

    return as_text(node).map(normalize)


symbols = st.lists(st.from_regex(r"\A[A-Z]{2,5}(/[A-Z0-9()]{1,6}){1,3}\Z"), max_size=2, unique=True)


@st.composite
def interventions(
    draw: Any, text: st.SearchStrategy[tuple[Inline, ...]], refs: list[str]
) -> Interventions:
    """Who took the floor: speakers of the item or the item's words for others, some with what they said."""
    speaker = (
        st.builds(lambda s, c: Intervention(s, content=c), st.sampled_from(refs), st.none() | text)
        if refs
        else st.nothing()
    )
    unnamed = st.builds(
        lambda words, c: Intervention(label=words, content=c), label, st.none() | text
    )
    return Interventions(
        draw(st.lists(speaker | unnamed, min_size=1, max_size=4)), lead_in=draw(st.none() | text)
    )


@st.composite
def decisions(draw: Any, text: st.SearchStrategy[tuple[Inline, ...]]) -> Decision:
    """What a body decided; a decision of kind 'other' always gives its words."""
    kind = draw(st.sampled_from(DecisionKind))
    words = draw(label if kind is DecisionKind.OTHER else st.none() | label)
    return Decision(draw(label), kind, object=draw(st.none() | text), label=words)


@st.composite
def with_notes(
    draw: Any, item: NewsItem, note_ids: list[str], text: st.SearchStrategy[tuple[Inline, ...]]
) -> NewsItem:
    """``item`` with note references appended to some of its paragraphs, the notes
    they refer to (each referred to), document symbols and maybe an update."""
    sections = []
    for section in item.sections:
        blocks: list[Any] = []
        for block in section.blocks:
            if isinstance(block, Paragraph) and note_ids:
                refs = draw(st.lists(st.sampled_from(note_ids), max_size=2))
                block = attrs.evolve(block, text=(*block.text, *map(NoteRef, refs)))
            blocks.append(block)
        sections.append(attrs.evolve(section, blocks=blocks))
    item = attrs.evolve(item, sections=sections)
    used = item.note_numbers()
    notes = [Note(note_id, draw(text)) for note_id in note_ids if note_id in used]
    published = item.published
    updated: PartialDate | DateAsWritten | None = None
    if isinstance(published, DateAsWritten):
        updated = draw(st.none() | dates_as_written)
    elif published is not None:
        later = st.integers(0, 30).map(
            lambda d: PartialDate.of(published.last + dt.timedelta(days=d))
        )
        updated = draw(
            st.none()
            | later
            | later.map(lambda p: PartialDate(p.year, p.month))
            | later.map(lambda p: PartialDate(p.year))
        )
    return attrs.evolve(
        item,
        notes=notes,
        symbols=draw(symbols),
        updated=updated,
        release_number=draw(st.none() | st.from_regex(r"\A[A-Z]{2}/\d{2}/\d{1,4}\Z")),
    )


def periods(within: Period | None = None) -> st.SearchStrategy[Period]:
    """Periods of days, or of a month or year (``within``: covering it)."""
    if within is not None:
        return st.just(within) | st.just(Period.year(within.start.year))
    in_days = st.tuples(days, st.integers(0, 5)).map(
        lambda t: Period(t[0], t[0] + dt.timedelta(days=t[1]))
    )
    in_months = days.map(lambda d: Period.month(d.year, d.month))
    in_years = st.tuples(days, st.integers(0, 2)).map(
        lambda t: Period.between(PartialDate(t[0].year), PartialDate(t[0].year + t[1]))
    )
    return in_days | in_months | in_years


def partial_dates(day: dt.date) -> st.SearchStrategy[PartialDate]:
    """``day`` known to the day, the month or the year."""
    return st.sampled_from(
        [PartialDate.of(day), PartialDate(day.year, day.month), PartialDate(day.year)]
    )


_codes = st.none() | st.from_regex(r"\A[A-Z]{3}\Z")
_member_kinds = [
    k for k in AffiliationKind if k not in (AffiliationKind.PERSON, AffiliationKind.OFFICE)
]
affiliations = st.builds(Affiliation, label, st.sampled_from(_member_kinds), _codes)
on_behalf = st.builds(
    lambda name, kind, code, phrase: OnBehalfOf(name, kind, code, phrase=phrase),
    label,
    st.sampled_from(AffiliationKind),
    _codes,
    st.none() | label,
)


@st.composite
def tables(
    draw: Any, text: st.SearchStrategy[tuple[Inline, ...]], speaker: st.SearchStrategy[str | None]
) -> Table:
    """A table of 1-3 columns; cells may be empty, row headings may not."""
    columns = draw(st.integers(1, 3))
    row_headers = draw(st.booleans())
    cell = st.just(()) | text
    rows = [
        [draw(text if row_headers and c == 0 else cell) for c in range(columns)]
        for _ in range(draw(st.integers(1, 3)))
    ]
    header = draw(st.just([]) | st.lists(cell, min_size=columns, max_size=columns))
    return Table(
        rows,
        header=header,
        row_headers=row_headers,
        caption=draw(st.none() | text),
        note=draw(st.none() | text),
        speaker=draw(speaker),
    )


@st.composite
def news_items(draw: Any) -> NewsItem:
    """Valid items: ids unique, references resolved, URLs safe, dates consistent."""
    language = draw(languages)
    meeting_dates = draw(st.none() | periods())
    published_day = (
        draw(days)
        if meeting_dates is None
        else meeting_dates.end + dt.timedelta(days=draw(st.integers(0, 3)))
    )
    published = draw(st.none() | partial_dates(published_day) | dates_as_written)
    all_ids = draw(st.lists(ids, min_size=0, max_size=6, unique=True))
    cut = draw(st.integers(0, len(all_ids)))
    speaker_ids, collective_ids = all_ids[:cut], all_ids[cut:]
    topic_ids = draw(st.lists(ids, max_size=4, unique=True))
    refs = speaker_ids + collective_ids
    text = rich_text(refs, topic_ids).filter(has_words)  # blank rich text is refused
    speaker_choice = st.none() | (st.sampled_from(refs) if refs else st.none())

    speakers = [
        Speaker(
            sid,
            name,
            honorific=honorific if name or honorific or member else draw(label),
            member=member,
            on_behalf_of=draw(st.none() | on_behalf | st.lists(on_behalf, min_size=1, max_size=3)),
            roles=draw(
                st.lists(
                    st.builds(
                        Role,
                        st.sampled_from([k for k in RoleKind if k is not RoleKind.OTHER]),
                        st.none() | label,
                        st.none() | periods(meeting_dates),
                        st.none() | label,
                    ),
                    max_size=2,
                )
            ),
            gender=draw(st.none() | st.sampled_from(GrammaticalGender)),
        )
        for sid in speaker_ids
        for name, honorific, member in [
            (
                draw(
                    st.none()
                    | st.builds(PersonName, label, st.none() | label, st.sampled_from(NameOrder))
                ),
                draw(st.none() | label),
                draw(st.none() | affiliations),
            )
        ]
    ]
    collective = [
        CollectiveSpeaker(
            cid,
            draw(label),
            kind=draw(st.sampled_from(CollectiveKind)),
            members=draw(st.lists(affiliations, max_size=3)),
            # the persons of the item the group is made of (who speak when it speaks)
            people=draw(st.lists(st.sampled_from(speaker_ids), unique=True, max_size=2))
            if speaker_ids
            else (),
        )
        for cid in collective_ids
    ]
    blocks = st.one_of(
        st.builds(lambda t, s: Paragraph(t, speaker=s), text, speaker_choice),
        st.builds(
            lambda items, o, s: ListBlock(items, ordered=o, speaker=s),
            st.lists(text, min_size=1, max_size=3),
            st.booleans(),
            speaker_choice,
        ),
        st.builds(
            lambda ps, s, c: BlockQuote(ps, speaker=s, cite=c),
            st.lists(text, min_size=1, max_size=2),
            speaker_choice,
            st.none() | web_urls,
        ),
        tables(text, speaker_choice),
        st.builds(
            lambda image, alt, caption, credit, w, h: Figure(
                image, alt, caption=caption, credit=credit, width=w, height=h
            ),
            image_urls,
            label,
            st.none() | text,
            st.none() | label,
            st.none() | sizes,
            st.none() | sizes,
        ),
        interventions(text, refs),
        decisions(text),
    )
    section_ids = draw(st.lists(ids, max_size=3, unique=True))
    sections = [
        Section(
            draw(st.lists(blocks, min_size=1, max_size=3)),
            heading=draw(st.none() | label),
            id=draw(st.none() | st.sampled_from(section_ids)) if section_ids else None,
        )
        for _ in range(draw(st.integers(1, 3)))
    ]
    seen: set[str] = set()
    unique_sections = []
    for section in sections:  # section ids must be unique
        if section.id in seen:
            section = Section(section.blocks, heading=section.heading)
        if section.id is not None:
            seen.add(section.id)
        unique_sections.append(section)
    other_languages = [lang for lang in SUPPORTED_LANGUAGES if lang != language]
    versions = [
        LanguageVersion(
            lang,
            item_id=draw(st.none() | ids.map(lambda s: s + "-v")),
            url=draw(web_urls),
            headline=draw(st.none() | label),
        )
        for lang in draw(st.lists(st.sampled_from(other_languages), unique=True, max_size=2))
    ]
    item = NewsItem(
        draw(ids),
        language,
        draw(st.none() | label),
        published,
        unique_sections,
        kind=draw(st.sampled_from(ItemKind)),
        series=draw(
            st.none() | st.builds(Series, label, id=st.none() | ids, url=st.none() | web_urls)
        ),
        lead=draw(st.none() | text),
        meeting=None
        if meeting_dates is None
        else Meeting(
            draw(st.sampled_from(MeetingKind)),
            draw(st.just(meeting_dates) | dates_as_written),
            place=draw(st.none() | label),
            series=draw(st.none() | label),
            label=draw(st.none() | label),
            mode=draw(st.none() | st.sampled_from(MeetingMode)),
        ),
        publisher=draw(st.none() | st.builds(Organization, label, url=st.none() | web_urls)),
        url=draw(st.none() | web_urls),
        speakers=speakers,
        collective_speakers=collective,
        topics=[Topic(t, draw(label), uri=draw(st.none() | web_urls)) for t in topic_ids],
        related_links=draw(
            st.lists(
                st.builds(RelatedLink, label, urls, language=st.none() | languages), max_size=3
            )
        ),
        language_versions=versions,
        contact=draw(
            st.none()
            | st.builds(
                Contact,
                text,
                prompt=st.none() | label,
                email=st.none() | st.from_regex(r"\A[a-z]{1,8}@[a-z]{1,8}\.org\Z"),
                url=st.none() | web_urls,
                phone=st.none() | st.from_regex(r"\A\+41 22 [0-9]{3} [0-9]{2} [0-9]{2}\Z"),
            )
        ),
    )
    noted: NewsItem = draw(with_notes(item, draw(st.lists(ids, max_size=3, unique=True)), text))
    front: NewsItem = draw(with_front_matter(noted, text))
    return front


_tags = st.sampled_from(["en", "fr", "es", "ar", "ru", "zh", "de"])
in_a_language = label | st.builds(LangText, label, _tags)
"""A plain-text field's value: text, or text with its language stated."""


def _cut(text: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """``text`` stopping where the source stops."""
    return (*text, Truncation())


@st.composite
def with_front_matter(
    draw: Any, item: NewsItem, text: st.SearchStrategy[tuple[Inline, ...]]
) -> NewsItem:
    """``item`` with maybe a subtitle, a dateline, highlights, agenda-item numbers, headings and
    labels in a stated language, a press contact with a unit and phones, and texts cut off in
    the source (a paragraph or a highlight ending in a truncation mark)."""
    sections = []
    for section in item.sections:
        blocks = [
            attrs.evolve(block, text=_cut(block.text))
            if isinstance(block, Paragraph) and draw(st.integers(0, 5)) == 0
            else block
            for block in section.blocks
        ]
        heading = section.heading
        if heading is not None and draw(st.booleans()):
            heading = LangText(heading, draw(_tags))
        agenda = draw(st.none() | st.from_regex(r"\A[1-9][0-9]?(\([a-d]\))?\Z"))
        sections.append(attrs.evolve(section, blocks=blocks, heading=heading, agenda_item=agenda))
    contact = item.contact
    if contact is not None:
        contact = attrs.evolve(
            contact,
            kind=draw(st.sampled_from(ContactKind)),
            unit=draw(st.none() | in_a_language),
            prompt=draw(st.none() | in_a_language),
            phones=draw(
                st.lists(
                    st.builds(
                        lambda number, kind, own: Phone(number, kind=kind, label=own),
                        st.from_regex(r"\A\+41 (22|79) [0-9]{3} [0-9]{2} [0-9]{2}\Z"),
                        st.none() | st.sampled_from(PhoneKind),
                        st.none() | in_a_language,
                    ),
                    max_size=3,
                )
            ),
        )
    published = item.published
    dated = st.none() if published is None else st.just(published)
    dateline = draw(
        st.none()
        | st.builds(lambda place, date: Dateline(place, date), in_a_language, dated)
        | (
            st.builds(lambda date: Dateline(None, date), st.just(published))
            if published
            else st.none()
        )
    )
    highlights = draw(st.lists(text | text.map(_cut), max_size=3))
    topics = [attrs.evolve(t, label=draw(in_a_language)) for t in item.topics]
    return attrs.evolve(
        item,
        sections=sections,
        subtitle=draw(st.none() | text),
        dateline=dateline,
        highlights=highlights,
        contact=contact,
        topics=topics,
        headline=draw(st.none() | in_a_language) if item.headline is not None else None,
        series=attrs.evolve(item.series, label=draw(in_a_language)) if item.series else None,
    )
