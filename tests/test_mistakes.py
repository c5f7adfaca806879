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
        f"{path}:3: $.headline: warning: plain text with rich-text markup in it (speaker "
        "'Ambassador Tan'), printed as written, marks and brackets included: write the words alone",
        f"{path}:9: $.sections[0].heading: warning: plain text with rich-text markup in it "
        "(emphasis 'outcome'), printed as written, marks and brackets included: write the words alone",
    ]
    rendered = jsi_docs.render(jsi_docs.load(path), "html")
    assert [(d.path, d.message, d.source) for d in rendered.diagnostics][:1] == [
        (
            "$.headline",
            "plain text with rich-text markup in it (speaker 'Ambassador Tan'), printed as "
            "written, marks and brackets included: write the words alone",
            "item",
        )
    ]
    with pytest.raises(jsi_docs.DiagnosticsError):
        jsi_docs.render(jsi_docs.load(path), "html", strict=True)


def test_typed_quotation_marks_are_a_warning_at_their_line(tmp_path: Path) -> None:
    """Marks typed around words print as typed (straight here, or twice around a marked
    quotation): validate says so at the text's line, and the exporters as a diagnostic."""
    from click.testing import CliRunner

    from jsi_docs.cli import main
    from jsi_docs.serialization.plain_markup import item_warnings

    path = tmp_path / "typed.yaml"
    path.write_text(
        "id: t\nlanguage: en\nheadline: Typed marks\npublished: 2024-01-01\n"
        "speakers:\n  - id: tan\n    name: {family: Tan}\nsections:\n  - blocks:\n"
        '      - text: >-\n          The chair said: "we are done".\n'
        '      - text: Tan said [it was done](quote:tan) and "[closed](term)".\n'
        "      - text: '[Tan](speaker:tan) left, and the talks went on.'\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 0, result.output
    advice = (
        "mark the words instead, [words](quote:SPEAKER) for what someone said or [words](term) "
        "for a quoted term; every format then adds the marks of the item's language (typed "
        "marks print as typed, and twice around a marked quotation)"
    )
    assert result.stdout.splitlines() == [
        f"{path}:10: $.sections[0].blocks[0].text: warning: quotation marks typed in the text "
        f"('\"we are done\".'): {advice}",
        f"{path}:12: $.sections[0].blocks[1].text: warning: quotation marks typed in the text "
        f"('\"'): {advice}",
    ]
    item = jsi_docs.load(path)
    assert [w.path for w in item_warnings(item)] == [
        "$.sections[0].blocks[0].text",
        "$.sections[0].blocks[1].text",
    ]
    rendered = jsi_docs.render(item, "html")
    assert any("quotation marks typed" in d.message for d in rendered.diagnostics)


@pytest.mark.parametrize(
    ("mistake", "expected"),
    [
        (  # a required key missing: the item cannot be built
            ("headline: x\n", "headlin: x\n"),
            [
                "line 1: $.headline: is required",
                "line 3: $.headlin: unknown key; did you mean 'headline'?",
                "line 10: $.sections[0].blocks[0].speaker: unknown speaker 'chiar'; did you mean 'chair'? (known: chair)",
            ],
        ),
        (  # a block of the wrong kind, another block's reference still checked
            (
                "      - speaker: chiar\n",
                "      - type: decision\n        body: x\n"
                "        action: noted\n      - speaker: chiar\n",
            ),
            [
                "line 12: $.sections[0].blocks[0].action: expected one of:",
                "line 13: $.sections[0].blocks[1].speaker: unknown speaker 'chiar'; did you mean 'chair'? (known: chair)",
            ],
        ),
        (  # a speaker whose id is in error is set aside, and named nowhere
            ("  - id: chair\n", "  - id: Bad Id\n    name: {family: Mina}\n  - id: chair\n"),
            [
                "line 6: $.speakers[0].id: 'Bad Id' is not an id",
                "line 12: $.sections[0].blocks[0].speaker: unknown speaker 'chiar'; did you mean 'chair'? (known: chair)",
            ],
        ),
        (  # the speaker itself in error keeps its id: no reference to it is reported
            ("    name: {family: Ruiz}\n", "    name: {family: Ruiz}\n    gender: often\n"),
            [
                "line 8: $.speakers[0].gender: expected one of:",
                "line 11: $.sections[0].blocks[0].speaker: unknown speaker 'chiar'; did you mean 'chair'? (known: chair)",
            ],
        ),
    ],
)
def test_references_are_checked_even_when_the_item_cannot_be_built(
    mistake: tuple[str, str], expected: list[str]
) -> None:
    """Every problem at once: a mistake that stops the item from being built does not hide an
    unknown speaker elsewhere, and the parts set aside add no problem of their own."""
    text = (
        "id: m\nlanguage: en\nheadline: x\npublished: 2024-05-24\nspeakers:\n  - id: chair\n"
        "    name: {family: Ruiz}\nsections:\n  - blocks:\n      - speaker: chiar\n"
        "        text: The Chair closed the session.\n"
    )
    old, new = mistake
    assert old in text
    with pytest.raises(jsi_docs.InputError) as caught:
        jsi_docs.loads(text.replace(old, new, 1), "yaml")
    found = [p.format() for p in caught.value.problems]
    assert len(found) == len(expected), found
    for line, start in zip(found, expected, strict=True):
        assert line.startswith(start), (line, start)


_REFERENCES = (
    "id: m\nlanguage: en\nheadline: x\npublished: 2024-05-24\nspeakers:\n  - id: chair\n"
    "    name: {family: Ruiz}\n  - id: yamazaki\n    name: {family: Yamazaki}\n"
    "topics:\n  - {id: data-flows, label: Data flows}\nnotes:\n  - {id: fn-1, text: A note.}\n"
    "sections:\n  - blocks:\n      - text: 'On [data](topic:data-flows).[^fn-1]'\n"
)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("topic:data-flows", "topic:Data-Flows", "unknown topic 'Data-Flows'; did you mean 'data-flows'? (known: data-flows)"),
        ("[^fn-1]", "[^fn1]", "unknown note 'fn1'; did you mean 'fn-1'? (known: fn-1)"),
        ("      - text:", "      - speaker: yamazki\n        text:", "unknown speaker 'yamazki'; did you mean 'yamazaki'? (known: chair, yamazaki)"),
        ("      - text:", "      - speaker: Chair\n        text:", "unknown speaker 'Chair'; did you mean 'chair'? (known: chair, yamazaki)"),
        ("      - text:", "      - speaker: secretariat\n        text:", "unknown speaker 'secretariat' (known: chair, yamazaki)"),
        ("      - text:", "      - type: paragrph\n        text:", "unknown type 'paragrph'; did you mean 'paragraph'? (known: paragraph, "),
    ],
)  # fmt: skip
def test_an_unknown_reference_suggests_the_id_it_is_close_to(
    old: str, new: str, expected: str
) -> None:
    """A misspelt or miscased id names the one meant, when one is close; the known ids follow."""
    assert old in _REFERENCES
    with pytest.raises(jsi_docs.InputError) as caught:
        jsi_docs.loads(_REFERENCES.replace(old, new, 1), "yaml")
    found = [p.message for p in caught.value.problems if p.message.startswith("unknown")]
    assert len(found) == 1, found
    assert found[0].startswith(expected), found
