"""Progress and summary for ``jsi-docs render``: a rich bar on a terminal, plain lines otherwise.

Everything goes to standard error, so standard output stays free for the caller. Failures and
diagnostics are always printed (once each); each file written only with ``-v``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from jsi_docs.batch import ItemReport

if TYPE_CHECKING:
    from rich.progress import Progress as RichProgress

__all__ = ["IMAGES_HINT", "Progress"]

IMAGES_HINT = (
    "note: images are fetched only from URLs named with --allowed-url PREFIX; the others are "
    "printed as their text alternative in PDF and DOCX"
)
"""Printed once after a render in which an image was not fetched."""


class Progress:
    """Receives reports as items finish and prints them; ``close()`` prints the summary.

    ``verbosity`` is the count of ``-v`` less the count of ``-q``: below 0 only failures are
    printed; from 1 each file written too.
    """

    def __init__(self, total: int, verbosity: int = 0) -> None:
        self.total = total
        self.verbosity = verbosity
        self.reports: list[ItemReport] = []
        self._bar: RichProgress | None = None
        self._advance: Callable[[str], None] = lambda _name: None
        if sys.stderr.isatty() and total > 1 and verbosity >= 0:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
            from rich.progress import Progress as RichProgress

            bar = RichProgress(
                TextColumn("rendering"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                TextColumn("{task.description}"),
                console=Console(stderr=True),
                transient=True,
            )
            task = bar.add_task("", total=total)
            bar.start()
            self._bar = bar
            self._advance = lambda name: bar.update(task, advance=1, description=name)

    def _echo(self, line: str) -> None:
        from jsi_docs.cli import cut

        line = cut(line, "run `jsi-docs validate --format json` on the file for all of it")
        if self._bar is not None:  # printed above the live bar, not through it
            self._bar.console.print(line, markup=False, highlight=False, soft_wrap=True)
        else:
            click.echo(line, err=True)

    def __call__(self, report: ItemReport) -> None:
        self.reports.append(report)
        self._advance(Path(report.source).name)
        if report.error is not None:
            self._echo(f"FAILED {report.source}:")
            for line in report.error.splitlines():
                self._echo(f"  {line}")
        if self.verbosity >= 1:
            for path in report.outputs:
                self._echo(f"wrote {path}")
        if self.verbosity >= 0:
            for about_item in report.item_diagnostics:
                self._echo(about_item.format(report.source))
            for diagnostic in report.diagnostics:
                self._echo(f"{report.source}: {diagnostic}")

    def close(self) -> None:
        """Stop the bar and print ``N of M item(s) rendered, F file(s) written, K failed``."""
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
        if self.verbosity < 0:
            return
        if any("not under allowed_urls" in d for r in self.reports for d in r.diagnostics):
            click.echo(IMAGES_HINT, err=True)
        failed = sum(1 for r in self.reports if r.error is not None)
        written = sum(len(r.outputs) for r in self.reports)
        click.echo(
            f"{len(self.reports) - failed} of {self.total} item(s) rendered, "
            f"{written} file(s) written, {failed} failed",
            err=True,
        )
