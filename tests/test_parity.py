"""Language versions of one item say the same things: ``compare_versions`` and ``jsi-docs parity``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import jsi_docs
from _pdf_helpers import EXAMPLES
from jsi_docs.cli import main
from jsi_docs.parity import Difference, compare_versions

CODES = ("fr", "en", "es", "ar", "ru", "zh")
SEEDS = [EXAMPLES / f"jsi-ecommerce-2023-05-25.{code}.yaml" for code in CODES]
ENGLISH = EXAMPLES / "jsi-ecommerce-2023-05-25.en.yaml"
FR_ID, EN_ID = "jsi-ecommerce-2023-05-25.fr", "jsi-ecommerce-2023-05-25.en"


def _english_with(old: str, new: str, *more: tuple[str, str]) -> jsi_docs.NewsItem:
    """The English seed with ``old`` replaced by ``new`` (and each further pair), once."""
    text = ENGLISH.read_text(encoding="utf-8")
    for before, after in ((old, new), *more):
        assert before in text, before
        text = text.replace(before, after, 1)
    return jsi_docs.loads(text, format="yaml")


def _compare(mutated: jsi_docs.NewsItem) -> list[Difference]:
    return compare_versions([jsi_docs.load(SEEDS[0]), mutated])


def test_the_six_seed_versions_agree() -> None:
    items = [jsi_docs.load(path) for path in SEEDS]
    assert {item.language for item in items} == {"fr", "en", "es", "ar", "ru", "zh-Hans"}
    assert compare_versions(items) == []


def test_a_removed_quotation_is_reported_with_both_paths() -> None:
    mutated = _english_with(
        "[We are seeking a balanced and inclusive\n          outcome.](quote:yamazaki)",
        "We are seeking a balanced and inclusive outcome.",
    )
    found = _compare(mutated)
    by_what = {d.what: d for d in found}
    count = by_what["quotations by yamazaki"]
    assert (count.left, count.right) == (f"{FR_ID} $.sections[1].blocks[7].text", f"{EN_ID} (none)")
    assert (count.left_value, count.right_value) == ("1 quotation(s)", "missing")
    shifted = by_what["quotation 1"]
    assert (shifted.left_value, shifted.right_value) == (
        "quotation by yamazaki",
        "quotation by tan",
    )
    assert shifted.right == f"{EN_ID} $.sections[1].blocks[8].text"
    last = by_what["quotation 2"]
    assert (last.left, last.right) == (f"{FR_ID} $.sections[1].blocks[8].text", f"{EN_ID} (none)")


def test_a_changed_member_is_reported_with_both_paths() -> None:
    mutated = _english_with("member: {name: Japan, code: JPN}", "member: {name: Korea, code: KOR}")
    [difference] = _compare(mutated)
    assert difference.what == "speaker yamazaki"
    assert (difference.left, difference.right) == (
        f"{FR_ID} $.speakers[1]",
        f"{EN_ID} $.speakers[1]",
    )
    assert "member JPN" in difference.left_value
    assert "member KOR" in difference.right_value


def test_a_missing_topic_is_reported_with_both_paths() -> None:
    mutated = _english_with(
        "  - id: capacity-building\n    label: technical assistance and capacity building\n",
        "",
        # the text no longer points at it
        (
            "[technical assistance\n          and capacity-building](topic:capacity-building)",
            "technical assistance and capacity-building",
        ),
    )
    differences = {d.what: d for d in _compare(mutated)}
    topic = differences["topic capacity-building"]
    assert (topic.left, topic.right) == (f"{FR_ID} $.topics[10]", f"{EN_ID} (none)")
    assert (topic.left_value, topic.right_value) == ("present", "missing")


def test_roles_dates_statements_links_and_sections_are_compared() -> None:
    mutated = _english_with(
        "{kind: chair, of: of the plenary", "{kind: vice-chair, of: of the plenary"
    )
    assert [d.what for d in _compare(mutated)] == ["speaker tan"]
    mutated = _english_with("published: 2023-05-25", "published: 2023-05-26")
    assert [d.what for d in _compare(mutated)] == ["date published"]
    mutated = _english_with("      - speaker: participants\n", "      - speaker: several-members\n")
    found = [d for d in _compare(mutated) if d.what.startswith("statement")]
    assert [(d.left_value, d.right_value) for d in found] == [
        ("statement by participants", "statement by several-members")
    ]
    mutated = _english_with(
        "https://www.wto.org/english/tratop_e/ecom_e/ecom_e.htm", "https://example.org/ecom"
    )
    [link] = _compare(mutated)
    assert (link.what, link.right) == ("link 2", f"{EN_ID} $.related_links[1].url")
    mutated = _english_with("  - heading: Updates on small-group discussions\n    blocks:\n", "")
    assert any(d.what.startswith("section") for d in _compare(mutated))


def test_parity_command_exits_0_when_versions_agree_and_1_when_not(tmp_path: Path) -> None:
    agree = CliRunner().invoke(main, ["parity", *map(str, SEEDS)])
    assert agree.exit_code == 0, agree.output
    assert agree.stdout == ""
    assert "6 version(s) compared: the versions agree" in agree.stderr
    broken = tmp_path / "jsi-ecommerce-2023-05-25.en.yaml"
    broken.write_text(
        ENGLISH.read_text(encoding="utf-8").replace("code: JPN", "code: KOR"), encoding="utf-8"
    )
    disagree = CliRunner().invoke(main, ["parity", str(SEEDS[0]), str(broken)])
    assert disagree.exit_code == 1
    line = disagree.stdout.strip()
    assert re.fullmatch(
        rf"speaker yamazaki: {FR_ID} \$\.speakers\[1\] \(.*member JPN.*\) <> "
        rf"{EN_ID} \$\.speakers\[1\] \(.*member KOR.*\)",
        line,
    ), line
    assert "1 difference(s)" in disagree.stderr


@pytest.mark.parametrize("args", [[], ["one.yaml"]])
def test_parity_needs_two_versions(args: list[str], tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["parity", *args])
    assert result.exit_code == 2
