"""``jsi-docs validate --parity``: the items given that list one another as language versions
are compared, one line per difference with the file, line and path on each side."""

from __future__ import annotations

import json
import re
from pathlib import Path

import attrs
from click.testing import CliRunner

import jsi_docs
from _pdf_helpers import EXAMPLES
from jsi_docs.cli import main
from jsi_docs.model import LanguageVersion
from jsi_docs.parity import compare_versions, version_groups

SEED = "jsi-ecommerce-2023-05-25"
FRENCH = EXAMPLES / f"{SEED}.fr.yaml"
ENGLISH = EXAMPLES / f"{SEED}.en.yaml"
OTHER = EXAMPLES / "council-2024-07-captured-in-part.en.yaml"  # lists no versions


def _changed_english(tmp_path: Path) -> Path:
    """The English seed with Japan's delegate speaking for Korea and a topic left out."""
    text = ENGLISH.read_text(encoding="utf-8")
    for before, after in (
        ("member: {name: Japan, code: JPN}", "member: {name: Korea, code: KOR}"),
        ("  - id: capacity-building\n    label: technical assistance and capacity building\n", ""),
        (
            "[technical assistance\n          and capacity-building](topic:capacity-building)",
            "technical assistance and capacity-building",
        ),
    ):
        assert before in text, before
        text = text.replace(before, after, 1)
    path = tmp_path / f"{SEED}.en.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _line(path: Path, start: str) -> int:
    """The line (1-based) of ``path`` that starts with ``start``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.startswith(start))


def test_the_six_seed_versions_and_the_other_examples_pass() -> None:
    result = CliRunner().invoke(main, ["validate", "--parity", str(EXAMPLES)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "1 item(s) with versions compared: they agree" in result.stderr


def test_differences_are_one_line_each_with_file_line_and_path_on_both_sides(
    tmp_path: Path,
) -> None:
    changed = _changed_english(tmp_path)
    result = CliRunner().invoke(
        main, ["validate", "--parity", str(FRENCH), str(changed), str(OTHER)]
    )
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 2, lines
    speaker = _line(FRENCH, "  - id: yamazaki")
    assert lines[0] == (
        f"{changed}:{_line(changed, '  - id: yamazaki')}: $.speakers[1]: speaker yamazaki: "
        f"member KOR; role co-convenor, but member JPN; role co-convenor in {FRENCH}:{speaker} "
        "$.speakers[1]"
    )
    topic = _line(FRENCH, "  - id: capacity-building")
    assert lines[1] == (
        f"{changed}: (none): topic capacity-building: missing, "
        f"but present in {FRENCH}:{topic} $.topics[10]"
    )
    assert "3 file(s) valid; 1 item(s) with versions compared: 2 difference(s)" in result.stderr


def test_without_the_option_versions_are_not_compared(tmp_path: Path) -> None:
    changed = _changed_english(tmp_path)
    result = CliRunner().invoke(main, ["validate", str(FRENCH), str(changed)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "with versions" not in result.stderr


def test_json_output_gives_each_side_its_file_item_path_line_and_value(tmp_path: Path) -> None:
    changed = _changed_english(tmp_path)
    result = CliRunner().invoke(
        main, ["validate", "--parity", "--format", "json", str(FRENCH), str(changed)]
    )
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert document["valid"] is False
    assert all(f["valid"] for f in document["files"])
    by_what = {d["what"]: d for d in document["parity"]}
    assert set(by_what) == {"speaker yamazaki", "topic capacity-building"}
    topic = by_what["topic capacity-building"]
    assert topic["left"] == {
        "file": str(FRENCH),
        "item": f"{SEED}.fr",
        "path": "$.topics[10]",
        "line": _line(FRENCH, "  - id: capacity-building"),
        "value": "present",
    }
    assert topic["right"] == {
        "file": str(changed),
        "item": f"{SEED}.en",
        "path": None,
        "line": None,
        "value": "missing",
    }
    agreeing = CliRunner().invoke(main, ["validate", "--parity", "--format", "json", str(FRENCH)])
    assert json.loads(agreeing.stdout)["parity"] == []


def test_an_invalid_version_is_reported_and_left_out_of_the_comparison(tmp_path: Path) -> None:
    broken = tmp_path / f"{SEED}.en.yaml"
    broken.write_text(
        ENGLISH.read_text(encoding="utf-8").replace("code: JPN", "code: 12"), encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["validate", "--parity", str(FRENCH), str(broken)])
    assert result.exit_code == 1
    assert all(line.startswith(f"{broken}:") for line in result.stdout.splitlines())
    assert "speaker yamazaki" not in result.stdout
    assert "0 item(s) with versions compared" in result.stderr


def test_json_versions_have_paths_but_no_lines(tmp_path: Path) -> None:
    changed = _changed_english(tmp_path)
    as_json = tmp_path / f"{SEED}.en.json"
    as_json.write_bytes(jsi_docs.export(jsi_docs.load(changed), "json"))
    result = CliRunner().invoke(main, ["validate", "--parity", str(FRENCH), str(as_json)])
    assert result.exit_code == 1
    assert re.match(
        rf"{re.escape(str(as_json))}: \$\.speakers\[1\]: speaker yamazaki: ", result.stdout
    )


# -- which items are versions of one another ------------------------------------------------


def test_versions_are_grouped_by_the_ids_they_list_either_way() -> None:
    seeds = [jsi_docs.load(p) for p in sorted(EXAMPLES.glob(f"{SEED}.*.yaml"))]
    other = jsi_docs.load(OTHER)
    assert version_groups([other, *seeds]) == [[1, 2, 3, 4, 5, 6]]
    # one side listing the other is enough; a version known by its URL alone matches nothing
    english, french = (jsi_docs.load(p) for p in (ENGLISH, FRENCH))
    lone_english = attrs.evolve(english, language_versions=())
    assert version_groups([lone_english, french]) == [[0, 1]]
    by_url = attrs.evolve(
        french,
        language_versions=(LanguageVersion("en", url="https://example.org/en"),),
    )
    assert version_groups([lone_english, by_url]) == []
    assert version_groups([]) == []


def test_difference_paths_are_given_alone_on_each_side(tmp_path: Path) -> None:
    found = compare_versions([jsi_docs.load(FRENCH), jsi_docs.load(_changed_english(tmp_path))])
    topic = next(d for d in found if d.what == "topic capacity-building")
    assert (topic.left_path, topic.right_path) == ("$.topics[10]", None)
