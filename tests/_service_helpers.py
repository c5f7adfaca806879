"""Real servers on 127.0.0.1 for the service and preview tests, and a small HTTP client."""

from __future__ import annotations

import http.client
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import attrs

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"


def free_port() -> int:
    """A port nobody listens on now (the kernel's choice)."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


@attrs.frozen
class Answer:
    status: int
    headers: Mapping[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


def call(
    port: int,
    method: str,
    path: str,
    body: bytes | None = None,
    headers: Mapping[str, str] | None = None,
    timeout: float = 60.0,
) -> Answer:
    """One HTTP request to 127.0.0.1:``port``."""
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=dict(headers or {}))
        response = connection.getresponse()
        found = {k.lower(): v for k, v in response.getheaders()}
        return Answer(response.status, found, response.read())
    finally:
        connection.close()


def wait_until(port: int, path: str, ready: Any, timeout: float = 90.0) -> Answer:
    """GET ``path`` until ``ready(answer)`` holds; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    last: Answer | BaseException | None = None
    while time.monotonic() < deadline:
        try:
            answer = call(port, "GET", path, timeout=5)
            if ready(answer):
                return answer
            last = answer
        except OSError as exc:
            last = exc
        time.sleep(0.1)
    raise TimeoutError(f"127.0.0.1:{port}{path} not ready after {timeout} s: {last!r}")


@contextmanager
def jsi_docs_process(arguments: Sequence[str], log: Path) -> Iterator[subprocess.Popen[bytes]]:
    """``python -m jsi_docs ARGUMENTS`` with its output in ``log``; stopped on exit."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "jsi_docs", *arguments],
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=ROOT,
            env=env,
        )
        try:
            yield process
        finally:
            process.terminate()
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(20)


@contextmanager
def serving(log: Path, *options: str) -> Iterator[int]:
    """``jsi-docs serve`` on a free port of 127.0.0.1, its workers warm; yields the port."""
    port = free_port()
    with jsi_docs_process(["serve", "--port", str(port), *options], log):

        def warm(answer: Answer) -> bool:
            workers = answer.json()["workers"]
            return answer.status == 200 and bool(workers["ready"] >= workers["size"])

        wait_until(port, "/health", warm)
        yield port
