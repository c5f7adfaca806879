"""Who speaks: named speakers with their roles, and collective speakers with no name."""

from __future__ import annotations

import enum
from collections.abc import Iterable

import attrs

from jsi_docs.model import _checks
from jsi_docs.model._checks import (
    FieldValueError,
    identifier,
    identifiers,
    member,
    not_blank,
    optional_not_blank,
)
from jsi_docs.model.period import Period

__all__ = [
    "Affiliation",
    "AffiliationKind",
    "CollectiveKind",
    "CollectiveSpeaker",
    "GrammaticalGender",
    "NameOrder",
    "OnBehalfOf",
    "PersonName",
    "Role",
    "RoleKind",
    "Speaker",
]


class NameOrder(enum.StrEnum):
    """The order in which a name is shown: "Kazuyuki Yamazaki" or "Yamazaki Kazuyuki"."""

    GIVEN_FAMILY = "given-family"
    FAMILY_GIVEN = "family-given"


def _roles(values: Iterable[Role]) -> tuple[Role, ...]:
    return tuple(values)


def _affiliations(values: Iterable[Affiliation]) -> tuple[Affiliation, ...]:
    return tuple(values)


def _ids(values: Iterable[str]) -> tuple[str, ...]:
    if isinstance(values, str):
        raise TypeError(f"expected a list of ids, got the text {values!r}")
    return tuple(values)


def _party(value: OnBehalfOf | Affiliation) -> OnBehalfOf:
    """An :class:`Affiliation` given as ``on_behalf_of`` (as before the class existed) is taken
    as an :class:`OnBehalfOf` with the same fields."""
    if isinstance(value, OnBehalfOf):
        return value
    if isinstance(value, Affiliation):
        return OnBehalfOf(value.name, value.kind, value.code)
    raise TypeError(f"expected an OnBehalfOf, got {type(value).__name__}")


def _behalf(
    value: OnBehalfOf | Affiliation | Iterable[OnBehalfOf | Affiliation] | None,
) -> tuple[OnBehalfOf, ...]:
    """Whom a speaker speaks for: one party, several in the item's order, or None (nobody)."""
    if value is None:
        return ()
    if isinstance(value, Affiliation):
        return (_party(value),)
    if isinstance(value, str):
        raise TypeError(f"expected an OnBehalfOf or a list of them, got the text {value!r}")
    return tuple(_party(v) for v in value)


def _name_order(value: NameOrder | str) -> NameOrder:
    return member(NameOrder, value)


@attrs.frozen
class PersonName:
    """A person's name as parts; ``order`` says how the parts are shown."""

    family: str = attrs.field(validator=not_blank)
    given: str | None = attrs.field(default=None, validator=optional_not_blank)
    order: NameOrder = attrs.field(default=NameOrder.GIVEN_FAMILY, converter=_name_order)

    @property
    def full(self) -> str:
        """The name in display order: "Kazuyuki Yamazaki" or "Yamazaki Kazuyuki".

        Parts written in Chinese, Japanese or Korean script are joined as those scripts write
        names: with no space in family-given order ("李明华"), and, given first (a foreign
        name transcribed), with a middle dot ("阿斯兰·努尔兰诺夫", "ジョン・スミス")."""
        if self.given is None:
            return self.family
        first, last = (
            (self.family, self.given)
            if self.order is NameOrder.FAMILY_GIVEN
            else (self.given, self.family)
        )
        if _east_asian(first) and _east_asian(last):
            if self.order is NameOrder.FAMILY_GIVEN:
                return first + last
            dot = "\u30fb" if _katakana(first) and _katakana(last) else "\u00b7"
            return f"{first}{dot}{last}"
        return f"{first} {last}"


def _east_asian(text: str) -> bool:
    """Whether ``text`` is written in Han, kana or Hangul only (no spaces, no Latin)."""
    return bool(text) and all(
        "\u3040" <= c <= "\u30ff"  # hiragana, katakana
        or "\u3400" <= c <= "\u4dbf"  # CJK extension A
        or "\u4e00" <= c <= "\u9fff"  # CJK unified ideographs
        or "\uac00" <= c <= "\ud7af"  # Hangul syllables
        or "\uf900" <= c <= "\ufaff"  # CJK compatibility ideographs
        or "\U00020000" <= c <= "\U0003134f"  # CJK extensions B to G
        for c in text
    )


def _katakana(text: str) -> bool:
    return all("\u30a0" <= c <= "\u30ff" for c in text)


class AffiliationKind(enum.StrEnum):
    MEMBER = "member"
    """A WTO Member (a country or separate customs territory, or the European Union)."""
    OBSERVER = "observer"
    COUNTRY = "country"
    ORGANIZATION = "organization"
    GROUP = "group"
    """A coalition speaking as one, e.g. the African Group."""
    SECRETARIAT = "secretariat"
    PERSON = "person"
    """A person someone speaks for ("on behalf of the Director-General"): ``on_behalf_of`` only."""
    OFFICE = "office"
    """An office or post, whoever holds it ("on behalf of the Chair"): ``on_behalf_of`` only."""


def _affiliation_kind(value: AffiliationKind | str) -> AffiliationKind:
    return member(AffiliationKind, value)


@attrs.frozen
class Affiliation:
    """The Member, country, organisation or group a speaker speaks for, in the item's language.

    ``code`` is a stable identifier independent of language (ISO 3166-1 alpha-3 for countries,
    e.g. ``SGP``; a short code for groups and organisations).
    """

    name: str = attrs.field(validator=not_blank)
    kind: AffiliationKind = attrs.field(default=AffiliationKind.MEMBER, converter=_affiliation_kind)
    code: str | None = attrs.field(default=None, validator=optional_not_blank)


@attrs.frozen
class OnBehalfOf(Affiliation):
    """Whom a speaker speaks for on one occasion: a Member, a group, a person or an office.

    ``name`` reads as it follows "on behalf of" in the item's language, article included ("the
    African Group", "the Director-General"); every format shows "on behalf of" in the item's
    language before it. ``phrase`` gives the whole words instead, where the language joins them
    ("au nom du Groupe africain", "en nombre del Grupo Africano").
    """

    phrase: str | None = attrs.field(default=None, kw_only=True, validator=optional_not_blank)


class RoleKind(enum.StrEnum):
    CHAIR = "chair"
    VICE_CHAIR = "vice-chair"
    CO_CONVENOR = "co-convenor"
    CONVENOR = "convenor"
    FACILITATOR = "facilitator"
    COORDINATOR = "coordinator"
    DIRECTOR_GENERAL = "director-general"
    DEPUTY_DIRECTOR_GENERAL = "deputy-director-general"
    SPOKESPERSON = "spokesperson"
    MINISTER = "minister"
    PERMANENT_REPRESENTATIVE = "permanent-representative"
    """The head of a Member's permanent mission (often "Ambassador")."""
    REPRESENTATIVE = "representative"
    DELEGATE = "delegate"
    SECRETARY_GENERAL = "secretary-general"
    """The head of an organisation titled so (the United Nations, UNCTAD, the ITU, the OECD)."""
    DEPUTY_SECRETARY_GENERAL = "deputy-secretary-general"
    PRESIDENT = "president"
    """Who presides over a body whose head is titled so (an assembly, a council, a board)."""
    VICE_PRESIDENT = "vice-president"
    RAPPORTEUR = "rapporteur"
    OTHER = "other"
    """Any other role: ``Role.label`` names it."""


def _role_kind(value: RoleKind | str) -> RoleKind:
    return member(RoleKind, value)


@attrs.frozen
class Role:
    """A role a speaker holds: "chair of the plenary meetings in 2023".

    ``of`` names what the role is of, in the item's language and as it reads after the role's
    name ("of the plenary meetings", "des réunions plénières"); ``period`` is when the role is
    held; ``label`` overrides the localised name of ``kind`` (required for ``other``).
    """

    kind: RoleKind = attrs.field(converter=_role_kind)
    of: str | None = attrs.field(default=None, validator=optional_not_blank)
    period: Period | None = attrs.field(default=None, validator=_checks.of_type(Period))
    label: str | None = attrs.field(default=None, validator=optional_not_blank)

    def __attrs_post_init__(self) -> None:
        if self.kind is RoleKind.OTHER and self.label is None:
            raise ValueError("a role of kind 'other' needs a label")


class GrammaticalGender(enum.StrEnum):
    """Which form of a role's name agrees with the speaker ("président" or "présidente")."""

    FEMININE = "feminine"
    MASCULINE = "masculine"
    NEUTRAL = "neutral"


def _gender(value: GrammaticalGender | str | None) -> GrammaticalGender | None:
    return None if value is None else member(GrammaticalGender, value)


@attrs.frozen(cache_hash=True)  # a key of exporters' caches
class Speaker:
    """A person (or a Member's delegation) of the item, who speaks in it or is only named.

    Whether they speak is not declared: it follows from the text (a statement, a quotation or
    a speaking block attributed to them, or a speaking group they belong to); everyone else
    is mentioned.

    ``name`` may be left out when the item names the speaker only by role ("the Chair") or
    Member (a delegation, no person named: "Kenya"): one of ``name``, ``honorific``, ``roles``
    or ``member`` must then say who it is.
    ``honorific`` is written in the item's language as it precedes the name ("Ambassadeur",
    "Deputy Director-General"); ``member`` is who the speaker speaks for; ``on_behalf_of`` whom
    they speak for on this occasion (Members, groups, persons or offices; one or several).
    """

    id: str = attrs.field(validator=identifier)
    name: PersonName | None = None
    honorific: str | None = attrs.field(default=None, kw_only=True, validator=optional_not_blank)
    member: Affiliation | None = attrs.field(default=None, kw_only=True)
    on_behalf_of: tuple[OnBehalfOf, ...] = attrs.field(default=(), kw_only=True, converter=_behalf)
    """Whom the speaker speaks for on this occasion, in the item's order ("on behalf of the
    African Group and the LDC Group"); one party may be given alone."""
    roles: tuple[Role, ...] = attrs.field(default=(), kw_only=True, converter=_roles)
    gender: GrammaticalGender | None = attrs.field(default=None, kw_only=True, converter=_gender)

    def __attrs_post_init__(self) -> None:
        if self.name is None and not self.roles and self.honorific is None and not self.member:
            raise FieldValueError(
                "name", "a speaker needs a name, or a role, honorific or member to be known by"
            )


class CollectiveKind(enum.StrEnum):
    MEMBERS = "members"
    DELEGATIONS = "delegations"
    PARTICIPANTS = "participants"
    FACILITATORS = "facilitators"
    CO_CONVENORS = "co-convenors"
    PRIVATE_SECTOR = "private-sector"
    OBSERVERS = "observers"
    SECRETARIAT = "secretariat"
    OTHER = "other"


def _collective_kind(value: CollectiveKind | str) -> CollectiveKind:
    return member(CollectiveKind, value)


@attrs.frozen(cache_hash=True)  # a key of exporters' caches
class CollectiveSpeaker:
    """Speakers named as a group: "several Members", "the facilitators", "participants".

    ``label`` is the words the item uses; ``members`` lists who the group is, when the item
    says so (for example the Members that took the floor); ``people`` lists the persons or
    delegations of the item (ids of its ``speakers``) the group is made of ("the
    co-convenors, Ambassadors Tan and Mina"). When the group speaks, they speak.
    """

    id: str = attrs.field(validator=identifier)
    label: str = attrs.field(validator=not_blank)
    kind: CollectiveKind = attrs.field(
        default=CollectiveKind.OTHER, kw_only=True, converter=_collective_kind
    )
    members: tuple[Affiliation, ...] = attrs.field(
        default=(), kw_only=True, converter=_affiliations
    )
    people: tuple[str, ...] = attrs.field(
        default=(), kw_only=True, converter=_ids, validator=identifiers
    )


for _cls in (PersonName, Affiliation, OnBehalfOf, Role, Speaker, CollectiveSpeaker):
    attrs.resolve_types(_cls, globals(), locals())
