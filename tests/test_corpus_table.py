"""docs/hostile.md is what tools/corpus_table.py makes of the corpus manifest."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def test_committed_table_matches_the_manifest() -> None:
    spec = importlib.util.spec_from_file_location(
        "corpus_table", ROOT / "tools" / "corpus_table.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    entries = yaml.safe_load((ROOT / "tests" / "corpus" / "expected.yaml").read_text("utf-8"))
    expected = module.table(entries)
    assert (ROOT / "docs" / "hostile.md").read_text("utf-8") == expected, (
        "docs/hostile.md is stale: run python tools/corpus_table.py"
    )
    for entry in entries:  # every entry has its row
        assert f"`{entry['file']}`" in expected
