"""Check, before importing WeasyPrint, that the system libraries it loads are present.

WeasyPrint opens Pango and friends with ``dlopen`` at import time and prints to stdout when one
is missing; probing the same names first lets us raise an error that names what to install,
without anything printed and without breaking the other formats.
"""

from __future__ import annotations

import ctypes
import functools

from jsi_docs.errors import ExportError

__all__ = ["PdfEngineUnavailableError", "missing_libraries", "require_pdf_engine"]

# library -> (names WeasyPrint tries, the Debian/Ubuntu package that ships it)
_REQUIRED: dict[str, tuple[tuple[str, ...], str]] = {
    "GObject": (
        ("libgobject-2.0.so.0", "libgobject-2.0.0.dylib", "libgobject-2.0-0.dll"),
        "libglib2.0-0",
    ),
    "Pango": (("libpango-1.0.so.0", "libpango-1.0.dylib", "libpango-1.0-0.dll"), "libpango-1.0-0"),
    "PangoFT2": (
        ("libpangoft2-1.0.so.0", "libpangoft2-1.0.dylib", "libpangoft2-1.0-0.dll"),
        "libpangoft2-1.0-0",
    ),
    "HarfBuzz": (("libharfbuzz.so.0", "libharfbuzz.0.dylib", "libharfbuzz-0.dll"), "libharfbuzz0b"),
    "Fontconfig": (
        ("libfontconfig.so.1", "libfontconfig.1.dylib", "libfontconfig-1.dll"),
        "libfontconfig1",
    ),
}

HARFBUZZ_SUBSET_PACKAGE = "libharfbuzz-subset0"


class PdfEngineUnavailableError(ExportError):
    """WeasyPrint cannot run here: a system library (Pango...) is missing.

    The other formats (HTML, DOCX) still work.
    """


def _loads(names: tuple[str, ...]) -> bool:
    for name in names:
        try:
            ctypes.CDLL(name)
        except OSError:
            continue
        return True
    return False


@functools.cache
def missing_libraries() -> tuple[tuple[str, str], ...]:
    """``(library, Debian package)`` for each library WeasyPrint needs and cannot load."""
    return tuple(
        (library, package) for library, (names, package) in _REQUIRED.items() if not _loads(names)
    )


def unavailable_error(
    missing: tuple[tuple[str, str], ...], cause: str = ""
) -> PdfEngineUnavailableError:
    """The error to raise when ``missing`` libraries (or an import failure) prevent PDF output."""
    libraries = ", ".join(library for library, _ in missing) or "a system library"
    packages = " ".join(dict.fromkeys(p for _, p in missing)) or "libpango-1.0-0 libpangoft2-1.0-0"
    detail = f" ({cause})" if cause else ""
    return PdfEngineUnavailableError(
        f"PDF export needs WeasyPrint's system libraries; cannot load {libraries}{detail}. "
        f"On Debian or Ubuntu: apt-get install {packages} "
        "(Pango: libpango-1.0-0 and libpangoft2-1.0-0). HTML and DOCX export still work."
    )


def require_pdf_engine() -> None:
    """Raise :class:`PdfEngineUnavailableError` naming the packages if a library is missing."""
    missing = missing_libraries()
    if missing:
        raise unavailable_error(missing)
