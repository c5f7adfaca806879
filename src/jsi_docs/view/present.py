"""Presentation text shared by every exporter (HTML, PDF, DOCX), free of any markup.

What a reader sees besides the item's own words: a speaker's name with honorific, Member and
roles ("Ambassadeur Hung Seng Tan (Singapour), coorganisateur de l'initiative, président des
réunions plénières en 2023"), the meeting line ("Réunions plénières, 22\u201325 mai 2023"), dates,
quotation marks, and the typography profile applied to text runs. Words come from
:mod:`jsi_docs.i18n`; this module only composes them. Every string returned is plain text: an
exporter escapes it for its own format.

>>> p = Presenter.for_language("fr")  # doctest: +SKIP
>>> p.speaker(item.speaker("tan")).text  # doctest: +SKIP
"Ambassadeur Hung Seng Tan (Singapour), coorganisateur de l'initiative, ..."
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from typing import Final, TypeVar

import attrs
from babel.lists import format_list

from jsi_docs.i18n import (
    Labels,
    Term,
    TypographyProfile,
    UnsupportedLanguageError,
    capitalize_first,
    format_date_range,
    format_known,
    get_language,
    labels,
    normalize_language,
    profile_for,
)
from jsi_docs.i18n.catalog import NameFormats
from jsi_docs.model import (
    CollectiveSpeaker,
    DateAsWritten,
    DatePrecision,
    Meeting,
    NewsItem,
    OnBehalfOf,
    PartialDate,
    Period,
    Role,
    Speaker,
)
from jsi_docs.validation import IMAGE_SCHEMES, LINK_SCHEMES, check_url

__all__ = [
    "FALLBACK_LANGUAGE",
    "KEPT_RUN_LENGTH",
    "LINK_SCHEMES",
    "REPLACEMENT",
    "TYPESET_CONTEXT",
    "Presenter",
    "SpeakerDisplay",
    "clean",
    "is_number",
    "safe_image_url",
    "safe_url",
    "supported",
]

FALLBACK_LANGUAGE: Final = "en"
"""Labels and typography used for an item whose language has none."""

_PERCENT_ENCODED = str.maketrans({c: f"%{ord(c):02X}" for c in '"<>\\^`{|}'})

# Code points no document may hold (HTML forbids them in its input, XML 1.0 most of them, and
# a lone surrogate cannot even be encoded): C0 and C1 controls but tab, line feed, form feed
# and carriage return; surrogates; noncharacters. Astral noncharacters are tested apart:
# a regular-expression class with astral members is slow.
_FORBIDDEN_BMP = re.compile(
    "[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]"
)
REPLACEMENT: Final = "\ufffd"
_WHITE_SPACE = re.compile("[ \t\n\r\x0c\x85\u2028\u2029]{2,}|[\t\n\r\x0c\x85\u2028\u2029]")
"""Line breaks, tabs and runs of spaces in running text: one space in every format (a browser
collapses them; a DOCX would keep a tab or a line break where the HTML shows a space)."""

_K = TypeVar("_K")
_V = TypeVar("_V")

TYPESET_CONTEXT: Final = 1
"""Characters of each neighbouring run a run is typeset with: the profiles read no more."""
_TYPESET_CACHE: Final = 8192
"""Entries each of a presenter's caches keeps (typeset runs, dates, speakers)."""
KEPT_RUN_LENGTH: Final = 4096
"""Longest run the caches of typeset text keep (longer ones rarely recur; a bound on memory)."""


def safe_url(url: str | None) -> str | None:
    """``url`` (stripped) if its scheme is http, https or mailto and it is well formed, else None.

    Relative URLs, ``javascript:``, ``data:``, ``file:`` and URLs with spaces or control
    characters inside are refused. ASCII characters a URL may not hold as such (``"``, ``<``,
    ``>``, ``\\``, ``^``, `````, ``{``, ``|``, ``}``) are percent-encoded, as browsers do.
    """
    return None if url is None else _safe_url(url)


@functools.lru_cache(maxsize=4096)
def _safe_url(url: str) -> str | None:
    url = url.strip()
    return None if check_url(url) else url.translate(_PERCENT_ENCODED)


def safe_image_url(url: str | None) -> str | None:
    """``url`` as :func:`safe_url` makes it, if its scheme is http or https; else None."""
    safe = safe_url(url)
    return safe if safe is not None and check_url(safe, IMAGE_SCHEMES) is None else None


# A number alone: a sign, digits with separators and spaces, a percent or per mille sign.
_NUMBER = re.compile(r"[+\-\u2212\u2013]?[\d.,\s]*\d[\d.,\s]*[%\u2030]?")


def is_number(text: str) -> bool:
    """Whether ``text`` is a number alone ("-1.2", "1 234,5", "12 %"): table cells that hold
    one are set flush right."""
    return _NUMBER.fullmatch(text.strip()) is not None


def clean(text: str) -> str:
    """``text`` with every code point no document may hold (controls other than tab and line
    ends, lone surrogates, noncharacters) replaced by U+FFFD, and tabs, line breaks and runs of
    spaces made one space; unchanged text is returned as is."""
    if text.isprintable() and "  " not in text:  # no control, surrogate, unassigned: fast
        return text
    text = _WHITE_SPACE.sub(" ", text)
    if _FORBIDDEN_BMP.search(text) is not None:
        text = _FORBIDDEN_BMP.sub(REPLACEMENT, text)
    if not text.isascii() and _has_astral(text):
        text = "".join(REPLACEMENT if ord(c) & 0xFFFE == 0xFFFE else c for c in text)
    return text


def _remember(cache: dict[_K, _V], key: _K, make: Callable[..., _V], *args: object) -> _V:
    """``cache[key]``, made by ``make(*args)`` when missing; the cache starts again when full."""
    done = cache.get(key)
    if done is None:
        if len(cache) >= _TYPESET_CACHE:
            cache.clear()
        done = cache[key] = make(*args)
    return done


def _has_astral(text: str) -> bool:
    # UTF-16 needs two units for a code point beyond the BMP; encoding is far faster than max().
    return len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)


def supported(language: str) -> bool:
    """Whether ``language`` (a BCP 47 tag) has labels, dates and a typography profile."""
    try:
        normalize_language(language)
    except UnsupportedLanguageError:
        return False
    return True


def with_honorific(honorific: str | None, name: str, after: bool = False, gap: str = " ") -> str:
    """``name`` with ``honorific`` before it ("Ambassador Tan") or, ``after``, behind it."""
    # a space at an edge of either (it shows in no format) would double the one between
    if not (honorific and honorific.strip(" ")):
        return name
    first, last = (name, honorific) if after else (honorific, name)
    return f"{first.strip(' ')}{gap}{last.strip(' ')}"


@attrs.frozen
class SpeakerDisplay:
    """A speaker as shown, in parts (for markup) and as one line (:attr:`text`)."""

    id: str
    name: str
    """The name in display order ("Hung Seng Tan"), or a group's label, capitalised as it
    stands alone ("Plusieurs Membres")."""
    honorific: str | None = None
    member: str | None = None
    """Who the speaker speaks for, shown in parentheses after the name."""
    on_behalf_of: str | None = None
    """Whom the speaker speaks for on this occasion, in the words of the item's language: "au
    nom du Groupe africain", "on behalf of the Director-General"."""
    roles: tuple[str, ...] = ()
    """Each role in words with its period: "président des réunions plénières en 2023"."""
    collective: bool = False
    delegation: bool = False
    """A Member's delegation with no person named: ``name`` is the Member's."""
    comma: str = ", "
    parentheses: tuple[str, str] = (" (", ")")
    """The punctuation of the line, from the text's typography profile."""
    honorific_after: bool = False
    honorific_gap: str = " "
    """Where the language puts an honorific (after the name in Chinese) and what separates
    them (a space, or nothing)."""

    @functools.cached_property  # one SpeakerDisplay serves every page of its speaker
    def full_name(self) -> str:
        """Honorific and name: "Ambassadeur Hung Seng Tan", "阿斯兰·努尔兰诺夫部长"."""
        return with_honorific(self.honorific, self.name, self.honorific_after, self.honorific_gap)

    @functools.cached_property
    def affiliation(self) -> str | None:
        """What goes in the parentheses: the Member, "Singapour"."""
        return self.member

    @functools.cached_property
    def text(self) -> str:
        """The whole line: "Ambassadeur Hung Seng Tan (Singapour), coorganisateur ..., ...",
        then whom the speaker speaks for on this occasion ("au nom du Groupe africain")."""
        head = self.full_name
        if self.affiliation:
            opening, closing = self.parentheses
            head = f"{head}{opening}{self.affiliation}{closing}"
        behalf = (self.on_behalf_of,) if self.on_behalf_of else ()
        return self.comma.join((head, *self.roles, *behalf))

    def __str__(self) -> str:
        return self.text


@attrs.frozen(cache_hash=True)  # a key of caches, hashed on every page
class Presenter:
    """Composes display text in one language with one typography profile.

    ``language`` is the language of the item's text (roles, meeting kinds and dates are part
    of the text, so they follow it); exporters make a second presenter for page labels when
    ``labels_language`` differs.
    """

    language: str
    profile: TypographyProfile
    labels: Labels
    _alone: dict[str, str] = attrs.field(factory=dict, init=False, eq=False, repr=False, hash=False)
    _typeset: dict[tuple[str, str, str], str] = attrs.field(
        factory=dict, init=False, eq=False, repr=False, hash=False
    )
    _labels: dict[Term, str] = attrs.field(
        factory=dict, init=False, eq=False, repr=False, hash=False
    )
    _date_texts: dict[tuple[dt.date, dt.date, object], str] = attrs.field(
        factory=dict, init=False, eq=False, repr=False, hash=False
    )
    _meeting_kinds: dict[tuple[object, str | None], str] = attrs.field(
        factory=dict, init=False, eq=False, repr=False, hash=False
    )
    _speakers: dict[Speaker | CollectiveSpeaker, SpeakerDisplay] = attrs.field(
        factory=dict, init=False, eq=False, repr=False, hash=False
    )

    @classmethod
    def for_language(cls, language: str, typography: str | None = None) -> Presenter:
        """A presenter for ``language`` with the named typography profile (default: the
        language's own). Raises ``UnsupportedLanguageError`` for a language with no labels."""
        base = normalize_language(language)
        return _presenter(base, typography)

    @classmethod
    def for_item(cls, item: NewsItem, typography: str | None = None) -> Presenter:
        """A presenter for ``item``'s language, or English if that language has no labels
        (see :func:`supported`; exporters report the fallback as a diagnostic)."""
        language = item.language if supported(item.language) else FALLBACK_LANGUAGE
        return cls.for_language(language, typography)

    @property
    def names(self) -> NameFormats:
        """How the language writes honorifics and roles around names."""
        return get_language(self.language).names

    # -- text runs ---------------------------------------------------------------------------

    def text(self, text: str, *, before: str = "", after: str = "") -> str:
        """One plain-text run, :func:`clean`, with the typography profile applied.

        ``before``/``after`` are the neighbouring runs' text, as context only (so that
        "<em>Note</em>: suite" still gets its space). Never pass URLs or code.
        """
        done = self._alone.get(text)
        if done is not None:
            return done
        keep = len(text) <= KEPT_RUN_LENGTH
        if not self.profile.needs_context(text):
            # Typeset alike whatever its neighbours: kept by its text alone.
            done = self.profile.apply(clean(text))
            if keep:
                if len(self._alone) >= _TYPESET_CACHE:
                    self._alone.clear()
                self._alone[text] = done
            return done
        key = (text, before[-TYPESET_CONTEXT:], after[:TYPESET_CONTEXT])
        done = self._typeset.get(key)
        if done is None:
            # Typesetting is pure and the same runs recur (labels, names, a page and its
            # JSON-LD, one item in several formats), so results are kept, up to a bound.
            done = self.profile.apply(clean(text), before=key[1], after=key[2])
            if keep:
                if len(self._typeset) >= _TYPESET_CACHE:
                    self._typeset.clear()
                self._typeset[key] = done
        return done

    def quote_marks(self, depth: int = 0) -> tuple[str, str]:
        """(opening, closing) marks for a quotation or quoted term nested ``depth`` deep
        (0: outermost, the language's « » or “ ”; deeper: the nested pair)."""
        return self.profile.nested_quotes if depth > 0 else self.profile.quotes

    def label(self, term: Term, **fields: object) -> str:
        """A label of this language, typeset."""
        if fields:
            return self.text(self.labels.get(term, gender=None, **fields))
        done = self._labels.get(term)
        if done is None:
            done = self._labels[term] = self.text(self.labels.get(term))
        return done

    # -- dates -------------------------------------------------------------------------------

    def date(self, day: dt.date) -> str:
        """A day in words: "1er juin 2023", "25 May 2023"."""
        return self._dates(day, day, format_date_range)

    def date_range(self, period: Period) -> str:
        """An inclusive range of days in words: "22\u201325 mai 2023"."""
        return self._dates(period.start, period.end, format_date_range)

    def period(self, period: Period) -> str:
        """A period to the precision it is known: "22\u201325 mai 2023", "mai 2023", "2023"."""
        return self._known(period.start, period.end, period.precision)

    def partial_date(self, date: PartialDate) -> str:
        """A date to the precision it is known: "25 mai 2023", "mai 2023", "2023"."""
        return self._known(date.first, date.last, date.precision)

    def _known(self, start: dt.date, end: dt.date, precision: DatePrecision) -> str:
        return _remember(
            self._date_texts,
            (start, end, str(precision)),
            lambda: self.text(format_known(start, end, str(precision), self.language)),
        )

    def _dates(
        self, start: dt.date, end: dt.date, how: Callable[[dt.date, dt.date, str], str]
    ) -> str:
        # Babel is slow and the same dates recur (a meeting's items, their formats): keep them.
        return _remember(
            self._date_texts, (start, end, how), lambda: self.text(how(start, end, self.language))
        )

    # -- people ------------------------------------------------------------------------------

    def role(self, role: Role, gender: str | None = None) -> str:
        """A role in words: "président des réunions plénières en 2023"."""
        words = role.label
        if words is None:
            try:
                words = self.labels.get(Term.of("role", str(role.kind)), gender=gender)
            except LookupError:
                words = str(role.kind).replace("-", " ")
        if role.of:
            words = self.names.role_of(words, role.of)
        if role.period is not None:
            when = self.period(role.period)
            if role.period.precision is not DatePrecision.DAY:
                words = self.labels.get(Term.ROLE_DURING, role=words, period=when)
            else:
                words = f"{words} ({when})"
        return self.text(words)

    def speaker(self, speaker: Speaker | CollectiveSpeaker) -> SpeakerDisplay:
        """How a speaker is shown, in parts and as one line."""
        return _remember(self._speakers, speaker, self._compose_speaker, speaker)

    def _compose_speaker(self, speaker: Speaker | CollectiveSpeaker) -> SpeakerDisplay:
        if isinstance(speaker, CollectiveSpeaker):
            # each name trimmed: a space at its edge would double the one after the comma
            comma = self.profile.comma
            members = comma.join(n for m in speaker.members if (n := m.name.strip(" "))) or None
            return SpeakerDisplay(
                speaker.id,
                self.text(capitalize_first(speaker.label)),
                member=self.text(members) if members else None,
                collective=True,
                comma=comma,
                parentheses=self.profile.parentheses,
            )
        gender = str(speaker.gender) if speaker.gender is not None else None
        roles = tuple(self.role(r, gender) for r in speaker.roles)
        honorific = self.text(speaker.honorific) if speaker.honorific else None
        member = self.text(speaker.member.name) if speaker.member else None
        delegation = False
        if speaker.name is not None:
            name = self.text(speaker.name.full)
        elif roles:  # known by a role only: "Le président du Comité"
            name, roles = capitalize_first(roles[0]), roles[1:]
        elif honorific is not None:  # known by an honorific only: "Le Directeur général"
            name, honorific = honorific, None
        else:  # a delegation, no person named: "Kenya", "The European Union" opening a line
            name, member, delegation = capitalize_first(member or speaker.id), None, True
        return SpeakerDisplay(
            speaker.id,
            name,
            honorific=honorific,
            member=member,
            on_behalf_of=self.on_behalf(speaker.on_behalf_of) if speaker.on_behalf_of else None,
            roles=roles,
            delegation=delegation,
            comma=self.profile.comma,
            parentheses=self.profile.parentheses,
            honorific_after=self.names.honorific_after,
            honorific_gap=self.names.honorific_gap,
        )

    def on_behalf(self, parties: tuple[OnBehalfOf, ...]) -> str:
        """ "on behalf of the African Group and the LDC Group", "au nom de Singapour", or the
        item's own words: with a ``phrase`` given, each party's words (its phrase, or the
        language's words before its name) joined as a list."""
        if all(p.phrase is None for p in parties):
            names = self.join_list([p.name.strip(" ") for p in parties])
            return self.text(self.labels.get(Term.ON_BEHALF_OF, party=names))
        return self.text(
            self.join_list(
                [
                    (p.phrase or self.labels.get(Term.ON_BEHALF_OF, party=p.name)).strip(" ")
                    for p in parties
                ]
            )
        )

    @property
    def list_locale(self) -> str:
        """The locale whose pattern joins a list ("A, B and C", "A、B和C"): the one the
        language's dates are written in (British usage in English: no serial comma)."""
        try:
            return get_language(self.language).dates.locale
        except LookupError:
            return self.language

    def join_list(self, words: list[str]) -> str:
        """``words`` joined as the language joins a list: "A, B and C", "A et B"."""
        return format_list(words, locale=self.list_locale)

    def speaker_name(self, speaker: Speaker | CollectiveSpeaker) -> str:
        """The one-line display name of a speaker (see :attr:`SpeakerDisplay.text`)."""
        return self.speaker(speaker).text

    # -- meetings ----------------------------------------------------------------------------

    def meeting_kind(self, meeting: Meeting) -> str:
        """The meeting's label, or its kind in words, capitalised: "Réunions plénières"."""
        key = (meeting.kind, meeting.label)
        return _remember(self._meeting_kinds, key, self._compose_meeting_kind, meeting)

    def _compose_meeting_kind(self, meeting: Meeting) -> str:
        if meeting.label:
            return self.text(capitalize_first(meeting.label))
        try:
            term = Term.of("meeting", str(meeting.kind))
        except LookupError:
            return self.text(capitalize_first(str(meeting.kind).replace("-", " ")))
        return self.text(capitalize_first(self.labels.get(term)))

    def meeting_mode(self, meeting: Meeting) -> str | None:
        """How the meeting was held, when the source says: "en format hybride"; else None."""
        if meeting.mode is None:
            return None
        return self.label(Term.of("mode", str(meeting.mode)))

    def meeting_line(self, meeting: Meeting) -> str:
        """Kind, how it was held and place if known, and days: "Réunions plénières, 22\u201325
        mai 2023"."""
        parts = [self.meeting_kind(meeting)]
        if mode := self.meeting_mode(meeting):
            parts.append(mode)
        if meeting.place:
            parts.append(self.text(meeting.place))
        dates = meeting.dates
        parts.append(
            self.text(dates.as_written) if isinstance(dates, DateAsWritten) else self.period(dates)
        )
        return self.profile.comma.join(parts)


_PRESENTERS: dict[tuple[str, str | None], Presenter] = {}


def _presenter(language: str, typography: str | None) -> Presenter:
    key = (language, typography)
    found = _PRESENTERS.get(key)
    if found is None:
        found = Presenter(language, profile_for(language, typography), labels(language))
        _PRESENTERS[key] = found
    return found
