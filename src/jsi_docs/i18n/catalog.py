"""The language data files, read and checked: one :class:`Language` per file.

``data/languages/<code>.toml`` describes a language: its text ``direction``, its ``[dates]``
(:class:`~jsi_docs.i18n.dateformats.DateFormats`), its ``[typography]`` profile (quotation
marks included) and its ``[labels]``. ``data/profiles/<name>.toml`` holds a typography profile
that is not a language's own (the house style). The supported languages are the files present:
adding a language is adding its file (``docs/languages.md``).

Every key is checked when the files are read; a missing, unknown or malformed one raises
:class:`~jsi_docs.i18n.exceptions.LanguageDataError` naming the file and the key.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator, Mapping, Sequence
from importlib import resources
from importlib.resources.abc import Traversable
from types import MappingProxyType
from typing import Final, Literal, TypeAlias, TypeGuard, get_args

import attrs

from jsi_docs.i18n.dateformats import TEMPLATE_FIELDS, DateFormats, template_fields
from jsi_docs.i18n.exceptions import (
    LanguageDataError,
    UnknownProfileError,
    UnsupportedLanguageError,
)
from jsi_docs.i18n.terms import Labels, parse_labels
from jsi_docs.i18n.typography import TypographyProfile

__all__ = [
    "DATA",
    "Catalog",
    "Direction",
    "Language",
    "NameFormats",
    "default_catalog",
    "load_catalog",
]

Direction: TypeAlias = Literal["ltr", "rtl"]

DATA: Traversable = resources.files(__package__).joinpath("data")
"""The shipped data: ``languages/`` and ``profiles/``."""

_CODE: Final = re.compile(r"[a-z]{2,3}")  # an ISO 639 language code, as BCP 47 writes it
_NAME: Final = re.compile(r"[a-z][a-z0-9_]*")  # a profile name or alias


@attrs.frozen
class NameFormats:
    """How a language writes an honorific with a name and a role with what it is of, as
    templates: ``"{honorific} {name}"`` ("Ambassador Tan"), ``"{name}{honorific}"`` (Chinese:
    "阿斯兰·努尔兰诺夫部长"); ``"{role} {of}"`` ("chair of the Council"), ``"{of}{role}"``
    (Chinese: "外交部部长")."""

    honorific: str = "{honorific} {name}"
    role: str = "{role} {of}"

    @property
    def honorific_after(self) -> bool:
        """Whether the honorific follows the name."""
        return self.honorific.index("{name}") < self.honorific.index("{honorific}")

    @property
    def honorific_gap(self) -> str:
        """What stands between the name and the honorific: a space, or nothing."""
        first, second = (
            ("{name}", "{honorific}") if self.honorific_after else ("{honorific}", "{name}")
        )
        return self.honorific.split(first, 1)[1].split(second, 1)[0]

    def with_honorific(self, honorific: str, name: str) -> str:
        return self.honorific.format(honorific=honorific, name=name)

    def role_of(self, role: str, of: str) -> str:
        return self.role.format(role=role, of=of)


_NAME_TEMPLATES: Final = {"honorific": ("honorific", "name"), "role": ("role", "of")}


@attrs.frozen(eq=False)
class Language:
    """Everything jsi_docs knows of one language, read from its data file."""

    code: str
    """The ISO 639 code, the file's name: ``"fr"``."""
    direction: Direction
    """``"ltr"`` or ``"rtl"``: the direction of its script."""
    profile: TypographyProfile
    """Its own typography profile (spacing, apostrophes, quotation marks)."""
    dates: DateFormats
    labels: Labels
    source: str = attrs.field(repr=False)
    """The data file, as named in errors: ``"languages/fr.toml"``."""
    names: NameFormats = NameFormats()
    """How it writes honorifics and roles around names (the optional ``[names]`` table)."""

    @property
    def quotes(self) -> tuple[str, str]:
        """The (opening, closing) marks around a direct quotation: ``("«\\u00a0", "\\u00a0»")``."""
        return self.profile.quotes

    @property
    def nested_quotes(self) -> tuple[str, str]:
        """The marks around a quotation inside another: ``("“", "”")`` in French."""
        return self.profile.nested_quotes


@attrs.frozen(eq=False)
class Catalog:
    """The languages and typography profiles of one data directory."""

    languages: Mapping[str, Language]
    """Every language by code, in alphabetical order."""
    profiles: Mapping[str, TypographyProfile]
    """Every profile by name, in alphabetical order: the languages' own and the house ones."""
    aliases: Mapping[str, str]
    """Other names a profile answers to (``"house"`` -> ``"house_wto"``)."""

    @property
    def codes(self) -> tuple[str, ...]:
        """The supported languages' codes: ``("en", "es", "fr")``."""
        return tuple(self.languages)

    def normalize(self, tag: str) -> str:
        """The supported base language of a BCP 47 tag: ``"fr-CH"``, ``"FR_ch"`` -> ``"fr"``.

        Raises :class:`UnsupportedLanguageError` (a ``LookupError``) for any other language.
        """
        base = tag.strip().replace("_", "-").split("-", 1)[0].lower()
        if base not in self.languages:
            raise UnsupportedLanguageError(tag, self.codes)
        return base

    def language(self, tag: str) -> Language:
        """The :class:`Language` of a BCP 47 tag (its region is ignored)."""
        return self.languages[self.normalize(tag)]

    def profile(self, name: str) -> TypographyProfile:
        """The profile called ``name`` (case, ``-``/``_`` and aliases forgiven).

        Raises :class:`UnknownProfileError` (a ``LookupError``) naming the known ones.
        """
        key = name.strip().lower().replace("-", "_")
        try:
            return self.profiles[self.aliases.get(key, key)]
        except KeyError:
            raise UnknownProfileError(name, [*self.profiles, *self.aliases]) from None


def load_catalog(directory: Traversable) -> Catalog:
    """Read and check every file of a data directory (``languages/*.toml``, ``profiles/*.toml``).

    Raises :class:`LanguageDataError` naming the file and key at fault.
    """
    languages: dict[str, Language] = {}
    profiles: dict[str, TypographyProfile] = {}
    aliases: dict[str, str] = {}
    for source, stem, data in _files(directory, "languages"):
        if not _CODE.fullmatch(stem):
            raise LanguageDataError(source, "", "name the file by its ISO 639 code: 'fr.toml'")
        language, names = _language(stem, _Table(data, source))
        languages[stem] = language
        _register(language.profile, names, source, profiles, aliases)
    for source, stem, data in _files(directory, "profiles"):
        table = _Table(data, source)
        profile, names = _profile(table.table("typography"))
        table.done()
        if profile.name != stem:
            raise LanguageDataError(source, "typography.name", f"must be the file's name {stem!r}")
        _register(profile, names, source, profiles, aliases)
    if not languages:
        raise LanguageDataError(f"{directory}/languages", "", "no language file (*.toml) found")
    return Catalog(
        MappingProxyType(languages),
        MappingProxyType(dict(sorted(profiles.items()))),
        MappingProxyType(aliases),
    )


_loaded: Catalog | None = None


def default_catalog() -> Catalog:
    """The shipped languages and profiles (read once, from :data:`DATA`)."""
    global _loaded
    if _loaded is None:
        _loaded = load_catalog(DATA)
    return _loaded


def _files(directory: Traversable, folder: str) -> Iterator[tuple[str, str, dict[str, object]]]:
    place = directory.joinpath(folder)
    if not place.is_dir():
        return
    for path in sorted(place.iterdir(), key=lambda p: p.name):
        if not path.name.endswith(".toml"):
            continue
        source = f"{folder}/{path.name}"
        try:
            with path.open("rb") as f:
                data = tomllib.load(f)
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise LanguageDataError(source, "", f"not valid TOML: {exc}") from None
        yield source, path.name.removesuffix(".toml"), data


def _register(
    profile: TypographyProfile,
    names: Sequence[str],
    source: str,
    profiles: dict[str, TypographyProfile],
    aliases: dict[str, str],
) -> None:
    for name in (profile.name, *names):
        if name in profiles or name in aliases:
            raise LanguageDataError(source, "typography", f"profile name {name!r} is taken")
    profiles[profile.name] = profile
    aliases.update(dict.fromkeys(names, profile.name))


def _language(code: str, table: _Table) -> tuple[Language, tuple[str, ...]]:
    direction = table.text("direction")
    if not _is_direction(direction):
        raise table.error("direction", f"must be one of {', '.join(get_args(Direction))}")
    profile, aliases = _profile(table.table("typography"))
    language = Language(
        code,
        direction,
        profile,
        _dates(table.table("dates")),
        parse_labels(code, table.raw("labels"), table.source),
        table.source,
        _names(table.table("names", required=False)),
    )
    table.done()
    return language, aliases


def _names(table: _Table) -> NameFormats:
    """The ``[names]`` table: each template must hold its two fields once, and nothing else."""
    texts: dict[str, str] = {}
    for key, fields in _NAME_TEMPLATES.items():
        value = table.optional_text(key)
        if value is None:
            continue
        try:
            found = template_fields(value)
        except ValueError as exc:
            raise table.error(key, str(exc)) from None
        if found != set(fields) or any(value.count(f"{{{f}}}") != 1 for f in fields):
            wanted = " and ".join(f"{{{f}}}" for f in fields)
            raise table.error(key, f"must hold {wanted} once each, and no other field")
        texts[key] = value
    table.done()
    return NameFormats(**texts)


def _is_direction(value: str) -> TypeGuard[Direction]:
    return value in get_args(Direction)


def _dates(table: _Table) -> DateFormats:
    texts = {name: table.text(name) for name in attrs.fields_dict(DateFormats) if name != "source"}
    for name, allowed in TEMPLATE_FIELDS.items():
        try:
            fields = template_fields(texts[name])
        except ValueError as exc:
            raise table.error(name, str(exc)) from None
        if not fields <= allowed:
            unknown = ", ".join(sorted(fields - allowed))
            raise table.error(
                name, f"unknown field {unknown} (allowed: {', '.join(sorted(allowed))})"
            )
    table.done()
    return DateFormats(**texts, source=table.source)


def _profile(table: _Table) -> tuple[TypographyProfile, tuple[str, ...]]:
    name = table.text("name")
    aliases = table.texts("aliases")
    for alias in (name, *aliases):
        if not _NAME.fullmatch(alias):
            raise table.error("name", f"{alias!r} is not a lower-case name such as 'french'")
    quotes, nested = table.pair("quotes"), table.pair("nested_quotes")
    spacing = table.table("space_before", required=False)
    space_before = {mark: spacing.text(mark) for mark in spacing.names()}
    guillemets = table.optional_text("space_inside_guillemets")
    curly = table.flag("curly_apostrophes")
    join_wide = table.flag("no_space_between_wide")
    after_quotes = table.texts("punctuation_after_quotes")
    if any(len(mark) != 1 for mark in after_quotes):
        raise table.error("punctuation_after_quotes", "expected one character per mark")
    comma = table.optional_text("comma")
    parentheses = table.pair("parentheses") if table.raw("parentheses") is not None else None
    table.done()
    try:
        profile = TypographyProfile(
            name,
            quotes,
            nested,
            space_before=space_before,
            space_inside_guillemets=guillemets,
            curly_apostrophes=curly,
            no_space_between_wide=join_wide,
            punctuation_after_quotes="".join(after_quotes),
            comma=", " if comma is None else comma,
            parentheses=(" (", ")") if parentheses is None else parentheses,
        )
    except ValueError as exc:
        raise table.error("", str(exc)) from None
    return profile, aliases


class _Table:
    """One TOML table being read: typed access by key, and an error for keys left unread."""

    def __init__(self, data: Mapping[str, object], source: str, prefix: str = "") -> None:
        self.data = data
        self.source = source
        self.prefix = prefix
        self._read: set[str] = set()

    def error(self, key: str, message: str) -> LanguageDataError:
        path = f"{self.prefix}.{key}" if self.prefix and key else self.prefix or key
        return LanguageDataError(self.source, path, message)

    def names(self) -> list[str]:
        self._read.update(self.data)
        return list(self.data)

    def raw(self, key: str) -> object:
        self._read.add(key)
        return self.data.get(key)

    def text(self, key: str) -> str:
        value = self.optional_text(key)
        if value is None:
            raise self.error(key, "missing")
        return value

    def optional_text(self, key: str) -> str | None:
        value = self.raw(key)
        if value is not None and not isinstance(value, str):
            raise self.error(key, f"expected a text, not {value!r}")
        return value

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.raw(key)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.error(key, f"expected a list of texts, not {value!r}")
        return tuple(value)

    def pair(self, key: str) -> tuple[str, str]:
        value = self.raw(key)
        if value is None:
            raise self.error(key, "missing (an opening and a closing mark)")
        if not (
            isinstance(value, list)
            and len(value) == 2
            and all(isinstance(v, str) and v for v in value)
        ):
            raise self.error(key, f"expected [opening, closing], not {value!r}")
        return value[0], value[1]

    def flag(self, key: str) -> bool:
        value = self.raw(key)
        if value is None:
            return False
        if not isinstance(value, bool):
            raise self.error(key, f"expected true or false, not {value!r}")
        return value

    def table(self, key: str, *, required: bool = True) -> _Table:
        value = self.raw(key)
        path = f"{self.prefix}.{key}" if self.prefix else key
        if value is None and not required:
            return _Table({}, self.source, path)
        if not isinstance(value, dict):
            raise self.error(key, "missing table" if value is None else "expected a table")
        return _Table(value, self.source, path)

    def done(self) -> None:
        unknown = sorted(set(self.data) - self._read)
        if unknown:
            known = ", ".join(sorted(self._read))
            raise self.error(unknown[0], f"unknown key (known here: {known})")
