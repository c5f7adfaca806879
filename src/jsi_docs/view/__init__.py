"""The format-neutral view of a news item, built once for every writer.

:func:`build_view` walks the model once and decides everything a reader sees: blocks in
reading order, inline runs typeset with their neighbours, quotation marks as characters chosen
by the language of the passage they are in, notes numbered, speakers' lines, safe links,
labels, direction and the back matter. The HTML, PDF, DOCX and JSON-LD writers render the
view and never walk the model, so every format says the same words with the same marks.
"""

from jsi_docs.view.bidi import needs_isolation
from jsi_docs.view.blocks import (
    BlockView,
    CellView,
    FigureView,
    ListView,
    ParagraphView,
    QuoteView,
    SectionView,
    TableView,
)
from jsi_docs.view.build import DESCRIPTION_LIMIT, ViewOptionError, build_view, direction
from jsi_docs.view.front import DatelinePart, DatelineView
from jsi_docs.view.inline import (
    Cut,
    Emph,
    Inlines,
    InlineView,
    Insert,
    LinkSpan,
    NoteMark,
    Passage,
    Run,
    SpeakerName,
    Speech,
    Stress,
    Term,
    TopicName,
    plain,
)
from jsi_docs.view.item import (
    ContactDetail,
    ContactView,
    DatedLine,
    ItemView,
    LinkView,
    MeetingView,
    NoteView,
    Organisation,
    QuotationView,
    SpeakerView,
    TopicView,
    VersionView,
    block_texts,
    one_line,
)

__all__ = [
    "DESCRIPTION_LIMIT",
    "BlockView",
    "CellView",
    "ContactDetail",
    "ContactView",
    "Cut",
    "DatedLine",
    "DatelinePart",
    "DatelineView",
    "Emph",
    "FigureView",
    "InlineView",
    "Inlines",
    "Insert",
    "ItemView",
    "LinkSpan",
    "LinkView",
    "ListView",
    "MeetingView",
    "NoteMark",
    "NoteView",
    "Organisation",
    "ParagraphView",
    "Passage",
    "QuotationView",
    "QuoteView",
    "Run",
    "SectionView",
    "SpeakerName",
    "SpeakerView",
    "Speech",
    "Stress",
    "TableView",
    "Term",
    "TopicName",
    "TopicView",
    "VersionView",
    "ViewOptionError",
    "block_texts",
    "build_view",
    "direction",
    "needs_isolation",
    "one_line",
    "plain",
]
