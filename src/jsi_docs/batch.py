"""Many items, many formats, one call, on any :class:`concurrent.futures.Executor`.

One item's failure never stops the others: each item gets an :class:`ItemReport`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import Executor, Future, ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import Any

import attrs

from jsi_docs.errors import ExportError, JsiDocsError
from jsi_docs.model import NewsItem

__all__ = ["ItemReport", "output_stem", "render_many"]

Source = str | Path | NewsItem
_STEM_SUFFIXES = (".yaml", ".yml", ".json")


@attrs.frozen
class ItemReport:
    """What happened to one item: the files written, the diagnostics, or the error."""

    source: str
    outputs: tuple[Path, ...] = ()
    diagnostics: tuple[str, ...] = ()
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def output_stem(source: Source) -> str:
    """``x.fr.yaml`` -> ``x.fr``; an item object gives its id."""
    if isinstance(source, NewsItem):
        return source.id
    path = Path(source)
    return path.name[: -len(path.suffix)] if path.suffix.lower() in _STEM_SUFFIXES else path.name


def write_resources(out_dir: Path, resources: Mapping[str, bytes]) -> None:
    """Write the files an output refers to (a page's CSS and fonts) under ``out_dir``.

    Files already there with the same bytes are left alone, so a batch writes them once.
    """
    from jsi_docs.atomic import atomic_write

    root = out_dir.resolve()
    for relative, data in resources.items():
        target = (root / relative).resolve()
        if root not in target.parents:
            raise ExportError(f"resource {relative!r} would be written outside {root}")
        if target.is_file() and target.stat().st_size == len(data) and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(target, data)


def render_one(
    source: Source,
    formats: tuple[str, ...],
    out_dir: Path,
    options: Mapping[str, Any],
    format_options: Mapping[str, Mapping[str, Any]],
) -> ItemReport:
    """Load (if needed) and render one item to every format; never raises for the item's faults."""
    from jsi_docs.atomic import atomic_write
    from jsi_docs.exporting import render
    from jsi_docs.readers import load

    name = source.id if isinstance(source, NewsItem) else str(source)
    outputs: list[Path] = []
    diagnostics: list[str] = []
    try:
        item = source if isinstance(source, NewsItem) else load(source)
        stem = output_stem(source)
        for fmt in formats:
            result = render(item, fmt, **options, **format_options.get(fmt, {}))
            diagnostics += [d.for_format(fmt) for d in result.diagnostics]
            write_resources(out_dir, result.resources)
            outputs.append(atomic_write(out_dir / f"{stem}{result.suffix}", result.data))
    except JsiDocsError as exc:
        return ItemReport(name, tuple(outputs), tuple(diagnostics), str(exc))
    except (OSError, ValueError, TypeError, RuntimeError, MemoryError) as exc:
        return ItemReport(name, tuple(outputs), tuple(diagnostics), f"{type(exc).__name__}: {exc}")
    return ItemReport(name, tuple(outputs), tuple(diagnostics))


def _available_cores() -> int:
    """The cores this process may run on (its CPU affinity where the OS tells it)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def _failed(source: Source, exc: BaseException) -> ItemReport:
    name = source.id if isinstance(source, NewsItem) else str(source)
    return ItemReport(name, error=f"worker failed: {type(exc).__name__}: {exc}")


def render_many(
    sources: Iterable[Source],
    formats: Iterable[str],
    out_dir: str | Path,
    *,
    executor: Executor | None = None,
    jobs: int | None = None,
    options: Mapping[str, Any] | None = None,
    format_options: Mapping[str, Mapping[str, Any]] | None = None,
    on_report: Callable[[ItemReport], None] | None = None,
) -> list[ItemReport]:
    """Render every source to every format in ``out_dir``; reports come back in source order.

    ``executor`` may be any :class:`~concurrent.futures.Executor` (a dask
    ``Client.get_executor()`` included); it is left running. Without one, a process pool of
    ``jobs`` workers (default: the cores this process may use) is used, or none when
    ``jobs == 1``; it is shut down before returning.
    ``options`` go to every exporter; ``format_options`` to one format's exporter only.
    ``on_report`` is called as each item finishes (for progress displays).
    """
    items = list(sources)
    fmts = tuple(formats)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    opts = dict(options or {})
    per_format = {k: dict(v) for k, v in (format_options or {}).items()}
    notify = on_report or (lambda _report: None)

    workers = jobs or _available_cores()
    if executor is None and (workers == 1 or len(items) <= 1):
        reports = []
        for source in items:  # in the caller's process, whose state is left alone
            try:
                report = render_one(source, fmts, out, opts, per_format)
            except Exception as exc:  # a bug met by one item must not stop the others
                report = _failed(source, exc)
            reports.append(report)
            notify(report)
        return reports

    own = executor is None
    pool = executor or ProcessPoolExecutor(max_workers=min(workers, len(items)))
    try:
        futures: dict[Future[ItemReport], int] = {
            pool.submit(render_one, source, fmts, out, opts, per_format): index
            for index, source in enumerate(items)
        }
        results: dict[int, ItemReport] = {}
        for future in as_completed(futures):
            index = futures[future]
            try:
                report = future.result()
            except Exception as exc:
                report = _failed(items[index], exc)
            results[index] = report
            notify(report)
    finally:
        if own:
            pool.shutdown()
    return [results[i] for i in range(len(items))]
