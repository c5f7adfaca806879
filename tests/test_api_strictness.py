"""Items built in code are held to what a file is held to: a wrong kind, a wrong container, an
invalid item and two items with one id are refused where they are made or before anything is
written, with the library's own errors (found by a developer trying the API)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

import attrs
import pytest

import jsi_docs
from jsi_docs import (
    Decision,
    DecisionKind,
    DiagnosticsError,
    FieldValueError,
    JsiDocsError,
    NewsItem,
    OutputConflictError,
    Paragraph,
    Role,
    RoleKind,
    Section,
    UnknownFormatError,
    Vote,
    VoteKind,
)
from tests_helpers import french_example


def test_a_kind_given_by_its_value_is_the_kind() -> None:
    assert Decision("The Council", "adopted").action is DecisionKind.ADOPTED
    assert Vote("consensus").kind is VoteKind.CONSENSUS
    assert Role("chair").kind is RoleKind.CHAIR
    item = NewsItem(
        "x",
        "en",
        "H",
        None,
        [Section([Decision("The C", "adopted", vote=Vote("consensus"))])],
    )
    assert jsi_docs.loads(jsi_docs.dumps(item, "yaml"), "yaml") == item


def test_a_misspelt_kind_is_refused_when_made() -> None:
    with pytest.raises(ValueError, match=r"expected one of: took-note, adopted, .*; got 'adoptd'"):
        Decision("The Council", "adoptd")


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (
            lambda: NewsItem("x", "en", "H", None, [cast(Any, Paragraph(["a"]))]),
            "expected a Section, not Paragraph",
        ),
        (lambda: Paragraph([cast(Any, 1)]), "expected text or an inline node, not int"),
        (lambda: Section([cast(Any, "text")]), "expected a block"),
    ],
)
def test_a_wrong_container_is_refused_when_made(make: object, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        make()  # type: ignore[operator]


def test_a_field_error_is_the_library_s_and_names_its_field() -> None:
    with pytest.raises(JsiDocsError) as caught:
        Paragraph([])
    assert isinstance(caught.value, FieldValueError)
    assert isinstance(caught.value, ValueError)
    assert caught.value.field == "text"
    assert "field: text" in caught.value.__notes__


@pytest.mark.parametrize("call", ["loads", "dumps"])
def test_an_unknown_text_format_is_an_unknown_format(call: str) -> None:
    def attempt() -> object:
        if call == "loads":
            return jsi_docs.loads("x", "xml")  # type: ignore[arg-type]
        return jsi_docs.dumps(french_example(), "xml")  # type: ignore[arg-type]

    with pytest.raises(UnknownFormatError, match="unknown format 'xml'"):
        attempt()


def test_an_invalid_item_built_in_code_is_reported_at_export(tmp_path: Path) -> None:
    """Checked as a file is read: its problems are error diagnostics (the exporters, which make
    any item safe, still give their output), and strict=True refuses it."""
    item = NewsItem("x", "en", "H", None, [Section([Paragraph(["x"], speaker="nobody")])])
    result = jsi_docs.render(item, "html")
    assert [str(d) for d in result.diagnostics] == [
        "error: $.sections[0].blocks[0].speaker: not valid: unknown speaker 'nobody' (known: "
        "none defined) [item]"
    ]
    (found,) = result.diagnostics
    assert (found.path, found.line, found.source, found.of_item) == (
        "$.sections[0].blocks[0].speaker",
        None,
        "item",
        True,
    )
    with pytest.raises(
        DiagnosticsError,
        match=r"\$\.sections\[0\]\.blocks\[0\]\.speaker: not valid: unknown speaker",
    ):
        jsi_docs.export(item, "html", strict=True)
    assert jsi_docs.render(french_example(), "html").diagnostics == ()
    reports = jsi_docs.render_many([item], ["html"], tmp_path)
    (report,) = reports
    assert report.diagnostics == ()  # about the item, not one format: once, below
    assert [str(d) for d in report.item_diagnostics] == [str(d) for d in result.diagnostics]


def test_a_diagnostic_made_by_its_message_alone_is_about_no_place() -> None:
    from jsi_docs.diagnostics import Diagnostic

    plain = Diagnostic("a font is missing", source="pdf")
    assert (plain.path, plain.line, plain.column, plain.of_item) == (None, None, None, False)
    assert plain.with_path == "a font is missing"
    assert plain.for_format("pdf") == "pdf: warning: a font is missing"
    assert plain.format("item.yaml") == "item.yaml: warning: a font is missing"


def test_two_item_objects_with_one_id_are_refused_before_writing(tmp_path: Path) -> None:
    first = french_example()
    second = attrs.evolve(first, headline="Un autre titre")
    with pytest.raises(OutputConflictError, match="would both be written to"):
        jsi_docs.render_many([first, second], ["html"], tmp_path)
    assert list(tmp_path.iterdir()) == []
