"""Generated items survive YAML and JSON, validate, and match the JSON Schema."""

from __future__ import annotations

import json

import attrs
import jsonschema
import pytest
import yaml
from hypothesis import given, settings

import jsi_docs
from jsi_docs.model import NewsItem
from jsi_docs.serialization import to_json, unstructure_item
from jsi_docs.serialization.schema import json_schema
from jsi_docs.validation import validate
from strategies import news_items
from tests_helpers import FRENCH

_SCHEMA = jsonschema.Draft202012Validator(json_schema())
_settings = settings()


@_settings
@given(news_items())
def test_generated_items_are_valid(item: NewsItem) -> None:
    assert validate(item) == []


@_settings
@given(news_items())
def test_json_round_trip(item: NewsItem) -> None:
    text = jsi_docs.dumps(item, "json")
    assert json.loads(text)["schema_version"] == 1
    assert jsi_docs.loads(text, "json") == item


@_settings
@given(news_items())
def test_yaml_round_trip(item: NewsItem) -> None:
    assert jsi_docs.loads(jsi_docs.dumps(item, "yaml"), "yaml") == item


@_settings
@given(news_items())
def test_schema_accepts_generated_items_in_both_forms(item: NewsItem) -> None:
    for text, fmt in (
        (jsi_docs.dumps(item, "json"), "json"),
        (jsi_docs.dumps(item, "yaml"), "yaml"),
    ):
        data = json.loads(text) if fmt == "json" else yaml.safe_load(text)
        errors = [e.message for e in _SCHEMA.iter_errors(data)]
        assert errors == [], (fmt, errors)


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(json_schema())


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_unknown_dump_format_is_refused(fmt: str) -> None:
    from tests_helpers import french_example

    with pytest.raises(ValueError, match="unknown format"):
        jsi_docs.dumps(french_example(), "toml")  # type: ignore[arg-type]


def test_schema_rejects_the_broken_copy() -> None:
    from tests_helpers import FRENCH

    text = FRENCH.read_text(encoding="utf-8").replace(
        "kind: news\n", "kind: news\nauthor: nobody\nheadline_note: no\n"
    )
    text = text.replace(
        "url: https://www.wto.org/french/tratop_f/ecom_f/ecom_f.htm", "url: javascript:alert(1)"
    )
    errors = sorted(e.message for e in _SCHEMA.iter_errors(yaml.safe_load(text)))
    assert any("'author'" in e and "unexpected" in e for e in errors), errors
    assert any("javascript:alert(1)" in e for e in errors), errors
    bare_no = yaml.safe_load(
        FRENCH.read_text(encoding="utf-8").replace("headline: >-", "headline: no\nx_: >-", 1)
    )
    assert any(
        "False is not valid under any of the given schemas" in e.message
        for e in _SCHEMA.iter_errors(bare_no)
    )


@_settings
@given(item=news_items())
def test_canonical_json_is_what_json_dumps_writes(item: NewsItem) -> None:
    """msgspec makes the canonical JSON; the standard library's encoder is its reference."""
    data = unstructure_item(item, "json")
    for indent in (2, 4, None, 0):
        expected = json.dumps(data, ensure_ascii=False, indent=indent) + "\n"
        assert to_json(item, indent=indent) == expected


def test_canonical_json_keeps_a_lone_surrogate_for_the_exporters_to_name() -> None:
    item = attrs.evolve(jsi_docs.load(FRENCH), headline="Titre \ud800 seul")
    assert '"headline": "Titre \ud800 seul"' in to_json(item)
