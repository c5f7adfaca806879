"""LibreOffice (headless ``soffice``) conversions and the ``openxml-audit`` OOXML validator."""

from __future__ import annotations

import importlib.util
import shutil
import tempfile
from pathlib import Path
from typing import Any

from ._proc import ClientError, run
from ._require import require_all

__all__ = [
    "libreoffice_available",
    "libreoffice_convert",
    "libreoffice_missing",
    "libreoffice_text",
    "openxml_audit",
    "openxml_audit_available",
    "openxml_audit_missing",
    "require_libreoffice",
    "require_openxml_audit",
]

LIBREOFFICE_TIMEOUT = 180.0

#: Short format names mapped to LibreOffice's ``--convert-to`` filter strings.
_FILTERS = {
    "txt": "txt:Text (encoded):UTF8",
    "pdf": "pdf:writer_pdf_Export",
}


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def libreoffice_missing() -> list[str]:
    """What is missing to convert with LibreOffice, as install hints."""
    if _soffice() is None:
        return ["soffice (apt-get install libreoffice-writer-nogui)"]
    return []


def libreoffice_available() -> bool:
    """True when a headless ``soffice`` is on PATH."""
    return not libreoffice_missing()


def require_libreoffice() -> None:
    """Skip (or fail under ``JSI_REQUIRE_CLIENTS=1``) when LibreOffice is missing."""
    __tracebackhide__ = True
    require_all(libreoffice_missing(), "LibreOffice")


def libreoffice_convert(
    src: Path, fmt: str, outdir: Path, *, timeout: float = LIBREOFFICE_TIMEOUT
) -> Path:
    """Convert ``src`` with headless LibreOffice; return the written file.

    ``fmt`` is a target extension (``"pdf"``, ``"txt"`` as UTF-8 text, ``"odt"``, ``"html"``,
    ...) or a full ``--convert-to`` value such as ``"txt:Text (encoded):UTF8"``. Each call
    uses a fresh, throw-away user profile, so calls never share state or lock each other,
    and any instance a user has open is untouched. Raises :class:`ClientError` when LibreOffice
    fails, times out, or writes nothing.
    """
    soffice = _soffice()
    if soffice is None:
        raise ClientError("LibreOffice unavailable: " + "; ".join(libreoffice_missing()))
    src = Path(src).resolve()
    if not src.is_file():
        raise FileNotFoundError(src)
    outdir = Path(outdir).resolve()
    outdir.mkdir(parents=True, exist_ok=True)
    target = _FILTERS.get(fmt, fmt)
    suffix = target.split(":", 1)[0]
    expected = outdir / f"{src.stem}.{suffix}"
    expected.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="jsi-lo-profile-") as profile:
        done = run(
            [
                soffice,
                f"-env:UserInstallation={Path(profile).as_uri()}",
                "--headless",
                "--invisible",
                "--norestore",
                "--nologo",
                "--nolockcheck",
                "--nodefault",
                "--convert-to",
                target,
                "--outdir",
                outdir,
                src,
            ],
            timeout=timeout,
            env={"HOME": profile},
        )
    if done.returncode != 0 or not expected.is_file():
        raise ClientError(
            f"LibreOffice did not convert {src.name} to {target}"
            f" (exit {done.returncode}, expected {expected})",
            command=done.command,
            stdout=done.stdout,
            stderr=done.stderr,
        )
    return expected


def libreoffice_text(src: Path, *, timeout: float = LIBREOFFICE_TIMEOUT) -> str:
    """The plain text LibreOffice reads from a document (UTF-8, byte-order mark removed)."""
    with tempfile.TemporaryDirectory(prefix="jsi-lo-out-") as outdir:
        txt = libreoffice_convert(src, "txt", Path(outdir), timeout=timeout)
        return txt.read_text(encoding="utf-8-sig")


def openxml_audit_missing() -> list[str]:
    """What is missing to run openxml-audit, as install hints."""
    if importlib.util.find_spec("openxml_audit") is None:
        return ["openxml-audit (pip install openxml-audit, in the [test] extra)"]
    return []


def openxml_audit_available() -> bool:
    """True when the PyPI package ``openxml-audit`` is importable."""
    return not openxml_audit_missing()


def require_openxml_audit() -> None:
    """Skip (or fail under ``JSI_REQUIRE_CLIENTS=1``) when openxml-audit is missing."""
    __tracebackhide__ = True
    require_all(openxml_audit_missing(), "openxml-audit")


def _validator(file_format: str) -> Any:
    """A new validator for each file: openxml-audit's cross-part checks (footnote ids, say) cache
    what they read by the ``id()`` of the package, so a validator kept from file to file could
    judge a file by the parts of an earlier one whose address the new package reused."""
    from openxml_audit import FileFormat, OpenXmlValidator

    return OpenXmlValidator(file_format=FileFormat(file_format), max_errors=0)


def openxml_audit(
    docx: Path, *, app_compat: bool = False, file_format: str = "office2019"
) -> list[str]:
    """Validate an OOXML package (DOCX) against the ECMA-376 schemas; return error lines.

    Reported: package, relationship, schema and semantic errors that mirror the .NET Open
    XML SDK validator (openxml-audit's ``SDK_PROXY`` and ``PACKAGE_INTEGRITY`` findings).
    ``app_compat=True`` adds its heuristic "Word may show a repair dialog" findings
    (``WORD_APP_COMPAT``); python-docx's own default template already trips two of those
    (stylesWithEffects.xml out of step with styles.xml). Warnings and infos are never
    reported. ``file_format`` is an openxml-audit ``FileFormat`` value (``"office2007"``
    ... ``"microsoft365"``).
    """
    if openxml_audit_missing():
        raise ClientError("openxml-audit unavailable: " + "; ".join(openxml_audit_missing()))
    from openxml_audit import SourceClass, ValidationSeverity

    result = _validator(file_format).validate(Path(docx))
    kept = {SourceClass.SDK_PROXY, SourceClass.PACKAGE_INTEGRITY}
    return [
        str(error)
        for error in result.errors
        if error.severity == ValidationSeverity.ERROR and (app_compat or error.source_class in kept)
    ]
