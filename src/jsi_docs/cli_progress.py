"""Progress and summary for ``jsi-docs render``: a rich bar on a terminal, plain lines otherwise.

Everything goes to standard error, so standard output stays free for the caller.
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

__all__ = ["Progress"]


class Progress:
    """Receives reports as items finish and prints them; ``close()`` prints the summary."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.reports: list[ItemReport] = []
        self._bar: RichProgress | None = None
        self._advance: Callable[[str], None] = lambda _name: None
        if sys.stderr.isatty() and total > 1:
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
        if self._bar is not None:  # printed above the live bar, not through it
            self._bar.console.print(line, markup=False, highlight=False, soft_wrap=True)
        else:
            click.echo(line, err=True)

    def __call__(self, report: ItemReport) -> None:
        self.reports.append(report)
        self._advance(Path(report.source).name)
        if report.error is not None:
            self._echo(f"FAILED {report.source}:\n{report.error}")
        else:
            for path in report.outputs:
                self._echo(f"wrote {path}")
            for diagnostic in report.diagnostics:
                self._echo(f"  {report.source}: {diagnostic}")

    def close(self) -> None:
        """Stop the bar and print ``N of M item(s) rendered, F file(s) written, K failed``."""
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
        failed = sum(1 for r in self.reports if r.error is not None)
        written = sum(len(r.outputs) for r in self.reports)
        click.echo(
            f"{len(self.reports) - failed} of {self.total} item(s) rendered, "
            f"{written} file(s) written, {failed} failed",
            err=True,
        )
