"""The closed set of label terms (:class:`Term`) and the :class:`Labels` of one language.

Each language file gives its labels in its ``[labels]`` table
(``data/languages/<code>.toml``), read by :func:`parse_labels`; :func:`jsi_docs.i18n.labels`
returns them by language. They hold plain text with no typographic spaces: French
reads ``"Des problèmes pour visualiser cette page?"`` as the WTO publishes it, and exporters pass
labels through the item's :class:`~jsi_docs.i18n.typography.TypographyProfile` like any text.

Conventions in the data: headings and field names are capitalised ("Thèmes", "Topics"); words
used inside a sentence (roles, meeting and item kinds, :attr:`Term.SAID`) are lower case except
where the WTO capitalises them ("Directrice générale", "Membres") -- use :func:`capitalize_first`
to start a sentence with one. Placeholders are ``{name}`` fields fixed per term by
:data:`PLACEHOLDERS`; role terms have masculine, feminine and neutral forms.
"""

from __future__ import annotations

import enum
import string
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final, Literal, TypeAlias

import attrs

from jsi_docs.i18n.exceptions import LabelDataError, LabelFieldError, UnknownTermError

__all__ = [
    "DECISION_SENTENCES",
    "GENDERED_TERMS",
    "GENDERS",
    "PLACEHOLDERS",
    "Gender",
    "Labels",
    "Placeholder",
    "Segment",
    "Term",
    "capitalize_first",
    "parse_labels",
    "split_action",
]

Gender: TypeAlias = Literal["feminine", "masculine", "neutral"]
GENDERS: Final[tuple[Gender, ...]] = ("feminine", "masculine", "neutral")


class Term(enum.StrEnum):
    """Every label an exporter may show; the value is the key in the data files.

    The ``ROLE_*``, ``MEETING_*``, ``ITEM_*`` and ``COLLECTIVE_*`` names follow the model's
    ``RoleKind``, ``MeetingKind``, ``ItemKind`` and ``CollectiveKind`` (one term per value but
    ``other``); see :meth:`of`. A term nothing shows is removed, from here and the data files.
    """

    # Page furniture and navigation.
    SKIP_TO_CONTENT = enum.auto()
    FIND_OUT_MORE = enum.auto()
    LANGUAGE_VERSIONS = enum.auto()
    PROBLEMS_VIEWING = enum.auto()
    PROBLEMS_VIEWING_CONTACT = enum.auto()
    PAGE_X_OF_Y = enum.auto()
    # Metadata and sections.
    PUBLISHED = enum.auto()
    UPDATED = enum.auto()
    PUBLISHED_IN = enum.auto()
    """Before a date known to the month or year only ("Published in May 2023")."""
    UPDATED_IN = enum.auto()
    PUBLISHED_AS_WRITTEN = enum.auto()
    """Before a date the source gives only in words ("Published: Wednesday")."""
    UPDATED_AS_WRITTEN = enum.auto()
    UNTITLED = enum.auto()
    """Shown in place of a headline the source does not give."""
    DOCUMENT_SYMBOL = enum.auto()
    DOCUMENT_SYMBOLS = enum.auto()
    RELEASE_NUMBER = enum.auto()
    """Before the number a publisher gives a release that is no document symbol."""
    NOTES = enum.auto()
    BACK_TO_TEXT = enum.auto()
    ROLE_DURING = enum.auto()
    MEETING = enum.auto()
    TOPICS = enum.auto()
    SPEAKERS = enum.auto()
    MENTIONED = enum.auto()
    """The heading of the people an item names who do not speak in it."""
    CONTACT = enum.auto()
    EMAIL = enum.auto()
    PHONE = enum.auto()
    WEBSITE = enum.auto()
    # Attribution.
    SAID = enum.auto()
    ON_BEHALF_OF = enum.auto()
    PHOTO_CREDIT = enum.auto()
    # Front matter, agenda items, contacts and texts cut off (issue 15, item 7).
    HIGHLIGHTS = enum.auto()
    AGENDA_ITEM = enum.auto()
    """Before a section's heading: "Item {number}."."""
    DATELINE = enum.auto()
    """Where and when: "{place}, {date}"."""
    MEDIA_CONTACTS = enum.auto()
    """The prompt of a press contact."""
    TEXT_CUT_OFF = enum.auto()
    """After the ellipsis where a text stops in the source."""
    PHONE_OFFICE = enum.auto()
    PHONE_MOBILE = enum.auto()
    # Records of a meeting: who took the floor, what a body decided (item-language words).
    TOOK_THE_FLOOR = enum.auto()
    """One speaker took the floor, nothing said reported: "{speakers} took the floor."."""
    TOOK_THE_FLOOR_SEVERAL = enum.auto()
    """Several speakers, one after the other: "Canada, the EU and Japan took the floor."."""
    SPEAKERS_LISTED = enum.auto()
    """Speakers named after the item's lead-in, which says they spoke: "{speakers}."."""
    INTERVENTION = enum.auto()
    """A speaker and what they said: "{speaker}: {content}"."""
    DECISION = enum.auto()
    """ "{body} {action} {object}.": "The General Council took note of the report."."""
    DECISION_WITHOUT_OBJECT = enum.auto()
    DECISION_TOOK_NOTE = enum.auto()
    DECISION_ADOPTED = enum.auto()
    DECISION_APPROVED = enum.auto()
    DECISION_ELECTED = enum.auto()
    DECISION_REFERRED = enum.auto()
    DECISION_AGREED = enum.auto()
    DECISION_DECIDED = enum.auto()
    DECISION_JOINT_STATEMENT = enum.auto()
    DECISION_VOTED = enum.auto()
    """ "{body} {action} {object} {vote}.": a decision and how it was taken."""
    DECISION_VOTED_WITHOUT_OBJECT = enum.auto()
    VOTE_RECORDED = enum.auto()
    """ "by a recorded vote (in favour: {in_favour}; against: {against}; abstentions: ...)"."""
    VOTE_RECORDED_NO_ABSTENTIONS = enum.auto()
    VOTE_WITHOUT_VOTE = enum.auto()
    VOTE_CONSENSUS = enum.auto()
    VOTE_ACCLAMATION = enum.auto()
    # Roles (gendered).
    ROLE_CHAIR = enum.auto()
    ROLE_VICE_CHAIR = enum.auto()
    ROLE_CONVENOR = enum.auto()
    ROLE_CO_CONVENOR = enum.auto()
    ROLE_FACILITATOR = enum.auto()
    ROLE_COORDINATOR = enum.auto()
    ROLE_DIRECTOR_GENERAL = enum.auto()
    ROLE_DEPUTY_DIRECTOR_GENERAL = enum.auto()
    ROLE_SPOKESPERSON = enum.auto()
    ROLE_MINISTER = enum.auto()
    ROLE_PERMANENT_REPRESENTATIVE = enum.auto()
    ROLE_REPRESENTATIVE = enum.auto()
    ROLE_DELEGATE = enum.auto()
    ROLE_SECRETARY_GENERAL = enum.auto()
    ROLE_DEPUTY_SECRETARY_GENERAL = enum.auto()
    ROLE_PRESIDENT = enum.auto()
    ROLE_VICE_PRESIDENT = enum.auto()
    ROLE_RAPPORTEUR = enum.auto()
    # Kinds of meeting.
    MEETING_PLENARY = enum.auto()
    MEETING_NEGOTIATING_ROUND = enum.auto()
    MEETING_SMALL_GROUP = enum.auto()
    MEETING_INFORMAL = enum.auto()
    MEETING_BRIEFING = enum.auto()
    MEETING_MINISTERIAL = enum.auto()
    MEETING_HEADS_OF_DELEGATION = enum.auto()
    MEETING_COUNCIL = enum.auto()
    MEETING_COMMITTEE_SESSION = enum.auto()
    MEETING_GENERAL_ASSEMBLY = enum.auto()
    # How a meeting was held (the model's ``MeetingMode``), as the meeting line says it.
    MODE_IN_PERSON = enum.auto()
    MODE_HYBRID = enum.auto()
    MODE_VIRTUAL = enum.auto()
    # Kinds of item.
    ITEM_NEWS = enum.auto()
    ITEM_MEETING_SUMMARY = enum.auto()
    ITEM_CHAIR_STATEMENT = enum.auto()
    ITEM_CHAIR_SUMMARY = enum.auto()
    ITEM_PRESS_RELEASE = enum.auto()
    ITEM_MEDIA_RELEASE = enum.auto()
    ITEM_SPEECH = enum.auto()
    ITEM_MEETING_COVERAGE = enum.auto()
    # Speakers named as a group.
    COLLECTIVE_MEMBERS = enum.auto()
    COLLECTIVE_DELEGATIONS = enum.auto()
    COLLECTIVE_PARTICIPANTS = enum.auto()
    COLLECTIVE_FACILITATORS = enum.auto()
    COLLECTIVE_CO_CONVENORS = enum.auto()
    COLLECTIVE_PRIVATE_SECTOR = enum.auto()
    COLLECTIVE_OBSERVERS = enum.auto()
    COLLECTIVE_SECRETARIAT = enum.auto()

    @classmethod
    def of(cls, group: str, kind: str) -> Term:
        """The term for a model enum value: ``Term.of("role", "vice-chair")`` -> ROLE_VICE_CHAIR.

        ``group`` is ``"role"``, ``"meeting"``, ``"mode"``, ``"item"``, ``"collective"`` or
        ``"decision"``.
        Raises :class:`UnknownTermError` (a ``LookupError``) when there is no such term.
        """
        return _term(f"{group}_{kind}".replace("-", "_").lower())


_DECISION_KINDS: Final = frozenset(
    {
        "took_note",
        "adopted",
        "approved",
        "elected",
        "referred",
        "agreed",
        "decided",
        "joint_statement",
    }
)

GENDERED_TERMS: Final[frozenset[Term]] = frozenset(
    t
    for t in Term
    if t.name.startswith("ROLE_")
    or (t.name.startswith("DECISION_") and t.name[len("DECISION_") :].lower() in _DECISION_KINDS)
)
"""Terms whose data may give ``masculine``, ``feminine`` and ``neutral`` forms: roles, and the
actions of a decision (a verb that agrees with the body: "Комиссия приняла", "اعتمدت اللجنة")."""

PLACEHOLDERS: Final[Mapping[Term, frozenset[str]]] = MappingProxyType(
    {
        Term.PAGE_X_OF_Y: frozenset({"page", "pages"}),
        Term.PROBLEMS_VIEWING_CONTACT: frozenset({"email"}),
        Term.PUBLISHED: frozenset({"date"}),
        Term.UPDATED: frozenset({"date"}),
        Term.PUBLISHED_IN: frozenset({"date"}),
        Term.UPDATED_IN: frozenset({"date"}),
        Term.PUBLISHED_AS_WRITTEN: frozenset({"date"}),
        Term.UPDATED_AS_WRITTEN: frozenset({"date"}),
        Term.ON_BEHALF_OF: frozenset({"party"}),
        Term.ROLE_DURING: frozenset({"role", "period"}),
        Term.AGENDA_ITEM: frozenset({"number"}),
        Term.DATELINE: frozenset({"place", "date"}),
        Term.TOOK_THE_FLOOR: frozenset({"speakers"}),
        Term.TOOK_THE_FLOOR_SEVERAL: frozenset({"speakers"}),
        Term.SPEAKERS_LISTED: frozenset({"speakers"}),
        Term.INTERVENTION: frozenset({"speaker", "content"}),
        Term.DECISION: frozenset({"body", "action", "object"}),
        Term.DECISION_WITHOUT_OBJECT: frozenset({"body", "action"}),
        Term.DECISION_VOTED: frozenset({"body", "action", "object", "vote"}),
        Term.DECISION_VOTED_WITHOUT_OBJECT: frozenset({"body", "action", "vote"}),
        Term.VOTE_RECORDED: frozenset({"in_favour", "against", "abstentions"}),
        Term.VOTE_RECORDED_NO_ABSTENTIONS: frozenset({"in_favour", "against"}),
    }
)
"""The fields each term takes (every language uses exactly these); absent terms take none."""

DECISION_SENTENCES: Final = frozenset(
    {
        Term.DECISION,
        Term.DECISION_WITHOUT_OBJECT,
        Term.DECISION_VOTED,
        Term.DECISION_VOTED_WITHOUT_OBJECT,
    }
)
"""The sentences of a decision: a language may write them with ``{verb}`` and
``{complement}`` in place of ``{action}``, to put the body after the verb (Arabic: "{verb}
{body}{complement} {object}." gives "أحاطت اللجنة علماً بالتقرير.")."""

ACTION_PARTS: Final = frozenset({"verb", "complement"})


def split_action(action: str) -> tuple[str, str]:
    """An action's words as its verb (the first word) and what follows it, with the space
    before it: ``"أحاطت علماً"`` -> ``("أحاطت", " علماً")``, ``"اعتمدت"`` -> ``("اعتمدت", "")``."""
    verb, space, rest = action.strip().partition(" ")
    return verb, space + rest


def _accepted(term: Term) -> tuple[frozenset[str], ...]:
    """The field sets ``term``'s label may hold: its own, and for a decision's sentence the
    verb and complement in place of the action."""
    expected = PLACEHOLDERS.get(term, frozenset())
    if term in DECISION_SENTENCES:
        return expected, (expected - {"action"}) | ACTION_PARTS
    return (expected,)


@attrs.frozen
class Placeholder:
    """A ``{name}`` field inside a label, as returned by :meth:`Labels.segments`."""

    name: str


Segment: TypeAlias = str | Placeholder
"""A piece of a label: literal text or a placeholder."""

_Forms: TypeAlias = Mapping[str, tuple[Segment, ...]]


def _term(key: str | Term) -> Term:
    try:
        return Term(key)
    except ValueError:
        raise UnknownTermError(f"unknown label term {key!r}") from None


def capitalize_first(text: str) -> str:
    """``text`` with its first character upper-cased and the rest unchanged."""
    return text[:1].upper() + text[1:]


@attrs.frozen(eq=False)  # one cached instance per language; compared by identity
class Labels:
    """The labels of one language; get one with :func:`labels`."""

    language: str
    _forms: Mapping[Term, _Forms] = attrs.field(repr=False, alias="forms")

    def get(self, term: Term | str, /, *, gender: str | None = None, **fields: object) -> str:
        """The label of ``term`` with its placeholders filled from ``fields``.

        ``gender`` (``"feminine"``, ``"masculine"``, ``"neutral"`` or ``None`` for neutral; a
        ``StrEnum`` such as the model's ``GrammaticalGender`` works) picks the form of a role
        and is ignored by other terms. A decision's sentence takes ``action`` in every
        language, split by :func:`split_action` where the label is written verb first. Missing
        or unexpected fields raise :class:`LabelFieldError`; an unknown term
        :class:`UnknownTermError`.
        """
        term = _term(term)
        expected = PLACEHOLDERS.get(term, frozenset())
        if set(fields) != expected:
            missing = sorted(expected - set(fields))
            extra = sorted(set(fields) - expected)
            raise LabelFieldError(
                f"label {term.value!r} takes fields {sorted(expected)}"
                f" (missing: {missing}, unexpected: {extra})"
            )
        values = dict(fields)
        if "action" in values:  # for a sentence written verb first
            values["verb"], values["complement"] = split_action(str(values["action"]))
        return "".join(
            s if isinstance(s, str) else str(values[s.name])
            for s in self.segments(term, gender=gender)
        )

    def __getitem__(self, term: Term | str) -> str:
        """The neutral label of a term that takes no fields: ``labels("fr")["topics"]``."""
        return self.get(term)

    def segments(self, term: Term | str, /, *, gender: str | None = None) -> tuple[Segment, ...]:
        """The label split into text and :class:`Placeholder` pieces, in order.

        Lets an exporter render a field as markup, e.g. the e-mail address of
        :attr:`Term.PROBLEMS_VIEWING_CONTACT` as a link.
        """
        key = "neutral" if gender is None else str(gender)
        if key not in GENDERS:
            raise ValueError(f"gender must be one of {', '.join(GENDERS)} or None, not {gender!r}")
        return self._forms[_term(term)][key]

    def placeholders(self, term: Term | str) -> frozenset[str]:
        """The names of the fields ``term`` takes."""
        return PLACEHOLDERS.get(_term(term), frozenset())


def _parse(text: str, source: str, key: str) -> tuple[Segment, ...]:
    segments: list[Segment] = []
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as exc:
        raise LabelDataError(source, key, str(exc)) from None
    for literal, name, spec, conversion in parsed:
        if literal:
            segments.append(literal)
        if name is None:
            continue
        if not name.isidentifier() or spec or conversion or name == "gender":
            raise LabelDataError(source, key, f"placeholder {{{name}}} must be a plain identifier")
        segments.append(Placeholder(name))
    return tuple(segments)


def _entry(term: Term, value: object, source: str, key: str) -> _Forms:
    forms: dict[str, tuple[Segment, ...]]
    if isinstance(value, str) and value.strip():
        forms = dict.fromkeys(GENDERS, _parse(value, source, key))
    elif isinstance(value, dict) and term in GENDERED_TERMS:
        if set(value) != set(GENDERS) or not all(
            isinstance(v, str) and v.strip() for v in value.values()
        ):
            raise LabelDataError(source, key, f"give exactly the texts {', '.join(GENDERS)}")
        forms = {g: _parse(value[g], source, f"{key}.{g}") for g in GENDERS}
    else:
        raise LabelDataError(source, key, f"expected a text, not {value!r}")
    accepted = _accepted(term)
    for gender, segments in forms.items():
        found = {s.name for s in segments if isinstance(s, Placeholder)}
        if found not in accepted:
            wanted = " or ".join(str(sorted(fields)) for fields in accepted)
            raise LabelDataError(
                source, key, f"{gender} form has fields {sorted(found)}, expected {wanted}"
            )
    return MappingProxyType(forms)


def parse_labels(language: str, table: object, source: str) -> Labels:
    """The labels of ``language`` from the ``[labels]`` table of its data file ``source``.

    Raises :class:`LabelDataError` naming the file and the key of a missing, unknown or
    malformed term.
    """
    if not isinstance(table, dict):
        raise LabelDataError(source, "labels", "missing table (one text per term)")
    for term in Term:
        if term.value not in table:
            raise LabelDataError(source, f"labels.{term.value}", "missing term")
    known = {t.value for t in Term}
    for key in table:
        if key not in known:
            raise LabelDataError(source, f"labels.{key}", "unknown term")
    forms = {t: _entry(t, table[t.value], source, f"labels.{t.value}") for t in Term}
    return Labels(language, MappingProxyType(forms))
