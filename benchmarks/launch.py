"""Run one command and print its wall time and peak RSS as JSON: ``python launch.py CMD...``.

The peak RSS that ``os.wait4`` reports for a child includes the memory of the process that
forked it (Linux keeps the pre-``exec`` high-water mark), so the benchmark forks every
measured process from this small launcher rather than from the (large) runner.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time


def main() -> None:
    start = time.perf_counter()
    proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE)
    out = proc.stdout.read() if proc.stdout is not None else b""
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    lines = out.decode("utf-8", "replace").strip().splitlines()
    print(
        json.dumps(
            {
                "wall": wall,
                "rss_kib": usage.ru_maxrss,
                "code": code,
                "last": lines[-1] if lines else "",
            }
        )
    )


if __name__ == "__main__":
    main()
