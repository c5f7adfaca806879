"""The part that runs WeasyPrint. Imported only when a PDF is made (it imports ``weasyprint``).

Per process we keep, for each theme, one ``FontConfiguration`` and the theme's ``print.css``
parsed once (its ``@font-face`` fonts loaded once), and one small generated stylesheet per page
size and language (the localised "page X of Y"). WeasyPrint and Pango are not documented as
thread-safe, so renders in one process are serialised by a lock; run processes in parallel.
WeasyPrint is used through its public API, except for the one hook in
:mod:`._weasyprint_hooks`.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import threading
from collections.abc import Sequence

import attrs
import weasyprint
from weasyprint.text.fonts import FontConfiguration

from jsi_docs.diagnostics import Diagnostic, Severity
from jsi_docs.errors import ExportError
from jsi_docs.exporters.pdf._libraries import HARFBUZZ_SUBSET_PACKAGE
from jsi_docs.exporters.pdf._logcapture import capture, to_diagnostics
from jsi_docs.exporters.pdf._metadata import PdfMetadata
from jsi_docs.exporters.pdf._missing_glyphs import NOTDEF_MARKER, missing_script_diagnostics
from jsi_docs.exporters.pdf._weasyprint_hooks import LANGUAGE_TAGS_MISSING, language_tags
from jsi_docs.exporters.pdf.fetcher import REFUSAL_MARKER, THEME_BASE_URL, LockedFetcher
from jsi_docs.i18n.labels import Placeholder, Segment, Term, labels
from jsi_docs.themes import Theme

__all__ = ["PRINT_STYLESHEET", "Source", "render_pdf"]

PRINT_STYLESHEET = "print.css"
_FONTTOOLS_FALLBACK = "Using fontTools instead of HarfBuzz-Subset"
_lock = threading.RLock()
_PLACEHOLDER_TIME = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
"""An attachment's date while the PDF is written when the publication day is not known:
replaced by :func:`_finish`, never written."""
_THEME_CACHE_SIZE = 8


@attrs.frozen
class Source:
    """A file to embed in the PDF (the item's canonical JSON)."""

    data: bytes
    name: str
    description: str


@attrs.frozen(eq=False)
class _ThemeAssets:
    font_config: FontConfiguration
    stylesheet: weasyprint.CSS
    diagnostics: tuple[Diagnostic, ...]


_themes: dict[tuple[object, ...], _ThemeAssets] = {}


def _stamp(theme: Theme) -> tuple[object, ...]:
    """Where the print stylesheet comes from and when it changed: a cache entry's validity."""
    path = theme.find(PRINT_STYLESHEET)
    stat = path.stat()
    return (str(path), stat.st_mtime_ns, stat.st_size)


def _refusals(fetcher: LockedFetcher) -> list[Diagnostic]:
    return [
        Diagnostic(f"refused to fetch {url}: {why}", Severity.WARNING, "pdf")
        for url, why in dict.fromkeys(fetcher.refused)
    ]


def _theme_assets(theme: Theme, allowed_urls: tuple[str, ...]) -> _ThemeAssets:
    key = (theme.folders, allowed_urls, _stamp(theme))
    assets = _themes.get(key)
    if assets is not None:
        return assets
    fetcher = LockedFetcher(theme, allowed_urls)
    font_config = FontConfiguration()
    with capture() as records:
        stylesheet = weasyprint.CSS(
            url=THEME_BASE_URL + PRINT_STYLESHEET, url_fetcher=fetcher, font_config=font_config
        )
    diagnostics = (*_refusals(fetcher), *to_diagnostics(records, skip=(REFUSAL_MARKER,)))
    assets = _ThemeAssets(font_config, stylesheet, tuple(diagnostics))
    if len(_themes) >= _THEME_CACHE_SIZE:
        del _themes[next(iter(_themes))]
    _themes[key] = assets
    return assets


def _css_string(text: str) -> str:
    escaped = "".join(
        f"\\{ord(ch):x} " if ch in '"\\' or ord(ch) < 0x20 or ch == "\x7f" else ch for ch in text
    )
    return f'"{escaped}"'


def _counter_content(segments: Sequence[Segment]) -> str:
    parts = []
    for segment in segments:
        if isinstance(segment, Placeholder):
            parts.append("counter(pages)" if segment.name == "pages" else "counter(page)")
        else:
            parts.append(_css_string(segment))
    return " ".join(parts) or "counter(page)"


@functools.lru_cache(maxsize=32)
def _page_stylesheet(page_size: str, language: str) -> weasyprint.CSS:
    """``@page`` size and the localised "page X of Y" (bottom-right margin box; bottom-left
    on the mirrored pages of a right-to-left item, named ``jsi-rtl`` in print.css)."""
    content = _counter_content(labels(language).segments(Term.PAGE_X_OF_Y))
    css = (
        f"@page {{ size: {page_size}; @bottom-right {{ content: {content}; }} }}"
        f"@page jsi-rtl {{ @bottom-left {{ content: {content}; }} }}"
    )
    return weasyprint.CSS(string=css, url_fetcher=LockedFetcher(Theme.load()))


def _harfbuzz_diagnostics(records: list[logging.LogRecord]) -> list[Diagnostic]:
    """One diagnostic naming the package to install when WeasyPrint said it subset a font with
    fontTools (its warning, once per font and PDF, is left out of the diagnostics)."""
    if not any(_FONTTOOLS_FALLBACK in str(record.msg) for record in records):
        return []
    return [
        Diagnostic(
            "HarfBuzz-Subset (version 4.1 or later) is missing, so WeasyPrint subsets fonts "
            "with fontTools, which makes every PDF much slower; install it (Debian/Ubuntu: "
            f"apt-get install {HARFBUZZ_SUBSET_PACKAGE})",
            Severity.WARNING,
            "pdf",
        )
    ]


def _language_tags_diagnostics(problem: str | None) -> list[Diagnostic]:
    if problem is None:
        return []
    return [
        Diagnostic(
            f"{LANGUAGE_TAGS_MISSING} (/Lang, asked for by PDF/UA): this WeasyPrint "
            f"{weasyprint.__version__} is not one jsi_docs supports ({problem})",
            Severity.WARNING,
            "pdf",
        )
    ]


def render_pdf(
    html: str,
    *,
    theme: Theme,
    metadata: PdfMetadata,
    variant: str,
    page_size: str,
    labels_language: str,
    allowed_urls: tuple[str, ...] = (),
    source: Source | None = None,
) -> tuple[bytes, tuple[Diagnostic, ...]]:
    """Lay out ``html`` (a page whose relative URLs name theme files) and return the PDF bytes.

    Raises :class:`ExportError` if WeasyPrint fails; refused URLs and WeasyPrint's warnings come
    back as diagnostics.
    """
    with _lock:
        assets = _theme_assets(theme, allowed_urls)
        page_css = _page_stylesheet(page_size, labels_language)
        fetcher = LockedFetcher(theme, allowed_urls, suppressed={PRINT_STYLESHEET})
        options: dict[str, object] = {
            "pdf_variant": variant,
            "pdf_tags": True,
            "pdf_identifier": True,
            "stylesheets": [assets.stylesheet, page_css],
        }
        if source is not None:
            # An attachment needs a date and time: a placeholder when the day is not known,
            # replaced by the date as known (or removed) when the file is finished.
            when = metadata.created_datetime or _PLACEHOLDER_TIME
            options["attachments"] = [_attachment(source, when)]
        with capture() as records, language_tags() as hook_problem:
            try:
                document = weasyprint.HTML(
                    string=html, base_url=THEME_BASE_URL, url_fetcher=fetcher
                ).render(font_config=assets.font_config, **options)
                _set_metadata(document.metadata, metadata)
                finish = functools.partial(
                    _finish,
                    file_date=metadata.created_pdf,
                    known_day=metadata.created_datetime is not None,
                )
                data: bytes = document.write_pdf(finisher=finish, **options)
            except (ExportError, RecursionError, MemoryError):
                raise
            except Exception as exc:
                raise ExportError(f"WeasyPrint could not make the PDF: {exc}") from exc
    skip = (REFUSAL_MARKER, _FONTTOOLS_FALLBACK, NOTDEF_MARKER)
    diagnostics = [
        *assets.diagnostics,
        *_refusals(fetcher),
        *to_diagnostics(records, skip=skip),
        *missing_script_diagnostics(records),
        *_harfbuzz_diagnostics(records),
        *_language_tags_diagnostics(hook_problem),
    ]
    return data, tuple(dict.fromkeys(diagnostics))


def _attachment(source: Source, when: dt.datetime) -> weasyprint.Attachment:
    return weasyprint.Attachment(
        string=source.data,
        name=source.name,
        description=source.description,
        created=when,
        modified=when,
        relationship="Source",
    )


def _finish(document: object, pdf: object, *, file_date: str | None, known_day: bool) -> None:
    """Drop the duplicate entries WeasyPrint 70 puts in the catalog's ``/AF`` array; give an
    attached file the publication date as known (``D:202305``), or none when it is unknown."""
    catalog = getattr(pdf, "catalog", {})
    associated = catalog.get("AF") if isinstance(catalog, dict) else None
    if associated:
        unique = list(dict.fromkeys(associated))
        del associated[:]
        associated.extend(unique)
    if known_day:
        return
    import pydyf

    for obj in getattr(pdf, "objects", ()):
        extra = getattr(obj, "extra", None)
        params = extra.get("Params") if isinstance(extra, dict) else None
        if extra is None or extra.get("Type") != "/EmbeddedFile" or not isinstance(params, dict):
            continue
        for key in ("CreationDate", "ModDate"):
            if file_date is None:
                params.pop(key, None)
            else:
                params[key] = pydyf.String(file_date)


def _set_metadata(target: object, metadata: PdfMetadata) -> None:
    """Complete what WeasyPrint read from the page's head with the item's facts.

    The head's title, author, description and keywords are kept when present (they went through
    the item's typography, like the visible text); the dates, language and creator always come
    from the item, never from the clock.
    """
    fallbacks = {
        "title": metadata.title,
        "authors": list(metadata.authors),
        "description": metadata.subject,
        "keywords": list(metadata.keywords),
    }
    for name, value in fallbacks.items():
        if not getattr(target, name, None):
            setattr(target, name, value)
    forced = {
        "generator": metadata.creator,
        "created": metadata.created_w3c,
        "modified": metadata.modified_w3c,
        "lang": metadata.language,
    }
    for name, value in forced.items():
        setattr(target, name, value)


def clear_caches() -> None:
    """Forget cached fonts and stylesheets (tests; a long-lived process after a theme edit)."""
    with _lock:
        _themes.clear()
        _page_stylesheet.cache_clear()
