"""The text form of rich text: parsing, errors with columns, exact round trips."""

from __future__ import annotations

import time

import pytest
from hypothesis import given

from jsi_docs.model import (
    Emphasis,
    Foreign,
    Inline,
    Link,
    Quotation,
    QuotedTerm,
    SpeakerRef,
    Strong,
    Text,
    TopicRef,
    walk,
)
from jsi_docs.serialization.richtext import (
    MAX_NESTING,
    RichTextSyntaxError,
    format_rich_text,
    parse_rich_text,
)
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
    assert parsed == (
        Quotation(["il a dit ", Emphasis(["vraiment"]), " [sic] 5 * 3"], speaker="tan"),
    )
    assert parse_rich_text(r"[x](https://a.org/f\)g)") == (Link(["x"], url="https://a.org/f)g"),)


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (
            "a [b",
            "'[' is never closed: add the ']' (and its '(target)') where the marked words end, or write \\[ for a bracket that is text (column 3)",
        ),
        ("[a " * 30, "markup nested more than 24 levels deep (column 73)"),
        ("a ]", "']' closes nothing; write \\] for a literal bracket (column 3)"),
        ("[b] c", "'[…]' must be followed by '(target)'; write \\[ for a bracket (column 1)"),
        (
            "x[^bad id] y",
            "'[^bad id]' is not a note reference: a note id is 1–64 letters, digits, '_', '.' or '-', starting with a letter or digit; write \\[ for a bracket (column 2)",
        ),
        ("x[^]", "'[^]' is not a note reference: a note id is 1–64 letters"),
        ("[b](", "'(' of a target is never closed (column 1)"),
        ("[b]()", "empty target in '[…]()' (column 1)"),
        ("[b](speaker:no id)", "bad target 'speaker:no id'"),
        ("x\\", "a backslash must be followed by the character it escapes"),
        ("[](em)", "empty markup"),
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


@pytest.mark.parametrize(
    "source",
    [
        "Members* attended; 5 * 3 = 15",
        "* Provisional figures",
        "the snake_case name and file_name_here",
        "a lone _ between words, and one at the end _",
        "** not strong ** either",
    ],
)
def test_marks_that_cannot_open_emphasis_are_text(source: str) -> None:
    """As in Markdown: a mark followed by a space, or an underscore inside a word, opens
    nothing, so ordinary text needs no backslash."""
    assert parse_rich_text(source) == (Text(source),)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("_a_ and *b*", (Emphasis(["a"]), Text(" and "), Emphasis(["b"]))),
        ("a**b**c", (Text("a"), Strong(["b"]), Text("c"))),
        ("*a * b*", (Emphasis(["a * b"]),)),  # a mark between spaces neither opens nor closes
        ("_x_y_", (Emphasis(["x_y"]),)),  # an underscore inside a word does not close
        ("**a *b* c**", (Strong(["a ", Emphasis(["b"]), " c"]),)),
    ],
)
def test_marks_that_can_open_and_close(source: str, expected: tuple[object, ...]) -> None:
    assert parse_rich_text(source) == expected


@pytest.mark.parametrize(
    "source", ["7*7 is 49", "_a_b", "a footnote*", "**a*", "****", "x_", "Members* and *others"]
)
def test_a_mark_never_closed_is_text_as_in_commonmark(source: str) -> None:
    assert parse_rich_text(source) == (Text(source),)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("*a *b*", (Text("*a "), Emphasis(["b"]))),  # the nearest opener is taken
        ("[a *b](em) c*", (Emphasis(["a *b"]), Text(" c*"))),  # brackets first
        ("*a [b](em)", (Text("*a "), Emphasis(["b"]))),
        ("*a **b* c**", (Emphasis(["a **b"]), Text(" c**"))),  # marks between become text
    ],
)
def test_marks_pair_as_commonmark_delimiters_do(source: str, expected: tuple[object, ...]) -> None:
    assert parse_rich_text(source) == expected


@pytest.mark.parametrize(
    "source",
    ["a *b " * 19_999 + "c*", "*a _b_ " * 14_000 + "c*", "*a " * 30_000 + "b*", "_x " * 33_000],
)
def test_many_unclosed_marks_read_in_linear_time(source: str) -> None:
    started = time.process_time()
    nodes = parse_rich_text(source[:100_000])
    assert time.process_time() - started < 2.0
    assert "".join(n.text for n in walk(nodes) if isinstance(n, Text))


def test_emphasis_nested_deeper_than_the_limit_is_text() -> None:
    nodes = parse_rich_text("*a " * 40 + "b" + "* c" * 40)
    depth, node = 0, nodes[0]
    while isinstance(node, Emphasis):
        depth += 1
        node = next((n for n in node.content if isinstance(n, Emphasis)), Text("end"))
    assert depth == MAX_NESTING


@pytest.mark.parametrize(
    ("nodes", "written"),
    [
        ((Text("a"), Emphasis(["b"]), Text("c")), "a[b](em)c"),  # "a_b_c" would be text
        ((Emphasis([" b"]), Text(".")), "[ b](em)."),  # "_ b_" would be text
        ((Strong(["b "]),), "[b ](strong)"),
        ((Text("a "), Emphasis(["b"]), Text(".")), "a _b_."),
        ((Text("a"), Strong(["b"]), Text("c")), "a**b**c"),
    ],
)
def test_emphasis_is_written_so_that_it_reads_back(nodes: tuple[Inline, ...], written: str) -> None:
    assert format_rich_text(nodes) == written
    assert parse_rich_text(written) == nodes
