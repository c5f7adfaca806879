"""Between the model and plain data: the converter, the document envelope, the JSON Schema."""

from __future__ import annotations

import functools
import json
from typing import Any, Literal, get_args

import cattrs
import msgspec
import yaml

from jsi_docs.errors import InputError, Problem, UnknownFormatError, split_path
from jsi_docs.model import NewsItem
from jsi_docs.serialization.converter import RichTextStyle, make_converter, shorten
from jsi_docs.serialization.problems import problems_of
from jsi_docs.serialization.scalars import Ambiguous

__all__ = [
    "LEFT_OUT",
    "MAX_PROBLEMS",
    "SCHEMA_VERSION",
    "TextFormat",
    "make_converter",
    "structure_item",
    "text_format",
    "to_json",
    "to_yaml",
    "unstructure_item",
]

SCHEMA_VERSION = 1
"""The version of the file format; every document written carries it as ``schema_version``."""

_TOP_ORDER = (
    "schema_version", "id", "language", "kind", "series", "headline", "subtitle", "lead",
    "highlights", "published", "updated", "dateline", "notice", "symbols", "release_number", "meeting", "publisher", "url",
    "topics", "speakers", "collective_speakers", "sections", "notes", "related_links", "language_versions", "contact",
)  # fmt: skip


@functools.cache
def _converter(style: RichTextStyle) -> cattrs.Converter:
    return make_converter(style)


def unstructure_item(item: NewsItem, rich_text: RichTextStyle = "json") -> dict[str, Any]:
    """Plain data for ``item`` with the schema version first, in a reading order."""
    data: dict[str, Any] = _converter(rich_text).unstructure(item)
    data["schema_version"] = SCHEMA_VERSION
    ordered = {key: data.pop(key) for key in _TOP_ORDER if key in data}
    return ordered | data  # a field missing from the order still comes through, last


def to_json(item: NewsItem, *, indent: int | None = 2) -> str:
    """The canonical JSON of ``item``: rich text as node lists, keys in a fixed order.

    The text is what ``json.dumps(data, ensure_ascii=False, indent=indent)`` writes (``indent``
    None: one line), made by msgspec, whose indenting is not the standard library's pure-Python
    encoder.
    """
    data = unstructure_item(item, "json")
    if indent is None or indent > 0:  # msgspec's 0 is one line; json.dumps's, one per value
        try:
            compact = _ENCODE(data)
        except UnicodeEncodeError:  # a lone surrogate: json.dumps keeps it, for callers to name
            pass
        else:
            return msgspec.json.format(compact, indent=indent or 0).decode("utf-8") + "\n"
    return json.dumps(data, ensure_ascii=False, indent=indent) + "\n"


_ENCODE = msgspec.json.Encoder().encode


class _Dumper(yaml.SafeDumper):
    pass


def _str_presenter(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_presenter)


def to_yaml(item: NewsItem) -> str:
    """YAML for people: rich text in its text form, every ambiguous scalar quoted."""
    return yaml.dump(
        unstructure_item(item, "text"),
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=100,
    )


def _repair(data: Any, path: str, message: str) -> bool:
    """Make the value at ``path`` structurable so later problems can be found; True if done."""
    parent: Any = data
    try:
        parts = split_path(path)
        for part in parts[:-1]:
            parent = parent[part]
        last = parts[-1] if parts else None
        if last is None:
            return False
        if message.startswith("unknown key"):
            del parent[last]
            return True
        value = parent[last]
        if isinstance(value, Ambiguous):
            parent[last] = str(value)
            return True
    except (KeyError, IndexError, TypeError, ValueError):
        pass
    return False


def _shown(value: object) -> str:
    if isinstance(value, str):
        return shorten(value, 32)
    text = repr(value)
    return text if len(text) <= 32 else text[:31] + "…"


def structure_item(data: Any) -> tuple[NewsItem | None, list[Problem]]:
    """The item in ``data`` and every problem found on the way.

    Structural problems that leave the rest readable (an unknown key, a YAML 1.1 guess) are
    set aside so that the rest of the document is still checked; the item is then built from
    the rest, so that rules across objects can run, but the problems are still reported.
    """
    if not isinstance(data, dict):
        return None, [Problem("$", "expected a mapping at the top of the document")]
    data = dict(data)
    problems: list[Problem] = []
    version = data.pop("schema_version", SCHEMA_VERSION)
    if type(version) is not int or version != SCHEMA_VERSION:
        problems.append(
            Problem(
                "$.schema_version",
                f"this version of jsi_docs reads schema version {SCHEMA_VERSION}, "
                f"not {_shown(version)}",
            )
        )
    converter = _converter("json")
    repaired: set[str] = set()  # reported once: a retry must not report them again
    seen: set[Problem] = set(problems)
    for _attempt in range(4):
        try:
            return converter.structure(data, NewsItem), problems
        except Exception as exc:
            found = [found for found in problems_of(exc) if found[0] not in repaired]
            for path, message, offset in found:
                problem = Problem(path, message, offset=offset)
                if problem not in seen:
                    seen.add(problem)
                    problems.append(problem)
            if len(problems) > MAX_PROBLEMS:
                return None, problems[: MAX_PROBLEMS + 1]  # one more says there are more
            if not found:
                return None, problems
            for path, message, _ in found:
                if not _repair(data, path, message):
                    return None, problems
                repaired.add(path)
    return None, problems


MAX_PROBLEMS = 100
"""Problems reported for one input at most: past them, one more line says how many were left
out (an input with 100 000 mistakes is refused as fast as one with a hundred)."""


LEFT_OUT = Problem("$", f"more problems not listed: reading stops after the first {MAX_PROBLEMS}")
"""The last problem of an input that has more than :data:`MAX_PROBLEMS`."""


def item_from_json(text: str) -> NewsItem:
    """The item in a canonical JSON text (as embedded in a PDF or DOCX)."""
    item, problems = structure_item(json.loads(text))
    if item is None or problems:
        raise InputError(problems or [Problem("$", "no item")])
    return item


TextFormat = Literal["json", "yaml"]
"""The formats :func:`dumps` writes and ``loads`` reads: a type checker refuses another name.
At run time the name may be in any case ("JSON"); another name is a ``ValueError``."""


def text_format(name: str) -> TextFormat:
    """The :data:`TextFormat` a name from outside (a file's suffix, a request) stands for, in
    any case: ``"JSON"`` -> ``"json"``. Raises :class:`UnknownFormatError` (a ``ValueError``)
    for another name."""
    match name.lower():
        case "json":
            return "json"
        case "yaml":
            return "yaml"
    raise UnknownFormatError(str(name), get_args(TextFormat))


def dumps(item: NewsItem, format: TextFormat = "json") -> str:
    """``item`` as JSON (canonical) or YAML; the format's name in any case."""
    return to_json(item) if text_format(format) == "json" else to_yaml(item)
