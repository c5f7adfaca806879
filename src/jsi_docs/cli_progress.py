"""Progress and summary for ``jsi-docs render``: a rich bar on a terminal, plain lines otherwise."""

from __future__ import annotations

import sys
from collections.abc import Callable

import click

from jsi_docs.batch import ItemReport

__all__ = ["Progress"]


class Progress:
    """Receives reports as items finish and prints them; ``close()`` prints the summary."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.reports: list[ItemReport] = []
        self._bar: object | None = None
        self._advance: Callable[[], None] = lambda: None
        if sys.stderr.isatty() and total > 1:
            from rich.progress import Progress as RichProgress

            bar = RichProgress(transient=True)
            task = bar.add_task("rendering", total=total)
            bar.start()
            self._bar = bar
            self._advance = lambda: bar.advance(task)

    def __call__(self, report: ItemReport) -> None:
        self.reports.append(report)
        self._advance()
        if report.error is not None:
            click.echo(f"FAILED {report.source}:\n{report.error}", err=True)
        else:
            for path in report.outputs:
                click.echo(f"wrote {path}", err=True)
            for diagnostic in report.diagnostics:
                click.echo(f"  {report.source}: {diagnostic}", err=True)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()  # type: ignore[attr-defined]
        failed = sum(1 for r in self.reports if r.error is not None)
        written = sum(len(r.outputs) for r in self.reports)
        click.echo(
            f"{len(self.reports) - failed} of {self.total} item(s) rendered, {written} file(s) written, {failed} failed",
            err=True,
        )
