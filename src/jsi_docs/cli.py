"""The ``jsi-docs`` command: validate, render, schema, formats.

The only module that prints or configures logging. Exit codes: 0 success, 1 invalid input or a
failed render, 2 a usage error. Findings go to standard output; progress and summaries to
standard error. ``-v``/``-q`` may stand before or after the command.
"""

from __future__ import annotations

import difflib
import json
import logging
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from jsi_docs.errors import JsiDocsError, Problem, one_line

if TYPE_CHECKING:
    from jsi_docs.model import NewsItem

__all__ = ["MAX_LINE", "main"]

_INPUT_SUFFIXES = (".yaml", ".yml", ".json")
_VERBOSITY = "jsi_docs.verbosity"
F = TypeVar("F", bound=Callable[..., Any])

MAX_LINE = 400
"""Characters of one message line shown; the rest is cut, with a pointer to where it is."""


def cut(line: str, pointer: str, limit: int = MAX_LINE) -> str:
    """``line`` cut to ``limit`` characters, saying how much is left out and where to find it."""
    if len(line) <= limit:
        return line
    return f"{line[:limit]}… [{len(line) - limit:,} more characters; {pointer}]"


def _inputs(paths: Sequence[Path]) -> list[Path]:
    """The files named, with folders expanded to the item files they hold."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(
                p for p in path.rglob("*") if p.suffix.lower() in _INPUT_SUFFIXES and p.is_file()
            )
        else:
            found.append(path)
    return found


class _Shown(logging.Filter):
    """What the command's log handler prints at a verbosity: errors always; jsi_docs' own
    messages from -v; other libraries' from -vv. Diagnostics never: the command reports them
    itself, once."""

    def __init__(self, verbosity: int) -> None:
        super().__init__()
        self.verbosity = verbosity

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "jsi_docs_diagnostic", False):
            return False
        if record.levelno >= logging.ERROR or self.verbosity >= 2:
            return True
        ours = record.name == "jsi_docs" or record.name.startswith("jsi_docs.")
        return self.verbosity == 1 and ours


def _configure_logging(verbosity: int) -> None:
    """Levels decide what is logged, the handler's filter what is printed: the root stays at
    WARNING or below, so that the PDF exporter still captures WeasyPrint's warnings into
    diagnostics."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s: %(name)s: %(message)s"))
    handler.addFilter(_Shown(verbosity))
    level = logging.DEBUG if verbosity >= 2 else logging.INFO if verbosity == 1 else logging.WARNING
    logging.basicConfig(level=level, handlers=[handler], force=True)


def _count(step: int) -> Callable[[click.Context, click.Parameter, int], None]:
    def callback(ctx: click.Context, _param: click.Parameter, value: int) -> None:
        root = ctx.find_root()
        root.meta[_VERBOSITY] = root.meta.get(_VERBOSITY, 0) + step * value
        _configure_logging(root.meta[_VERBOSITY])

    return callback


def _verbosity_options(command: F) -> F:
    """``-v``/``-q`` on the group and on every command, so they work on either side of it."""
    command = click.option(
        "-q",
        "--quiet",
        count=True,
        expose_value=False,
        callback=_count(-1),
        help="Print less: only failures and findings.",
    )(command)
    return click.option(
        "-v",
        "--verbose",
        count=True,
        expose_value=False,
        callback=_count(1),
        help="Print more: each file written (-v), debug logs (-vv).",
    )(command)


def _verbosity() -> int:
    return int(click.get_current_context().find_root().meta.get(_VERBOSITY, 0))


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="jsi-docs", prog_name="jsi-docs")
@_verbosity_options
def main() -> None:
    """Validate news items (YAML or JSON) and render them to HTML, PDF and DOCX.

    \b
    Examples:
      jsi-docs validate items/
      jsi-docs render items/ --to pdf,docx -o out
      jsi-docs render item.fr.yaml --to pdf -O page_size=Letter --typography house_wto
    """
    _configure_logging(_verbosity())


def _problem_record(problem: Problem) -> dict[str, Any]:
    return {
        "path": problem.path,
        "message": problem.message,
        "line": problem.line,
        "column": problem.column,
    }


@main.command(short_help="Check item files; print every problem.")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"], case_sensitive=False),
    default="text",
    show_default=True,
    help="text: one line per problem; json: one document for programs.",
)
@click.option(
    "--parity",
    "check_parity",
    is_flag=True,
    help="Also compare the items that list one another as language versions "
    "(as `jsi-docs parity` does); a difference makes the exit status 1.",
)
@_verbosity_options
def validate(paths: tuple[Path, ...], output_format: str, check_parity: bool) -> None:
    """Check item files (YAML or JSON; folders are searched) and print every problem.

    Problems go to standard output, one per line (FILE:LINE:COLUMN: PATH: MESSAGE), so that
    `jsi-docs validate items/ > problems.txt` keeps them; the summary goes to standard
    error. Warnings (markup in a plain-text field, quotation marks typed in rich text) follow a
    file's problems and do not make it invalid. With --format json, standard output is one JSON document: {"valid": BOOL,
    "files": [{"file", "valid", "problems": [{"path", "message", "line", "column"}],
    "warnings": [...]}]}. Exit status 1 if any file is invalid.

    With --parity, the valid items among those given that list one another as language
    versions are compared as `jsi-docs parity` compares them (the first file given is the
    reference): one line per difference, FILE:LINE: PATH: WHAT: VALUE, but VALUE in
    FILE:LINE PATH (the reference's side last), and exit status 1 if any differ; the JSON
    document gains "parity": [{"what", "left", "right"}], each side {"file", "item",
    "path", "line", "value"}.
    """
    from jsi_docs.readers import SUFFIXES, load, locate
    from jsi_docs.serialization import text_format
    from jsi_docs.serialization.plain_markup import item_warnings

    files = _inputs(paths)
    records: list[dict[str, Any]] = []
    loaded: list[tuple[Path, NewsItem]] = []
    failed = 0
    for path in files:
        problems: tuple[Problem, ...] = ()
        warnings: list[Problem] = []
        try:
            item = load(path)
            loaded.append((path, item))
            warnings = item_warnings(item)
            if warnings and path.suffix.lower() in (".yaml", ".yml", ".json"):
                fmt = text_format(SUFFIXES[path.suffix.lower()])
                warnings = locate(warnings, path.read_bytes(), fmt)
        except JsiDocsError as exc:
            failed += 1
            problems = getattr(exc, "problems", None) or (Problem("$", str(exc)),)
        records.append(
            {
                "file": str(path),
                "valid": not problems,
                "problems": [_problem_record(p) for p in problems],
                "warnings": [_problem_record(p) for p in warnings],
            }
        )
        if output_format == "text":
            for problem in problems:
                click.echo(cut(problem.format(str(path)), "--format json shows all"))
            for warning in warnings:
                shown = Problem(
                    warning.path, f"warning: {warning.message}", warning.line, warning.column
                )
                click.echo(cut(shown.format(str(path)), "--format json shows all"))
    differences: list[dict[str, Any]] = []
    groups = 0
    if check_parity:
        differences, groups = _parity_records(loaded)
        if output_format == "text":
            for record in differences:
                click.echo(cut(_parity_line(record), "--format json shows all"))
    if output_format == "json":
        document: dict[str, Any] = {"valid": not failed and not differences, "files": records}
        if check_parity:
            document["parity"] = differences
        click.echo(json.dumps(document, ensure_ascii=False))
    if _verbosity() >= 0:
        summary = (
            f"{failed} of {len(files)} file(s) invalid" if failed else f"{len(files)} file(s) valid"
        )
        if check_parity:
            verdict = f"{len(differences)} difference(s)" if differences else "they agree"
            summary += f"; {groups} item(s) with versions compared: {verdict}"
        click.echo(summary, err=True)
    sys.exit(1 if failed or differences else 0)


def _parity_records(loaded: list[tuple[Path, NewsItem]]) -> tuple[list[dict[str, Any]], int]:
    """The differences between the items given that are versions of one another (as JSON
    records, each side with its file and line), and how many groups of versions there were."""
    from jsi_docs.parity import compare_versions, version_groups

    items = [item for _, item in loaded]
    groups = version_groups(items)
    lines: dict[Path, Callable[[str], int | None]] = {}
    records: list[dict[str, Any]] = []
    for group in groups:
        reference = group[0]
        for other in group[1:]:
            for difference in compare_versions([items[reference], items[other]]):
                sides = (
                    (loaded[reference], difference.left_path, difference.left_value),
                    (loaded[other], difference.right_path, difference.right_value),
                )
                left, right = (
                    {
                        "file": str(path),
                        "item": item.id,
                        "path": json_path,
                        "line": _line_of(path, json_path, lines),
                        "value": value,
                    }
                    for (path, item), json_path, value in sides
                )
                records.append({"what": difference.what, "left": left, "right": right})
    return records, len(groups)


def _line_of(
    path: Path, json_path: str | None, cache: dict[Path, Callable[[str], int | None]]
) -> int | None:
    """The line of ``json_path`` in the YAML file at ``path`` (None in JSON, PDF, DOCX)."""
    if json_path is None or path.suffix.lower() not in (".yaml", ".yml"):
        return None
    if path not in cache:
        from jsi_docs.readers import DEFAULT_LIMITS
        from jsi_docs.readers.yaml_reader import read_yaml

        try:
            text = path.read_bytes().decode("utf-8-sig")
            cache[path] = read_yaml(text, DEFAULT_LIMITS).line_of
        except (OSError, UnicodeDecodeError, JsiDocsError):
            cache[path] = lambda _: None
    return cache[path](json_path)


def _parity_line(record: dict[str, Any]) -> str:
    """``FILE:LINE: PATH: WHAT: VALUE, but VALUE in FILE:LINE PATH``: the version that departs
    first (where an editor jumps), the reference's side last."""

    def where(side: dict[str, Any], sep: str) -> str:
        line = f":{side['line']}" if side["line"] is not None else ""
        return f"{one_line(side['file'])}{line}{sep}{side['path'] or '(none)'}"

    left, right = record["left"], record["right"]
    return (
        f"{where(right, ': ')}: {record['what']}: {right['value']}, "
        f"but {left['value']} in {where(left, ' ')}"
    )


@main.command(short_help="Check that language versions of one item agree.")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@_verbosity_options
def parity(paths: tuple[Path, ...]) -> None:
    """Compare the language versions of one item (files, or a folder holding only them): the
    speakers and their Members and roles, statements and direct quotations (how many, whose),
    topics, dates, symbols, links, notes and sections. The first file is the reference.

    Prints one line per difference, with the path of the thing in each version:
    `WHAT: ITEM $.PATH (VALUE) <> ITEM $.PATH (VALUE)`. Exit status 1 if they disagree
    (or a file cannot be read), 0 if they agree.
    """
    from jsi_docs.parity import compare_versions
    from jsi_docs.readers import load

    files = _inputs(paths)
    if len(files) < 2:
        raise click.UsageError("give at least two versions to compare")
    try:
        items = [load(path) for path in files]
    except JsiDocsError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(1)
    differences = compare_versions(items)
    for difference in differences:
        click.echo(str(difference))
    if _verbosity() >= 0:
        verdict = f"{len(differences)} difference(s)" if differences else "the versions agree"
        click.echo(f"{len(items)} version(s) compared: {verdict}", err=True)
    sys.exit(1 if differences else 0)


@main.command(short_help="Print the JSON Schema of item files.")
@click.option("--indent", default=2, show_default=True, help="Indentation of the JSON output.")
@_verbosity_options
def schema(indent: int) -> None:
    """Print the JSON Schema (Draft 2020-12) of item files, for editors and other programs."""
    from jsi_docs.serialization.schema import json_schema

    click.echo(json.dumps(json_schema(), indent=indent, ensure_ascii=False))


@main.command(short_help="List the export formats and their options.")
@_verbosity_options
def formats() -> None:
    """List the export formats (built-in and plug-ins), each with the options it takes
    (give them to `render` with -O KEY=VALUE)."""
    from jsi_docs.exporters import available_formats, get_exporter, option_names

    for name in available_formats():
        names = option_names(get_exporter(name).options_type, as_text=True)
        click.echo(f"{name}\t{', '.join(names)}")


def _formats(values: Iterable[str]) -> list[str]:
    from jsi_docs.errors import UnknownFormatError
    from jsi_docs.exporters import format_name

    names: list[str] = []
    for written in (v.strip() for value in values for v in value.split(",")):
        if not written:
            continue
        try:
            name = format_name(written)
        except UnknownFormatError as exc:
            raise click.BadParameter(
                f"unknown format {written!r}; known: {', '.join(exc.known)}", param_hint="'--to'"
            ) from None
        if name not in names:
            names.append(name)
    if not names:
        raise click.BadParameter("no format named", param_hint="'--to'")
    return names


def _generic_options(pairs: Iterable[str], formats: Sequence[str]) -> dict[str, dict[str, Any]]:
    """``-O KEY=VALUE`` pairs as per-format options: each goes to the chosen formats that take
    it, read as its type there (a list option may be given again to add values)."""
    from jsi_docs.exporters import (
        OptionError,
        get_exporter,
        option_from_text,
        option_names,
        option_types,
    )

    types = {fmt: option_types(get_exporter(fmt).options_type, as_text=True) for fmt in formats}
    out: dict[str, dict[str, Any]] = {fmt: {} for fmt in formats}
    for pair in pairs:
        key, equals, text = pair.partition("=")
        key = key.strip().replace("-", "_")
        if not equals or not key:
            raise click.BadParameter(f"{pair!r} is not KEY=VALUE", param_hint="-O")
        takers = [fmt for fmt in formats if key in types[fmt]]
        if not takers:
            names = sorted({n for fmt in formats for n in types[fmt]})
            close = difflib.get_close_matches(key, names, n=1)
            hint = f"did you mean {close[0]}? " if close else ""
            known = "; ".join(
                f"{fmt}: {', '.join(option_names(get_exporter(fmt).options_type, as_text=True))}"
                for fmt in formats
            )
            raise click.BadParameter(
                f"no chosen format takes {key!r} ({hint}{known})", param_hint="-O"
            )
        for fmt in takers:
            try:
                value = option_from_text(key, text, types[fmt][key])
            except OptionError as exc:
                raise click.BadParameter(str(exc), param_hint="-O") from None
            previous = out[fmt].get(key)
            out[fmt][key] = (*previous, *value) if isinstance(previous, tuple) else value
    return out


def _checked_options(per_format: dict[str, dict[str, Any]]) -> None:
    """Read every format's options once before rendering: a bad one is a usage error, not one
    failure per item."""
    from jsi_docs.exporters import OptionError, get_exporter, structure_options

    for fmt, options in per_format.items():
        exporter = get_exporter(fmt)
        try:
            structure_options(exporter.options_type, exporter.name, options)
        except OptionError as exc:
            raise click.UsageError(str(exc)) from None


_FILE_SUFFIXES = frozenset({".html", ".htm", ".pdf", ".docx", ".json", ".yaml", ".yml"})


def _output_is_a_folder(out_dir: Path, formats: Sequence[str]) -> None:
    """Refuse ``-o report.pdf``: a file name where a folder is meant would become a folder."""
    from jsi_docs.exporters import get_exporter

    suffixes = _FILE_SUFFIXES | {get_exporter(fmt).suffix.lower() for fmt in formats}
    if out_dir.suffix.lower() in suffixes and not out_dir.is_dir():
        raise click.UsageError(
            f"-o names the folder the files are written into, and {one_line(str(out_dir))} "
            "looks like a file name; each file is named after its item (ITEM.pdf, ITEM.html...): "
            f"give a folder, e.g. -o {one_line(str(out_dir.with_suffix('')))}"
        )


@main.command(short_help="Render item files to HTML, PDF, DOCX...")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--to",
    "to",
    multiple=True,
    default=("html,pdf,docx",),
    show_default=True,
    help="Comma-separated formats, in any case (see `jsi-docs formats`); may be given again.",
)
@click.option(
    "-o",
    "--output",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("out"),
    show_default=True,
    help="Folder for the output files.",
)
@click.option(
    "--theme",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="A theme folder overriding the built-in theme.",
)
@click.option("--strict", is_flag=True, help="Fail an item on any diagnostic.")
@click.option("--labels-language", metavar="LANG", help="Labels in this language, not the item's.")
@click.option(
    "--typography",
    metavar="NAME",
    help="Typography profile: french, english, spanish or house_wto (default: the language's).",
)
@click.option("--fragment", is_flag=True, help="HTML: write an embeddable <article> only.")
@click.option(
    "--pdf-variant",
    type=click.Choice(["pdf/ua-1", "pdf/a-3b", "pdf/a-3u"], case_sensitive=False),
    help="PDF: the standard to follow (default pdf/ua-1).",
)
@click.option(
    "--page-size",
    type=click.Choice(["A4", "Letter"], case_sensitive=False),
    help="PDF: the page size (default A4).",
)
@click.option(
    "--allowed-url",
    "allowed_urls",
    multiple=True,
    metavar="PREFIX",
    help="PDF, DOCX: fetch images whose URL starts with PREFIX (repeatable); nothing else is "
    "fetched, and other images print as their text alternative.",
)
@click.option(
    "--reference-docx",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="DOCX: a reference document for styles.",
)
@click.option(
    "-O",
    "generic",
    multiple=True,
    metavar="KEY=VALUE",
    help="Any option of the chosen formats, plug-ins' included (repeatable): "
    "-O page_size=Letter -O fragment=true.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Items rendered in parallel.",
)
@click.option(
    "--force",
    is_flag=True,
    help="Render every item, even those unchanged since OUTPUT's last render.",
)
@_verbosity_options
def render(
    paths: tuple[Path, ...],
    to: tuple[str, ...],
    out_dir: Path,
    theme: Path | None,
    strict: bool,
    labels_language: str | None,
    typography: str | None,
    fragment: bool,
    pdf_variant: str | None,
    page_size: str | None,
    allowed_urls: tuple[str, ...],
    reference_docx: Path | None,
    generic: tuple[str, ...],
    jobs: int,
    force: bool,
) -> None:
    """Render item files (or folders of them) to OUTPUT/NAME.FORMAT.

    A page's stylesheets and fonts are written beside it. On a terminal a progress bar shows
    the items done; add -v to list each file written. An item's own warnings (typed
    quotation marks) are printed once, at their line (FILE:LINE: PATH: warning: MESSAGE);
    what one format noticed (a refused image, a missing glyph) once for that format.

    An item whose source, formats, options, theme and jsi-docs version are unchanged since
    it was last rendered into OUTPUT, with its files still there, is skipped (a manifest,
    OUTPUT/.jsi-docs-manifest.json, remembers); --force renders it anyway.
    """
    from jsi_docs.batch import OutputConflictError, check_outputs, find_siblings, render_many
    from jsi_docs.cli_progress import Progress
    from jsi_docs.incremental import Manifest, item_key

    formats = _formats(to)
    common: dict[str, Any] = {
        "theme": theme,
        "labels_language": labels_language,
        "typography": typography,
        "strict": strict or None,
    }
    flags: dict[str, dict[str, Any]] = {
        "html": {"fragment": fragment or None},
        "pdf": {
            "pdf_variant": pdf_variant,
            "page_size": page_size,
            "allowed_urls": allowed_urls or None,
        },
        "docx": {"reference_docx": reference_docx, "allowed_urls": allowed_urls or None},
    }
    per_format = _generic_options(generic, formats)
    for fmt in formats:
        given = {**common, **flags.get(fmt, {})}
        per_format[fmt] = {k: v for k, v in given.items() if v is not None} | per_format[fmt]
    _checked_options(per_format)
    files = _inputs(paths)
    if not files:
        raise click.UsageError("no item files found")
    _output_is_a_folder(out_dir, formats)
    try:
        check_outputs(files, formats, out_dir)
        out_dir.mkdir(parents=True, exist_ok=True)
    except OutputConflictError as exc:
        raise click.UsageError(str(exc)) from None
    except OSError as exc:
        raise click.UsageError(
            f"cannot use {one_line(str(out_dir))} as the output folder: {exc.strerror or exc}"
        ) from None
    manifest = Manifest.load(out_dir)
    siblings = find_siblings(files) if len(files) > 1 else {}
    keys = {
        str(path): item_key(path, formats, per_format, siblings.get(str(path))) for path in files
    }
    todo = [p for p in files if force or not manifest.fresh(p, keys[str(p)])]
    progress = Progress(len(todo), _verbosity())
    try:
        reports = render_many(
            todo,
            formats,
            out_dir,
            format_options=per_format,
            jobs=jobs,
            on_report=progress,
            siblings=siblings,
        )
    finally:
        progress.close()
    for report in reports:
        if report.ok and not report.dropped_siblings:
            manifest.record(Path(report.source), keys[report.source], report.outputs)
        else:
            manifest.forget(Path(report.source))
    manifest.save()
    skipped = len(files) - len(todo)
    if skipped and _verbosity() >= 0:
        click.echo(f"{skipped} unchanged item(s) skipped (--force renders them again)", err=True)
    sys.exit(0 if all(r.ok for r in reports) else 1)


@main.command(short_help="Serve renders over HTTP (the [serve] extra).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    help="Worker processes that render (default: the cores this process may use).",
)
@click.option(
    "--render-timeout",
    default=30.0,
    show_default=True,
    type=click.FloatRange(min=0.01),
    help="Seconds one render may take; past it the worker is replaced and the request gets 504.",
)
@click.option(
    "--max-renders",
    default=200,
    show_default=True,
    type=click.IntRange(min=1),
    help="Renders a worker does before a fresh one replaces it.",
)
@click.option(
    "--max-body",
    default=2_000_000,
    show_default=True,
    type=click.IntRange(min=1),
    help="Largest request body in bytes (larger ones get 413 before parsing).",
)
@click.option(
    "--max-parts",
    default=50,
    show_default=True,
    type=click.IntRange(min=1),
    help="Items one multipart request may hold (more get 413).",
)
@_verbosity_options
def serve(
    host: str,
    port: int,
    workers: int | None,
    render_timeout: float,
    max_renders: int,
    max_body: int,
    max_parts: int,
) -> None:
    """Serve POST /render/{format}, POST /validate, GET /schema, GET /formats and GET /health.

    POST /render/{format} also takes a multipart/form-data body of several item files and
    answers with a zip archive of their outputs.

    Renders run in a pool of warm worker processes. Listens on 127.0.0.1 unless --host says
    otherwise; the service has no authentication, so put it behind your own front end
    before opening it to others.
    """
    try:
        import uvicorn

        from jsi_docs.service.app import ServiceConfig, create_app
    except ImportError as exc:
        raise click.UsageError(f"{exc.name} is missing: pip install 'jsi-docs[serve]'") from None
    config = ServiceConfig(
        workers=workers,
        render_timeout=render_timeout,
        max_renders=max_renders,
        max_body=max_body,
        max_parts=max_parts,
    )
    level = "info" if _verbosity() >= 0 else "warning"
    uvicorn.run(create_app(config), host=host, port=port, log_level=level)


@main.command(short_help="Show an item as HTML and PDF, rendered again on every save.")
@click.argument("item", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--port", default=8001, show_default=True, type=click.IntRange(0, 65535))
@click.option("--open", "open_browser", is_flag=True, help="Open the page in a web browser.")
@click.option(
    "--theme",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="A theme folder overriding the built-in theme.",
)
@click.option("--labels-language", metavar="LANG", help="Labels in this language, not the item's.")
@_verbosity_options
def preview(
    item: Path, port: int, open_browser: bool, theme: Path | None, labels_language: str | None
) -> None:
    """Serve a page on 127.0.0.1 showing ITEM as HTML and as PDF side by side.

    Every save of ITEM renders it again and the page follows without reloading; while the file
    is invalid the page lists its problems with their lines and keeps the last good rendering.
    """
    try:
        import uvicorn

        from jsi_docs.service.preview import create_preview_app
    except ImportError as exc:
        raise click.UsageError(f"{exc.name} is missing: pip install 'jsi-docs[serve]'") from None
    common = {"theme": theme, "labels_language": labels_language}
    options = {k: v for k, v in common.items() if v is not None}
    app = create_preview_app(item, format_options={"html": options, "pdf": options})
    address = f"http://127.0.0.1:{port}/"
    click.echo(f"Preview of {item} at {address} (Ctrl+C stops it)", err=True)
    if open_browser:
        import webbrowser

        webbrowser.open(address)
    level = "info" if _verbosity() >= 1 else "warning"

    class Server(uvicorn.Server):
        def handle_exit(self, sig: int, frame: Any) -> None:
            app.state.closing.set()  # the open pages' event streams end first
            super().handle_exit(sig, frame)

    Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level=level)).run()
