"""The worker pool: workers recycled after N jobs or past a memory ceiling, killed past a time
ceiling, each with a fresh, warm replacement."""

from __future__ import annotations

import time

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


def test_the_default_size_is_the_cores() -> None:
    assert WorkerPool().size == available_cores()
