"""Typography profiles by name: each language's own, and the house style.

``french``, ``english`` and ``spanish`` come from the language files; ``house_wto`` (aliases
``house``, ``wto``: the WTO's published usage in every language) from
``data/profiles/house_wto.toml``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, Literal, TypeAlias, cast, get_args

from jsi_docs.i18n.catalog import default_catalog
from jsi_docs.i18n.exceptions import UnknownProfileError
from jsi_docs.i18n.languages import get_language, normalize_language
from jsi_docs.i18n.typography import TypographyProfile

__all__ = [
    "ENGLISH",
    "FRENCH",
    "HOUSE_WTO",
    "PROFILES",
    "SPANISH",
    "ProfileName",
    "profile_for",
    "profile_name",
    "quote_marks",
]

ProfileName: TypeAlias = Literal[
    "arabic", "chinese", "english", "french", "russian", "spanish", "house_wto", "house", "wto"
]
"""The names ``typography=`` takes: each shipped profile's and alias (a type checker refuses
another; a test keeps it in step with the data files). At run time the name is read in any
case, with ``-`` for ``_``, and a profile of a data file added since is found too."""

PROFILES: Final[Mapping[str, TypographyProfile]] = default_catalog().profiles
"""Every shipped profile by name; :func:`profile_for` also accepts the aliases ``"house"``,
``"wto"``."""
ENGLISH: Final = PROFILES["english"]
FRENCH: Final = PROFILES["french"]
HOUSE_WTO: Final = PROFILES["house_wto"]
SPANISH: Final = PROFILES["spanish"]


def profile_for(language: str, name: str | None = None) -> TypographyProfile:
    """The profile called ``name`` (``"house"`` = ``house_wto``), or ``language``'s own.

    Raises :class:`UnsupportedLanguageError` or :class:`UnknownProfileError` (both
    ``LookupError``).
    """
    own = get_language(language).profile
    return own if name is None else default_catalog().profile(name)


def profile_name(name: str) -> ProfileName:
    """The :data:`ProfileName` a name read from outside (a command line, a setting) stands for,
    in any case and with ``-`` for ``_``: ``"House-WTO"`` -> ``"house_wto"``.

    Raises :class:`UnknownProfileError` (a ``LookupError``) naming the known ones.
    """
    key = name.strip().lower().replace("-", "_")
    for known in get_args(ProfileName):
        if key == known:
            return cast("ProfileName", known)
    raise UnknownProfileError(name, get_args(ProfileName))


def quote_marks(
    language: str, profile: TypographyProfile | str | None = None, nested: bool = False
) -> tuple[str, str]:
    """The (opening, closing) marks to put around a direct quotation.

    ``profile`` is a profile, a profile name or ``None`` for the language's own; ``nested``
    asks for the marks of a quotation inside another. French gives ``("«\\u00a0", "\\u00a0»")``
    (nested “ ”), house_wto and English “ ” (nested ‘ ’), Spanish « » (nested “ ”).
    """
    if not isinstance(profile, TypographyProfile):
        profile = profile_for(language, profile)
    else:
        normalize_language(language)
    return profile.nested_quotes if nested else profile.quotes
