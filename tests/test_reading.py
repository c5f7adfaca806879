"""Hand-written input: strict scalars, unknown keys, aliases, limits, every problem with its line."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

import jsi_docs
from jsi_docs.errors import InputError, LimitExceededError
from jsi_docs.model import PartialDate
from jsi_docs.readers import Limits
from tests_helpers import FRENCH, french_example

MINIMAL = """\
id: x
language: fr
headline: Titre
published: 2023-05-25
sections:
  - blocks:
      - text: Un paragraphe.
"""


def problems(text: str, fmt: jsi_docs.TextFormat = "yaml") -> list[str]:
    with pytest.raises(InputError) as caught:
        jsi_docs.loads(text, fmt)
    return [p.format() for p in caught.value.problems]


def test_minimal_item_loads_with_a_date() -> None:
    item = jsi_docs.loads(MINIMAL)
    assert isinstance(item.published, PartialDate)
    assert item.published.date == dt.date(2023, 5, 25)
    assert item.sections[0].blocks[0] == jsi_docs.Paragraph(["Un paragraphe."])


@pytest.mark.parametrize(
    ("scalar", "reading"),
    [
        ("no", "boolean"),
        ("NO", "boolean"),
        ("yes", "boolean"),
        ("on", "boolean"),
        ("1.10", "number"),
        ("12:30", "number"),
        ("0x1F", "number"),
        ("2023-05-25", "date"),
    ],
)
def test_yaml_1_1_guesses_in_text_fields_are_errors(scalar: str, reading: str) -> None:
    found = problems(MINIMAL.replace("headline: Titre", f"headline: {scalar}"))
    assert found == [
        f"line 3: $.headline: YAML 1.1 reads the plain scalar '{scalar}' as a {reading}; put it in quotes if you mean the text '{scalar}'"
    ]


def test_quoted_scalars_are_text() -> None:
    item = jsi_docs.loads(MINIMAL.replace("headline: Titre", 'headline: "no"'))
    assert item.headline == "no"


def test_country_code_no_is_refused_not_false() -> None:
    text = (
        MINIMAL
        + "speakers:\n  - id: s\n    name: {family: Eide}\n    member: {name: Norvège, code: NO}\n"
    )
    assert any("$.speakers[0].member.code" in p and "boolean" in p for p in problems(text))


def test_unknown_keys_are_errors_with_their_path_and_line() -> None:
    found = problems(MINIMAL + "colour: blue\n")
    assert len(found) == 1
    assert found[0].startswith("line 8: $.colour: unknown key")


def test_a_misspelt_key_is_named_with_the_key_meant() -> None:
    found = problems(MINIMAL.replace("headline:", "headlne:"))
    assert "line 1: $.headline: is required" in found
    assert any(
        p.startswith("line 3: $.headlne: unknown key; did you mean 'headline'?") for p in found
    )
    assert not any("did you mean" in p for p in problems(MINIMAL + "colour: blue\n"))


def test_a_block_kind_written_as_a_key_says_how_to_write_it() -> None:
    found = problems(MINIMAL.replace("- text: Un paragraphe.", "- table: Un paragraphe."))
    assert any(
        "$.sections[0].blocks[0].table: unknown key" in p and "'type: table'" in p for p in found
    ), found


def test_a_string_is_not_a_list_and_null_is_not_text() -> None:
    text = MINIMAL.replace(
        "sections:\n  - blocks:\n      - text: Un paragraphe.\n", "sections: abc\n"
    )
    assert problems(text) == ["line 5: $.sections: expected a list, got the text 'abc'"]
    assert "expected text, got null" in problems(MINIMAL.replace("id: x", "id: ~"))[0]


def test_null_headline_and_date_are_unknown_not_missing() -> None:
    """``null`` says "not known"; leaving a field out is still an error, so a forgotten
    headline is not taken for an unknown one."""
    unknown = MINIMAL.replace("headline: Titre", "headline: ~")
    unknown = re.sub(r"published: .*", "published: null", unknown)
    item = jsi_docs.loads(unknown, "yaml")
    assert item.headline is None
    assert item.published is None
    assert problems(MINIMAL.replace("headline: Titre\n", "")) == ["line 1: $.headline: is required"]


@pytest.mark.parametrize(
    ("written", "iso", "precision"),
    [
        ("2023", "2023", "year"),
        ("2023-05", "2023-05", "month"),
        ("2023-05-25", "2023-05-25", "day"),
    ],
)
def test_a_date_is_read_to_the_precision_written(written: str, iso: str, precision: str) -> None:
    item = jsi_docs.loads(re.sub(r"published: .*", f'published: "{written}"', MINIMAL), "yaml")
    assert isinstance(item.published, PartialDate)
    assert (item.published.isoformat(), str(item.published.precision)) == (iso, precision)


@pytest.mark.parametrize(
    ("written", "message"),
    [
        (
            "2023",
            "expected a date: YYYY-MM-DD, YYYY-MM or YYYY, got the number 2023 (put a year in quotes: '2023')",
        ),
        ('"2023-13"', "expected a date: YYYY-MM-DD, YYYY-MM or YYYY, got the text '2023-13'"),
        (
            '"May 2023"',
            "expected a date: YYYY-MM-DD, YYYY-MM or YYYY, got the text 'May 2023'; in figures "
            "that is 2023-05",
        ),
        (
            '"the 3rd"',
            "expected a date: YYYY-MM-DD, YYYY-MM or YYYY, got the text 'the 3rd'; a date the "
            "words give is written in figures (2024-05-24, 2024-05 or 2024); words that give no "
            "calendar date are written {as_written: the 3rd}",
        ),
    ],
)
def test_a_bad_date_is_named_with_its_path(written: str, message: str) -> None:
    found = problems(re.sub(r"published: .*", f"published: {written}", MINIMAL))
    assert found == [f"line 4: $.published: {message}"]


def test_true_is_not_text() -> None:
    assert (
        "expected text, got the boolean true"
        in problems(MINIMAL.replace("headline: Titre", "headline: true"))[0]
    )


def test_missing_field_is_named() -> None:
    found = problems(MINIMAL.replace("headline: Titre\n", ""))
    assert found == ["line 1: $.headline: is required"]


def test_alias_bomb_is_refused_before_expansion() -> None:
    bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n' + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]\n"
        for i in range(8)
    )
    assert "anchors and aliases" in problems(bomb)[0]


def test_python_tags_are_refused() -> None:
    assert "tag" in problems("!!python/object/apply:os.system ['true']\n")[0]


def test_duplicate_keys_are_errors() -> None:
    assert "duplicate key" in problems(MINIMAL + "headline: Autre\n")[0]
    assert "duplicate key" in problems('{"id": "a", "id": "b"}', "json")[0]


def test_deep_nesting_is_refused() -> None:
    with pytest.raises(LimitExceededError, match="nested more than"):
        jsi_docs.loads("a: " + "[" * 5000 + "]" * 5000)
    with pytest.raises(LimitExceededError, match="nested more than"):
        jsi_docs.loads("[" * 100_000 + "]" * 100_000, "json")


def test_size_limits() -> None:
    with pytest.raises(LimitExceededError, match="larger than"):
        jsi_docs.loads(MINIMAL, limits=Limits(max_bytes=10))
    with pytest.raises(LimitExceededError, match=r"\$\.headline: text longer than 3"):
        jsi_docs.loads(MINIMAL, "yaml", limits=Limits(max_text=3))


def test_characters_xml_cannot_hold_are_refused_with_the_field() -> None:
    found = problems(MINIMAL.replace("headline: Titre", 'headline: "a\\x07b"'))
    assert found == [
        "line 3: $.headline: character U+0007 at position 1 cannot be stored in XML (control characters, U+FFFE/U+FFFF and lone surrogates are refused)"
    ]
    json_text = '{"id": "x", "language": "fr", "headline": "\\ud800", "published": "2023-05-25", "sections": []}'
    assert "U+D800" in problems(json_text, "json")[0]


def test_malformed_input_names_the_line() -> None:
    assert problems("a: [1, 2\nb: c\n")[0].startswith("line ")
    assert problems('{"a": }', "json")[0].startswith("line 1: $: not valid JSON")


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    broken = FRENCH.read_text(encoding="utf-8")
    broken = broken.replace("(speaker:yamazaki) a exhorté", "(speaker:yamazki) a exhorté")
    broken = broken.replace("kind: news\n", "kind: news\nauthor: nobody\n")
    broken = broken.replace(
        "headline: >-\n  Les négociations sur le commerce électronique gardent une dynamique positive et se concentrent\n  sur les questions clés\n",
        "headline: no\n",
    )
    broken = broken.replace(
        "url: https://www.wto.org/french/tratop_f/ecom_f/ecom_f.htm", "url: javascript:alert(1)"
    )
    path = tmp_path / "broken.fr.yaml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        jsi_docs.load(path)
    lines = str(caught.value).splitlines()
    assert len(lines) == 4, lines
    assert all(line.startswith(f"{path}:") for line in lines)
    joined = "\n".join(lines)
    assert "$.headline: YAML 1.1 reads the plain scalar 'no'" in joined
    assert "$.author: unknown key" in joined
    assert (
        "unknown speaker 'yamazki'; did you mean 'yamazaki'? (known: facilitators, mina, participants, private-sector, several-members, tan, yamazaki)"
        in joined
    )
    assert (
        "$.related_links[1].url: 'javascript:alert(1)': only http, https, mailto URLs are allowed"
        in joined
    )


def test_load_refuses_unknown_suffixes_and_missing_files(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="unknown file type"):
        jsi_docs.load(tmp_path / "x.txt")
    with pytest.raises(InputError, match="cannot read the file"):
        jsi_docs.load(tmp_path / "x.yaml")


def test_json_and_yaml_give_the_same_item() -> None:
    item = french_example()
    assert jsi_docs.loads(jsi_docs.dumps(item, "json"), "json") == item
    assert jsi_docs.loads(jsi_docs.dumps(item, "yaml"), "yaml") == item


def test_schema_version_is_checked() -> None:
    assert "schema version 1, not 2" in problems("schema_version: 2\n" + MINIMAL)[0]


def test_enumerations_are_structured_as_enum_members() -> None:
    item = french_example()
    assert item.meeting is not None
    assert type(item.meeting.kind) is jsi_docs.MeetingKind
    assert type(item.speakers[2].roles[1].kind) is jsi_docs.RoleKind
    assert item.speakers[2].roles[1].period == jsi_docs.Period.year(2023)


@pytest.mark.parametrize(
    ("field", "scalar"),
    [("published", "2023-13-45"), ("updated", "2023-05-26T10:00:00Z"), ("updated", "2023-02-30")],
)
def test_an_impossible_date_is_one_problem_not_two(field: str, scalar: str) -> None:
    text = MINIMAL if field == "published" else MINIMAL + "updated: PLACEHOLDER\n"
    text = text.replace("2023-05-25" if field == "published" else "PLACEHOLDER", scalar)
    found = problems(text)
    assert len(found) == 1, found
    assert found[0].startswith(
        f"line {4 if field == 'published' else 8}: $.{field}: expected a date"
    )
    assert scalar in found[0]
