"""Incremental builds: render again only the items whose inputs changed.

A manifest in the output folder records, for each source file, a key over everything its
outputs depend on -- the source's bytes, the formats, the options (the content of a theme
folder or reference document they name included) and the library (its version and the
digest of its own files, templates and theme included) -- and the files written. An item
whose key is unchanged and whose outputs are all still there is skipped.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

__all__ = ["MANIFEST_NAME", "Manifest", "item_key", "library_fingerprint"]

MANIFEST_NAME = ".jsi-docs-manifest.json"
_MANIFEST_VERSION = 1
_PATH_OPTIONS = frozenset({"theme", "reference_docx"})


def _digest_tree(root: Path) -> str:
    """The digest of every file under ``root`` (names and bytes), caches left out."""
    digest = hashlib.sha256()
    if root.is_file():
        digest.update(root.read_bytes())
        return digest.hexdigest()
    for path in sorted(root.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts or path.suffix == ".pyc":
            continue
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@functools.cache
def library_fingerprint() -> str:
    """This jsi_docs: its version and the digest of its package (code, templates, theme)."""
    import jsi_docs

    return f"{jsi_docs.__version__}+{_digest_tree(Path(jsi_docs.__file__).parent)}"


def _plain(key: str, value: Any) -> Any:
    """An option's value as JSON, a file or folder it names replaced by its content's digest."""
    if isinstance(value, Path) or (key in _PATH_OPTIONS and isinstance(value, str)):
        path = Path(value)
        return {"path": str(path), "digest": _digest_tree(path) if path.exists() else None}
    if isinstance(value, (tuple, list)):
        return [_plain(key, v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return repr(value)


def item_key(
    source: Path,
    formats: Sequence[str],
    format_options: Mapping[str, Mapping[str, Any]],
    siblings: Mapping[str, str] | None = None,
) -> str | None:
    """The key of rendering ``source`` to ``formats`` with ``format_options`` and the language
    ``siblings`` it links (version item id -> output stem); None when the source cannot be
    read (it is then always rendered, and its error reported)."""
    try:
        data = source.read_bytes()
    except OSError:
        return None
    options = {
        fmt: {k: _plain(k, v) for k, v in sorted(format_options.get(fmt, {}).items())}
        for fmt in formats
    }
    described = json.dumps(
        {
            "formats": list(formats),
            "options": options,
            "siblings": dict(siblings or {}),
            "library": library_fingerprint(),
        },
        sort_keys=True,
    )
    return hashlib.sha256(hashlib.sha256(data).digest() + described.encode()).hexdigest()


@attrs.define
class Manifest:
    """What was rendered into ``out_dir``, by source: the key and the files written."""

    out_dir: Path
    entries: dict[str, dict[str, Any]] = attrs.field(factory=dict)

    @classmethod
    def load(cls, out_dir: Path) -> Manifest:
        """The manifest in ``out_dir``; an empty one when there is none or it is unreadable."""
        try:
            data = json.loads((out_dir / MANIFEST_NAME).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls(out_dir)
        if not isinstance(data, dict) or data.get("version") != _MANIFEST_VERSION:
            return cls(out_dir)
        entries = data.get("items")
        return cls(out_dir, dict(entries) if isinstance(entries, dict) else {})

    @staticmethod
    def _name(source: Path) -> str:
        return str(source.resolve())

    def fresh(self, source: Path, key: str | None) -> bool:
        """True when ``source`` was rendered with ``key`` and every file written is there."""
        entry = self.entries.get(self._name(source))
        if key is None or not entry or entry.get("key") != key:
            return False
        outputs = entry.get("outputs") or []
        return bool(outputs) and all((self.out_dir / name).is_file() for name in outputs)

    def record(self, source: Path, key: str | None, outputs: Iterable[Path]) -> None:
        """Remember that ``source`` was rendered with ``key`` to ``outputs``."""
        if key is None:
            self.forget(source)
            return
        root = self.out_dir.resolve()
        names = [Path(p).resolve().relative_to(root).as_posix() for p in outputs]
        self.entries[self._name(source)] = {"key": key, "outputs": names}

    def forget(self, source: Path) -> None:
        """Render ``source`` next time whatever its key (its last render failed)."""
        self.entries.pop(self._name(source), None)

    def save(self) -> None:
        from jsi_docs.atomic import atomic_write

        document = {"version": _MANIFEST_VERSION, "items": dict(sorted(self.entries.items()))}
        text = json.dumps(document, indent=1, ensure_ascii=False) + "\n"
        atomic_write(self.out_dir / MANIFEST_NAME, text.encode("utf-8"))
