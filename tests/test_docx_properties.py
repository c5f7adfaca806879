"""Properties of the DOCX exporter over generated items, threads, and options."""

from __future__ import annotations

import io
import re
from concurrent.futures import ThreadPoolExecutor

import docx
from hypothesis import HealthCheck, given, settings

import jsi_docs
from _docx_helpers import NS, W, every_node_item, open_docx, part
from jsi_docs.model import NewsItem, Table, Text, walk
from jsi_docs.readers.docx_source import extract_source
from strategies import news_items


def squeeze(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def _document_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    body = "\n".join(p.text for p in document.paragraphs)
    body += "\n" + "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    header: str = document.sections[0].header.paragraphs[0].text
    return f"{body}\n{header}"


def _texts(item: NewsItem) -> list[str]:
    out: list[str] = [item.headline or ""]
    rich = [item.lead or ()]
    for section in item.sections:
        if section.heading:
            out.append(section.heading)
    for _, _, block in item.blocks():
        rich.extend(getattr(block, "items", None) or getattr(block, "paragraphs", None) or ())
        if isinstance(block, Table):
            rich.extend(block.texts())
        if hasattr(block, "text"):
            rich.append(block.text)
    out.extend(n.text for r in rich for n in walk(r) if isinstance(n, Text))
    return out


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(news_items())
def test_every_valid_item_exports_deterministically_with_all_its_text(item: NewsItem) -> None:
    first = jsi_docs.render(item, "docx")
    assert jsi_docs.export(item, "docx") == first.data
    text = squeeze(_document_text(first.data))
    for words in _texts(item):
        assert squeeze(words) in text, words
    assert jsi_docs.loads(extract_source(first.data), format="json") == item


def test_threads_give_the_same_bytes_as_serial_exports() -> None:
    items = [every_node_item(headline=f"Titre {i}") for i in range(8)]
    serial = [jsi_docs.export(item, "docx") for item in items]
    with ThreadPoolExecutor(max_workers=4) as pool:
        threaded = list(pool.map(lambda i: jsi_docs.export(i, "docx"), items * 2))
    assert threaded == serial * 2


def test_house_typography_profile_changes_the_spacing() -> None:
    item = every_node_item()
    french = "\n".join(p.text for p in open_docx(jsi_docs.export(item, "docx")).paragraphs)
    house = jsi_docs.export(item, "docx", typography="house")
    house_text = "\n".join(p.text for p in open_docx(house).paragraphs)
    assert "a dit\u00a0: «\u00a0Le temps" in french
    assert "a dit: “Le temps" in house_text


def test_an_item_in_a_language_without_labels_keeps_its_language() -> None:
    result = jsi_docs.render(every_node_item(language="de"), "docx")
    assert any("'de'" in d.message for d in result.diagnostics)
    styles = part(result.data, "word/styles.xml")
    (lang,) = styles.iterfind("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert lang.get(f"{{{W}}}val") == "de"
    footer = part(result.data, "word/footer1.xml")  # English labels, tagged as English
    assert {el.get(f"{{{W}}}val") for el in footer.iterfind(".//w:lang", NS)} == {"en"}


def test_right_to_left_item_language_fills_bidi() -> None:
    data = jsi_docs.export(every_node_item(language="ar"), "docx")
    (lang,) = part(data, "word/styles.xml").iterfind("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert lang.get(f"{{{W}}}bidi") == "ar"
    assert lang.get(f"{{{W}}}eastAsia") is None
