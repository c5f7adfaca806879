"""The ``jsi-docs`` command: validate, render, schema, formats.

The only module that prints or configures logging. Exit codes: 0 success, 1 invalid input or a
failed render, 2 a usage error.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

import click

from jsi_docs.errors import JsiDocsError

__all__ = ["main"]

_INPUT_SUFFIXES = (".yaml", ".yml", ".json")


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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="jsi-docs", prog_name="jsi-docs")
@click.option("-v", "--verbose", count=True, help="Show diagnostics (-v) and debug logs (-vv).")
def main(verbose: int) -> None:
    """Validate news items and render them to HTML, PDF and DOCX."""
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(levelname)s: %(message)s", stream=sys.stderr)
    if verbose == 0:
        logging.getLogger("jsi_docs").setLevel(logging.ERROR)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
def validate(paths: tuple[Path, ...]) -> None:
    """Check item files (YAML or JSON); print every problem, one per line."""
    from jsi_docs.readers import load

    failed = 0
    files = _inputs(paths)
    for path in files:
        try:
            load(path)
        except JsiDocsError as exc:
            failed += 1
            click.echo(str(exc), err=True)
    if failed:
        click.echo(f"{failed} of {len(files)} file(s) invalid", err=True)
        sys.exit(1)
    click.echo(f"{len(files)} file(s) valid", err=True)


@main.command()
@click.option("--indent", default=2, show_default=True, help="Indentation of the JSON output.")
def schema(indent: int) -> None:
    """Print the JSON Schema (Draft 2020-12) of item files."""
    from jsi_docs.serialization.schema import json_schema

    click.echo(json.dumps(json_schema(), indent=indent, ensure_ascii=False))


@main.command()
def formats() -> None:
    """List the export formats (built-in and plug-ins)."""
    from jsi_docs.exporters import available_formats

    for name in available_formats():
        click.echo(name)


def _formats(value: str) -> list[str]:
    from jsi_docs.exporters import available_formats

    names = [v.strip() for v in value.split(",") if v.strip()]
    known = available_formats()
    unknown = [n for n in names if n not in known]
    if unknown or not names:
        raise click.BadParameter(
            f"unknown format(s) {', '.join(unknown) or '(none)'}; known: {', '.join(known)}"
        )
    return names


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--to", "to", default="html,pdf,docx", show_default=True, help="Comma-separated formats."
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
@click.option("--strict", is_flag=True, help="Fail on any diagnostic.")
@click.option("--fragment", is_flag=True, help="HTML: write an embeddable <article> only.")
@click.option("--labels-language", help="Labels in this language instead of the item's.")
@click.option(
    "--pdf-variant",
    type=click.Choice(["pdf/ua-1", "pdf/a-3b", "pdf/a-3u"]),
    help="PDF: the standard to follow.",
)
@click.option(
    "--page-size", type=click.Choice(["A4", "Letter"]), help="PDF: the page size (default A4)."
)
@click.option(
    "--allowed-url",
    "allowed_urls",
    multiple=True,
    metavar="PREFIX",
    help="PDF, DOCX: a URL prefix images and the like may be fetched from (repeatable); "
    "nothing else is fetched.",
)
@click.option(
    "--reference-docx",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="DOCX: a reference document for styles.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Items rendered in parallel.",
)
def render(
    paths: tuple[Path, ...],
    to: str,
    out_dir: Path,
    theme: Path | None,
    strict: bool,
    fragment: bool,
    labels_language: str | None,
    pdf_variant: str | None,
    page_size: str | None,
    allowed_urls: tuple[str, ...],
    reference_docx: Path | None,
    jobs: int,
) -> None:
    """Render item files (or folders of them) to OUTPUT/<name>.<format>."""
    from jsi_docs.batch import render_many
    from jsi_docs.cli_progress import Progress

    formats = _formats(to)
    options: dict[str, object] = {"strict": strict}
    if theme is not None:
        options["theme"] = theme
    if labels_language:
        options["labels_language"] = labels_language
    per_format: dict[str, dict[str, object]] = {
        "html": {"fragment": fragment} if fragment else {},
        "pdf": {
            key: value
            for key, value in (
                ("pdf_variant", pdf_variant),
                ("page_size", page_size),
                ("allowed_urls", allowed_urls),
            )
            if value
        },
        "docx": {
            key: value
            for key, value in (("reference_docx", reference_docx), ("allowed_urls", allowed_urls))
            if value
        },
    }
    files = _inputs(paths)
    if not files:
        raise click.UsageError("no item files found")
    out_dir.mkdir(parents=True, exist_ok=True)
    progress = Progress(len(files))
    try:
        reports = render_many(
            files,
            formats,
            out_dir,
            options=options,
            format_options=per_format,
            jobs=jobs,
            on_report=progress,
        )
    finally:
        progress.close()
    sys.exit(0 if all(r.ok for r in reports) else 1)
