"""Outputs never silently replace one another or an input; a batch stops on Ctrl-C and
survives a dead worker (issue 13, causes 17 to 21)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import jsi_docs.batch
from jsi_docs.batch import ItemReport, OutputConflictError, render_many
from jsi_docs.cli import main
from tests_helpers import FRENCH

ITEM = FRENCH.read_text(encoding="utf-8")


def write(path: Path, text: str = ITEM) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "names", [("fr/item.yaml", "en/item.yaml"), ("x.yaml", "x.json"), ("A.yaml", "a.yaml")]
)
def test_outputs_of_one_name_are_refused_before_anything_is_written(
    tmp_path: Path, names: tuple[str, str]
) -> None:
    # one output silently replaced the other, exit 0, "2 file(s) written"
    first, second = (write(tmp_path / "in" / name) for name in names)
    if first.suffix == ".json":
        import jsi_docs

        write(first, jsi_docs.dumps(jsi_docs.load(second)))
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["render", str(first), str(second), "--to", "html", "-o", str(out)]
    )
    assert result.exit_code == 2
    assert "would both be written to" in result.output
    assert not out.exists()
    with pytest.raises(OutputConflictError):
        render_many([first, second], ["html"], out)


def test_an_output_may_not_replace_its_input(tmp_path: Path) -> None:
    # --to yaml -o <input folder> wrote over a hand-written item, comments lost, exit 0
    source = write(tmp_path / "item.yaml", "# a comment worth keeping\n" + ITEM)
    result = CliRunner().invoke(main, ["render", str(source), "--to", "yaml", "-o", str(tmp_path)])
    assert result.exit_code == 2
    assert "would be written over the input" in result.output
    assert source.read_text(encoding="utf-8").startswith("# a comment worth keeping")


@pytest.mark.parametrize("where", ["under-a-file", "unwritable"])
def test_an_output_folder_that_cannot_be_made_is_a_usage_error(tmp_path: Path, where: str) -> None:
    # was a NotADirectoryError or PermissionError traceback
    source = write(tmp_path / "item.yaml")
    if where == "under-a-file":
        out = write(tmp_path / "file.txt", "x") / "out"
    else:
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        out = locked / "out"
        if os.access(locked, os.W_OK):
            pytest.skip("running as a user who may write anywhere")
    result = CliRunner().invoke(main, ["render", str(source), "--to", "html", "-o", str(out)])
    assert result.exit_code == 2
    assert "cannot use" in result.output
    assert "Traceback" not in result.output


def _killer(source: Any, *args: Any) -> ItemReport:
    if str(source).endswith("killer.yaml"):
        os._exit(1)  # a worker killed (OOM killer, a crash in a C library)
    return ItemReport(str(source))


def test_a_dead_worker_costs_only_the_item_it_held(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 110 of 150 items failed with BrokenProcessPool without being tried
    if sys.platform != "linux":
        pytest.skip("the workers inherit the patched function only when forked")
    monkeypatch.setattr(jsi_docs.batch, "render_one", _killer)
    sources = [tmp_path / f"item{i}.yaml" for i in range(30)]
    sources[7] = tmp_path / "killer.yaml"
    reports = render_many(sources, ["html"], tmp_path / "out", jobs=2)
    failed = [r for r in reports if not r.ok]
    assert [r.source for r in failed] == [str(sources[7])]
    assert "the worker rendering it died" in (failed[0].error or "")


SLOW_BATCH = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    import jsi_docs.batch as batch

    def slow(source, formats, out, *args):
        time.sleep(0.3)
        (Path(out) / (Path(source).stem + ".done")).write_text("x")
        return batch.ItemReport(str(source))

    batch.render_one = slow
    folder = Path(sys.argv[1])
    print("started", flush=True)
    batch.render_many([folder / f"i{n}.yaml" for n in range(200)], ["html"], folder / "out", jobs=2)
""")


def test_ctrl_c_stops_a_parallel_batch_promptly(tmp_path: Path) -> None:
    # 100 files written at SIGINT, 996 when the command exited 36 s later
    process = subprocess.Popen([sys.executable, "-c", SLOW_BATCH, str(tmp_path)], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)  # fmt: skip
    assert process.stdout is not None
    assert process.stdout.readline() == b"started\n"
    time.sleep(1.5)
    done_at_interrupt = len(list((tmp_path / "out").glob("*.done")))
    process.send_signal(signal.SIGINT)
    start = time.monotonic()
    process.wait(timeout=30)
    assert time.monotonic() - start < 3  # the items in flight end: 0.3 s each
    assert process.returncode != 0
    assert len(list((tmp_path / "out").glob("*.done"))) <= done_at_interrupt + 4
