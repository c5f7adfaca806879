"""Who speaks in an item, and who is only named: derived from the text, never declared.

The item lists its people once (``speakers``: persons and Members' delegations, with their
Members and roles; ``collective_speakers``: groups). Which of them speak is read off the text
by :func:`speaking_ids`, the one place that decides it; everyone else is mentioned. A new kind
of speech (a block, an inline) adds one line here and every format follows: the "Speakers"
box, the "Also mentioned" box and the structured data.
"""

from __future__ import annotations

from jsi_docs.model import (
    BlockQuote,
    Interventions,
    ItemKind,
    NewsItem,
    Quotation,
    Statement,
    walk,
)

__all__ = ["speaking_ids", "speech_giver"]


def speaking_ids(item: NewsItem) -> frozenset[str]:
    """The ids of the item's speakers (persons, delegations and groups) who speak in it.

    A speaker speaks when something in the item's text is theirs: a block attributed to them
    (a statement paragraph, a list, a table, a quotation set apart), taking the floor in an
    interventions block (with or without what they said), or a quotation or a
    statement inside any rich text (the lead, a paragraph, a list item, a cell, the contact
    sentence; the notes are not the item's speech). The people of a group that speaks
    (:attr:`CollectiveSpeaker.people`) speak through it. Naming someone
    (:class:`SpeakerRef`) is not speaking.
    """
    found: set[str] = set()
    for _, _, block in item.blocks():
        if block.speaker is not None:
            found.add(block.speaker)
        if isinstance(block, Interventions):  # who took the floor
            found.update(i.speaker for i in block.interventions if i.speaker is not None)
    for _, text in item.texts():
        for node in walk(text):
            if isinstance(node, Quotation | Statement):
                found.add(node.speaker)
    for group in item.collective_speakers:
        if group.id in found:
            found.update(group.people)
    return frozenset(found)


def speech_giver(item: NewsItem) -> str | None:
    """The id of whoever gives the speech an item of kind ``speech`` is the text of: the one
    speaker every block attributed to someone is attributed to (a paragraph, a list, a table;
    a quotation set apart may quote another). None for another kind, or when the blocks name
    nobody or several speakers: nobody is guessed."""
    if item.kind is not ItemKind.SPEECH:
        return None
    found = {
        block.speaker
        for _, _, block in item.blocks()
        if block.speaker is not None and not isinstance(block, BlockQuote)
    }
    return found.pop() if len(found) == 1 else None
