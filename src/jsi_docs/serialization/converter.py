"""The cattrs converter between the model and plain data (dicts, lists, str, int, bool).

``make_converter()`` builds a fresh one an application can extend with its own hooks. Plain
data is checked strictly: unknown keys, wrong types and YAML 1.1 guesses are errors, and a
string is never split into a list of characters.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import json
import re
from collections.abc import Callable, Mapping
from typing import Any, Literal, get_args, get_origin

import attrs
import cattrs
from cattrs.cols import homogenous_tuple_structure_factory

from jsi_docs.errors import did_you_mean
from jsi_docs.model import (
    Affiliation,
    Block,
    BlockQuote,
    DateAsWritten,
    Decision,
    DocumentRef,
    Emphasis,
    Figure,
    Foreign,
    Inline,
    Insertion,
    Interventions,
    LangText,
    Link,
    ListBlock,
    NoteRef,
    OnBehalfOf,
    Paragraph,
    PartialDate,
    Period,
    Quotation,
    QuotedTerm,
    RichText,
    SpeakerRef,
    Statement,
    Strong,
    Table,
    Text,
    TopicRef,
    Truncation,
    Vote,
    VoteKind,
)
from jsi_docs.serialization.richtext import format_rich_text, parse_rich_text
from jsi_docs.serialization.scalars import Ambiguous

__all__ = [
    "BLOCK_TAGS",
    "INLINE_TAGS",
    "PARTIES",
    "RichTextStyle",
    "make_converter",
    "shorten",
]

RichTextStyle = Literal["json", "text"]
"""How rich text is written out: ``json`` as a list of nodes, ``text`` in the text form."""

INLINE_TAGS: dict[str, type[Inline]] = {
    "emphasis": Emphasis,
    "strong": Strong,
    "link": Link,
    "foreign": Foreign,
    "speaker": SpeakerRef,
    "topic": TopicRef,
    "quotation": Quotation,
    "term": QuotedTerm,
    "note": NoteRef,
    "insertion": Insertion,
    "truncation": Truncation,
    "statement": Statement,
    "document": DocumentRef,
}
BLOCK_TAGS: dict[str, type[Block]] = {
    "paragraph": Paragraph,
    "list": ListBlock,
    "blockquote": BlockQuote,
    "figure": Figure,
    "table": Table,
    "interventions": Interventions,
    "decision": Decision,
}
_TAG_OF: dict[type, str] = {cls: tag for tag, cls in (*INLINE_TAGS.items(), *BLOCK_TAGS.items())}


def shorten(text: str, limit: int = 60) -> str:
    """``text`` quoted, cut to about ``limit`` characters (a message must stay one line)."""
    shown = text if len(text) <= limit else text[: limit - 1] + "…"
    return repr(shown)


def _describe(value: object) -> str:
    """The value as a message shows it: ``the text 'Singapore'``, ``the number 5``..."""
    if isinstance(value, Ambiguous):
        return f"the plain scalar {shorten(str(value))}"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {shorten(str(value), 30)[1:-1]}"
    if isinstance(value, str):
        return f"the text {shorten(value)}"
    if isinstance(value, Mapping):
        keys = ", ".join(shorten(str(k), 40) for k in list(value)[:3])
        more = ", ..." if len(value) > 3 else ""
        return f"a mapping (keys {keys}{more})" if keys else "an empty mapping"
    if isinstance(value, list | tuple):
        return "a list"
    return type(value).__name__


def colon_hint(value: object) -> str:
    """A hint for text that YAML read as a mapping because it holds ``': '``, else ``""``."""
    if isinstance(value, Mapping) and len(value) == 1:
        [(key, inner)] = value.items()
        if isinstance(key, str) and " " in key.strip() and not isinstance(inner, Mapping | list):
            shown = shorten(f"{key}: {inner}")
            return (
                f"; YAML reads ': ' as a key and its value: if {shown} is text, put the "
                "whole text in quotes"
            )
    return ""


def _ambiguous_hint(value: Ambiguous) -> str:
    return (
        f"YAML 1.1 reads the plain scalar {str(value)!r} as a {value.reading}; "
        f"put it in quotes if you mean the text '{value}'"
    )


def _structure_str(value: object, _: type) -> str:
    if isinstance(value, Ambiguous):
        raise ValueError(_ambiguous_hint(value))
    if not isinstance(value, str):
        raise TypeError(f"expected text, got {_describe(value)}")
    return str(value)


_WORDS_KEYS = frozenset({"text", "lang"})


def _structure_words(value: object, _: type) -> str:
    """Text, or text with its language (``{text: ..., lang: ...}``) as a :class:`LangText`;
    where a language may be stated at all is checked by validation."""
    if isinstance(value, Mapping) and "text" in value and set(value) <= _WORDS_KEYS:
        text = _structure_str(value["text"], str)
        if "lang" not in value:
            return text
        lang = _structure_str(value["lang"], str)
        try:
            return LangText(text, lang)
        except ValueError as exc:
            raise ValueError(str(exc).removeprefix("lang: ")) from None
    return _structure_str(value, str)


def _unstructure_words(value: str) -> object:
    if isinstance(value, LangText):
        return {"text": str(value), "lang": value.lang}
    return value


def _structure_bool(value: object, _: type) -> bool:
    if isinstance(value, bool):
        return value
    raise TypeError(f"expected true or false, got {_describe(value)}")


def _structure_int(value: object, _: type) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise TypeError(f"expected a whole number, got {_describe(value)}")


def _structure_date(value: object, _: type) -> dt.date:
    if isinstance(value, str) and (not isinstance(value, Ambiguous) or value.reading == "date"):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError(f"expected a date written YYYY-MM-DD, got {_describe(value)}")


def _year_hint(value: object) -> str:
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        return f" (put a year in quotes: '{value}')"
    return ""


def _structure_partial_date(value: object, _: type) -> PartialDate:
    if isinstance(value, str) and (
        not isinstance(value, Ambiguous) or value.reading in {"date", "number"}
    ):
        try:
            return PartialDate.parse(value)
        except ValueError:
            pass
    raise ValueError(
        f"expected a date: YYYY-MM-DD, YYYY-MM or YYYY, got {_describe(value)}{_year_hint(value)}"
    )


_AS_WRITTEN = "as_written"


def _as_known(known: Callable[[object, type], Any], what: str) -> Callable[[object, type], Any]:
    """The hook of a date field that may also be a date as written: ``{as_written: words}``
    is read as :class:`DateAsWritten` (no other key), anything else by ``known``."""

    def structure(value: object, type_: type) -> Any:
        if value is None and type(None) in get_args(type_):
            return None
        if isinstance(value, Mapping):
            extra = sorted(str(k) for k in value if k != _AS_WRITTEN)
            if extra or _AS_WRITTEN not in value:
                hint = f"; unknown key {extra[0]!r}" if extra else ""
                if extra and isinstance(value.get(_AS_WRITTEN), str):
                    # {as_written: May 24th, 2024}: the comma ended the words
                    words = ", ".join(
                        [value[_AS_WRITTEN], *(str(k) for k in value if k != _AS_WRITTEN)]
                    )
                    quoted = _flow_words(words)
                    hint += f" (words with a comma go in quotes: {{as_written: {quoted}}})"
                raise ValueError(
                    f"a {what} known only in words is written {{as_written: words}}{hint}"
                )
            return DateAsWritten(_structure_str(value[_AS_WRITTEN], str))
        try:
            return known(value, type_)
        except ValueError as exc:
            if what == "period" and isinstance(value, str) and (whole := _short_end(value)):
                raise ValueError(f"{exc}; in full that is {whole}") from None
            if isinstance(value, str) and any(c.isalpha() for c in value):  # words, not digits
                from jsi_docs.serialization.date_words import in_figures  # Babel: only here

                figures = in_figures(value, period=what == "period")
                if figures is not None:  # "May 24th, 2024": a calendar date, in words
                    raise ValueError(f"{exc}; in figures that is {figures}") from None
                example = "2024-05-20/2024-05-24" if what == "period" else "2024-05-24"
                known_day = (
                    f"a date the words give is written in figures ({example}, 2024-05 or 2024); "
                    if any(c.isdigit() for c in value)
                    else ""
                )
                quoted = _flow_words(value)
                raise ValueError(
                    f"{exc}; {known_day}words that give no calendar date are written "
                    f"{{as_written: {quoted}}}"
                ) from None
            raise

    return structure


_SHORT_END = re.compile(r"(\d{4})-(\d{2})-(\d{2})\s*/\s*(?:(\d{1,2})-)?(\d{1,2})")


def _short_end(text: str) -> str | None:
    """ "2024-05-23/24" written in full, "2024-05-23/2024-05-24"; None for anything else."""
    found = _SHORT_END.fullmatch(text.strip())
    if found is None:
        return None
    year, month, day, end_month, end_day = found.groups()
    end = f"{year}-{int(end_month or month):02d}-{int(end_day):02d}"
    try:
        if dt.date.fromisoformat(end) <= dt.date.fromisoformat(f"{year}-{month}-{day}"):
            return None
    except ValueError:
        return None
    return f"{year}-{month}-{day}/{end}"


_FLOW_SPECIAL = re.compile(r"[,:{}\[\]#&*!|>'\"%@`]")


def _flow_words(words: str) -> str:
    """``words`` as they can be copied inside ``{as_written: ...}``: in double quotes (a YAML
    and a JSON string) when a comma, a colon or another mark would end or change them."""
    if _FLOW_SPECIAL.search(words) or words != words.strip():
        return json.dumps(words, ensure_ascii=False)
    return words


def _is_as_known(t: Any, known: type) -> bool:
    args = set(get_args(t)) - {type(None)}
    return args == {known, DateAsWritten}


def _structure_period(value: object, _: type) -> Period:
    if isinstance(value, str) and (
        not isinstance(value, Ambiguous) or value.reading in {"date", "number"}
    ):
        try:
            return Period.parse(value)
        except ValueError as exc:
            if "ends" in str(exc) or "precision" in str(exc):
                raise
    raise ValueError(
        "expected a period: YYYY, YYYY-MM, YYYY-MM-DD or two of the same kind joined by '/' "
        f"(YYYY-MM-DD/YYYY-MM-DD), got {_describe(value)}{_year_hint(value)}"
    )


def _structure_enum(value: object, cls: type[enum.Enum]) -> enum.Enum:
    if isinstance(value, str) and not isinstance(value, Ambiguous):
        try:
            return cls(value)
        except ValueError:
            pass
    choices = ", ".join(str(m.value) for m in cls)
    raise ValueError(f"expected one of: {choices}; got {_describe(value)}")


def _mapping_hook(cl: type, converter: cattrs.Converter) -> Callable[[object, type], Any]:
    """The converter's own hook for the attrs class ``cl``, after checking that the value is a
    mapping at all (else cattrs fails with "'str' object has no attribute 'keys'")."""
    inner: Callable[[Mapping[str, Any], Any], Any] = converter.gen_structure_attrs_fromdict(cl)
    fields = ", ".join(f.name for f in attrs.fields(cl))

    def structure(value: object, type_: type) -> Any:
        if not isinstance(value, Mapping):
            raise TypeError(f"expected a mapping with {fields}; got {_describe(value)}")
        return inner(value, type_)

    return structure


NAMED_ALONE: tuple[type, ...] = (Affiliation, OnBehalfOf)
"""Classes a file may write as their name alone: ``member: Norway`` is ``member: {name:
Norway}`` (a Member, the default kind)."""


def _name_or_mapping(cl: type, converter: cattrs.Converter) -> Callable[[object, type], Any]:
    mapping = _mapping_hook(cl, converter)
    fields = ", ".join(f.name for f in attrs.fields(cl))

    def structure(value: object, type_: type) -> Any:
        if isinstance(value, str):
            return cl(_structure_str(value, str))
        if not isinstance(value, Mapping):
            raise TypeError(f"expected a name or a mapping with {fields}; got {_describe(value)}")
        return mapping(value, type_)

    return structure


PARTIES = tuple[OnBehalfOf, ...]
"""Whom a speaker speaks for: written as one party alone (as before lists were taken) or as a
list of several, in the item's order."""


def _parties(converter: cattrs.Converter) -> Callable[[object, type], tuple[OnBehalfOf, ...]]:
    """``on_behalf_of``: one party (a name or a mapping), or a non-empty list of them."""
    listed = _tuple_hook(PARTIES, converter)

    def structure(value: object, type_: type) -> tuple[OnBehalfOf, ...]:
        if isinstance(value, list | tuple):
            if not value:
                raise ValueError(
                    "an empty list: give whom the speaker speaks for, or leave the field out"
                )
            return listed(value, type_)
        if not isinstance(value, str | Mapping):
            raise TypeError(
                "expected a name, a mapping with name, kind, code, phrase, or a list of them; "
                f"got {_describe(value)}"
            )
        return (converter.structure(value, OnBehalfOf),)

    return structure


def _unstructure_parties(converter: cattrs.Converter) -> Callable[[tuple[OnBehalfOf, ...]], Any]:
    """One party is written alone, as files were before lists were taken; several as a list."""

    def unstructure(parties: tuple[OnBehalfOf, ...]) -> Any:
        shown = [converter.unstructure(p, OnBehalfOf) for p in parties]
        return shown[0] if len(shown) == 1 else shown

    return unstructure


def _vote(converter: cattrs.Converter) -> Callable[[object, type], Any]:
    """``vote: consensus`` is ``vote: {kind: consensus}``; counts need the mapping."""
    mapping = _mapping_hook(Vote, converter)

    alone = [k.value for k in VoteKind if k is not VoteKind.RECORDED]

    def structure(value: object, type_: type) -> Any:
        if isinstance(value, str):
            if value not in alone:  # "recorded", "98 a favor, 2 en contra": counts are numbers
                raise ValueError(
                    f"expected {', '.join(alone[:-1])} or {alone[-1]}, or the counts of a "
                    "recorded vote: {in_favour: 152, against: 3, abstentions: 11}; got "
                    f"{_describe(value)}"
                )
            value = {"kind": value}
        return mapping(value, type_)

    return structure


def _enum_value(member: enum.Enum) -> Any:
    return member.value


def _is_homogeneous_tuple(t: Any) -> bool:
    args = get_args(t)
    return get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_hook(t: Any, converter: cattrs.Converter) -> Callable[[object, type], tuple[Any, ...]]:
    inner = homogenous_tuple_structure_factory(t, converter)

    def structure(value: object, type_: type) -> tuple[Any, ...]:
        if not isinstance(value, list | tuple):
            raise TypeError(f"expected a list, got {_describe(value)}")
        return inner(value, type_)  # type: ignore[no-any-return]

    return structure


def _mapping(value: object, what: str) -> dict[str, Any]:
    if not isinstance(value, Mapping):
        raise TypeError(f"expected {what} (a mapping), got {_describe(value)}")
    return dict(value)


def _pop_tag(data: dict[str, Any], tags: Mapping[str, type], default: str | None) -> type:
    known = ", ".join(tags)
    tag = data.pop("type", default)
    if tag is None:
        raise ValueError(f"missing 'type' (one of: {known})")
    if isinstance(tag, str) and not isinstance(tag, Ambiguous) and tag in tags:
        return tags[tag]
    hint = did_you_mean(tag, tags) if isinstance(tag, str) else ""
    raise ValueError(f"unknown type {tag!r}{hint} (known: {known})")


def make_converter(rich_text: RichTextStyle = "json") -> cattrs.Converter:
    """A strict converter for the model; ``rich_text`` picks how rich text is unstructured."""
    c = cattrs.Converter(forbid_extra_keys=True, omit_if_default=True, detailed_validation=True)

    c.register_structure_hook(str, _structure_words)
    c.register_structure_hook(bool, _structure_bool)
    c.register_structure_hook(int, _structure_int)
    c.register_structure_hook(dt.date, _structure_date)
    c.register_structure_hook(Period, _structure_period)
    c.register_structure_hook(PartialDate, _structure_partial_date)
    c.register_structure_hook_func(
        lambda t: _is_as_known(t, PartialDate),
        _as_known(_structure_partial_date, "date"),
    )
    c.register_structure_hook_func(
        lambda t: _is_as_known(t, Period), _as_known(_structure_period, "period")
    )
    c.register_structure_hook(enum.Enum, _structure_enum)
    c.register_structure_hook(enum.StrEnum, _structure_enum)  # else str's hook wins (MRO)
    c.register_structure_hook_factory(_is_homogeneous_tuple, lambda t: _tuple_hook(t, c))
    c.register_structure_hook_factory(attrs.has, lambda t: _mapping_hook(t, c))
    c.register_structure_hook_factory(lambda t: t in NAMED_ALONE, lambda t: _name_or_mapping(t, c))
    c.register_structure_hook_factory(lambda t: t is Vote, lambda _: _vote(c))
    c.register_structure_hook_factory(lambda t: t == PARTIES, lambda _: _parties(c))

    c.register_unstructure_hook(str, _unstructure_words)
    c.register_unstructure_hook(enum.Enum, _enum_value)
    c.register_unstructure_hook(enum.StrEnum, _enum_value)  # else str's identity hook wins
    c.register_unstructure_hook(dt.date, dt.date.isoformat)
    c.register_unstructure_hook(Period, Period.isoformat)
    c.register_unstructure_hook(PartialDate, PartialDate.isoformat)
    c.register_unstructure_hook_func(lambda t: t == PARTIES, _unstructure_parties(c))

    structure_attrs = functools.partial(cattrs.Converter.structure, c)

    def structure_inline(value: object, _: type) -> Inline:
        if isinstance(value, str):
            return Text(_structure_str(value, str))
        data = _mapping(value, "an inline node or text")
        return structure_attrs(data, _pop_tag(data, INLINE_TAGS, None))

    def structure_rich_text(value: object, _: type) -> RichText:
        if isinstance(value, str):
            return parse_rich_text(_structure_str(value, str))
        if not isinstance(value, list | tuple):
            raise TypeError(
                f"expected rich text (text or a list of nodes), got {_describe(value)}"
                + colon_hint(value)
            )
        return tuple(structure_nodes(value, RichText))

    def structure_block(value: object, _: type) -> Block:
        if isinstance(value, str):
            raise TypeError(
                f"expected a block (a mapping: a paragraph is '- text: ...'), got {_describe(value)}"
            )
        data = _mapping(value, "a block")
        return structure_attrs(data, _pop_tag(data, BLOCK_TAGS, "paragraph"))

    c.register_structure_hook(Inline, structure_inline)
    c.register_structure_hook(Block, structure_block)
    structure_nodes = homogenous_tuple_structure_factory(RichText, c)
    c.register_structure_hook_func(lambda t: t == RichText, structure_rich_text)

    def unstructure_tagged(node: Any) -> dict[str, Any]:
        out: dict[str, Any] = {"type": _TAG_OF[type(node)]}
        for field in attrs.fields(type(node)):
            value = getattr(node, field.name)
            if field.default is not attrs.NOTHING and value == field.default:
                continue
            out[field.name] = c.unstructure(value, unstructure_as=field.type)
        return out

    def unstructure_inline(node: Inline) -> object:
        return node.text if isinstance(node, Text) else unstructure_tagged(node)

    def unstructure_rich_text(nodes: RichText) -> object:
        if rich_text == "text":
            return format_rich_text(nodes)
        return [unstructure_inline(n) for n in nodes]

    def unstructure_optional_rich_text(nodes: RichText | None) -> object:
        return None if nodes is None else unstructure_rich_text(nodes)

    c.register_unstructure_hook(Inline, unstructure_inline)
    c.register_unstructure_hook(Block, unstructure_tagged)
    c.register_unstructure_hook_func(lambda t: t == RichText, unstructure_rich_text)
    c.register_unstructure_hook_func(lambda t: t == RichText | None, unstructure_optional_rich_text)
    for cls in (*INLINE_TAGS.values(), *BLOCK_TAGS.values()):
        c.register_unstructure_hook(cls, unstructure_tagged)
    return c
