"""Render the examples on a dask cluster: ``python examples/render_with_dask.py [OUT_DIR]``.

``jsi_docs.render_many`` takes any :class:`concurrent.futures.Executor`. When one machine is
not enough, hand it a dask ``Client``'s executor: here a small local cluster, but the same
call works with ``Client("tcp://scheduler:8786")`` as long as every worker has jsi_docs
installed and can write to ``OUT_DIR`` (a shared folder). dask is not a dependency of jsi_docs:
``pip install 'jsi-docs[bench]'`` (or ``pip install dask distributed``).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import jsi_docs

EXAMPLES = Path(__file__).resolve().parent


def main(out_dir: Path) -> int:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        print("dask.distributed is not installed: pip install dask distributed", file=sys.stderr)
        return 0  # an optional integration; nothing to show without it

    sources = sorted(EXAMPLES.glob("*.yaml"))
    # Two worker processes of one thread each: WeasyPrint renders one PDF at a time per process.
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        reports = jsi_docs.render_many(
            sources, ["html", "pdf", "docx"], out_dir, executor=client.get_executor()
        )
    for report in reports:
        status = "ok" if report.ok else f"FAILED: {report.error}"
        print(f"{Path(report.source).name}: {status}")
        for path in report.outputs:
            print(f"  {path}")
    return 0 if all(r.ok for r in reports) else 1


if __name__ == "__main__":
    if len(sys.argv) > 1:
        sys.exit(main(Path(sys.argv[1])))
    with tempfile.TemporaryDirectory(prefix="jsi-dask-") as tmp:
        sys.exit(main(Path(tmp)))
