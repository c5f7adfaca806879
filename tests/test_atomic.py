"""Atomic output: a killed or failed write leaves the previous file; concurrent writers leave one
whole file; a batch with a bad item still writes the others and reports the failure."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import textwrap
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import jsi_docs
from jsi_docs.atomic import TEMP_PREFIX, atomic_write
from jsi_docs.batch import render_many

OLD = b"previous good file\n" * 1000

# Runs atomic_write in a child whose writes go out in 64 KiB chunks; after the first chunk it
# says "writing" and waits, so the parent can kill it in the middle of the file.
_CHILD = textwrap.dedent(
    """
    import os, sys, time
    from jsi_docs import atomic

    class SlowFile:
        def __init__(self, handle):
            self.handle = handle
        def __enter__(self):
            return self
        def __exit__(self, *exc):
            return self.handle.__exit__(*exc)
        def write(self, data):
            for start in range(0, len(data), 65536):
                self.handle.write(data[start:start + 65536])
                self.handle.flush()
                if start == 0:
                    print("writing", flush=True)
                    time.sleep(60)
        def __getattr__(self, name):
            return getattr(self.handle, name)

    real_fdopen = os.fdopen
    os.fdopen = lambda fd, mode: SlowFile(real_fdopen(fd, mode))
    if sys.argv[2] == "before-rename":
        os.fdopen = real_fdopen
        real_fsync = os.fsync
        def fsync_then_wait(fd):
            real_fsync(fd)
            print("writing", flush=True)
            time.sleep(60)
        os.fsync = fsync_then_wait
    atomic.atomic_write(sys.argv[1], b"new content " * 1_000_000)
    """
)


def _outputs(folder: Path) -> list[str]:
    """What a reader of the folder takes for output: everything but our temporary files."""
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith(TEMP_PREFIX))


@pytest.mark.parametrize("moment", ["mid-write", "before-rename"])
def test_killed_export_leaves_the_previous_file_intact(tmp_path: Path, moment: str) -> None:
    target = tmp_path / "item.pdf"
    atomic_write(target, OLD)
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(target), moment],
        stdout=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline() == b"writing\n"
        temps = [p for p in tmp_path.iterdir() if p.name.startswith(TEMP_PREFIX)]
        assert len(temps) == 1
        assert temps[0].stat().st_size > 0  # the new file was really being written
        child.send_signal(signal.SIGKILL)
    finally:
        child.kill()
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    assert target.read_bytes() == OLD
    assert _outputs(tmp_path) == ["item.pdf"]
    stray = [p.name for p in tmp_path.iterdir() if p.name != "item.pdf"]
    assert all(name.startswith(TEMP_PREFIX) and name.endswith(".part") for name in stray)


@pytest.mark.parametrize(
    ("function", "error"),
    [
        ("replace", OSError(errno.EXDEV, "rename failed")),
        ("fsync", OSError(errno.ENOSPC, "disk full")),
    ],
)
def test_failed_write_keeps_the_previous_file_and_removes_the_temporary_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, function: str, error: OSError
) -> None:
    target = tmp_path / "item.docx"
    atomic_write(target, OLD)

    def fail(*_args: object) -> None:
        raise error

    monkeypatch.setattr(os, function, fail)
    with pytest.raises(OSError, match=error.strerror or ""):
        atomic_write(target, b"new")
    monkeypatch.undo()
    assert target.read_bytes() == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["item.docx"]


def test_concurrent_writers_leave_one_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "item.html"
    payloads = [bytes([65 + n]) * (256 * 1024 + n) for n in range(8)]
    atomic_write(target, payloads[0])
    seen: list[bytes] = []
    stop = threading.Event()

    def read() -> None:
        while not stop.is_set():
            seen.append(target.read_bytes())

    reader = threading.Thread(target=read)
    reader.start()
    try:
        with ThreadPoolExecutor(8) as pool:
            list(
                pool.map(lambda n: [atomic_write(target, payloads[n]) for _ in range(15)], range(8))
            )
    finally:
        stop.set()
        reader.join()
    assert target.read_bytes() in payloads
    assert seen
    assert all(data in payloads for data in seen), "a reader saw a partial or mixed file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["item.html"]


MINIMAL = "id: {id}\nlanguage: en\nheadline: Item {id}\npublished: 2023-05-25\nsections:\n  - blocks:\n      - text: Text of {id}.\n"


@pytest.mark.parametrize("executor", [None, "threads"])
def test_batch_with_a_bad_item_writes_the_others_and_reports_it(
    tmp_path: Path, executor: str | None
) -> None:
    sources = tmp_path / "in"
    sources.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (sources / "good-a.yaml").write_text(MINIMAL.format(id="good-a"), "utf-8")
    (sources / "bad.yaml").write_text(MINIMAL.format(id="bad") + "colour: blue\n", "utf-8")
    (sources / "good-b.yaml").write_text(MINIMAL.format(id="good-b"), "utf-8")
    (out / "bad.html").write_bytes(OLD)  # a previous good output of the now broken item
    item = jsi_docs.loads(MINIMAL.format(id="object-item"))
    names: list[Path | jsi_docs.NewsItem] = [
        sources / "good-a.yaml",
        sources / "bad.yaml",
        item,
        sources / "good-b.yaml",
    ]

    if executor is None:
        reports = render_many(names, ["html", "docx"], out, jobs=1)
    else:
        with ThreadPoolExecutor(2) as pool:
            reports = render_many(names, ["html", "docx"], out, executor=pool)

    assert [r.ok for r in reports] == [True, False, True, True]
    assert reports[1].error is not None
    assert "$.colour: unknown key" in reports[1].error
    assert "bad.yaml" in reports[1].error
    documents = [name for name in _outputs(out) if name.endswith((".html", ".docx"))]
    assert documents == sorted(
        [
            f"{stem}.{ext}"
            for stem in ("good-a", "good-b", "object-item")
            for ext in ("html", "docx")
        ]
        + ["bad.html"]
    )  # pages' resources (stylesheets, fonts) may sit beside them
    assert (out / "bad.html").read_bytes() == OLD
    assert not [p for p in out.rglob("*") if p.name.startswith(TEMP_PREFIX)]  # none left
    for report in (reports[0], reports[2], reports[3]):
        assert [p.suffix for p in report.outputs] == [".html", ".docx"]
        assert all(p.stat().st_size > 0 for p in report.outputs)


def test_a_new_file_follows_the_umask_and_a_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    import os
    import stat

    from jsi_docs.atomic import atomic_write

    previous = os.umask(0o077)
    try:
        private = atomic_write(tmp_path / "private.pdf", b"%PDF-")
    finally:
        os.umask(previous)
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    previous = os.umask(0o022)
    try:
        shared = atomic_write(tmp_path / "shared.pdf", b"%PDF-")
        (tmp_path / "kept.pdf").write_bytes(b"old")
        (tmp_path / "kept.pdf").chmod(0o640)
        kept = atomic_write(tmp_path / "kept.pdf", b"new")
    finally:
        os.umask(previous)
    assert stat.S_IMODE(shared.stat().st_mode) == 0o644
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640
    assert kept.read_bytes() == b"new"
