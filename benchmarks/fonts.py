"""PDF size and warm time of the seed item before and after the fonts for six languages.

Run ``python benchmarks/fonts.py BASE_SRC [BASE_ITEM]`` from the repository: BASE_SRC is the
``src`` folder of the code to compare with (``git archive <commit> src | tar -x -C /tmp/base``),
BASE_ITEM that code's French example (``git show <commit>:examples/...fr.yaml``), which lists
three language versions where today's lists five; each measurement runs in a fresh process. Prints a Markdown
table (the section "Fonts for six languages" of docs/benchmarks.md).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ROUNDS = 7

_CHILD = """
import json, sys, time
import jsi_docs
item = jsi_docs.load(sys.argv[1])
data = jsi_docs.export(item, "pdf")  # warm-up: imports, fonts, templates
times = []
for _ in range(int(sys.argv[2])):
    start = time.process_time()
    data = jsi_docs.export(item, "pdf")
    times.append(time.process_time() - start)
print(json.dumps({"size": len(data), "times": times}))
"""


def measure(src: Path, item: Path) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(item), str(ROUNDS)],
        env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    result = json.loads(done.stdout.splitlines()[-1])
    return {"size": result["size"], "ms": statistics.median(result["times"]) * 1000}


def main() -> None:
    base = Path(sys.argv[1])
    examples = ROOT / "examples"
    french = examples / "jsi-ecommerce-2023-05-25.fr.yaml"
    print("| item | code | PDF size | warm PDF time (CPU, median of 7) |")
    print("|---|---|---|---|")
    if len(sys.argv) > 2:
        old = measure(base, Path(sys.argv[2]))
        print(
            f"| French (fr), 3 versions listed | before | {old['size']:,} B | {old['ms']:.0f} ms |"
        )
        # the same Latin-only item on today's code: what the font change costs it alone
        now = measure(ROOT / "src", Path(sys.argv[2]))
        print(
            f"| French (fr), 3 versions listed | after | {now['size']:,} B "
            f"(**{now['size'] / old['size']:.3f}×**) | {now['ms']:.0f} ms |"
        )
    before = measure(base, french)
    after = measure(ROOT / "src", french)
    print(
        f"| French (fr), 6 versions listed | before | {before['size']:,} B | {before['ms']:.0f} ms |"
    )
    print(
        f"| French (fr), 6 versions listed | after | {after['size']:,} B "
        f"(**{after['size'] / before['size']:.3f}×**) | {after['ms']:.0f} ms "
        f"({after['ms'] / before['ms']:.2f}×) |"
    )
    if len(sys.argv) > 2:
        print(
            f"| French (fr), 6 versions listed vs 3 | after vs before | **{after['size'] / old['size']:.3f}×** | |"
        )
    for code in ("ru", "ar", "zh"):
        found = measure(ROOT / "src", examples / f"jsi-ecommerce-2023-05-25.{code}.yaml")
        print(f"| {code} | after | {found['size']:,} B | {found['ms']:.0f} ms |")


if __name__ == "__main__":
    main()
