"""Design tokens: a theme's house style as data (``tokens.toml``), the source of its CSS and DOCX.

``tools/make_theme.py`` turns the tokens into the generated block of ``screen.css`` and
``print.css`` and into the styles of ``reference.docx``; the tests check the files on disk, the
HTML's computed style and the DOCX styles against them. Nothing here knows a file format: an
element names its HTML selectors and DOCX styles as plain strings, and its look in points,
colour names and font roles.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final, Literal, TypeVar

import attrs
import cattrs
from attrs import validators as v

__all__ = ["TOKENS_NAME", "Element", "Font", "Look", "Rule", "Tokens", "load_tokens"]

TOKENS_NAME: Final = "tokens.toml"
"""The theme file that holds the tokens."""

LOOK_PROPERTIES: Final = (
    "family", "size", "weight", "style", "colour", "leading", "tracking", "case",
    "decoration", "align", "hyphens", "before", "after", "indent", "rule",
)  # fmt: skip
"""The properties an element may set, in the order the generated CSS writes them."""

_T = TypeVar("_T")
_points = v.optional(v.and_(v.instance_of((int, float)), v.ge(0)))


@attrs.frozen
class Font:
    """A font role (``serif``, ``sans``): CSS font stack, and the DOCX font with its fallback."""

    css: tuple[str, ...] = attrs.field(validator=v.min_len(1))
    docx: str
    docx_family: Literal["roman", "swiss", "modern", "script", "decorative", "auto"]
    panose: str = attrs.field(validator=v.matches_re(r"[0-9A-F]{20}"))
    docx_complex: str | None = None
    """Word's complex-script slot (``w:cs``: Arabic, Hebrew...); None: :attr:`docx`."""
    docx_east_asia: str | None = None
    """Word's East Asian slot (``w:eastAsia``: Chinese, Japanese, Korean); None: :attr:`docx`."""
    css_by_language: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)
    """Fonts put before :attr:`css` for an item in a language whose script the first fonts
    lack or draw otherwise (``{"ar": ["Noto Naskh Arabic"]}``), matched by ``:lang()``."""


@attrs.frozen
class Rule:
    """A rule on one side of an element, ``gap`` points from its text."""

    side: Literal["top", "bottom", "left"] = attrs.field(validator=v.in_(("top", "bottom", "left")))
    width: float = attrs.field(validator=v.gt(0))
    colour: str
    gap: float = attrs.field(validator=v.ge(0))


@attrs.frozen
class Look:
    """How an element looks; ``None`` leaves a property to the parent (CSS) or base style (DOCX).

    Sizes and spacing are in points; ``leading`` is a multiple of the font size and
    ``tracking`` of the em.
    """

    family: str | None = None
    size: float | None = attrs.field(default=None, validator=_points)
    weight: Literal[400, 700] | None = attrs.field(default=None, validator=v.in_((None, 400, 700)))
    style: Literal["normal", "italic"] | None = attrs.field(
        default=None, validator=v.in_((None, "normal", "italic"))
    )
    colour: str | None = None
    leading: float | None = attrs.field(default=None, validator=_points)
    tracking: float | None = attrs.field(default=None, validator=_points)
    case: Literal["upper", "none"] | None = attrs.field(
        default=None, validator=v.in_((None, "upper", "none"))
    )
    decoration: Literal["underline", "none"] | None = attrs.field(
        default=None, validator=v.in_((None, "underline", "none"))
    )
    align: Literal["left", "right", "center"] | None = attrs.field(
        default=None, validator=v.in_((None, "left", "right", "center"))
    )
    hyphens: bool | None = None
    before: float | None = attrs.field(default=None, validator=_points)
    after: float | None = attrs.field(default=None, validator=_points)
    indent: float | None = attrs.field(default=None, validator=_points)
    rule: Rule | None = None

    def set(self) -> dict[str, Any]:
        """The properties this look sets, by name, in :data:`LOOK_PROPERTIES` order."""
        return {
            name: getattr(self, name) for name in LOOK_PROPERTIES if getattr(self, name) is not None
        }


@attrs.frozen
class Element:
    """One element of the house style: where it is in HTML and DOCX, and how it looks."""

    name: str
    html: tuple[str, ...]
    docx: tuple[str, ...]
    look: Look
    margin_boxes: tuple[str, ...] = ()
    """The print page's margin boxes (``top-left``...) that take this look."""


@attrs.frozen
class Tokens:
    """A theme's tokens: font roles, named colours, screen scale, page margins, elements."""

    fonts: Mapping[str, Font]
    colours: Mapping[str, str]
    px_per_pt: float
    measure: float
    margins: tuple[float, float, float, float]
    elements: tuple[Element, ...]

    def element(self, name: str) -> Element:
        """The element called ``name``."""
        for element in self.elements:
            if element.name == name:
                return element
        raise LookupError(f"no element {name!r} in the tokens")

    def docx_styles(self) -> dict[str, list[Element]]:
        """Each DOCX style named by the tokens, with the elements that define it, in order."""
        styles: dict[str, list[Element]] = {}
        for element in self.elements:
            for style in element.docx:
                styles.setdefault(style, []).append(element)
        return styles


_converter = cattrs.Converter(forbid_extra_keys=True)


def _structure(data: Mapping[str, Any], cls: type[_T], where: str) -> _T:
    try:
        return _converter.structure(data, cls)
    except (cattrs.BaseValidationError, TypeError, ValueError) as exc:
        problems = cattrs.transform_error(exc, path=where)
        raise ValueError("; ".join(problems)) from exc


def _structure_element(name: str, data: Mapping[str, Any]) -> Element:
    data = dict(data)
    html = tuple(data.pop("html"))
    docx = tuple(data.pop("docx"))
    boxes = tuple(data.pop("margin-boxes", ()))
    look = _structure(data, Look, f"elements.{name}")
    return Element(name, html, docx, look, boxes)


def _check(tokens: Tokens) -> None:
    for element in tokens.elements:
        look = element.look
        if look.family is not None and look.family not in tokens.fonts:
            raise ValueError(f"{element.name}: unknown font role {look.family!r}")
        for colour in (look.colour, look.rule.colour if look.rule else None):
            if colour is not None and colour not in tokens.colours:
                raise ValueError(f"{element.name}: unknown colour {colour!r}")
    for name, value in tokens.colours.items():
        if len(value) != 7 or not value.startswith("#"):
            raise ValueError(f"colour {name}: write it as #rrggbb, not {value!r}")


def parse_tokens(text: str) -> Tokens:
    """The tokens of a ``tokens.toml`` text; unknown keys, font roles and colours are errors."""
    data = tomllib.loads(text)
    fonts = {
        role: _structure(
            {key.replace("-", "_"): value for key, value in font.items()}, Font, f"fonts.{role}"
        )
        for role, font in data["fonts"].items()
    }
    top, right, bottom, left = data["page"]["margins"]
    tokens = Tokens(
        fonts=fonts,
        colours=dict(data["colours"]),
        px_per_pt=float(data["screen"]["px-per-pt"]),
        measure=float(data["screen"]["measure"]),
        margins=(top, right, bottom, left),
        elements=tuple(
            _structure_element(name, element) for name, element in data["elements"].items()
        ),
    )
    _check(tokens)
    return tokens


@functools.cache
def load_tokens(path: Path) -> Tokens:
    """The tokens of the file at ``path`` (a theme folder's :data:`TOKENS_NAME`)."""
    return parse_tokens(Path(path).read_text(encoding="utf-8"))
