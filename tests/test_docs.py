"""The documentation stays true: its code runs, its YAML loads, and it names every field.

The Sphinx build itself (warnings as errors) runs in ``nox -s docs``.
"""

from __future__ import annotations

import enum
import re
from pathlib import Path

import attrs
import click
import pytest
import yaml

import jsi_docs
from jsi_docs import model
from jsi_docs.cli import main
from jsi_docs.serialization.richtext import parse_rich_text

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
FORMAT = (DOCS / "format.md").read_text(encoding="utf-8")
_FENCE = re.compile(r"^```(\w+)\n(.*?)^```$", re.S | re.M)

# Written in files as one ISO 8601 string, not as fields.
_NOT_FILE_FIELDS = {model.Period, model.PartialDate}


def _blocks(text: str, language: str) -> list[str]:
    return [body for lang, body in _FENCE.findall(text) if lang == language]


# Pages whose Python blocks run as they stand, in order, in one namespace per page. (Other
# pages may show code that needs files made by the commands around it.)
RUNNABLE_PAGES = [
    "index.md",
    "model.md",
    "format.md",
    "languages.md",
    "getting-started.md",
    "../README.md",
]


def test_format_doc_names_every_field() -> None:
    missing = [
        f"{cls.__name__}.{field.name}"
        for name in model.__all__
        if isinstance(cls := getattr(model, name), type)
        and attrs.has(cls)
        and cls not in _NOT_FILE_FIELDS
        for field in attrs.fields(cls)
        if f"`{field.name}`" not in FORMAT
    ]
    assert missing == []


def test_format_doc_names_every_enumerated_value() -> None:
    missing = [
        f"{cls.__name__}.{member.name}"
        for name in model.__all__
        if isinstance(cls := getattr(model, name), type) and issubclass(cls, enum.Enum)
        for member in cls
        if f"`{member.value}`" not in FORMAT
    ]
    assert missing == []


def test_format_doc_yaml_is_valid() -> None:
    blocks = _blocks(FORMAT, "yaml")
    items = [b for b in blocks if b.startswith("schema_version:")]
    assert items, "format.md shows a complete item"
    for body in items:
        item = jsi_docs.loads(body, format="yaml")
        assert jsi_docs.loads(jsi_docs.dumps(item, format="yaml"), format="yaml") == item
    for body in blocks:
        assert yaml.safe_load(body) is not None


def test_format_doc_rich_text_examples_parse() -> None:
    for body in _blocks(FORMAT, "text"):
        if "](" in body and ": $." not in body:  # not the error listings
            assert parse_rich_text(body.strip())


@pytest.mark.parametrize("page", RUNNABLE_PAGES)
def test_python_examples_in_docs_run(page: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    path = DOCS / page
    blocks = _blocks(path.read_text(encoding="utf-8"), "python")
    assert blocks
    namespace: dict[str, object] = {}
    for body in blocks:
        exec(compile(body, str(path), "exec"), namespace)


def test_cli_doc_covers_every_command() -> None:
    cli_doc = (DOCS / "cli.md").read_text(encoding="utf-8")
    assert isinstance(main, click.Group)
    missing = [name for name in main.commands if f"## `jsi-docs {name}" not in cli_doc]
    assert missing == []


def test_cli_doc_names_every_option() -> None:
    cli_doc = (DOCS / "cli.md").read_text(encoding="utf-8")
    assert isinstance(main, click.Group)
    commands: list[click.Command] = [main, *main.commands.values()]
    missing = [
        f"{command.name} {name}"
        for command in commands
        for param in command.params
        if isinstance(param, click.Option)
        for name in param.opts
        if name.startswith("--") and name not in {"--help", "--version"}
        if f"`{name}" not in cli_doc and f", {name}" not in cli_doc
    ]
    assert missing == []
