"""Many items, many formats, one call, on any :class:`concurrent.futures.Executor`.

One item's failure never stops the others: each item gets an :class:`ItemReport`.
"""

from __future__ import annotations

import json
import os
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import FIRST_COMPLETED, Executor, Future, as_completed, wait
from pathlib import Path
from typing import Any

import attrs

from jsi_docs.diagnostics import Diagnostic
from jsi_docs.errors import ExportError, JsiDocsError, OutputConflictError
from jsi_docs.model import NewsItem

__all__ = [
    "ItemReport",
    "OutputConflictError",
    "check_outputs",
    "find_siblings",
    "output_stem",
    "render_many",
]

Source = str | Path | NewsItem
_STEM_SUFFIXES = (".yaml", ".yml", ".json")


@attrs.frozen
class ItemReport:
    """What happened to one item: the files written, the diagnostics, or the error."""

    source: str
    outputs: tuple[Path, ...] = ()
    diagnostics: tuple[str, ...] = ()
    """What one format's export noticed (a refused URL in the PDF, a missing font), each
    prefixed by its format: ``pdf: warning: message``."""
    error: str | None = None
    dropped_siblings: tuple[str, ...] = ()
    """Item ids of language versions it was to link that failed in this run: it was
    rendered again without those links."""
    item_diagnostics: tuple[Diagnostic, ...] = attrs.field(default=(), kw_only=True)
    """What is about the item whatever the format (its warnings; its problems, for an item
    built in code), once for all formats, with the line in its source file when known."""

    @property
    def ok(self) -> bool:
        return self.error is None


def output_stem(source: Source) -> str:
    """``x.fr.yaml`` -> ``x.fr``; an item object gives its id."""
    if isinstance(source, NewsItem):
        return source.id
    path = Path(source)
    return path.name[: -len(path.suffix)] if path.suffix.lower() in _STEM_SUFFIXES else path.name


def _name(source: Source) -> str:
    return source.id if isinstance(source, NewsItem) else str(source)


@attrs.frozen
class _Identity:
    """What a search for language siblings needs of one item."""

    item_id: str
    language: str
    versions: tuple[tuple[str, str], ...]
    """``(language, item id)`` of each language version the item gives no URL."""


def _identity_of(data: object) -> _Identity | None:
    if not isinstance(data, dict):
        return None
    item_id, language, listed = data.get("id"), data.get("language"), data.get("language_versions")
    if not isinstance(item_id, str) or not isinstance(language, str):
        return None
    versions = []
    for version in listed if isinstance(listed, list) else ():
        if not isinstance(version, dict) or version.get("url") is not None:
            continue
        found = version.get("language"), version.get("item_id")
        if isinstance(found[0], str) and isinstance(found[1], str):
            versions.append((found[0], found[1]))
    return _Identity(item_id, language, tuple(versions))


def _identify(source: Source) -> _Identity | None:
    """The id, language and unlinked versions of ``source``, read without the checks of a load
    (a few per cent of its cost); None when it cannot be read. An item found here that then
    fails is caught by :func:`render_many`'s second pass."""
    if isinstance(source, NewsItem):
        return _identity_of(
            {
                "id": source.id,
                "language": source.language,
                "language_versions": [attrs.asdict(v) for v in source.language_versions],
            }
        )
    import yaml

    from jsi_docs.readers import DEFAULT_LIMITS

    path = Path(source)
    suffix = path.suffix.lower()
    try:
        if suffix not in _STEM_SUFFIXES or path.stat().st_size > DEFAULT_LIMITS.max_bytes:
            return None
        text = path.read_text(encoding="utf-8")
        if suffix == ".json":
            return _identity_of(json.loads(text))
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        return _identity_of(yaml.load(text, Loader=loader))  # a safe loader
    except (OSError, ValueError, RecursionError, yaml.YAMLError):
        return None


def find_siblings(sources: Iterable[Source]) -> dict[str, dict[str, str]]:
    """For each source (by its name in reports), the language versions it names by item id,
    without a URL, that are also among ``sources``: version item id -> that source's output
    stem. A version matches one source whose item has that id and that language; an id two
    sources share matches none."""
    listed = list(sources)
    found = {_name(s): (_identify(s), output_stem(s)) for s in listed}
    by_id: dict[str, list[str]] = {}
    for name, (identity, _) in found.items():
        if identity is not None:
            by_id.setdefault(identity.item_id, []).append(name)
    siblings: dict[str, dict[str, str]] = {}
    for name, (identity, _) in found.items():
        if identity is None:
            continue
        for language, item_id in identity.versions:
            named = by_id.get(item_id, [])
            if len(named) != 1 or named[0] == name:
                continue
            other, stem = found[named[0]]
            if other is not None and other.language.casefold() == language.casefold():
                siblings.setdefault(name, {})[item_id] = stem
    return siblings


def check_outputs(sources: Iterable[Source], formats: Iterable[str], out_dir: str | Path) -> None:
    """Raise :class:`OutputConflictError` when two of the outputs would have one name (in any
    case: a file system may not tell ``X.html`` from ``x.html``) or one would be an input."""
    from jsi_docs.errors import UnknownFormatError
    from jsi_docs.exporters import get_exporter

    suffixes = []
    for fmt in formats:
        try:
            suffixes.append(get_exporter(fmt).suffix)
        except UnknownFormatError:
            continue  # each item reports it
    listed = list(sources)
    inputs = {Path(s).resolve(): str(s) for s in listed if not isinstance(s, NewsItem)}
    root = Path(out_dir).resolve()
    # a file is itself however often it is given; two item objects may share an id
    claimed: dict[str, tuple[int | str, str]] = {}
    owner: int | str
    conflicts: list[str] = []
    for index, source in enumerate(listed):
        name, owner = (
            (f"item {source.id!r} (source {index + 1})", index)
            if isinstance(source, NewsItem)
            else (str(source), str(source))
        )
        for suffix in suffixes:
            target = root / f"{output_stem(source)}{suffix}"
            first, first_name = claimed.setdefault(str(target).casefold(), (owner, name))
            if first != owner:
                conflicts.append(f"{first_name} and {name} would both be written to {target}")
            if target in inputs:
                conflicts.append(f"{name} would be written over the input {inputs[target]}")
    if conflicts:
        more = f" (and {len(conflicts) - 5} more)" if len(conflicts) > 5 else ""
        raise OutputConflictError(
            "; ".join(conflicts[:5]) + more + ". Nothing was written: rename the inputs, "
            "render them in separate runs, or choose another output folder"
        )


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
    siblings: Mapping[str, str] | None = None,
) -> ItemReport:
    """Load (if needed) and render one item to every format; never raises for the item's faults.

    ``siblings`` (version item id -> output stem) become each format's ``sibling_files``.
    """
    from jsi_docs.atomic import atomic_write
    from jsi_docs.exporters import get_exporter
    from jsi_docs.exporting import render

    name = _name(source)
    outputs: list[Path] = []
    diagnostics: list[str] = []
    about_item: dict[Diagnostic, None] = {}  # in order, each once

    def report(error: str | None = None) -> ItemReport:
        found = _located(source, about_item)
        return ItemReport(name, tuple(outputs), tuple(diagnostics), error, item_diagnostics=found)

    try:
        from jsi_docs.readers import load

        item = source if isinstance(source, NewsItem) else load(source)
        stem = output_stem(source)
        for fmt in formats:
            given = {**options, **format_options.get(fmt, {})}
            if siblings:
                suffix = get_exporter(fmt).suffix
                given["sibling_files"] = {i: f"{s}{suffix}" for i, s in siblings.items()}
            result = render(item, fmt, **given)
            for diagnostic in result.diagnostics:
                if diagnostic.of_item:
                    about_item.setdefault(diagnostic)
                else:
                    diagnostics.append(diagnostic.for_format(fmt))
            write_resources(out_dir, result.resources)
            outputs.append(atomic_write(out_dir / f"{stem}{result.suffix}", result.data))
    except JsiDocsError as exc:
        return report(str(exc))
    except (OSError, ValueError, TypeError, RuntimeError, MemoryError) as exc:
        return report(f"{type(exc).__name__}: {exc}")
    return report()


def _located(source: Source, diagnostics: Iterable[Diagnostic]) -> tuple[Diagnostic, ...]:
    """``diagnostics`` of the item read from ``source``, given their lines in it when it is a
    YAML or JSON file (read again only when one is about a place of the item)."""
    from jsi_docs.readers import SUFFIXES, locate_diagnostics
    from jsi_docs.serialization import text_format

    found = tuple(diagnostics)
    if isinstance(source, NewsItem) or not any(d.path is not None for d in found):
        return found
    path = Path(source)
    if path.suffix.lower() not in _STEM_SUFFIXES:
        return found
    try:
        fmt = text_format(SUFFIXES[path.suffix.lower()])
        return tuple(locate_diagnostics(found, path.read_bytes(), fmt))
    except (OSError, JsiDocsError):  # changed since it was read: without lines
        return found


def _available_cores() -> int:
    """The cores this process may run on (its CPU affinity where the OS tells it)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def _failed(source: Source, exc: BaseException, why: str = "worker failed") -> ItemReport:
    return ItemReport(_name(source), error=f"{why}: {type(exc).__name__}: {exc}")


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
    siblings: Mapping[str, Mapping[str, str]] | None = None,
) -> list[ItemReport]:
    """Render every source to every format in ``out_dir``; reports come back in source order.

    ``executor`` may be any :class:`~concurrent.futures.Executor` (a dask
    ``Client.get_executor()`` included); it is left running. Without one, a process pool of
    ``jobs`` workers (default: the cores this process may use) is used, or none when
    ``jobs == 1``; it is shut down before returning.
    ``options`` go to every exporter; ``format_options`` to one format's exporter only.
    ``on_report`` is called as each item finishes (for progress displays).

    Language versions rendered together link each other: an item's version that has no URL
    and whose item is among ``sources`` links to that item's output in the same format (see
    :func:`find_siblings`; ``siblings`` gives that map instead, by source name). An item that
    linked a version whose item then failed is rendered again without the link.
    Raises :class:`OutputConflictError`, before writing anything, when two outputs would
    have one name or an output would replace an input.
    """
    items = list(sources)
    fmts = tuple(formats)
    out = Path(out_dir)
    check_outputs(items, fmts, out)
    out.mkdir(parents=True, exist_ok=True)
    opts = dict(options or {})
    per_format = {k: dict(v) for k, v in (format_options or {}).items()}
    notify = on_report or (lambda _report: None)
    if siblings is None:
        siblings = find_siblings(items) if len(items) > 1 else {}
    linked = [dict(siblings.get(_name(s), {})) for s in items]
    job = (fmts, out, opts, per_format)
    workers = jobs or _available_cores()
    if executor is None and (workers == 1 or len(items) <= 1):
        results = _here(items, job, linked, notify)
    elif executor is None:
        results = _in_own_pools(items, job, linked, workers, notify)
    else:
        results = _on(executor, items, job, linked, notify)
    reports = [results[i] for i in range(len(items))]
    return _unlink_failed(items, reports, job, linked)


_Job = tuple[tuple[str, ...], Path, dict[str, Any], dict[str, dict[str, Any]]]


def _here(
    items: list[Source],
    job: _Job,
    linked: list[dict[str, str]],
    notify: Callable[[ItemReport], None],
) -> dict[int, ItemReport]:
    """Reports by index, rendered one after another in the caller's process (whose state is
    left alone)."""
    results: dict[int, ItemReport] = {}
    for index, source in enumerate(items):
        try:
            report = render_one(source, *job, linked[index])
        except Exception as exc:  # a bug met by one item must not stop the others
            report = _failed(source, exc)
        results[index] = report
        notify(report)
    return results


def _on(
    executor: Executor,
    items: list[Source],
    job: _Job,
    linked: list[dict[str, str]],
    notify: Callable[[ItemReport], None],
) -> dict[int, ItemReport]:
    """Reports by index, rendered on the caller's executor."""
    futures: dict[Future[ItemReport], int] = {}
    try:
        for index, source in enumerate(items):
            futures[executor.submit(render_one, source, *job, linked[index])] = index
        results = {}
        for future in as_completed(futures):
            index = futures[future]
            try:
                report = future.result()
            except Exception as exc:
                report = _failed(items[index], exc)
            results[index] = report
            notify(report)
    except BaseException:  # Ctrl-C: what has not started never will
        for future in futures:
            future.cancel()
        raise
    return results


def _unlink_failed(
    items: list[Source], reports: list[ItemReport], job: _Job, linked: list[dict[str, str]]
) -> list[ItemReport]:
    """The reports, after rendering again, here and without those links, every item that
    linked a language version whose item failed: only versions rendered get a link."""
    failed_stems = {output_stem(s) for s, r in zip(items, reports, strict=True) if not r.ok}
    if not failed_stems:
        return reports
    fixed = list(reports)
    for index, (source, report) in enumerate(zip(items, reports, strict=True)):
        dropped = {i for i, stem in linked[index].items() if stem in failed_stems}
        if not report.ok or not dropped:
            continue
        kept = {i: stem for i, stem in linked[index].items() if i not in dropped}
        try:
            again = render_one(source, *job, kept)
        except Exception as exc:
            again = _failed(source, exc)
        fixed[index] = attrs.evolve(again, dropped_siblings=tuple(sorted(dropped)))
    return fixed


def _in_own_pools(
    items: list[Source],
    job: _Job,
    linked: list[dict[str, str]],
    workers: int,
    notify: Callable[[ItemReport], None],
) -> dict[int, ItemReport]:
    """Reports by index, rendered in process pools of our own.

    At most ``workers`` items are in flight, so Ctrl-C stops the batch once they end (nothing
    else is queued) and a worker that dies can have held only one of them: the pool is then
    rebuilt, the items it held are tried again one at a time in a pool of one (an item that
    kills that worker is reported failed), and the others go on as before.
    """
    from concurrent.futures import ProcessPoolExecutor  # not imported for a batch of one
    from concurrent.futures.process import BrokenProcessPool

    results: dict[int, ItemReport] = {}
    untried = deque(range(len(items)))
    suspects: deque[int] = deque()  # in flight when a worker died
    while untried or suspects:
        alone = bool(suspects)
        pending = suspects if alone else untried
        size = 1 if alone else min(workers, len(untried))
        pool = ProcessPoolExecutor(max_workers=size)
        in_flight: dict[Future[ItemReport], int] = {}
        try:
            broken = False
            while (pending or in_flight) and not broken:
                while pending and len(in_flight) < size:
                    index = pending.popleft()
                    future = pool.submit(render_one, items[index], *job, linked[index])
                    in_flight[future] = index
                done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
                for future in done:
                    index = in_flight.pop(future)
                    try:
                        report = future.result()
                    except BrokenProcessPool as exc:
                        broken = True
                        if not alone:
                            suspects.append(index)
                            continue
                        report = _failed(items[index], exc, "the worker rendering it died")
                    except Exception as exc:
                        report = _failed(items[index], exc)
                    results[index] = report
                    notify(report)
            suspects.extend(in_flight.values())  # held by a dead pool
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
    return results
