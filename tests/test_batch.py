"""render_many and ``jsi-docs render``: many items, many formats, any executor, failures kept apart."""

from __future__ import annotations

import gc
import subprocess
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import attrs
import pytest
from click.testing import CliRunner

import jsi_docs
from jsi_docs.batch import ItemReport, output_stem, render_many
from jsi_docs.cli import main
from jsi_docs.model import NewsItem
from tests_helpers import EXAMPLES, FRENCH, french_example

SUFFIXES = {"html": ".html", "docx": ".docx", "pdf": ".pdf"}


def _copies(count: int) -> list[NewsItem]:
    item = french_example()
    return [
        attrs.evolve(item, id=f"{item.id}-copy-{i}", headline=f"Copie numero {i}")
        for i in range(count)
    ]


def _broken_yaml(folder: Path) -> Path:
    path = folder / "broken.yaml"
    path.write_text("id: [unclosed\n", encoding="utf-8")
    return path


class CountingExecutor(Executor):
    """Runs each task at once in the calling thread and counts them."""

    def __init__(self) -> None:
        self.submitted = 0
        self.shut_down = False

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        self.submitted += 1
        future: Future[Any] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except Exception as exc:
            future.set_exception(exc)
        return future

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self.shut_down = True


def test_output_stem_drops_the_input_suffix_only() -> None:
    assert output_stem(Path("a/x.fr.yaml")) == "x.fr"
    assert output_stem("x.en.JSON") == "x.en"
    assert output_stem("notes.txt") == "notes.txt"
    assert output_stem(french_example()) == french_example().id


def test_paths_to_every_format_named_stem_dot_suffix(tmp_path: Path) -> None:
    sources = sorted(EXAMPLES.glob("*.yaml"))
    reports = render_many(sources, ("html", "docx", "pdf"), tmp_path, jobs=2)

    assert [r.source for r in reports] == [str(s) for s in sources]
    for source, report in zip(sources, reports, strict=True):
        assert report.ok, report.error
        stem = source.name.removesuffix(".yaml")
        expected = [tmp_path / f"{stem}{SUFFIXES[f]}" for f in ("html", "docx", "pdf")]
        assert list(report.outputs) == expected
        for path in expected:
            assert path.stat().st_size > 0
        assert (tmp_path / f"{stem}.pdf").read_bytes().startswith(b"%PDF-")
        assert (tmp_path / f"{stem}.docx").read_bytes().startswith(b"PK")
        html = (tmp_path / f"{stem}.html").read_text(encoding="utf-8")
        assert f'<html lang="{jsi_docs.load(source).language}"' in html
    assert not list(tmp_path.glob(".jsi-docs-tmp-*")), "temporary files left behind"


def test_news_item_objects_on_a_thread_pool_keep_source_order(tmp_path: Path) -> None:
    items = _copies(6)
    finished: list[str] = []
    lock = threading.Lock()

    def record(report: ItemReport) -> None:
        with lock:
            finished.append(report.source)

    with ThreadPoolExecutor(max_workers=3) as pool:
        reports = render_many(items, ["html", "docx"], tmp_path, executor=pool, on_report=record)
        # the caller's executor is left running
        assert pool.submit(lambda: 42).result() == 42

    assert [r.source for r in reports] == [i.id for i in items]
    assert sorted(finished) == sorted(i.id for i in items)
    for item, report in zip(items, reports, strict=True):
        assert report.outputs == (tmp_path / f"{item.id}.html", tmp_path / f"{item.id}.docx")
        assert item.headline
        assert item.headline in (tmp_path / f"{item.id}.html").read_text(encoding="utf-8")


def test_any_executor_gets_one_task_per_item_and_is_not_shut_down(tmp_path: Path) -> None:
    executor = CountingExecutor()
    reports = render_many(_copies(3), ["html"], tmp_path, executor=executor)
    assert executor.submitted == 3
    assert not executor.shut_down
    assert all(r.ok for r in reports)


@pytest.mark.parametrize("jobs", [1, 2])
def test_failures_are_reported_and_do_not_stop_the_others(tmp_path: Path, jobs: int) -> None:
    out = tmp_path / "out"
    missing = tmp_path / "missing.yaml"
    broken = _broken_yaml(tmp_path)
    good = attrs.evolve(french_example(), id="good")  # the file's outputs have another name
    sources: list[str | Path | NewsItem] = [missing, good, broken, FRENCH]

    reports = render_many(sources, ["html", "docx"], out, jobs=jobs)

    assert [r.ok for r in reports] == [False, True, False, True]
    assert reports[0].source == str(missing)
    assert "missing.yaml" in (reports[0].error or "")
    assert reports[2].error
    assert "broken.yaml" in reports[2].error
    assert reports[0].outputs == reports[2].outputs == ()
    assert (out / f"{good.id}.html").is_file()
    assert (out / "jsi-ecommerce-2023-05-25.fr.docx").is_file()
    assert not (out / "broken.html").exists()


def test_an_unexpected_exception_fails_only_its_item(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import jsi_docs.exporting

    real_render = jsi_docs.exporting.render
    items = _copies(3)

    def flaky(item: NewsItem, fmt: str, /, **options: Any) -> Any:
        if item.id == items[1].id:
            raise KeyError("bug in an exporter")
        return real_render(item, fmt, **options)

    monkeypatch.setattr(jsi_docs.exporting, "render", flaky)
    for executor in (None, CountingExecutor()):
        reports = render_many(items, ["html"], tmp_path, jobs=1, executor=executor)
        assert [r.ok for r in reports] == [True, False, True]
        assert "KeyError" in (reports[1].error or "")


def test_options_go_to_every_format_and_format_options_to_one(tmp_path: Path) -> None:
    [report] = render_many(
        [french_example()],
        ["html", "docx"],
        tmp_path,
        options={"labels_language": "en"},
        format_options={"html": {"fragment": True}},
    )
    assert report.ok, report.error
    html = (tmp_path / f"{french_example().id}.html").read_text(encoding="utf-8")
    assert html.lstrip().startswith("<article")
    assert "<html" not in html

    [refused] = render_many(
        [french_example()], ["docx"], tmp_path, format_options={"docx": {"fragment": True}}
    )
    assert refused.error is not None
    assert "fragment" in refused.error


def test_empty_input_gives_no_reports(tmp_path: Path) -> None:
    assert render_many([], ["html"], tmp_path / "out") == []
    assert (tmp_path / "out").is_dir()


def _folder_with_one_broken_item(tmp_path: Path) -> Path:
    folder = tmp_path / "items"
    folder.mkdir()
    for name in ("jsi-ecommerce-2023-05-25.fr.yaml", "jsi-ecommerce-2023-05-25.en.yaml"):
        (folder / name).write_bytes((EXAMPLES / name).read_bytes())
    _broken_yaml(folder)
    return folder


def test_cli_render_folder_with_two_jobs_fails_for_one_broken_item(tmp_path: Path) -> None:
    folder = _folder_with_one_broken_item(tmp_path)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["render", str(folder), "--to", "html,docx", "-o", str(out), "--jobs", "2"]
    )
    assert result.exit_code == 1, result.output
    assert (out / "screen.css").is_file()  # the pages' stylesheets, written once
    assert sorted(p.name for p in out.glob("jsi-*")) == [
        "jsi-ecommerce-2023-05-25.en.docx",
        "jsi-ecommerce-2023-05-25.en.html",
        "jsi-ecommerce-2023-05-25.fr.docx",
        "jsi-ecommerce-2023-05-25.fr.html",
    ]
    lines = result.output.strip().splitlines()
    assert lines[-1] == "2 of 3 item(s) rendered, 4 file(s) written, 1 failed"
    assert any(line.startswith("FAILED") and "broken.yaml" in line for line in lines)


def test_cli_render_exits_zero_when_every_item_renders(tmp_path: Path) -> None:
    folder = _folder_with_one_broken_item(tmp_path)
    (folder / "broken.yaml").unlink()
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["render", str(folder), "--to", "pdf", "-o", str(out), "--jobs", "2"]
    )
    assert result.exit_code == 0, result.output
    assert result.output.strip().splitlines()[-1] == (
        "2 of 2 item(s) rendered, 2 file(s) written, 0 failed"
    )
    assert sorted(p.name for p in out.iterdir()) == [
        ".jsi-docs-manifest.json",  # what an incremental build reads next time
        "jsi-ecommerce-2023-05-25.en.pdf",
        "jsi-ecommerce-2023-05-25.fr.pdf",
    ]


def test_dask_local_cluster_executor(tmp_path: Path) -> None:
    pytest.importorskip("dask", reason="dask is not installed (pip install 'jsi-docs[bench]')")
    distributed = pytest.importorskip(
        "distributed", reason="dask.distributed is not installed (pip install 'jsi-docs[bench]')"
    )
    missing = tmp_path / "missing.yaml"
    with (
        distributed.LocalCluster(
            n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        reports = render_many(
            [FRENCH, missing, *_copies(2)],
            ["html", "docx"],
            tmp_path,
            executor=client.get_executor(),
        )
    assert [r.ok for r in reports] == [True, False, True, True]
    assert (tmp_path / "jsi-ecommerce-2023-05-25.fr.docx").is_file()
    assert (tmp_path / f"{_copies(2)[1].id}.html").is_file()


def test_the_dask_example_renders_every_example_on_a_local_cluster(tmp_path: Path) -> None:
    pytest.importorskip("distributed", reason="dask.distributed is not installed")
    script = EXAMPLES / "render_with_dask.py"
    done = subprocess.run(
        [sys.executable, str(script), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    sources = sorted(EXAMPLES.glob("*.yaml"))
    assert [line.split(":")[0] for line in done.stdout.splitlines() if line.endswith(": ok")] == [
        p.name for p in sources
    ]
    for source in sources:
        for suffix in (".html", ".pdf", ".docx"):
            assert (tmp_path / f"{output_stem(source)}{suffix}").stat().st_size > 0


# -- the cyclic collector during a batch ------------------------------------------------------


def _freeze_counts_during(tmp_path: Path) -> tuple[list[int], int]:
    """The collector's freeze count as each report arrives, and after render_many returns."""
    seen: list[int] = []
    render_many(
        _copies(3),
        ["html", "docx", "pdf"],
        tmp_path,
        jobs=1,
        on_report=lambda _: seen.append(gc.get_freeze_count()),
    )
    return seen, gc.get_freeze_count()


def test_an_inline_batch_leaves_the_caller_s_collector_as_it_found_it(tmp_path: Path) -> None:
    """With jobs=1 the items are rendered in the caller's process, which is not ours to tune:
    nothing is frozen, and the caller's own frozen objects stay frozen."""
    assert gc.get_freeze_count() == 0
    seen, after = _freeze_counts_during(tmp_path / "a")
    assert seen == [0, 0, 0]
    assert after == 0
    assert gc.isenabled()
    gc.freeze()
    try:
        mine = gc.get_freeze_count()
        seen, after = _freeze_counts_during(tmp_path / "b")
        assert seen == [mine] * 3
        assert after == mine
    finally:
        gc.unfreeze()


def test_an_items_own_warnings_are_reported_once_with_their_line(tmp_path: Path) -> None:
    """Typed quotation marks are the item's, not a format's: one diagnostic for the item,
    located in its file, rather than one per format."""
    path = tmp_path / "typed.yaml"
    path.write_text(
        "id: typed\nlanguage: en\nheadline: Typed marks\npublished: 2024-01-01\nsections:\n"
        "  - blocks:\n      - text: 'Fine.'\n      - text: 'The chair said: \"we are done\".'\n",
        encoding="utf-8",
    )
    (report,) = render_many([path], ["html", "docx", "json"], tmp_path / "out", jobs=1)
    assert report.ok, report.error
    assert report.diagnostics == ()
    (warning,) = report.item_diagnostics
    assert (warning.path, warning.line, warning.source) == (
        "$.sections[0].blocks[1].text",
        8,
        "item",
    )
    assert warning.format(str(path)).startswith(
        f"{path}:8: $.sections[0].blocks[1].text: warning: quotation marks typed in the text"
    )
