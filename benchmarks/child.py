"""One measurement in a fresh process: ``python child.py TOOL WORKDIR SIZE REPS``.

Sets the tool up, warms it on the 1x item, times ``REPS`` runs on the ``SIZE`` item and prints
``{"times": [...]}``. The parent reads this process's peak RSS with ``os.wait4``. Baselines
import only their own library, so their memory is not ours.
"""

from __future__ import annotations

import io
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

Work = Callable[[], object]


def _load(workdir: Path, size: int) -> Any:
    """The scaled item (100x the example is past the default limits, which guard a service)."""
    import jsi_docs
    from jsi_docs.readers.limits import Limits

    generous = Limits(
        max_bytes=10**9, max_nodes=10**8, max_total_text=10**9, max_blocks=10**6, max_inline=10**7
    )
    return jsi_docs.load(workdir / f"item-{size}.json", limits=generous)


def _read(workdir: Path, name: str) -> str:
    return (workdir / name).read_text(encoding="utf-8")


def ours(fmt: str) -> Callable[[Path, int], Work]:
    def setup(workdir: Path, size: int) -> Work:
        from jsi_docs.exporting import render

        item = _load(workdir, size)
        return lambda: render(item, fmt).data

    return setup


def _variants(workdir: Path, size: int) -> list[Any]:
    from content import distinct

    item = _load(workdir, size)
    return [distinct(item, f"{size}.{k}") for k in range(int(sys.argv[4]) + 2)]


def html_new(workdir: Path, size: int) -> Work:
    """Ours on a new item at each run (every text run unseen: typesetting caches cold)."""
    from jsi_docs.exporting import render

    items = iter(_variants(workdir, size))
    return lambda: render(next(items), "html").data


def html_jinja_new(workdir: Path, size: int) -> Work:
    """The floor for :func:`html_new`: the page rendered from each new item's view, built
    beforehand (the templates alone)."""
    from jsi_docs.exporters.base import ExportOptions
    from jsi_docs.exporters.html import item_view, render_view
    from jsi_docs.themes import Theme

    theme = Theme.load()
    views = iter([item_view(v, ExportOptions()) for v in _variants(workdir, size)])
    return lambda: render_view(next(views), theme).html.encode("utf-8")


def html_jinja(workdir: Path, size: int) -> Work:
    """The floor for HTML: our page rendered from a view built beforehand (the templates
    alone)."""
    from jsi_docs.exporters.base import ExportOptions
    from jsi_docs.exporters.html import item_view, render_view
    from jsi_docs.themes import Theme

    item = _load(workdir, size)
    view = item_view(item, ExportOptions())
    theme = Theme.load()
    return lambda: render_view(view, theme).html.encode("utf-8")


def pdf_raw(workdir: Path, size: int) -> Work:
    """The floor for PDF: WeasyPrint on our print page, same stylesheets and PDF options, with
    one FontConfiguration and the stylesheets parsed once (WeasyPrint used well)."""
    import weasyprint
    from weasyprint.text.fonts import FontConfiguration

    theme = Path(_read(workdir, "theme-dir.txt"))
    fonts = FontConfiguration()
    stylesheets = [
        weasyprint.CSS(filename=str(theme / "print.css"), font_config=fonts),
        weasyprint.CSS(string=_read(workdir, "page.css")),
    ]
    html = re.sub(r"<link[^>]*print\.css[^>]*>", "", _read(workdir, f"print-{size}.html"))
    source = (workdir / f"item-{size}.json").read_bytes()

    def work() -> bytes:
        options: dict[str, Any] = {
            "pdf_variant": "pdf/ua-1",
            "pdf_tags": True,
            "pdf_identifier": True,
            "stylesheets": stylesheets,
            "attachments": [
                weasyprint.Attachment(string=source, name="item.json", relationship="Source")
            ],
        }
        document = weasyprint.HTML(string=html, base_url=theme.as_uri() + "/").render(
            font_config=fonts, **options
        )
        data: bytes = document.write_pdf(**options)
        return data

    return work


def docx_raw(workdir: Path, size: int) -> Work:
    """The floor for DOCX: python-docx opening the reference and adding the same paragraphs,
    in the same named styles, then saving."""
    import docx

    reference = Path(_read(workdir, "theme-dir.txt")) / "reference.docx"
    spec: list[dict[str, Any]] = json.loads(_read(workdir, f"docx-{size}.json"))
    title = _read(workdir, f"title-{size}.txt")

    def work() -> bytes:
        document = docx.Document(str(reference))
        body = document.element.body
        for child in list(body):
            if not child.tag.endswith("}sectPr"):
                body.remove(child)
        styles: dict[str | None, Any] = {None: None}
        for para in spec:  # each style looked up by name once per document
            for name in (para["style"], *(style for _, style in para["runs"])):
                if name not in styles:
                    styles[name] = document.styles[name]
        for para in spec:
            paragraph = document.add_paragraph(style=styles[para["style"]])
            for text, style in para["runs"]:
                paragraph.add_run(text, style=styles[style])
        document.core_properties.title = title
        out = io.BytesIO()
        document.save(out)
        return out.getvalue()

    return work


TOOLS: dict[str, Callable[[Path, int], Work]] = {
    "html": ours("html"),
    "html-jinja": html_jinja,
    "html-new": html_new,
    "html-jinja-new": html_jinja_new,
    "pdf": ours("pdf"),
    "pdf-weasyprint": pdf_raw,
    "docx": ours("docx"),
    "docx-python-docx": docx_raw,
}


def main() -> None:
    tool, workdir, size, reps = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    setup = TOOLS[tool]
    setup(workdir, 1)()  # warm: imports, fonts, parsed stylesheets, compiled templates
    work = setup(workdir, size) if size != 1 else setup(workdir, 1)
    if size == 1:
        work()
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    print(json.dumps({"times": times}))


if __name__ == "__main__":
    main()
