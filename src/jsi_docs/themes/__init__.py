"""Themes: folders of templates, stylesheets, fonts and the DOCX reference document.

A user theme is a folder holding any subset of the default theme's files; a file it holds
replaces the default one of the same relative path, so an organisation restyles without forking.
"""

from __future__ import annotations

import functools
from importlib.resources import as_file, files
from pathlib import Path

import attrs

__all__ = ["DEFAULT_THEME_DIR", "Theme", "inside"]


def inside(path: Path, folder: Path) -> bool:
    """Whether ``path`` is inside ``folder`` once links are followed."""
    return path.resolve().is_relative_to(folder.resolve())


@functools.cache
def _default_dir() -> Path:
    # The package is installed as files (not zipped), so the context manager's path stays valid.
    with as_file(files(__package__) / "default") as path:
        return Path(path)


DEFAULT_THEME_DIR = _default_dir()


@attrs.frozen
class Theme:
    """The folders searched for a theme's files, most specific first."""

    folders: tuple[Path, ...]

    @classmethod
    def load(cls, override: Path | None = None) -> Theme:
        """The default theme, overridden by the files of ``override`` when given."""
        if override is None:
            return _DEFAULT
        override = Path(override).resolve()
        if not override.is_dir():
            raise NotADirectoryError(f"theme folder not found: {override}")
        return cls((override, DEFAULT_THEME_DIR))

    def find(self, relative: str) -> Path:
        """The path of ``relative`` in the first folder that has it.

        A file is in a folder only if it still is once links are followed: a theme's
        ``screen.css`` linked to a file outside the theme is not found, in any format.
        """
        for folder in self.folders:
            candidate = folder / relative
            if candidate.is_file() and inside(candidate, folder):
                return candidate
        searched = ", ".join(map(str, self.folders))
        raise FileNotFoundError(f"no theme file {relative!r} in {searched}")

    def read_text(self, relative: str) -> str:
        return self.find(relative).read_text(encoding="utf-8")

    def read_bytes(self, relative: str) -> bytes:
        return self.find(relative).read_bytes()


_DEFAULT = Theme((DEFAULT_THEME_DIR,))
