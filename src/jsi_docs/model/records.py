"""What a meeting's record states beyond what was said: who took the floor, in what order, and
what a body decided.

:class:`Interventions` is an ordered list of :class:`Intervention` entries, each naming one
speaker of the item (or the item's own words for speakers it does not name, such as "some
twenty Members"), with what was said when the item says it. :class:`Decision` states that a
body (in the item's words) took an action of a known kind (:class:`DecisionKind`) on an
object. Neither invents: the words shown are the item's, or labels of the item's language.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

import attrs

from jsi_docs.model._checks import (
    FieldValueError,
    member,
    not_blank,
    not_empty,
    optional_identifier,
    optional_not_blank,
)
from jsi_docs.model.inline import Inline, RichText, missing_words, normalize
from jsi_docs.model.people import GrammaticalGender

__all__ = ["Decision", "DecisionKind", "Intervention", "Interventions", "Vote", "VoteKind"]


def _optional_rich(value: Iterable[Inline | str] | None) -> RichText | None:
    return None if value is None else normalize(value)


def _optional_words(
    instance: object, attribute: attrs.Attribute[RichText | None], value: RichText | None
) -> None:
    if value is not None and (why := missing_words(value)):
        raise FieldValueError(attribute.name, f"must not be {why} (leave the field out instead)")


@attrs.frozen
class Intervention:
    """One speaker taking the floor, with what they said when the item says it.

    ``speaker`` is the id of a speaker or collective speaker of the item; ``label`` is instead
    the item's own words for speakers it does not name ("some twenty Members", "several
    delegations"): give exactly one of the two. ``content`` is what was said, as the item
    reports it (a paraphrase, or with quotations inside).
    """

    speaker: str | None = attrs.field(default=None, validator=optional_identifier)
    label: str | None = attrs.field(default=None, kw_only=True, validator=optional_not_blank)
    content: RichText | None = attrs.field(
        default=None, kw_only=True, converter=_optional_rich, validator=_optional_words
    )

    def __attrs_post_init__(self) -> None:
        if (self.speaker is None) == (self.label is None):
            raise FieldValueError(
                "speaker",
                "an intervention names a speaker (an id) or gives the item's words for "
                "speakers it does not name (label), one of the two",
            )


def _interventions(values: Iterable[Intervention]) -> tuple[Intervention, ...]:
    return tuple(values)


@attrs.frozen
class Interventions:
    """Who took the floor, in the order the item gives; ``lead_in`` is the item's own words
    before the list ("Also speaking were:", "Les délégations suivantes ont pris la parole :")."""

    lead_in: RichText | None = attrs.field(
        default=None, kw_only=True, converter=_optional_rich, validator=_optional_words
    )  # first, so that files give it before the list, as it is read
    interventions: tuple[Intervention, ...] = attrs.field(
        converter=_interventions, validator=not_empty
    )

    @property
    def speaker(self) -> None:
        """The block as a whole is nobody's statement (blocks share this attribute)."""
        return None


class DecisionKind(enum.StrEnum):
    """What a body did: each kind has its words in every language."""

    TOOK_NOTE = "took-note"
    ADOPTED = "adopted"
    APPROVED = "approved"
    ELECTED = "elected"
    REFERRED = "referred"
    AGREED = "agreed"
    """Agreed to do something ("agreed to revert to the matter"): the object says what."""
    DECIDED = "decided"
    JOINT_STATEMENT = "joint-statement"
    """Issued a joint statement; the object, if any, says on what."""
    OTHER = "other"
    """Any other action: ``Decision.label`` gives the item's words."""


class VoteKind(enum.StrEnum):
    """How a body took a decision."""

    RECORDED = "recorded"
    """By a recorded vote, with the counts the source gives."""
    WITHOUT_VOTE = "without-vote"
    CONSENSUS = "consensus"
    ACCLAMATION = "acclamation"


def vote_count(instance: object, attribute: attrs.Attribute[int | None], value: int | None) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
        raise FieldValueError(attribute.name, f"expected a count (0 or more), not {value!r}")


def _vote_kind(value: VoteKind | str) -> VoteKind:
    return member(VoteKind, value)


@attrs.frozen
class Vote:
    """How a decision was taken: by a recorded vote of ``in_favour`` to ``against`` (with
    ``abstentions`` when the source gives them), or without a vote, by consensus, by
    acclamation (no counts then)."""

    kind: VoteKind = attrs.field(default=VoteKind.RECORDED, converter=_vote_kind)
    in_favour: int | None = attrs.field(default=None, kw_only=True, validator=vote_count)
    against: int | None = attrs.field(default=None, kw_only=True, validator=vote_count)
    abstentions: int | None = attrs.field(default=None, kw_only=True, validator=vote_count)

    def __attrs_post_init__(self) -> None:
        counts = (self.in_favour, self.against, self.abstentions)
        if self.kind is VoteKind.RECORDED:
            if self.in_favour is None or self.against is None:
                missing = "in_favour" if self.in_favour is None else "against"
                raise FieldValueError(
                    missing,
                    "a recorded vote gives the votes in favour and against: "
                    "{in_favour: 152, against: 3} (and abstentions: 11 when the source gives them)",
                )
        elif any(c is not None for c in counts):
            raise FieldValueError("kind", f"a decision taken {self.kind} has no vote counts")


def _decision_kind(value: DecisionKind | str) -> DecisionKind:
    return member(DecisionKind, value)


def _gender(value: GrammaticalGender | str | None) -> GrammaticalGender | None:
    return None if value is None else member(GrammaticalGender, value)


@attrs.frozen
class Decision:
    """What a body decided: "The General Council took note of the report".

    ``body`` is the body in the item's words, as it starts a sentence ("The General Council",
    "El Consejo General"); ``action`` the kind of decision, shown in the words of the item's
    language ("took note", "tomó nota"); ``object`` what it bears on, written as it follows
    those words, preposition included ("of the report", "del informe"), and may cite
    documents. ``label`` gives the item's own words for the action instead of the kind's
    (required for ``other``); ``gender`` picks the action's form where the language's verb
    agrees with the body ("Комиссия приняла к сведению").
    """

    body: str = attrs.field(validator=not_blank)
    action: DecisionKind = attrs.field(converter=_decision_kind)
    object: RichText | None = attrs.field(
        default=None, kw_only=True, converter=_optional_rich, validator=_optional_words
    )
    label: str | None = attrs.field(default=None, kw_only=True, validator=optional_not_blank)
    gender: GrammaticalGender | None = attrs.field(default=None, kw_only=True, converter=_gender)
    """The body's grammatical gender, where the language's verb agrees with it ("Комиссия
    приняла", "اعتمدت اللجنة"); masculine when not given."""
    vote: Vote | None = attrs.field(default=None, kw_only=True)
    """How the decision was taken, when the source says: a recorded vote, or without a vote,
    by consensus, by acclamation."""

    def __attrs_post_init__(self) -> None:
        if self.action is DecisionKind.OTHER and self.label is None:
            raise FieldValueError("label", "a decision of kind 'other' needs its words (label)")

    @property
    def speaker(self) -> None:
        """A decision is nobody's statement (blocks share this attribute)."""
        return None


for _cls in (Intervention, Interventions, Vote, Decision):
    attrs.resolve_types(_cls, globals(), locals())
