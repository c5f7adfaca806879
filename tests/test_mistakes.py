"""The "Common mistakes" table of docs/format.md: each row's file gives its message, verbatim."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import jsi_docs

ROOT = Path(__file__).resolve().parent.parent
MISTAKES = ROOT / "tests" / "mistakes"
SECTION = (ROOT / "docs" / "format.md").read_text(encoding="utf-8").split("## Common mistakes")[1]
ROWS = re.findall(r"^\| (.+?) \| `([\w.-]+\.yaml)` \| `(.+)` \|$", SECTION.split("\n## ")[0], re.M)


def test_the_table_covers_every_file() -> None:
    assert len(ROWS) >= 12
    assert sorted(name for _, name, _ in ROWS) == sorted(p.name for p in MISTAKES.glob("*.yaml"))


@pytest.mark.parametrize(("mistake", "name", "message"), ROWS, ids=[r[1] for r in ROWS])
def test_each_mistake_gives_the_message_in_the_table(mistake: str, name: str, message: str) -> None:
    with pytest.raises(jsi_docs.InputError) as caught:
        jsi_docs.load(MISTAKES / name)
    assert [p.format(name) for p in caught.value.problems] == [message.replace("\\|", "|")]
