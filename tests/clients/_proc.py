"""Run an external client with a timeout, and kill its whole process group on timeout."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path

__all__ = ["ClientError", "Completed", "run"]


class ClientError(RuntimeError):
    """An external client could not do its job (crashed, timed out, produced nothing)."""

    def __init__(
        self, message: str, *, command: Sequence[str] = (), stdout: str = "", stderr: str = ""
    ) -> None:
        details = [message]
        if command:
            details.append("command: " + " ".join(command))
        if stderr.strip():
            details.append("stderr: " + stderr.strip()[-2000:])
        if stdout.strip():
            details.append("stdout: " + stdout.strip()[-2000:])
        super().__init__("\n".join(details))
        self.command = tuple(command)
        self.stdout = stdout
        self.stderr = stderr


class Completed:
    """What a finished client printed, and its exit code."""

    __slots__ = ("command", "returncode", "stderr", "stdout")

    def __init__(self, command: Sequence[str], returncode: int, stdout: str, stderr: str) -> None:
        self.command = tuple(command)
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr


def run(
    command: Sequence[str | Path],
    *,
    timeout: float,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
) -> Completed:
    """Run ``command``; never raises on a non-zero exit code (callers judge that).

    The client runs in its own session, so a timeout kills every process it spawned
    (``soffice`` forks ``soffice.bin``; ``java`` may spawn helpers), not just the first one.
    Raises :class:`ClientError` on a timeout or when the program cannot be started.
    """
    argv = [str(part) for part in command]
    full_env = None if env is None else {**os.environ, **env}
    try:
        proc = subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=cwd,
            env=full_env,
            start_new_session=True,
        )
    except OSError as exc:
        raise ClientError(f"cannot start {argv[0]}: {exc}", command=argv) from exc
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        raise ClientError(
            f"{Path(argv[0]).name} timed out after {timeout:g} s",
            command=argv,
            stdout=out.decode("utf-8", "replace"),
            stderr=err.decode("utf-8", "replace"),
        ) from exc
    return Completed(
        argv, proc.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace")
    )
