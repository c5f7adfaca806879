"""The worker pool: workers recycled after N jobs or past a memory ceiling, killed past a time
ceiling, each with a fresh, warm replacement."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from jsi_docs.service._worker import WARM_UP_ITEM
from jsi_docs.service.jobs import Failed, Job, Rendered
from jsi_docs.service.pool import WorkerPool, available_cores


def wait_for(pool: WorkerPool, ready: int, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while pool.stats().ready < ready:
        assert time.monotonic() < deadline, pool.stats()
        time.sleep(0.05)


def test_a_worker_is_replaced_after_max_renders() -> None:
    with WorkerPool(1, max_renders=2, warm_formats=("html",)) as pool:
        assert pool.wait_ready()
        first = pool.pids()
        assert all(isinstance(pool.run(Job(WARM_UP_ITEM, fmt="html")), Rendered) for _ in "ab")
        wait_for(pool, 1)
        assert pool.pids().isdisjoint(first)
        assert pool.stats().retired == 1
        assert isinstance(pool.run(Job(WARM_UP_ITEM, fmt="html")), Rendered)


def test_a_worker_past_the_memory_ceiling_is_replaced_after_its_job() -> None:
    with WorkerPool(1, max_rss=1, warm_formats=()) as pool:
        assert isinstance(pool.run(Job(WARM_UP_ITEM, fmt="docx")), Rendered)
        wait_for(pool, 1)
        assert pool.stats().retired == 1


def test_a_job_over_the_time_ceiling_fails_clearly_and_the_next_one_runs() -> None:
    with WorkerPool(1, warm_formats=()) as pool:
        reply = pool.run(Job(WARM_UP_ITEM, fmt="pdf"), timeout=0.001)
        assert isinstance(reply, Failed)
        assert reply.timed_out
        assert "longer than 0.001 s" in reply.message
        assert isinstance(pool.run(Job(WARM_UP_ITEM, fmt="html")), Rendered)
        assert pool.stats().killed == 1


def test_a_worker_dead_while_idle_is_replaced_and_the_job_still_runs() -> None:
    with WorkerPool(1, warm_formats=()) as pool:
        assert pool.wait_ready()
        (pid,) = pool.pids()
        os.kill(pid, signal.SIGKILL)
        time.sleep(0.2)
        assert isinstance(pool.run(Job(WARM_UP_ITEM, fmt="html")), Rendered)
        assert pool.stats().killed == 1
        assert pid not in pool.pids()


def test_the_default_size_is_the_cores() -> None:
    assert WorkerPool().size == available_cores()


def test_the_server_process_never_imports_weasyprint() -> None:
    """Renders happen in the workers: the server's own process stays small."""
    code = (
        "import sys; from jsi_docs.service.app import create_app; "
        "from jsi_docs.service.preview import create_preview_app; create_app(); "
        "create_preview_app(__import__('pathlib').Path('examples/jsi-ecommerce-2023-05-25.fr.yaml')); "
        "print(sorted({'weasyprint', 'docx'} & set(sys.modules)))"
    )
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=root,
        timeout=60,
    )
    assert out.stdout.strip() == "[]"


def test_the_serve_extra_is_imported_by_the_service_alone() -> None:
    """The [serve] extra is optional: only the service and the commands starting it use it."""
    from test_architecture import SRC, imports_of

    for path in SRC.rglob("*.py"):
        roots = {m.split(".")[0] for m in imports_of(path)}
        if roots & {"starlette", "uvicorn", "watchfiles", "anyio"}:
            assert path.relative_to(SRC).parts[0] in ("service", "cli.py"), path
