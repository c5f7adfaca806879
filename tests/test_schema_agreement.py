"""The JSON Schema and the reader agree: a document is accepted by one exactly when the other
accepts it, except for the rules across objects that a JSON Schema cannot express (listed in
docs/format.md, "What the schema cannot check")."""

from __future__ import annotations

import copy
import json
import re
from typing import Any

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import jsi_docs
from jsi_docs.serialization import to_json
from jsi_docs.serialization.schema import SCHEMA_ONLY_READER_RULES, json_schema
from strategies import news_items
from tests_helpers import ROOT

_SCHEMA = jsonschema.Draft202012Validator(json_schema())
_WRONG_VALUES: list[Any] = [
    "",
    " ",
    "french",
    "de",
    "javascript:alert(1)",
    "2024-13-45",
    "x y",
    0,
    -1,
    7,
    1.5,
    True,
    None,
    [],
    {},
    ["a"],
    {"zzz": 1},
    "ok\u0000",
    "[never closed",
]


def _paths(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, (*path, index))
    return found


@st.composite
def mutated_documents(draw: Any) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(to_json(draw(news_items())))
    target = draw(st.sampled_from(_paths(data)[1:]))
    *parents, last = target
    parent = data
    for part in parents:
        parent = parent[part]
    action = draw(st.sampled_from(["replace", "delete", "add-key"]))
    if action == "delete" and isinstance(parent, dict):
        del parent[last]
    elif action == "add-key" and isinstance(parent[last], dict):
        parent[last]["zzz_unknown"] = "x"
    else:
        parent[last] = copy.deepcopy(draw(st.sampled_from(_WRONG_VALUES)))
    return dict(data)


def _reader_problems(data: dict[str, Any]) -> list[str] | None:
    try:
        jsi_docs.loads(json.dumps(data, ensure_ascii=False), "json")
    except jsi_docs.InputError as exc:
        return [p.message for p in exc.problems]
    return None


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(mutated_documents())
def test_schema_accepts_a_document_exactly_when_the_reader_does(data: dict[str, Any]) -> None:
    schema_errors = [f"{list(e.absolute_path)}: {e.message}" for e in _SCHEMA.iter_errors(data)]
    reader = _reader_problems(data)
    if schema_errors:
        assert reader is not None, f"the schema refuses what the reader accepts: {schema_errors}"
        return
    if reader is not None:
        unexpressed = [
            m for m in reader if not any(re.search(r, m) for r in SCHEMA_ONLY_READER_RULES.values())
        ]
        assert unexpressed == [], f"the reader refuses what the schema accepts: {unexpressed}"


def test_the_rules_the_schema_cannot_check_are_documented() -> None:
    page = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    section = page.split("### What the schema cannot check")[1].split("\n## ")[0]
    for rule in SCHEMA_ONLY_READER_RULES:
        assert f"- {rule}" in section


def test_constructors_refuse_text_where_a_date_or_text_is_expected() -> None:
    import datetime as dt

    import pytest

    from jsi_docs.model import Meeting, MeetingKind, NewsItem, Role, RoleKind

    with pytest.raises(
        TypeError,
        match=r"^published: expected a PartialDate or DateAsWritten, got str '2024-01-01'$",
    ):
        NewsItem("a", "en", "Headline", "2024-01-01", ())  # type: ignore[arg-type]
    with pytest.raises(
        TypeError, match=r"^updated: expected a PartialDate or DateAsWritten, got str"
    ):
        NewsItem("a", "en", "Headline", dt.date(2024, 1, 1), (), updated="2024-01-02")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^headline: expected text, got int 5$"):
        NewsItem("a", "en", 5, dt.date(2024, 1, 1), ())  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^dates: expected a Period"):
        Meeting(MeetingKind.PLENARY, "2023-05-22")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^period: expected a Period"):
        Role(RoleKind.CHAIR, period="2023")  # type: ignore[arg-type]


def test_the_root_language_has_its_pattern() -> None:
    schema = json_schema()
    assert (
        schema["properties"]["language"]["pattern"]
        == schema["$defs"]["LanguageVersion"]["properties"]["language"]["pattern"]
    )
    errors = list(
        _SCHEMA.iter_errors(
            json.loads(
                to_json(jsi_docs.load(ROOT / "examples" / "jsi-ecommerce-2023-05-25.fr.yaml"))
            )
            | {"language": "french"}
        )
    )
    assert [e.message for e in errors] == [
        "'french' does not match '^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$'"
    ]
