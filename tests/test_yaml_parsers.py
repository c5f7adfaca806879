"""libyaml's parser, used where PyYAML has it, reads every file as the pure-Python one does."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from jsi_docs.errors import LimitExceededError
from jsi_docs.readers import Limits, yaml_reader

ROOT = Path(__file__).resolve().parent
FILES = sorted(
    [
        *(ROOT.parent / "examples").glob("*.yaml"),
        *(ROOT / "mistakes").glob("*.yaml"),
        *(ROOT / "corpus").glob("*.yaml"),
    ]
)
ODD = {
    "plain-and-quoted": 'a: no\nb: "no"\nc: >-\n  folded\n  text\nd: |\n  kept\te\ne: 1.10\n',
    "non-ascii": "x: «é» 中文 😀 — ok\ny: 'l''été'\nz: \"\\u00e9\\t\"\n",
    "alias": "a: &x 1\nb: *x\n",
    "not-yaml": "a: [1, 2\nb: 3\n",
    "tab": "a:\n\tb: 1\n",
    "two-documents": "a: 1\n---\nb: 2\n",
    "byte-order-mark": "\ufeffa: x\nb: 'é'\n",
}


def _read(text: str, fast: bool, monkeypatch: pytest.MonkeyPatch) -> object:
    if not fast:
        monkeypatch.setattr(yaml_reader, "_FAST_LOADER", None)
    try:
        return yaml_reader.read_yaml(text, Limits())
    except LimitExceededError as exc:
        return str(exc)
    finally:
        monkeypatch.undo()


@pytest.mark.skipif(not hasattr(yaml, "CSafeLoader"), reason="PyYAML was built without libyaml")
@pytest.mark.parametrize(
    "text",
    [*(p.read_bytes().decode("utf-8", "replace") for p in FILES), *ODD.values()],
    ids=[*(p.name for p in FILES), *ODD],
)
def test_both_parsers_give_the_same_values_lines_spans_and_problems(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = _read(text, True, monkeypatch)
    slow = _read(text, False, monkeypatch)
    assert fast == slow


@pytest.mark.skipif(not hasattr(yaml, "CSafeLoader"), reason="PyYAML was built without libyaml")
@pytest.mark.parametrize(
    ("text", "used"),
    [(ODD["non-ascii"], ["CSafeLoader"]), (ODD["not-yaml"], ["CSafeLoader", "SafeLoader"])],
)
def test_the_fast_parser_reads_valid_yaml_and_the_pure_one_explains_the_rest(
    text: str, used: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    loaders: list[str] = []
    scan = yaml_reader._scan

    def recording(text: str, limits: Limits, loader: type) -> None:
        loaders.append(loader.__name__)
        scan(text, limits, loader)

    monkeypatch.setattr(yaml_reader, "_scan", recording)
    yaml_reader.read_yaml(text, Limits())
    assert loaders == used
