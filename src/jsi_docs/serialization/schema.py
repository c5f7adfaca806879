"""The JSON Schema (Draft 2020-12) of the file format, generated from the model's classes.

Nothing here is written by hand per class: field types, defaults and validators of the attrs
classes decide the schema, so it cannot drift from the model.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from typing import Any, Union, get_args, get_origin

import attrs

from jsi_docs.model import (
    Block,
    Inline,
    NewsItem,
    PartialDate,
    Period,
    RichText,
    Vote,
    VoteKind,
    notes,
    period,
    records,
)
from jsi_docs.model import _checks as checks
from jsi_docs.model import inline as inline_checks
from jsi_docs.model.words import LANG_FIELDS
from jsi_docs.serialization.converter import BLOCK_TAGS, INLINE_TAGS, NAMED_ALONE, PARTIES

__all__ = ["SCHEMA_ID", "SCHEMA_ONLY_READER_RULES", "json_schema"]

SCHEMA_ID = "urn:jsi-docs:news-item:1"
_URL_FIELDS = {"url", "uri", "cite"}
_URL_PATTERN = "^([Hh][Tt][Tt][Pp][Ss]?|[Mm][Aa][Ii][Ll][Tt][Oo]):"
_WEB_URL_FIELDS = {"image"}
_WEB_URL_PATTERN = "^[Hh][Tt][Tt][Pp][Ss]?://"
_YEAR = r"\d{4}"
_MONTH = rf"{_YEAR}-(0[1-9]|1[0-2])"
_DAY = rf"{_MONTH}-(0[1-9]|[12]\d|3[01])"
_PARTIAL_DATE_PATTERN = rf"^({_DAY}|{_MONTH}|{_YEAR})$"
_PARTIAL_DATE_DOC = "YYYY-MM-DD, YYYY-MM or YYYY (ISO 8601): the date to the precision known"
_PERIOD_PATTERN = "^(" + "|".join(f"{p}(/{p})?" for p in (_DAY, _MONTH, _YEAR)) + ")$"
_PERIOD_DOC = (
    "YYYY, YYYY-MM, YYYY-MM-DD, or two of the same kind joined by '/' "
    "(YYYY-MM-DD/YYYY-MM-DD, YYYY-MM/YYYY-MM, YYYY/YYYY) (ISO 8601)"
)
_VALIDATOR_KEYWORDS: dict[Any, dict[str, Any]] = {
    checks.identifier: {"pattern": checks.ID_PATTERN},
    checks.optional_identifier: {"pattern": checks.ID_PATTERN},
    checks.identifiers: {
        "items": {"type": "string", "pattern": checks.ID_PATTERN},
        "uniqueItems": True,
    },
    checks.language_tag: {"pattern": checks.LANGUAGE_PATTERN},
    checks.not_blank: {"pattern": r"\S"},
    checks.optional_not_blank: {"pattern": r"\S"},
    checks.optional_text: {"pattern": r"\S"},
    checks.optional_positive: {"minimum": 1},
    records.vote_count: {"minimum": 0},
    checks.not_empty: {"minItems": 1},
    period.one_line_words: {"pattern": period.AS_WRITTEN_PATTERN},
    notes.symbols: {
        "items": {
            "type": "string",
            "pattern": r"^\S(.*\S)?$",
            "maxLength": notes.SYMBOL_MAX_LENGTH,
        },
        "uniqueItems": True,
    },
    notes.optional_number: {"pattern": r"^\S(.*\S)?$", "maxLength": notes.SYMBOL_MAX_LENGTH},
    inline_checks.optional_symbol: {
        "pattern": (
            r"^[^\s\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+"
            r"( [^\s\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+)*$"
        ),
        "maxLength": inline_checks.SYMBOL_MAX_LENGTH,
    },
}


SCHEMA_ONLY_READER_RULES: dict[str, str] = {
    "references: a speaker, topic or note named in rich text or a statement must exist": (
        r"^unknown (speaker|topic|note) "
    ),
    "ids are unique among speakers, collective speakers, topics, sections and notes": (
        r"duplicate (id|\w+ id)"
    ),
    "every note is referred to at least once": r"is never referred to|not referred to",
    "dates agree: updated after published, the meeting before publication, role periods "
    "within the meeting": r"(before|after) (the )?(publication|published|meeting)|period",
    "rich text in its text form follows the syntax (brackets closed, known targets)": (
        r"^rich text: "
    ),
    "a table's rows are as wide as its header": r"cells?, the header has",
    "a person or an office is only spoken for (on_behalf_of), never a speaker's member": (
        r"is expected here, not a (person|office)"
    ),
    "rich text holds words: an emphasis, link, quotation or paragraph without any is refused": (
        r"must not be (empty|blank)|must hold at least one element|\bis (empty|blank)\b"
    ),
    "text holds no character XML cannot store (C0 controls, U+FFFE, U+FFFF, lone surrogates)": (
        r"cannot be stored in XML"
    ),
    "the item's language is one this version has labels for (the schema takes any tag)": (
        r"^unsupported language"
    ),
    "a dateline gives a place, a date, or both": r"a dateline needs a place, a date, or both",
    "a text cut off in the source ends at its truncation mark: nothing follows it": (
        r"stops at its truncation mark"
    ),
    "an intervention names a speaker or gives a label (one of the two); a decision of kind "
    "'other' gives its words (label)": (
        r"an intervention names a speaker|a decision of kind 'other' needs"
    ),
}
"""Rules the reader checks that a JSON Schema cannot express (rules across objects, the syntax
inside a text), by a description and a pattern of the reader's message."""


_VOTE_KINDS: list[dict[str, Any]] = [
    {  # a recorded vote (the default kind) gives the votes in favour and against
        "properties": {"kind": {"const": VoteKind.RECORDED.value}},
        "required": ["in_favour", "against"],
    },
    {  # the other kinds have no counts
        "required": ["kind"],
        "properties": {"kind": {"enum": [k.value for k in VoteKind if k is not VoteKind.RECORDED]}},
        "not": {"anyOf": [{"required": [n]} for n in ("in_favour", "against", "abstentions")]},
    },
]


def _value_schema(schema: dict[str, Any]) -> dict[str, Any]:
    """The part of a field's schema that describes a value, leaving out the ``null`` of an
    optional field (a pattern must go on the string, not beside the ``anyOf``)."""
    options = schema.get("anyOf", [])
    if len(options) == 2 and options[1] == {"type": "null"} and options[0].get("type"):
        return options[0]  # type: ignore[no-any-return]
    return schema


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def ref(self, cls: type, tag: str | None = None, tag_required: bool = True) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # reserve first: classes refer to themselves through rich text
            self.defs[name] = self.object(cls, tag, tag_required)
        return {"$ref": f"#/$defs/{name}"}

    def object(self, cls: type, tag: str | None, tag_required: bool) -> dict[str, Any]:
        properties: dict[str, Any] = {}
        required: list[str] = []
        if tag is not None:
            properties["type"] = {"const": tag}
            if tag_required:
                required.append("type")
        hints = typing.get_type_hints(cls)
        for field in attrs.fields(cls):
            schema = self.type(hints[field.name])
            value = _value_schema(schema)  # the string itself in "string or null"
            value.update(_VALIDATOR_KEYWORDS.get(field.validator, {}))
            if field.name in _URL_FIELDS and value.get("type") == "string":
                value["pattern"] = _URL_PATTERN
            elif field.name in _WEB_URL_FIELDS and value.get("type") == "string":
                value["pattern"] = _WEB_URL_PATTERN
            if (cls.__name__, field.name) in LANG_FIELDS:
                schema = self.with_language(schema)
            properties[field.name] = schema
            if field.default is attrs.NOTHING:
                required.append(field.name)
        out: dict[str, Any] = {
            "type": "object",
            "properties": properties,
            "additionalProperties": False,
        }
        if cls.__doc__:
            out["description"] = cls.__doc__.strip().split("\n\n")[0]
        if required:
            out["required"] = required
        if cls is Vote:
            out["anyOf"] = _VOTE_KINDS
        return out

    def with_language(self, schema: dict[str, Any]) -> dict[str, Any]:
        """A text field's schema that also takes ``{text, lang}`` (text in another language)."""
        if "LangText" not in self.defs:
            self.defs["LangText"] = {
                "type": "object",
                "description": "Text in a stated language (a BCP 47 tag).",
                "properties": {
                    "text": {"type": "string", "pattern": r"\S"},
                    "lang": {"type": "string", "pattern": checks.LANGUAGE_PATTERN},
                },
                "required": ["text"],
                "additionalProperties": False,
            }
        words = {"$ref": "#/$defs/LangText"}
        options = schema.get("anyOf")
        if options and options[-1] == {"type": "null"}:
            return {"anyOf": [*options[:-1], words, options[-1]]}
        return {"anyOf": [schema, words]}

    def type(self, t: Any) -> dict[str, Any]:
        if t == RichText:
            return {"$ref": "#/$defs/RichText"}
        if t == Inline:
            return {"$ref": "#/$defs/Inline"}
        if t == Block:
            return {"$ref": "#/$defs/Block"}
        if t == PARTIES:  # one party alone, or a list of at least one
            one = self.type(get_args(t)[0])
            return {"anyOf": [*one["anyOf"], {"type": "array", "items": one, "minItems": 1}]}
        origin = get_origin(t)
        if origin in (Union, types.UnionType):
            options = [a for a in get_args(t) if a is not type(None)]
            inner = (
                self.type(options[0])
                if len(options) == 1
                else {"anyOf": [self.type(a) for a in options]}
            )
            return {"anyOf": [inner, {"type": "null"}]} if type(None) in get_args(t) else inner
        if origin is tuple:
            return {"type": "array", "items": self.type(get_args(t)[0])}
        if t is str:
            return {"type": "string"}
        if t is bool:
            return {"type": "boolean"}
        if t is int:
            return {"type": "integer"}
        if t is dt.date:
            return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
        if t is PartialDate:
            return {
                "type": "string",
                "pattern": _PARTIAL_DATE_PATTERN,
                "description": _PARTIAL_DATE_DOC,
            }
        if t is Period:
            return {"type": "string", "pattern": _PERIOD_PATTERN, "description": _PERIOD_DOC}
        if isinstance(t, type) and issubclass(t, enum.Enum):
            return {"enum": [m.value for m in t]}
        if t in NAMED_ALONE:  # its name alone, or the whole mapping
            return {"anyOf": [{"type": "string", "pattern": r"\S"}, self.ref(t)]}
        if t is Vote:  # a kind with no counts alone ("consensus"), or the whole mapping
            alone = [k.value for k in VoteKind if k is not VoteKind.RECORDED]
            return {"anyOf": [{"enum": alone}, self.ref(t)]}
        if attrs.has(t):
            return self.ref(t)
        raise TypeError(f"no JSON Schema for {t!r}")


def json_schema() -> dict[str, Any]:
    """The JSON Schema of an item file (YAML or JSON) as a dict."""
    builder = _Builder()
    builder.defs["Inline"] = {
        "description": "An inline node: plain text, or a node tagged by 'type'.",
        "anyOf": [{"type": "string"}, *(builder.ref(cls, tag) for tag, cls in INLINE_TAGS.items())],
    }
    builder.defs["RichText"] = {
        "description": "Rich text: its text form (a string) or a list of inline nodes.",
        "anyOf": [{"type": "string"}, {"type": "array", "items": {"$ref": "#/$defs/Inline"}}],
    }
    builder.defs["Block"] = {
        "description": "A block, tagged by 'type' (a paragraph when 'type' is left out).",
        "anyOf": [
            builder.ref(cls, tag, tag_required=tag != "paragraph")
            for tag, cls in BLOCK_TAGS.items()
        ],
    }
    root = builder.object(NewsItem, None, False)
    root["properties"] = {"schema_version": {"const": 1}, **root["properties"]}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "jsi_docs news item",
        **root,
        "$defs": dict(sorted(builder.defs.items())),
    }
