"""The records of a meeting as every format shows them: who took the floor, what was decided,
and links for cited documents.

An interventions block becomes lines: consecutive speakers who took the floor with nothing
reported are named in one sentence ("Canada, the European Union and Japan took the floor.";
after the item's own lead-in, "Also speaking were:", their names alone), a speaker whose words
are reported gets a line of their own ("India: …"). A decision becomes
one sentence, "{body} {action} {object}.", in the order the item language's labels give.
The words around the item's own are labels of the item's language (they are part of the
text, not page furniture), joined as Babel's list patterns join names.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from urllib.parse import quote

import attrs

from jsi_docs.i18n import Placeholder, Term, capitalize_first
from jsi_docs.i18n.terms import split_action
from jsi_docs.model import Decision, Interventions, Vote, VoteKind
from jsi_docs.view.inline import InlineBuilder, Inlines, InlineView, Run, SpeakerName, plain
from jsi_docs.view.present import Presenter, safe_url

__all__ = [
    "SYMBOL_FIELD",
    "DecisionView",
    "InterventionEntry",
    "InterventionLine",
    "InterventionsView",
    "RecordsBuilder",
    "document_link",
]

SYMBOL_FIELD = "{symbol}"
"""Where a document URL pattern takes the symbol (percent-encoded, ``/`` included)."""


def document_link(pattern: str, symbol: str) -> str | None:
    """The link ``pattern`` makes for ``symbol`` (``{symbol}`` replaced by the symbol, every
    character but letters, digits and ``-._~`` percent-encoded), or None when that is no safe
    http, https or mailto URL. Nothing is fetched."""
    return safe_url(pattern.replace(SYMBOL_FIELD, quote(symbol, safe="")))


@attrs.frozen
class InterventionLine:
    """One line of an interventions block, as shown; ``speakers`` are the ids of the item's
    speakers it names, in order; ``said`` whether it reports what was said."""

    content: Inlines
    speakers: tuple[str, ...] = ()
    said: bool = False


@attrs.frozen
class InterventionEntry:
    """One intervention as structured data states it: the speaker's id, or the item's words for
    speakers it does not name (``label``), and what was said (None when not reported)."""

    speaker: str | None
    label: str | None
    content: Inlines | None = None


@attrs.frozen
class InterventionsView:
    """Who took the floor, in order: the ``lines`` every format shows, and the ``entries``
    behind them (one per intervention) for structured data."""

    lines: tuple[InterventionLine, ...]
    entries: tuple[InterventionEntry, ...]
    lead_in: Inlines | None = None
    """The item's words before the list ("Also speaking were:"), when it gives them."""


@attrs.frozen
class DecisionView:
    """What a body decided: ``content`` is the sentence shown; ``kind`` the decision kind
    (``took-note``...), ``body``, ``action`` and ``object`` its parts as shown."""

    content: Inlines
    kind: str
    body: str
    action: str
    object: Inlines | None = None
    vote: str | None = None
    """How it was taken, in words ("by consensus"), when the source says."""


_TOKEN = re.compile("\x00([0-9]+)\x00")


def _sentence(nodes: Inlines) -> Inlines:
    """``nodes`` starting with a capital, as a sentence does ("la India" opening a line reads
    "La India"); a name is capitalised inside its own node."""
    if not nodes:
        return nodes
    first = nodes[0]
    if isinstance(first, Run):
        return (Run(capitalize_first(first.text)), *nodes[1:])
    if isinstance(first, SpeakerName):
        return (SpeakerName(_sentence(first.content), first.speaker), *nodes[1:])
    return nodes


class RecordsBuilder:
    """Builds interventions and decisions of one item: ``text`` is the item language's
    presenter, ``inlines`` the item's inline builder, ``speaker_of(id)`` a speaker's name as
    shown and whether it is a group, or None for an unknown id."""

    def __init__(
        self,
        text: Presenter,
        inlines: InlineBuilder,
        speaker_of: Callable[[str], tuple[str, bool] | None],
        behalf_of: Callable[[str], str | None] = lambda _: None,
    ) -> None:
        self._text = text
        self._inlines = inlines
        self._speaker_of = speaker_of
        self._behalf_of = behalf_of

    # -- composing label sentences -----------------------------------------------------------

    def _compose(self, term: Term, fields: Mapping[str, Inlines]) -> Inlines:
        """The label ``term`` with its placeholders replaced by ``fields``, its own words
        typeset with the fields' text as context."""
        segments = self._text.labels.segments(term)
        out: list[InlineView] = []
        for k, segment in enumerate(segments):
            if isinstance(segment, Placeholder):
                out.extend(fields[segment.name])
                continue
            before = (
                plain(fields[p.name]) if k and isinstance(p := segments[k - 1], Placeholder) else ""
            )
            after = (
                plain(fields[n.name])
                if k + 1 < len(segments) and isinstance(n := segments[k + 1], Placeholder)
                else ""
            )
            out.append(Run(self._text.text(segment, before=before, after=after)))
        return tuple(out)

    def _listed(self, names: list[Inlines]) -> Inlines:
        """``names`` joined as the item's language joins a list ("A, B and C", "A、B和C")."""
        if len(names) == 1:
            return names[0]
        tokens = [f"\x00{i}\x00" for i in range(len(names))]
        pieces = _TOKEN.split(self._text.join_list(tokens))
        out: list[InlineView] = []
        for k, piece in enumerate(pieces):
            if k % 2:
                out.extend(names[int(piece)])
            elif piece:
                out.append(Run(self._text.text(piece)))
        return tuple(out)

    # -- interventions -----------------------------------------------------------------------

    def interventions(self, block: Interventions, where: str) -> InterventionsView:
        lines: list[InterventionLine] = []
        entries: list[InterventionEntry] = []
        waiting: list[tuple[Inlines, str | None, bool]] = []  # took the floor, nothing reported
        lead_in: Inlines | None = None
        if block.lead_in:
            lead_in = self._inlines.build(block.lead_in, f"{where}.lead_in")

        def flush() -> None:
            if not waiting:
                return
            several = len(waiting) > 1 or any(group for _, _, group in waiting)
            term = Term.TOOK_THE_FLOOR_SEVERAL if several else Term.TOOK_THE_FLOOR
            if lead_in:  # its words say they spoke: the names alone, not "took the floor"
                term = Term.SPEAKERS_LISTED
            names = self._listed([name for name, _, _ in waiting])
            ids = tuple(dict.fromkeys(i for _, i, _ in waiting if i is not None))
            line = _sentence(self._compose(term, {"speakers": names}))
            lines.append(InterventionLine(line, ids))
            waiting.clear()

        for i, entry in enumerate(block.interventions):
            name, group = self._name(entry.speaker, entry.label)
            content = None
            if entry.content:
                content = self._inlines.build(entry.content, f"{where}.interventions[{i}].content")
            entries.append(
                InterventionEntry(
                    entry.speaker, self._line(entry.label) if entry.label else None, content
                )
            )
            if content is None:
                waiting.append((name, entry.speaker, group))
                continue
            flush()
            if entry.speaker and (behalf := self._behalf_of(entry.speaker)):
                # "Senegal, on behalf of the African Group: supported ..."
                name = (*name, Run(f"{self._text.profile.comma}{behalf}"))
            said = _sentence(
                self._compose(Term.INTERVENTION, {"speaker": name, "content": content})
            )
            ids = (entry.speaker,) if entry.speaker else ()
            lines.append(InterventionLine(said, ids, True))
        flush()
        return InterventionsView(tuple(lines), tuple(entries), lead_in)

    def _name(self, speaker: str | None, label: str | None) -> tuple[Inlines, bool]:
        """The words naming an intervention's speaker, and whether they name several."""
        if speaker is None:
            return (Run(self._line(label or "")),), True
        found = self._speaker_of(speaker)
        if found is None:  # validation refuses it; the view shows the id rather than nothing
            return (Run(self._line(speaker)),), False
        name, group = found
        return (SpeakerName((Run(name),), speaker),), group

    def _line(self, text: str) -> str:
        return self._text.text(text).strip(" ")

    # -- decisions ---------------------------------------------------------------------------

    def decision(self, block: Decision, where: str) -> DecisionView:
        text = self._text
        body = self._line(block.body)
        if block.label is not None:
            action = self._line(block.label)
        else:
            gender = str(block.gender or "masculine")  # the labels' form when none is given
            action = text.labels.get(Term.of("decision", str(block.action)), gender=gender)
            action = text.text(action)
        what = self._inlines.build(block.object, f"{where}.object") if block.object else None
        verb, complement = split_action(action)  # for a sentence written verb first
        fields: dict[str, Inlines] = {
            "body": (Run(body),),
            "action": (Run(action),),
            "verb": (Run(verb),),
            "complement": (Run(complement),) if complement else (),
        }
        if what:
            fields["object"] = what
        term = Term.DECISION if what else Term.DECISION_WITHOUT_OBJECT
        vote = self._vote(block.vote) if block.vote is not None else None
        if vote is not None:
            fields["vote"] = (Run(vote),)
            term = Term.DECISION_VOTED if what else Term.DECISION_VOTED_WITHOUT_OBJECT
        return DecisionView(
            self._compose(term, fields), str(block.action), body, action, what, vote
        )

    def _vote(self, vote: Vote) -> str:
        """How the decision was taken, in words: "by consensus", "by a recorded vote (in
        favour: 152; against: 3; abstentions: 11)"."""
        if vote.kind is not VoteKind.RECORDED:
            return self._text.label(Term.of("vote", str(vote.kind)))
        if vote.abstentions is None:
            return self._text.label(
                Term.VOTE_RECORDED_NO_ABSTENTIONS,
                in_favour=str(vote.in_favour),
                against=str(vote.against),
            )
        return self._text.label(
            Term.VOTE_RECORDED,
            in_favour=str(vote.in_favour),
            against=str(vote.against),
            abstentions=str(vote.abstentions),
        )


for _cls in (InterventionLine, InterventionEntry, InterventionsView, DecisionView):
    attrs.resolve_types(_cls, globals(), locals())
