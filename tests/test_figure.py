"""The figure block end to end: model and file format, validation, HTML, JSON-LD, PDF and DOCX.

Images come from a server on 127.0.0.1 started by the tests (``_figure_helpers``), which records
every request: an image the export may not fetch must not be requested at all.
"""

from __future__ import annotations

import io
import json
import socket
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from lxml import etree

import jsi_docs
from _figure_helpers import (
    ALT,
    CAPTION_WORDS,
    CREDIT,
    PNG_SIZE,
    QUOTED,
    ImageServer,
    figure_item,
    png,
    serve_images,
)
from _html_parse import elements, json_ld, parse, text_of
from jsi_docs.errors import DiagnosticsError, InputError
from jsi_docs.exporters import jsonld
from jsi_docs.exporters.base import ExportOptions
from jsi_docs.exporters.html import build_page
from jsi_docs.exporters.pdf import PdfOptions
from jsi_docs.exporters.remote import FetchError, allowed_url, fetch_image, image_type
from jsi_docs.exporting import render
from jsi_docs.model import Figure, Text
from jsi_docs.model._checks import FieldValueError
from jsi_docs.serialization.schema import json_schema
from jsi_docs.themes import Theme
from jsi_docs.validation import validate
from jsi_docs.view import build_view

WTO_IMAGE = "https://www.wto.org/images/img_news/jsec_25may23_e.jpg"

YAML = """\
schema_version: 1
id: figure-yaml
language: fr
headline: Les membres se réunissent
published: 2023-05-25
speakers:
  - id: tan
    name: {given: Hung Seng, family: Tan}
sections:
  - blocks:
      - text: Un paragraphe.
      - type: figure
        image: https://www.wto.org/images/img_news/jsec_25may23_f.jpg
        alt: Les délégués autour de la table
        caption: "L'Ambassadeur _Tan_ a dit : [nous y sommes](quote:tan)."
        credit: OMC/Jay Louvion
        width: 1200
        height: 800
"""


@pytest.fixture
def images() -> Iterator[ImageServer]:
    with serve_images() as server:
        yield server


def problems(text: str, fmt: jsi_docs.TextFormat = "yaml") -> list[str]:
    with pytest.raises(InputError) as caught:
        jsi_docs.loads(text, fmt)
    return [p.format() for p in caught.value.problems]


# -- model and file format ------------------------------------------------------------------


def test_yaml_figure_loads_with_every_field() -> None:
    item = jsi_docs.loads(YAML)
    figure = item.sections[0].blocks[1]
    assert isinstance(figure, Figure)
    assert figure.image == "https://www.wto.org/images/img_news/jsec_25may23_f.jpg"
    assert figure.alt == "Les délégués autour de la table"
    assert figure.credit == "OMC/Jay Louvion"
    assert (figure.width, figure.height) == (1200, 800)
    assert figure.caption is not None
    assert jsi_docs.plain_text(figure.caption) == "L'Ambassadeur Tan a dit : nous y sommes."
    assert figure.speaker is None  # a figure is nobody's statement
    assert validate(item) == []


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_figure_round_trips_exactly(fmt: jsi_docs.TextFormat) -> None:
    item = jsi_docs.loads(YAML)
    text = jsi_docs.dumps(item, format=fmt)
    assert jsi_docs.loads(text, fmt) == item
    bare = figure_item(WTO_IMAGE, caption=None, credit=None, width=None, height=None)
    again = jsi_docs.loads(jsi_docs.dumps(bare, format=fmt), fmt)
    assert again == bare


def test_json_form_is_tagged_and_leaves_defaults_out() -> None:
    bare = figure_item(WTO_IMAGE, caption=None, credit=None, width=None, height=None)
    data = json.loads(jsi_docs.dumps(bare, format="json"))
    assert data["sections"][0]["blocks"][1] == {"type": "figure", "image": WTO_IMAGE, "alt": ALT}


@pytest.mark.parametrize(
    ("field", "value"),
    [("alt", ""), ("alt", "  \n"), ("image", " "), ("width", 0), ("height", -3), ("credit", " ")],
)
def test_model_refuses_bad_single_fields(field: str, value: object) -> None:
    fields: dict[str, Any] = {"image": WTO_IMAGE, "alt": ALT, field: value}
    with pytest.raises(FieldValueError) as caught:
        Figure(fields.pop("image"), fields.pop("alt"), **fields)
    assert caught.value.field == field


def test_an_empty_caption_is_refused() -> None:
    with pytest.raises(FieldValueError) as caught:
        Figure(WTO_IMAGE, ALT, caption=())
    assert caught.value.field == "caption"


def _yaml_with(figure_lines: str) -> str:
    return YAML.split("      - type: figure")[0] + figure_lines


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            "      - type: figure\n        image: https://a.org/x.png\n        alt: ' '\n",
            "item.yaml:14: $.sections[0].blocks[1].alt: must not be empty",
        ),
        (
            "      - type: figure\n        image: javascript:alert(1)\n        alt: x\n",
            "item.yaml:13: $.sections[0].blocks[1].image: 'javascript:alert(1)': "
            "only http, https URLs are allowed",
        ),
        (
            "      - type: figure\n        image: mailto:a@b.org\n        alt: x\n",
            "item.yaml:13: $.sections[0].blocks[1].image: 'mailto:a@b.org': "
            "only http, https URLs are allowed",
        ),
        (
            "      - type: figure\n        image: https://a.org/x.png\n        alt: x\n"
            "        width: 0\n",
            "item.yaml:15: $.sections[0].blocks[1].width: must be a positive whole number, not 0",
        ),
        (
            "      - type: figure\n        image: https://a.org/x.png\n        alt: x\n"
            "        height: '600'\n",
            "item.yaml:15: $.sections[0].blocks[1].height: expected a whole number, got the text '600'",
        ),
        (
            "      - type: figure\n        image: https://a.org/x.png\n",
            "item.yaml:12: $.sections[0].blocks[1].alt: is required",
        ),
        (
            "      - type: figure\n        image: https://a.org/x.png\n        alt: x\n"
            "        src: https://a.org/y.png\n",
            "item.yaml:15: $.sections[0].blocks[1].src: unknown key (allowed here: image, alt, caption, "
            "credit, width, height)",
        ),
    ],
)
def test_bad_figures_are_errors_naming_file_line_and_path(lines: str, expected: str) -> None:
    with pytest.raises(InputError) as caught:
        jsi_docs.loads(_yaml_with(lines))
    found = [p.format("item.yaml") for p in caught.value.problems]
    assert any(line.startswith(expected) for line in found), found


def test_caption_references_are_validated_with_their_path() -> None:
    broken = YAML.replace("(quote:tan)", "(quote:tann)").replace(
        'caption: "', 'caption: "[lien](javascript:x) '
    )
    with pytest.raises(InputError) as caught:
        jsi_docs.loads(broken)
    found = [p.format("item.yaml") for p in caught.value.problems]
    assert found == [
        "item.yaml:15:90: $.sections[0].blocks[1].caption[6].speaker: unknown speaker 'tann'; did you mean 'tan'? "
        "(known: tan)",
        "item.yaml:15:26: $.sections[0].blocks[1].caption[0].url: 'javascript:x': "
        "only http, https, mailto URLs are allowed",
    ]


def test_json_schema_describes_the_figure() -> None:
    schema = json_schema()
    figure = schema["$defs"]["Figure"]
    assert {"$ref": "#/$defs/Figure"} in schema["$defs"]["Block"]["anyOf"]
    assert figure["required"] == ["type", "image", "alt"]
    assert figure["properties"]["type"] == {"const": "figure"}
    assert figure["properties"]["image"]["pattern"] == "^[Hh][Tt][Tt][Pp][Ss]?://"
    assert figure["properties"]["width"]["anyOf"][0] == {"type": "integer", "minimum": 1}
    assert figure["additionalProperties"] is False


# -- HTML -----------------------------------------------------------------------------------


def _page(item: jsi_docs.NewsItem, **options: Any) -> tuple[Any, list[str]]:
    result = render(item, "html", **options)
    return parse(result.data.decode()), [d.with_path for d in result.diagnostics]


def test_html_figure_has_img_figcaption_and_credit_label() -> None:
    root, diagnostics = _page(figure_item(WTO_IMAGE))
    assert diagnostics == []
    (figure,) = [f for f in elements(root, "figure") if f.get("class") == "figure"]
    (img,) = elements(figure, "img")
    assert img.attrib == {
        "src": WTO_IMAGE,
        "alt": ALT,
        "width": str(PNG_SIZE[0]),
        "height": str(PNG_SIZE[1]),
        "loading": "lazy",
        "decoding": "async",
    }
    (caption,) = elements(figure, "figcaption")
    assert text_of(caption).startswith(CAPTION_WORDS)
    (quote,) = elements(caption, "span", "speech")
    assert (quote.get("data-speaker"), text_of(quote)) == ("chair", f"“{QUOTED}”")
    (credit,) = [s for s in elements(caption, "span") if s.get("class") == "credit"]
    assert text_of(credit) == f"Photo: {CREDIT}"


@pytest.mark.parametrize(("language", "label"), [("fr", "Photo\u00a0:"), ("es", "Foto:")])
def test_credit_label_is_in_the_item_language(language: str, label: str) -> None:
    root, _ = _page(figure_item(WTO_IMAGE, language=language))
    (credit,) = [s for s in elements(root, "span") if s.get("class") == "credit-label"]
    assert text_of(credit) == label
    assert credit.get("lang") is None


def test_credit_label_follows_labels_language() -> None:
    root, _ = _page(figure_item(WTO_IMAGE, language="fr"), labels_language="es")
    (credit,) = [s for s in elements(root, "span") if s.get("class") == "credit-label"]
    assert (text_of(credit), credit.get("lang")) == ("Foto:", "es")


def test_figure_without_caption_or_size_has_no_figcaption_nor_size() -> None:
    item = figure_item(WTO_IMAGE, caption=None, credit=None, width=None, height=None)
    root, _ = _page(item)
    (figure,) = [f for f in elements(root, "figure") if f.get("class") == "figure"]
    assert list(elements(figure, "figcaption")) == []
    (img,) = elements(figure, "img")
    assert "width" not in img.attrib
    assert "height" not in img.attrib


def test_an_unsafe_image_url_is_dropped_for_its_alt_text_with_a_diagnostic() -> None:
    # Validation refuses such an item; exporters are still safe when given one.
    item = figure_item("javascript:alert(1)", alt='<img src=x onerror="alert(1)">')
    root, diagnostics = _page(item)
    assert list(elements(root, "img")) == []
    (alt,) = [p for p in elements(root, "p") if p.get("class") == "figure-alt"]
    assert text_of(alt) == '<img src=x onerror="alert(1)">'
    assert any("$.sections[0].blocks[1].image" in d and "javascript:" in d for d in diagnostics)
    with pytest.raises(DiagnosticsError):
        render(item, "html", strict=True)


def test_print_page_writes_img_only_under_allowed_urls() -> None:
    item = figure_item("https://images.example.org/news/a.png")
    theme = Theme.load()
    refused = build_page(item, ExportOptions(), theme, print_mode=True)
    assert "<img" not in refused.html
    assert 'class="figure-alt"' in refused.html
    assert [(d.path, d.message) for d in refused.diagnostics] == [
        (
            "$.sections[0].blocks[1].image",
            "https://images.example.org/news/a.png not fetched (not under allowed_urls); its "
            "text alternative is printed instead",
        )
    ]
    for prefix in ("https://images.example.org/news/", "HTTPS://Images.Example.org/news"):
        allowed = build_page(item, PdfOptions(allowed_urls=(prefix,)), theme, print_mode=True)
        assert '<img src="https://images.example.org/news/a.png"' in allowed.html
        assert allowed.diagnostics == ()
    for prefix in ("https://images.example.org/new", "https://images.example.org.evil.test/"):
        other = build_page(item, PdfOptions(allowed_urls=(prefix,)), theme, print_mode=True)
        assert "<img" not in other.html


def test_allowed_url_rule_normalises_and_matches_on_boundaries() -> None:
    assert allowed_url("https://a.org/img/x.png", ["https://a.org/img/"]) is not None
    assert allowed_url("https://a.org/img/../secret.png", ["https://a.org/img/"]) is None
    assert allowed_url("https://a.org/img/%2e%2e/secret.png", ["https://a.org/img/"]) is None
    assert allowed_url("https://a.org.evil.test/x.png", ["https://a.org"]) is None
    assert allowed_url("https://a.org/x.png", []) is None
    assert allowed_url("/x.png", ["https://a.org/"]) is None


# -- JSON-LD --------------------------------------------------------------------------------


def test_json_ld_lists_safe_images_and_caption_quotations() -> None:
    item = figure_item(WTO_IMAGE)
    root, _ = _page(item)
    (data,) = json_ld(root)
    assert data["image"] == [WTO_IMAGE]
    assert [(q["text"], q["creator"]["familyName"]) for q in data["hasPart"]] == [(QUOTED, "Tan")]
    assert [(q.text, q.speaker and q.speaker.id) for q in build_view(item).quotations] == [
        (QUOTED, "chair")
    ]
    unsafe = figure_item("javascript:alert(1)")
    assert "image" not in jsonld.news_article(build_view(unsafe))


# -- PDF ------------------------------------------------------------------------------------


def _pdf_images(data: bytes) -> int:
    import pypdf

    return sum(len(page.images) for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def _figure_alts(data: bytes) -> list[str | None]:
    """The ``/Alt`` of every ``/Figure`` structure element."""
    import pypdf

    root: Any = pypdf.PdfReader(io.BytesIO(data)).trailer["/Root"]
    found: list[str | None] = []
    pending: list[Any] = [root["/StructTreeRoot"]]
    while pending:
        node = pending.pop().get_object()
        if not isinstance(node, pypdf.generic.DictionaryObject):
            continue
        if node.get("/S") == "/Figure":
            alt = node.get("/Alt")
            found.append(None if alt is None else str(alt))
        kids = node.get("/K")
        if kids is not None:
            pending.extend(kids if isinstance(kids, list) else [kids])
    return found


def test_pdf_embeds_an_allowed_image_tagged_with_its_alt_text(images: ImageServer) -> None:
    pytest.importorskip("weasyprint")
    item = figure_item(images.base + "photo.png")
    result = render(item, "pdf", allowed_urls=[images.base])
    assert images.requests == ["/photo.png"]
    assert _pdf_images(result.data) == 1
    assert _figure_alts(result.data) == [ALT]
    assert result.diagnostics == ()


def test_pdf_never_requests_a_refused_image_and_prints_its_alt_text(
    images: ImageServer,
) -> None:
    pytest.importorskip("weasyprint")
    from _extract import pdf_text

    item = figure_item(images.base + "photo.png")
    result = render(item, "pdf", allowed_urls=["http://127.0.0.1:1/"])
    assert images.requests == []
    assert _pdf_images(result.data) == 0
    text = " ".join(pdf_text(result.data).split())
    assert ALT in text
    assert f"Photo: {CREDIT}" in text
    messages = [d.message for d in result.diagnostics]
    assert any(images.base + "photo.png" in m and "not fetched" in m for m in messages)
    with pytest.raises(DiagnosticsError, match=r"photo\.png"):
        render(item, "pdf", strict=True)
    assert images.requests == []


def test_pdf_with_an_allowed_image_that_fails_shows_alt_text(images: ImageServer) -> None:
    """WeasyPrint 70 draws an image it cannot load as its alt text, and reports it."""
    pytest.importorskip("weasyprint")
    from _extract import pdf_text

    result = render(figure_item(images.base + "missing.png"), "pdf", allowed_urls=[images.base])
    assert "/missing.png" in images.requests
    assert _pdf_images(result.data) == 0
    assert ALT in " ".join(pdf_text(result.data).split())
    assert any("missing.png" in d.message for d in result.diagnostics)


def test_pdf_fetch_of_an_allowed_url_is_capped_and_never_decompressed(
    images: ImageServer,
) -> None:
    pytest.importorskip("weasyprint")
    from jsi_docs.exporters.pdf.fetcher import LockedFetcher, RefusedURLError
    from jsi_docs.themes import Theme

    fetcher = LockedFetcher(Theme.load(), [images.base], max_bytes=len(png()) + 100)
    assert fetcher.fetch(images.base + "photo.png").read() == png()
    for path in ("big.png", "deflated.png"):
        with pytest.raises(RefusedURLError):
            fetcher.fetch(images.base + path)
    reasons = [why for _, why in fetcher.refused]
    assert reasons[0] == f"larger than {len(png()) + 100} bytes"
    assert "compressed (deflate)" in reasons[1]
    assert images.requests == ["/photo.png", "/big.png", "/deflated.png"]


def test_pdf_with_a_compressed_image_shows_alt_text_and_says_why(images: ImageServer) -> None:
    pytest.importorskip("weasyprint")
    from _extract import pdf_text

    item = figure_item(images.base + "deflated.png")
    result = render(item, "pdf", allowed_urls=[images.base])
    assert images.requests == ["/deflated.png"]
    assert _pdf_images(result.data) == 0
    assert ALT in " ".join(pdf_text(result.data).split())
    assert any(
        "deflated.png" in d.message and "compressed" in d.message for d in result.diagnostics
    )


# -- DOCX -----------------------------------------------------------------------------------

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def _document(data: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read("word/document.xml"))


def _media(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {n: archive.read(n) for n in archive.namelist() if n.startswith("word/media/")}


def _styled(document: etree._Element, style_id: str) -> list[etree._Element]:
    return [
        p
        for p in document.iter(f"{W}p")
        if (s := p.find(f"{W}pPr/{W}pStyle")) is not None and s.get(f"{W}val") == style_id
    ]


def _text(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(f"{W}t"))


def test_docx_embeds_an_allowed_image_inline_with_its_alt_text(images: ImageServer) -> None:
    item = figure_item(images.base + "photo.png")
    result = render(item, "docx", allowed_urls=[images.base])
    assert result.diagnostics == ()
    assert images.requests == ["/photo.png"]
    assert list(_media(result.data).values()) == [png()]
    document = _document(result.data)
    (p,) = _styled(document, "Figure")
    (inline,) = p.iter(f"{WP}inline")
    doc_pr = inline.find(f"{WP}docPr")
    assert doc_pr is not None
    assert doc_pr.get("descr") == ALT
    extent = inline.find(f"{WP}extent")
    assert extent is not None
    cx, cy = int(extent.get("cx", "")), int(extent.get("cy", ""))
    assert cx * PNG_SIZE[1] == cy * PNG_SIZE[0]  # aspect ratio kept
    assert _styled(document, "FigureAlt") == []
    (caption,) = _styled(document, "Caption")
    assert (
        _text(caption) == f"{CAPTION_WORDS} \u201c{QUOTED}\u201d.Photo: {CREDIT}"
    )  # the credit after a line break (w:br)
    # The caption follows the picture.
    body_element = document.find(f"{W}body")
    assert body_element is not None
    body = list(body_element)
    assert body.index(caption) == body.index(p) + 1


def test_docx_scales_a_wide_image_to_the_text_width() -> None:
    import docx

    # 3000 px at 72 dpi is about 106 cm wide: it must shrink to the text width, ratio kept.
    with serve_images({"/wide.png": png(3000, 300)}) as server:
        result = render(figure_item(server.base + "wide.png"), "docx", allowed_urls=[server.base])
        assert server.requests == ["/wide.png"]
    section = docx.Document(io.BytesIO(result.data)).sections[0]
    assert section.page_width is not None
    assert section.left_margin is not None
    assert section.right_margin is not None
    text_width = section.page_width - section.left_margin - section.right_margin
    (extent,) = _document(result.data).iter(f"{WP}extent")
    assert int(extent.get("cx", "")) == text_width
    assert int(extent.get("cy", "")) == round(text_width / 10)


def test_docx_writes_alt_text_for_a_refused_image_and_fetches_nothing(
    images: ImageServer,
) -> None:
    item = figure_item(images.base + "photo.png")
    result = render(item, "docx")
    assert images.requests == []
    assert _media(result.data) == {}
    document = _document(result.data)
    assert list(document.iter(f"{W}drawing")) == []
    (alt,) = _styled(document, "FigureAlt")
    assert _text(alt) == ALT
    (diagnostic,) = result.diagnostics
    assert diagnostic.path == "$.sections[0].blocks[1].image"
    assert diagnostic.message.startswith(f"{images.base}photo.png not fetched")
    with pytest.raises(DiagnosticsError):
        render(item, "docx", strict=True)


@pytest.mark.parametrize(
    ("path", "why"),
    [
        ("fake.png", "is not a PNG, JPEG or GIF image"),
        ("missing.png", "404"),
        ("moved.png", "302"),  # a redirect could leave the allowed prefix: not followed
    ],
)
def test_docx_refuses_what_is_not_an_image(images: ImageServer, path: str, why: str) -> None:
    result = render(figure_item(images.base + path), "docx", allowed_urls=[images.base])
    assert images.requests == [f"/{path}"]
    assert _media(result.data) == {}
    assert _text(_styled(_document(result.data), "FigureAlt")[0]) == ALT
    (message,) = [d.message for d in result.diagnostics]
    assert why in message


def test_docx_fetches_an_image_used_twice_once(images: ImageServer) -> None:
    item = figure_item(images.base + "photo.png")
    section = item.sections[0]
    twice = attrs.evolve(
        item, sections=[attrs.evolve(section, blocks=(*section.blocks, section.blocks[1]))]
    )
    result = render(twice, "docx", allowed_urls=[images.base])
    assert images.requests == ["/photo.png"]
    ids = [d.get("id") for d in _document(result.data).iter(f"{WP}docPr")]
    assert len(ids) == 2
    assert len(set(ids)) == 2  # each drawing has its own id
    assert len(_media(result.data)) == 1


def test_docx_hostile_alt_caption_and_credit_stay_text() -> None:
    evil = "<w:p>&amp;</w:t>\"'<script>"
    item = figure_item("javascript:alert(1)", alt=evil, caption=(Text(evil),), credit=evil)
    document = _document(render(item, "docx").data)
    assert _text(_styled(document, "FigureAlt")[0]) == evil
    assert _text(_styled(document, "Caption")[0]).count(evil) == 2


def test_docx_same_item_same_bytes_with_an_image(images: ImageServer) -> None:
    item = figure_item(images.base + "photo.png")
    first = render(item, "docx", allowed_urls=[images.base]).data
    second = render(item, "docx", allowed_urls=[images.base]).data
    assert first == second


def test_cli_passes_allowed_urls_to_docx(images: ImageServer, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from jsi_docs.cli import main

    source = tmp_path / "figure.json"
    source.write_text(jsi_docs.dumps(figure_item(images.base + "photo.png"), format="json"))
    out = tmp_path / "out"
    args = ["render", str(source), "--to", "docx", "-o", str(out)]
    refused = CliRunner().invoke(main, args)
    assert refused.exit_code == 0, refused.output
    assert images.requests == []
    allowed = CliRunner().invoke(main, [*args, "--allowed-url", images.base])
    assert allowed.exit_code == 0, allowed.output
    assert images.requests == ["/photo.png"]
    assert list(_media((out / "figure.docx").read_bytes()).values()) == [png()]


# -- the shared fetch -----------------------------------------------------------------------


def test_fetch_image_checks_magic_bytes_and_size(images: ImageServer) -> None:
    assert fetch_image(images.base + "photo.png") == (png(), "image/png")
    with pytest.raises(FetchError, match="not a PNG, JPEG or GIF"):
        fetch_image(images.base + "fake.png")
    with pytest.raises(FetchError, match="larger than"):
        fetch_image(images.base + "big.png", max_bytes=len(png()) + 100)
    with pytest.raises(FetchError, match=r"compressed \(deflate\)"):
        fetch_image(images.base + "deflated.png")
    assert image_type(b"\xff\xd8\xff\xe0rest") == "image/jpeg"
    assert image_type(b"GIF89a...") == "image/gif"
    assert image_type(b"<svg") is None


def test_fetch_image_gives_up_after_its_timeout() -> None:
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        port = silent.getsockname()[1]
        with pytest.raises(FetchError, match="could not fetch"):
            fetch_image(f"http://127.0.0.1:{port}/x.png", timeout=0.5)


def test_fetch_image_refuses_other_schemes() -> None:
    with pytest.raises(FetchError, match="not an http or https URL"):
        fetch_image("file:///etc/passwd")


def test_a_caption_without_a_final_stop_does_not_run_into_the_credit() -> None:
    """ "The Council in session" then "Photo: WTO/…" on a line of its own, in every format."""
    item = figure_item(WTO_IMAGE, caption=(Text("The Council in session"),))
    root, _ = _page(item)
    (caption,) = elements(root, "figcaption")
    assert [child.get("class") for child in caption][:1] == ["credit"]  # display: block
    assert (caption.text or "").rstrip() == "The Council in session"
    document = etree.fromstring(
        zipfile.ZipFile(io.BytesIO(jsi_docs.export(item, "docx"))).read("word/document.xml")
    )
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    caption_p = next(
        p
        for p in document.iter(f"{w}p")
        if "The Council in session" in "".join(str(t) for t in p.itertext())
    )
    tags = [el.tag.removeprefix(w) for el in caption_p.iter(f"{w}t", f"{w}br")]
    texts = [el.text for el in caption_p.iter(f"{w}t")]
    assert tags[:3] == ["t", "br", "t"]
    assert texts[0] == "The Council in session"
    assert str(texts[1]).startswith("Photo")
