"""Load every example, write it as JSON and YAML, read both back, and check nothing was lost.

Run from anywhere: ``python examples/roundtrip.py``. Exits 1 if an example does not survive.
"""

from __future__ import annotations

import sys
from pathlib import Path

import jsi_docs


def main() -> int:
    failures = 0
    for path in sorted(Path(__file__).parent.glob("*.yaml")):
        item = jsi_docs.load(path)
        as_json = jsi_docs.dumps(item, format="json")
        as_yaml = jsi_docs.dumps(item, format="yaml")
        same = (
            jsi_docs.loads(as_json, format="json") == item
            and jsi_docs.loads(as_yaml, format="yaml") == item
        )
        failures += not same
        print(
            f"{'ok  ' if same else 'LOST'} {path.name}: {item.kind}, {item.language}, "
            f"{sum(len(s.blocks) for s in item.sections)} blocks, "
            f"{len(item.speakers)} speakers, {len(as_json)} characters of JSON"
        )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
