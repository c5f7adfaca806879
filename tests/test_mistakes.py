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


def test_markup_in_a_plain_text_field_is_a_warning_with_its_path(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from jsi_docs.cli import main

    path = tmp_path / "plain.yaml"
    path.write_text(
        "id: p\nlanguage: en\nheadline: Talks with [Ambassador Tan](speaker:tan)\n"
        "published: 2024-01-01\nspeakers:\n  - id: tan\n    name: {family: Tan}\n"
        "sections:\n  - heading: The _outcome_\n    blocks:\n      - text: '7*7 = 49'\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        f"{path}: $.headline: warning: plain text with rich-text markup in it (speaker "
        "'Ambassador Tan'), printed as written, marks and brackets included: write the words alone",
        f"{path}: $.sections[0].heading: warning: plain text with rich-text markup in it "
        "(emphasis 'outcome'), printed as written, marks and brackets included: write the words alone",
    ]
    rendered = jsi_docs.render(jsi_docs.load(path), "html")
    assert [d.message for d in rendered.diagnostics][:1] == [
        "$.headline: plain text with rich-text markup in it (speaker 'Ambassador Tan'), printed "
        "as written, marks and brackets included: write the words alone"
    ]
    with pytest.raises(jsi_docs.DiagnosticsError):
        jsi_docs.render(jsi_docs.load(path), "html", strict=True)
