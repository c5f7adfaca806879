"""A pool of warm worker processes that render one job at a time each.

PDF renders take turns inside one process (see ``docs/batch.md``, "Threads"), so a service
renders in processes: PDF throughput grows with the workers. Unlike
:class:`concurrent.futures.ProcessPoolExecutor`, this pool can stop one worker: a worker that
takes longer than the time ceiling is killed and replaced (its caller gets a :class:`Failed`
reply saying so); a worker is retired after ``max_renders`` jobs or once its resident memory
passes ``max_rss``, so that the service's memory stays bounded. Replacements start in the
background, already warm when they take a job.

Workers are started with the ``spawn`` method: they never inherit a lock held by another
thread of the server.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import queue
import threading
import time
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

import attrs

from jsi_docs.batch import _available_cores as available_cores
from jsi_docs.service import _worker
from jsi_docs.service.jobs import Failed, Job, Reply

__all__ = ["PoolBusyError", "PoolStats", "WorkerPool", "available_cores"]

logger = logging.getLogger("jsi_docs.service")

_START_TIMEOUT = 120.0
_STOP_TIMEOUT = 5.0


class PoolBusyError(RuntimeError):
    """No worker became free within the wait allowed; try again later."""


@attrs.frozen
class PoolStats:
    """How the pool is doing: workers ready and busy, and how many were started, retired
    (after ``max_renders`` or ``max_rss``) and killed (over the time ceiling, or dead)."""

    size: int
    ready: int
    busy: int
    started: int
    retired: int
    killed: int
    jobs: int


@attrs.define(eq=False)
class _Worker:
    process: BaseProcess
    conn: Connection
    pid: int = 0
    jobs: int = 0


class WorkerPool:
    """``size`` warm worker processes (default: the cores this process may use).

    ``run`` is thread-safe and blocking: call it from threads (an ASGI app calls it through
    ``anyio.to_thread``). ``render_timeout`` is the time ceiling of one job in seconds;
    ``max_renders`` and ``max_rss`` (bytes) bound a worker's life; ``warm_formats`` are
    rendered once by each worker before it takes jobs.
    """

    def __init__(
        self,
        size: int | None = None,
        *,
        render_timeout: float = 30.0,
        max_renders: int = 200,
        max_rss: int = 600_000_000,
        warm_formats: tuple[str, ...] = ("html", "pdf", "docx"),
    ) -> None:
        if size is not None and size < 1:
            raise ValueError("a pool needs at least one worker")
        self.size = size or available_cores()
        self.render_timeout = render_timeout
        self.max_renders = max_renders
        self.max_rss = max_rss
        self.warm_formats = warm_formats
        self._context = multiprocessing.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._lock = threading.Lock()
        self._workers: set[_Worker] = set()
        self._counts = {"started": 0, "retired": 0, "killed": 0, "jobs": 0, "busy": 0}
        self._started = False
        self._closed = False

    # -- life of the pool ------------------------------------------------------------------

    def start(self) -> None:
        """Start the workers in the background (once; later calls do nothing)."""
        with self._lock:
            if self._started or self._closed:
                return
            self._started = True
        for _ in range(self.size):
            self._replace()

    def wait_ready(self, timeout: float = _START_TIMEOUT) -> bool:
        """Wait until every worker is warm; False if ``timeout`` passed first."""
        self.start()
        deadline = time.monotonic() + timeout
        while self.stats().ready < self.size and not self._closed:
            if time.monotonic() > deadline:
                return False
            time.sleep(0.05)
        return not self._closed

    def close(self) -> None:
        """Stop every worker (a job in progress is cut short)."""
        with self._lock:
            self._closed = True
            workers = list(self._workers)
            self._workers.clear()
        while not self._idle.empty():
            self._idle.get_nowait()
        for worker in workers:
            self._stop(worker, kill=True)

    def __enter__(self) -> WorkerPool:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def stats(self) -> PoolStats:
        with self._lock:
            counts = dict(self._counts)
        return PoolStats(self.size, self._idle.qsize(), **counts)

    def pids(self) -> set[int]:
        """The process ids of the workers alive now (ready, busy or starting)."""
        with self._lock:
            return {w.pid or (w.process.pid or 0) for w in self._workers}

    # -- jobs --------------------------------------------------------------------------------

    def run(self, job: Job, *, timeout: float | None = None, wait: float | None = None) -> Reply:
        """Do ``job`` in a free worker and return its reply.

        ``timeout`` (default ``render_timeout``) is the job's time ceiling: past it the worker
        is killed and replaced and the reply is a :class:`Failed` with ``timed_out``. ``wait``
        bounds the wait for a free worker (default: no bound) before :class:`PoolBusyError`.
        """
        self.start()
        ceiling = self.render_timeout if timeout is None else timeout
        for _attempt in range(self.size + 1):
            try:
                worker = self._idle.get(timeout=wait)
            except queue.Empty:
                raise PoolBusyError(f"no worker free within {wait} s") from None
            try:
                worker.conn.send(job)
            except (OSError, ValueError):  # it died while idle: the job goes to another one
                self._discard(worker, "killed")
                continue
            self._count(busy=1)
            try:
                return self._ask(worker, ceiling)
            finally:
                self._count(busy=-1, jobs=1)
        return Failed("the worker processes keep stopping unexpectedly")

    def _ask(self, worker: _Worker, ceiling: float) -> Reply:
        try:
            if not worker.conn.poll(ceiling):
                self._discard(worker, "killed")
                return Failed(
                    f"the render took longer than {ceiling:g} s and was stopped", timed_out=True
                )
            reply, rss = worker.conn.recv()
        except (EOFError, OSError):
            self._discard(worker, "killed")
            return Failed("the worker process rendering this item stopped unexpectedly")
        worker.jobs += 1
        if worker.jobs >= self.max_renders or rss > self.max_rss:
            self._discard(worker, "retired")
        else:
            self._idle.put(worker)
        result: Reply = reply
        return result

    # -- workers -----------------------------------------------------------------------------

    def _count(self, **steps: int) -> None:
        with self._lock:
            for key, step in steps.items():
                self._counts[key] += step

    def _discard(self, worker: _Worker, why: str) -> None:
        """Stop ``worker`` (in the background) and start its replacement."""
        with self._lock:
            self._workers.discard(worker)
            self._counts[why] += 1
        stop = threading.Thread(target=self._stop, args=(worker, why == "killed"), daemon=True)
        stop.start()
        self._replace()

    def _replace(self) -> None:
        threading.Thread(target=self._add_worker, daemon=True).start()

    def _add_worker(self) -> None:
        parent, child = self._context.Pipe()
        process = self._context.Process(
            target=_worker.serve,
            args=(child, self.warm_formats),
            name="jsi-docs-worker",
            daemon=True,
        )
        worker = _Worker(process, parent)
        with self._lock:
            if self._closed:
                return
            self._workers.add(worker)
            self._counts["started"] += 1
        process.start()
        child.close()
        hello: Any = None
        try:
            if parent.poll(_START_TIMEOUT):
                hello = parent.recv()
        except (EOFError, OSError):
            hello = None
        if not (isinstance(hello, tuple) and hello[0] == "ready"):
            if not self._closed:
                logger.error("a worker process did not start (exit code %s)", process.exitcode)
            with self._lock:
                self._workers.discard(worker)
            self._stop(worker, kill=True)
            return
        worker.pid = int(hello[1])
        with self._lock:
            closed = self._closed
        if closed:
            self._stop(worker, kill=True)
        else:
            self._idle.put(worker)

    @staticmethod
    def _stop(worker: _Worker, kill: bool = False) -> None:
        if not kill:
            with contextlib.suppress(OSError, ValueError):
                worker.conn.send(None)
            worker.process.join(_STOP_TIMEOUT)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join(_STOP_TIMEOUT)
        worker.conn.close()
