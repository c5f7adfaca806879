"""Hostile input, round two: each attack of issue 13 ends in a result or a clear error, in
bounded time (the bounds themselves are measured in docs/limits.md, not timed here)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import jsi_docs
from jsi_docs.cli import main
from jsi_docs.diagnostics import Diagnostic
from jsi_docs.errors import InputError, LimitExceededError, Problem, path_step, split_path
from jsi_docs.readers import Limits
from jsi_docs.serialization import MAX_PROBLEMS

HEAD = "id: x\nlanguage: en\nheadline: H\npublished: 2023-05-25\n"
MINIMAL = HEAD + "sections:\n  - blocks:\n      - text: A paragraph.\n"


def refused(text: str, fmt: jsi_docs.TextFormat = "yaml") -> InputError:
    with pytest.raises(InputError) as caught:
        jsi_docs.loads(text, fmt)
    return caught.value


def test_thousands_of_problems_are_capped_and_refused_quickly() -> None:
    # was a quadratic de-duplication: 49 000 empty sections took 80 s of CPU to refuse
    start = time.process_time()
    error = refused(HEAD + "sections:\n" + "- {}\n" * 20_000)
    assert len(error.problems) == MAX_PROBLEMS + 1
    assert error.problems[0].format() == "line 6: $.sections[0].blocks: is required"
    assert error.problems[-1].message.startswith("more problems not listed")
    assert time.process_time() - start < 20  # about 1.5 s; 20 000² comparisons took minutes


def test_thousands_of_unknown_json_keys_are_capped() -> None:
    data = {"id": "x", "language": "en", "headline": "H", "published": "2023-05-25",
            "sections": []} | {f"k{i}": 1 for i in range(100_000)}  # fmt: skip
    start = time.process_time()
    error = refused(json.dumps(data), "json")
    assert len(error.problems) == MAX_PROBLEMS + 1
    assert error.problems[0].path == "$.k0"
    assert time.process_time() - start < 20  # well under a second


@pytest.mark.parametrize("key", ["x[y]", "x[0", "[", "a.b", 'x["y"]', "x]"])
def test_a_key_written_like_a_path_is_one_unknown_key(key: str) -> None:
    # a key starting a piece with "[" was read back with int(): a raw ValueError
    error = refused(MINIMAL + f"{json.dumps(key)}: 1\n")
    assert [p.path for p in error.problems] == [f"$[{json.dumps(key)}]"]
    assert error.problems[0].message.startswith("unknown key")


def test_validate_reports_a_bracketed_key_without_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "item.yaml").write_text(MINIMAL + "x[y]: 1\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(tmp_path / "item.yaml")])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert '$["x[y]"]: unknown key' in result.output


@pytest.mark.parametrize(
    ("path", "parts"),
    [
        ("$", []),
        ("$.a[2].b", ["a", 2, "b"]),
        ('$["x[y]"][0]', ["x[y]", 0]),
        ('$.a["b.c"].d', ["a", "b.c", "d"]),
    ],
)
def test_paths_split_back_into_their_keys(path: str, parts: list[str | int]) -> None:
    assert split_path(path) == parts
    assert "$" + "".join(path_step(part) for part in parts) == path


FORGED = "a\u001b[2J\u0007\nitem.yaml:1: $.headline: forged\u202e"


def test_a_key_with_a_line_break_and_escapes_stays_on_one_line() -> None:
    data = json.loads(json.dumps({"id": "x", "language": "en", "headline": "H",
                                  "published": "2023-05-25", "sections": [], FORGED: 1}))  # fmt: skip
    text = str(refused(json.dumps(data), "json"))
    assert "\n" not in text
    assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F or c == "\u202e" for c in text)
    assert "\\u001b[2J\\u0007\\nitem.yaml:1" in text


def test_a_value_with_a_line_break_stays_on_one_line(tmp_path: Path) -> None:
    # the value reaches the message of the unknown speaker, then the terminal
    text = MINIMAL.replace("A paragraph.", '"[who](speaker:a\\u2028b.yaml:9: $: forged)"')
    (tmp_path / "item.yaml").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(tmp_path / "item.yaml")])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    assert "a\\u2028b.yaml:9: $: forged" in lines[0]


def test_problems_and_diagnostics_are_one_line() -> None:
    problem = Problem("$", "x\ny\u009b31m", line=2)
    assert problem.format("f\ng.yaml") == "f\\ng.yaml:2: $: x\\ny\\u009b31m"
    assert Diagnostic("a\r\nb\tc").message == "a\\r\\nb\\tc"
    placed = Diagnostic("m", path='$["k\n"]', line=3)
    assert placed.path == '$["k\\n"]'
    assert placed.format("f\ng.yaml") == 'f\\ng.yaml:3: $["k\\n"]: warning: m'


@pytest.mark.parametrize(
    ("field", "value", "path"),
    [
        ("id", "item\n", "$.id"),
        ("language", "en\n", "$.language"),
        ("contact", {"text": "Write.", "email": "press@example.org\n"}, "$.contact.email"),
    ],
)
def test_a_trailing_line_break_does_not_pass_a_pattern(
    field: str, value: object, path: str
) -> None:
    # the patterns ended in "$", which also matches before a final "\n": outputs were named
    # "item\n.html"
    data = {"id": "x", "language": "en", "headline": "H", "published": "2023-05-25",
            "sections": []} | {field: value}  # fmt: skip
    error = refused(json.dumps(data), "json")
    assert [p.path for p in error.problems] == [path]


def nested(depth: int, words: str = "deep") -> str:
    return "[" * depth + words + "](em)" * depth


def paragraph(text: object) -> str:
    return MINIMAL.replace("A paragraph.", json.dumps(text))


def test_text_form_nesting_counts_against_the_limit() -> None:
    error = refused(paragraph(nested(13)))
    assert isinstance(error, LimitExceededError)
    assert error.problems[0].format() == (
        "line 7: $.sections[0].blocks[0].text: rich text nested more than 12 levels deep (13)"
    )


def test_nesting_split_between_node_and_text_form_is_one_depth() -> None:
    # node form around text form: each string was bounded alone (300 levels were accepted)
    node: dict[str, object] = {"type": "emphasis", "content": nested(10)}  # parsed
    for _ in range(2):
        node = {"type": "emphasis", "content": [node]}
    data = {"id": "x", "language": "en", "headline": "H", "published": "2023-05-25",
            "sections": [{"blocks": [{"text": [node]}]}]}  # fmt: skip
    error = refused(json.dumps(data), "json")
    assert isinstance(error, LimitExceededError)
    assert "nested more than 12 levels deep (13)" in error.problems[0].message


def test_the_deepest_accepted_item_reads_back_from_json_and_docx(tmp_path: Path) -> None:
    # before, from 18 levels an item's own JSON, PDF and DOCX could not be read back
    cell = json.dumps(nested(12))
    text = MINIMAL.replace(
        "      - text: A paragraph.\n", f"      - {{type: table, rows: [[{cell}, {cell}]]}}\n"
    )
    item = jsi_docs.loads(text)
    assert jsi_docs.loads(jsi_docs.dumps(item), "json") == item
    (tmp_path / "x.docx").write_bytes(jsi_docs.export(item, "docx"))
    assert jsi_docs.load(tmp_path / "x.docx") == item


def test_max_text_bounds_a_value_given_as_several_strings() -> None:
    # five strings of 99 000 characters were joined into one run of 495 000
    error = refused(paragraph(["a" * 99_000] * 5))
    assert isinstance(error, LimitExceededError)
    assert error.problems[0].path == "$.sections[0].blocks[0].text"
    assert "text longer than 100000 characters (495000)" in error.problems[0].message


@pytest.mark.parametrize(("count", "accepted"), [(2_000, True), (2_001, False)])
def test_inline_elements_are_counted_in_the_whole_item(count: int, accepted: bool) -> None:
    text = paragraph(" ".join(["_a_"] * count))
    if accepted:
        assert jsi_docs.loads(text)
    else:
        error = refused(text)
        assert isinstance(error, LimitExceededError)
        assert error.problems[0].message.startswith("more than 2000 inline elements")


@pytest.mark.parametrize(("notes", "accepted"), [(2, True), (3, False)])
def test_notes_count_as_blocks(notes: int, accepted: bool) -> None:
    # 2 000 notes with their marks cost a PDF 12 s and 314 MB: each is a block to typeset
    refs = " ".join(f"word[^n{k}]" for k in range(notes))
    text = (
        paragraph(refs)
        + "notes:\n"
        + "".join(f"  - {{id: n{k}, text: A note.}}\n" for k in range(notes))
    )
    limits = Limits(max_blocks=3)
    if accepted:
        assert jsi_docs.loads(text, limits=limits).notes
    else:
        with pytest.raises(LimitExceededError, match="more than 3 blocks"):
            jsi_docs.loads(text, limits=limits)
