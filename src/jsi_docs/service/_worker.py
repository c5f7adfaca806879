"""The loop a pool's worker process runs: jobs in on a pipe, replies out, until told to stop.

A worker is a process of our own, so it may tune what it owns: after warming up it freezes the
objects it keeps for its life out of the garbage collector's passes.
"""

from __future__ import annotations

import gc
import os
from multiprocessing.connection import Connection
from pathlib import Path

from jsi_docs.service.jobs import Job, Reply, run_job

__all__ = ["WARM_UP_ITEM", "resident_bytes", "serve"]

WARM_UP_ITEM = b"""\
id: warm-up
language: en
headline: Warm-up
published: 2024-01-01
sections:
  - heading: One
    blocks:
      - text: A paragraph with **strong** text.
"""
"""A small valid item: rendering it once loads everything a render needs."""


def resident_bytes() -> int:
    """This process's resident memory now (0 where the system does not say)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0
    return pages * os.sysconf("SC_PAGE_SIZE")


def _warm_up(formats: tuple[str, ...]) -> None:
    """Pay the first-use costs (imports, fonts, stylesheets, templates) before the first
    request does."""
    for fmt in formats:
        run_job(Job(WARM_UP_ITEM, "yaml", fmt))


def serve(conn: Connection, warm_formats: tuple[str, ...]) -> None:
    """Answer jobs from ``conn`` until it closes or sends None; each reply goes with this
    process's resident memory, so that the pool can retire a worker grown too large."""
    _warm_up(warm_formats)
    gc.collect()
    gc.freeze()
    conn.send(("ready", os.getpid()))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if not isinstance(job, Job):
            return
        reply: Reply = run_job(job)
        try:
            conn.send((reply, resident_bytes()))
        except (BrokenPipeError, OSError):
            return
