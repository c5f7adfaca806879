"""The benchmark's content: the French example at 1x, 10x and 100x its length, and the inputs
each baseline needs to make the same document (print HTML, Markdown, a DOCX paragraph list).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, assert_never

import attrs

from jsi_docs.model import (
    BlockQuote,
    Decision,
    DocumentRef,
    Emphasis,
    Figure,
    Foreign,
    Inline,
    Insertion,
    InsertionMarks,
    Intervention,
    Interventions,
    Link,
    ListBlock,
    NewsItem,
    NoteRef,
    Paragraph,
    Quotation,
    QuotedTerm,
    RichText,
    SpeakerRef,
    Statement,
    Strong,
    Table,
    Text,
    TopicRef,
    Truncation,
    plain_text,
)

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "jsi-ecommerce-2023-05-25.fr.yaml"
SIZES = (1, 10, 100)


def scaled(item: NewsItem, times: int) -> NewsItem:
    """``item`` with its sections repeated ``times`` times (section ids kept unique)."""
    sections = [
        attrs.evolve(s, id=f"{s.id}-{k}" if s.id and k else s.id)
        for k in range(times)
        for s in item.sections
    ]
    return attrs.evolve(item, sections=tuple(sections))


def _renamed(nodes: RichText, suffix: str) -> RichText:
    return tuple(
        Text(n.text + suffix)
        if isinstance(n, Text)
        else n
        if isinstance(n, NoteRef | Truncation)
        else attrs.evolve(n, content=_renamed(n.content, suffix))
        for n in nodes
    )


def distinct(item: NewsItem, tag: str) -> NewsItem:
    """``item`` with every text run changed (`` ·TAG.N`` appended, N the section's index), so
    that no run of it was typeset before, not even in its own repeated sections: the item a
    batch meets next, not the one it just rendered."""

    def block(b: Any, suffix: str) -> Any:
        match b:
            case Paragraph(text=text):
                return attrs.evolve(b, text=_renamed(text, suffix))
            case ListBlock(items=items):
                return attrs.evolve(b, items=tuple(_renamed(i, suffix) for i in items))
            case BlockQuote(paragraphs=paragraphs):
                return attrs.evolve(b, paragraphs=tuple(_renamed(p, suffix) for p in paragraphs))
            case Table(rows=rows, header=header, caption=caption, note=note):
                return attrs.evolve(
                    b,
                    rows=tuple(tuple(_renamed(c, suffix) for c in row) for row in rows),
                    header=tuple(_renamed(c, suffix) for c in header),
                    caption=_renamed(caption, suffix) if caption else None,
                    note=_renamed(note, suffix) if note else None,
                )
        raise TypeError(b)

    sections = tuple(
        attrs.evolve(
            s,
            heading=f"{s.heading} \u00b7{tag}.{n}" if s.heading else None,
            blocks=tuple(block(b, f" \u00b7{tag}.{n}") for b in s.blocks),
        )
        for n, s in enumerate(item.sections)
    )
    lead = _renamed(item.lead, f" \u00b7{tag}") if item.lead else None
    return attrs.evolve(item, headline=f"{item.headline} \u00b7{tag}", lead=lead, sections=sections)


def _md_escape(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", text)


def _md_inline(nodes: RichText) -> str:
    return "".join(_md_node(n) for n in nodes)


def _md_node(node: Inline) -> str:
    match node:
        case Text():
            return _md_escape(node.text)
        case Emphasis():
            return f"*{_md_inline(node.content)}*"
        case Strong():
            return f"**{_md_inline(node.content)}**"
        case Link():
            return f"[{_md_inline(node.content)}]({node.url})"
        case Foreign():
            return f"[{_md_inline(node.content)}]{{lang={node.lang}}}"
        case SpeakerRef() | TopicRef() | Statement() | DocumentRef():
            return _md_inline(node.content)
        case NoteRef():
            return ""
        case Quotation() | QuotedTerm():
            return f"« {_md_inline(node.content)} »"
        case Insertion():
            opening, closing = "[]" if node.marks is InsertionMarks.SQUARE else "()"
            return f"\\{opening}{_md_inline(node.content)}\\{closing}"
        case Truncation():
            return "…"
        case _:
            assert_never(node)


def markdown(item: NewsItem) -> str:
    """Pandoc Markdown with the item's text and structure (what a pandoc user would write)."""
    meta = {"title": item.headline or "", "lang": item.language}
    if item.published:
        meta["date"] = str(item.published)  # ISO 8601, or the words as written
    out = [
        "---",
        *(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in meta.items()),
        "---",
        "",
    ]
    if item.lead:
        out += [f"**{_md_inline(item.lead)}**", ""]
    for section in item.sections:
        if section.heading:
            out += [f"## {_md_escape(section.heading)}", ""]
        for block in section.blocks:
            match block:
                case Paragraph():
                    out += [_md_inline(block.text), ""]
                case ListBlock():
                    mark = "1." if block.ordered else "-"
                    out += [f"{mark} {_md_inline(entry)}" for entry in block.items] + [""]
                case BlockQuote():
                    for para in block.paragraphs:
                        out += [f"> {_md_inline(para)}", ">"]
                    if block.cite:
                        out.append(f"> — {_md_escape(block.cite)}")
                    out.append("")
                case Table():
                    out += _md_table(block)
                case Figure():
                    out += [f"![{_md_escape(block.alt)}]({block.image})", ""]
                case Interventions():
                    out += [f"- {_md_intervention(i)}" for i in block.interventions] + [""]
                case Decision():
                    out += [_md_decision(block), ""]
                case _:
                    assert_never(block)
    if item.topics:
        out += [", ".join(_md_escape(t.label) for t in item.topics), ""]
    return "\n".join(out)


def _md_intervention(entry: Intervention) -> str:
    who = _md_escape(entry.label or entry.speaker or "")
    return f"{who}: {_md_inline(entry.content)}" if entry.content else who


def _md_decision(decision: Decision) -> str:
    words = [_md_escape(decision.body), _md_escape(decision.label or str(decision.action))]
    if decision.object:
        words.append(_md_inline(decision.object))
    return " ".join(words)


def _md_table(table: Table) -> list[str]:
    """A pipe table (pandoc's ``pipe_tables``): a header row is required, so a blank one
    stands in; the caption follows as pandoc's ``Table:`` line, the note as a paragraph."""

    def row(cells: tuple[RichText, ...]) -> str:
        return "| " + " | ".join(_md_inline(c) for c in cells) + " |"

    width = len(table.rows[0])
    out = [row(table.header) if table.header else "|" + " |" * width, "|" + "---|" * width]
    out += [row(r) for r in table.rows]
    out.append("")
    if table.caption:
        out += [f"Table: {_md_inline(table.caption)}", ""]
    if table.note:
        out += [_md_inline(table.note), ""]
    return out


def docx_spec(docx_bytes: bytes) -> list[dict[str, Any]]:
    """The paragraphs of one of our DOCX files: style name and runs (text, character style).

    The raw python-docx baseline rebuilds exactly these paragraphs; a hyperlink becomes a run
    in the same character style (python-docx has no public hyperlink API).
    """
    import io

    import docx
    from docx.text.hyperlink import Hyperlink

    document = docx.Document(io.BytesIO(docx_bytes))
    spec: list[dict[str, Any]] = []
    for para in document.paragraphs:
        runs: list[tuple[str, str | None]] = []
        for part in para.iter_inner_content():
            members = part.runs if isinstance(part, Hyperlink) else [part]
            for run in members:
                style = (
                    run.style.name
                    if run.style is not None and run.style.name != "Default Paragraph Font"
                    else None
                )
                runs.append((run.text, style))
        spec.append({"style": para.style.name if para.style is not None else None, "runs": runs})
    return spec


def print_html(item: NewsItem) -> str:
    """Our print-mode page (what the PDF exporter gives WeasyPrint)."""
    from jsi_docs.exporters.html import build_page
    from jsi_docs.exporters.pdf import PdfOptions
    from jsi_docs.themes import Theme

    return build_page(item, PdfOptions(), Theme.load(), print_mode=True).html


def plain(item: NewsItem) -> str:
    return "\n".join(plain_text(b.text) for _, _, b in item.blocks() if isinstance(b, Paragraph))
