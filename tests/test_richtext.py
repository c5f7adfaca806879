"""The text form of rich text: parsing, errors with columns, exact round trips."""

from __future__ import annotations

import pytest
from hypothesis import given

from jsi_docs.model import (
    Emphasis,
    Foreign,
    Link,
    Quotation,
    QuotedTerm,
    SpeakerRef,
    Strong,
    Text,
    TopicRef,
)
from jsi_docs.serialization.richtext import RichTextSyntaxError, format_rich_text, parse_rich_text
from strategies import rich_text


def test_every_node_kind_parses() -> None:
    parsed = parse_rich_text(
        "a _b_ **c** [d](https://e.org) [f](lang:en) [g](speaker:s) [h](topic:t) [i](quote:s) [j](term) [k](em) [l](strong)"
    )
    assert parsed == (
        Text("a "), Emphasis(["b"]), Text(" "), Strong(["c"]), Text(" "), Link(["d"], url="https://e.org"), Text(" "),
        Foreign(["f"], lang="en"), Text(" "), SpeakerRef(["g"], speaker="s"), Text(" "), TopicRef(["h"], topic="t"),
        Text(" "), Quotation(["i"], speaker="s"), Text(" "), QuotedTerm(["j"]), Text(" "), Emphasis(["k"]), Text(" "), Strong(["l"]),
    )  # fmt: skip


def test_nesting_and_escapes() -> None:
    parsed = parse_rich_text(r"[il a dit _vraiment_ \[sic\] 5 \* 3](quote:tan)")
    assert parsed == (Quotation(["il a dit ", Emphasis(["vraiment"]), " [sic] 5 * 3"], speaker="tan"),)
    assert parse_rich_text(r"[x](https://a.org/f\)g)") == (Link(["x"], url="https://a.org/f)g"),)


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("a _b", "'_' is never closed; write \\_ for a literal character (column 3)"),
        ("a [b", "'[' is never closed; write \\[ for a literal character (column 3)"),
        ("a ]", "']' closes nothing; write \\] for a literal bracket (column 3)"),
        ("[b] c", "'[…]' must be followed by '(target)'; write \\[ for a bracket (column 1)"),
        ("x[^bad id] y", "'[^bad id]' is not a note reference: a note id is 1–64 letters, digits, '_', '.' or '-', starting with a letter or digit; write \\[ for a bracket (column 2)"),
        ("x[^]", "'[^]' is not a note reference: a note id is 1–64 letters"),
        ("[b](", "'(' of a target is never closed (column 1)"),
        ("[b]()", "empty target in '[…]()' (column 1)"),
        ("[b](speaker:no id)", "bad target 'speaker:no id'"),
        ("x\\", "a backslash must be followed by the character it escapes"),
        ("____", "empty markup"),
    ],
)
def test_syntax_errors_say_where(source: str, message: str) -> None:
    with pytest.raises(RichTextSyntaxError) as caught:
        parse_rich_text(source)
    assert message in str(caught.value)


def test_nested_emphasis_uses_the_bracket_form() -> None:
    value = (Strong(["a ", Emphasis(["b"])]), Emphasis([Emphasis(["c"])]))
    text = format_rich_text(value)
    assert text == "[a _b_](strong)[_c_](em)"
    assert parse_rich_text(text) == value


@given(rich_text(["s1", "s2"], ["t1"]))
def test_format_then_parse_is_identity(value: tuple[Text, ...]) -> None:
    assert parse_rich_text(format_rich_text(value)) == value
