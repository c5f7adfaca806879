"""Load one corpus file and, when it is valid, render it in every format; run in a subprocess.

``python tests/_corpus_worker.py INPUT OUT_DIR`` writes ``OUT_DIR/result.json`` (the outcome,
the problems or the diagnostics, timings) and ``OUT_DIR/output.{html,pdf,docx}``. The parent test
bounds the process's time (a subprocess timeout) and memory (``RLIMIT_AS``), so a hang or a
memory blow-up fails one entry instead of the whole run.
"""

from __future__ import annotations

import importlib
import json
import sys
import time
import traceback
from pathlib import Path
from typing import Any

FORMATS = {
    "html": "jsi_docs.exporters.html",
    "pdf": "jsi_docs.exporters.pdf",
    "docx": "jsi_docs.exporters.docx",
}


def run(source: Path, out_dir: Path) -> dict[str, Any]:
    import jsi_docs

    result: dict[str, Any] = {"file": source.name}
    start, cpu_start = time.perf_counter(), time.process_time()
    try:
        item = jsi_docs.load(source)
    except jsi_docs.LimitExceededError as exc:
        result.update(outcome="limit", problems=[[p.path, p.message] for p in exc.problems])
    except jsi_docs.InputError as exc:
        result.update(outcome="error", problems=[[p.path, p.message] for p in exc.problems])
    except BaseException as exc:  # what the corpus test exists to catch
        result.update(outcome="crash", traceback="".join(traceback.format_exception(exc)))
    result["load_seconds"] = round(time.perf_counter() - start, 3)
    result["load_cpu_seconds"] = round(time.process_time() - cpu_start, 3)
    if "outcome" in result:
        return result
    result.update(outcome="valid", formats={})
    for fmt, module in FORMATS.items():
        try:
            importlib.import_module(module)
        except ImportError as exc:
            result["formats"][fmt] = {"skipped": f"{module} is not importable yet: {exc}"}
            continue
        start = time.perf_counter()
        try:
            rendered = jsi_docs.render(item, fmt)
        except BaseException as exc:
            result["formats"][fmt] = {"crash": "".join(traceback.format_exception(exc))}
            continue
        (out_dir / f"output.{fmt}").write_bytes(rendered.data)
        result["formats"][fmt] = {
            "seconds": round(time.perf_counter() - start, 3),
            "diagnostics": [str(d) for d in rendered.diagnostics],
        }
    return result


def main() -> None:
    source, out_dir = Path(sys.argv[1]), Path(sys.argv[2])
    result = run(source, out_dir)
    (out_dir / "result.json").write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
