"""Measure the time and peak memory of rendering large items, to choose ``readers/limits.py``.

Each case runs in a fresh process (so peak RSS is that of one render) and prints one JSON line
with the wall time, the CPU time (the fairer figure on a busy machine) and the peak memory:

    python tools/measure_limits.py                 # every case, PDF and DOCX (and HTML)
    python tools/measure_limits.py pdf long-100k   # one case

Cases: ``long-N`` is one paragraph of N characters (words of 2-9 letters); ``paras-N`` is N
paragraphs of about 300 characters each; ``tiny-N`` is N paragraphs of 12 characters (the cost
of a block as such). ``em-N``, ``quote-N`` and ``note-N`` are N inline elements (emphasis,
quotations, note marks with their notes) in paragraphs of 50; ``worst`` is the worst item the
default limits accept: 1 999 paragraphs of 235 characters, nearly 500 000 in all (with the
markup), each holding a quotation.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import resource
import subprocess
import sys
import time

from jsi_docs import NewsItem

CASES = (
    "long-10000",
    "long-20000",
    "long-50000",
    "long-100000",
    "paras-1000",
    "paras-2000",
    "paras-5000",
    "em-2000",
    "quote-2000",
    "note-1900",
    "worst-1",
)
FORMATS = ("html", "pdf", "docx")


def _words(count_chars: int, rng: random.Random) -> str:
    out: list[str] = []
    size = 0
    while size < count_chars:
        word = "".join(rng.choice("abcdefghijklmnopqrstuvwxyzéè") for _ in range(rng.randint(2, 9)))
        out.append(word)
        size += len(word) + 1
    return " ".join(out)[:count_chars]


def _inline_item(kind: str, n: int, rng: random.Random) -> NewsItem:
    """An item read from YAML (so the limits apply) with ``n`` inline elements of ``kind``."""
    mark = {"em": "_{}_", "quote": "[{}](quote:s)", "note": "{}[^n{}]"}[kind]
    words = [mark.format(_words(12, rng), k) for k in range(n)]
    paragraphs = [" ".join(words[i : i + 50]) for i in range(0, n, 50)]
    notes = (
        [f"  - {{id: n{k}, text: {_words(40, rng)}}}" for k in range(n)] if kind == "note" else []
    )
    return _yaml_item(paragraphs, notes)


def _yaml_item(paragraphs: list[str], notes: list[str]) -> NewsItem:
    import jsi_docs

    text = (
        "id: measure\nlanguage: fr\nheadline: Mesure\npublished: 2023-05-25\n"
        "speakers:\n  - {id: s, name: {family: Orateur}}\nsections:\n  - blocks:\n"
        + "".join(f"      - text: {json.dumps(p)}\n" for p in paragraphs)
        + ("notes:\n" + "\n".join(notes) + "\n" if notes else "")
    )
    return jsi_docs.loads(text)


def build(case: str) -> NewsItem:
    from jsi_docs import Paragraph, Section

    kind, _, number = case.partition("-")
    n = int(number)
    rng = random.Random(n)
    if kind in ("em", "quote", "note"):
        return _inline_item(kind, n, rng)
    if kind == "worst":
        paragraphs = [f"{_words(185, rng)} [{_words(49, rng)}](quote:s)" for _ in range(1_999)]
        return _yaml_item(paragraphs, [])
    if kind == "long":
        blocks = [Paragraph([_words(n, rng)])]
    elif kind == "tiny":
        blocks = [Paragraph([_words(12, rng)]) for _ in range(n)]
    else:
        blocks = [Paragraph([_words(300, rng)]) for _ in range(n)]
    return NewsItem("measure", "fr", "Mesure", dt.date(2023, 5, 25), [Section(blocks)])


def run_one(fmt: str, case: str) -> dict[str, object]:
    import jsi_docs

    item = build(case)
    jsi_docs.export(build("paras-1"), fmt)  # warm up: imports, fonts, templates
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start, cpu_start = time.perf_counter(), time.process_time()
    data = jsi_docs.export(item, fmt)
    seconds = time.perf_counter() - start
    cpu_seconds = time.process_time() - cpu_start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "format": fmt,
        "case": case,
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu_seconds, 2),
        "peak_rss_mb": round(peak / 1024),
        "rss_growth_mb": round((peak - base) / 1024),
        "output_kb": round(len(data) / 1024),
    }


def main(argv: list[str]) -> None:
    if len(argv) == 2:
        print(json.dumps(run_one(argv[0], argv[1])), flush=True)
        return
    for case in CASES:
        for fmt in FORMATS:
            subprocess.run([sys.executable, __file__, fmt, case], check=False)


if __name__ == "__main__":
    main(sys.argv[1:])
