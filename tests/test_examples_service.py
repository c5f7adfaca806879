"""``examples/embed_service.py``: the service mounted in another ASGI app, run as a user would."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from _service_helpers import ROOT, call, free_port, wait_until

FRENCH = ROOT / "examples" / "jsi-ecommerce-2023-05-25.fr.yaml"


def test_the_service_mounted_in_a_host_app_renders(tmp_path: Path) -> None:
    port = free_port()
    with (tmp_path / "log").open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, str(ROOT / "examples" / "embed_service.py"), str(port)],
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=ROOT,
        )
    try:
        health = wait_until(
            port,
            "/documents/health",
            lambda a: a.status == 200 and a.json()["workers"]["ready"] == 1,
        )
        assert health.json()["workers"]["size"] == 1, "the host's lifespan started the pool"
        assert b"host app" in call(port, "GET", "/").body
        pdf = call(
            port,
            "POST",
            "/documents/render/pdf",
            FRENCH.read_bytes(),
            {"Content-Type": "application/yaml"},
        )
        assert pdf.status == 200
        assert pdf.body.startswith(b"%PDF-")
        bad = call(
            port, "POST", "/documents/render/html", b"id: [", {"Content-Type": "application/yaml"}
        )
        assert bad.status == 422
    finally:
        process.terminate()
        # uvicorn shuts down, then raises the signal again for its parent to see
        assert process.wait(30) in (0, -15), (tmp_path / "log").read_text()
    assert "Traceback" not in (tmp_path / "log").read_text()


def test_the_example_checks_itself() -> None:
    """What ``nox -s examples`` runs: serve on a free port in a thread, render once, stop."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "embed_service.py"), "--self-test"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "bytes of PDF" in done.stdout
