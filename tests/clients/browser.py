"""Headless Debian Chromium driven by selenium + Debian's chromedriver: axe-core and screenshots.

Only ``/usr/bin/chromium`` and ``/usr/bin/chromedriver`` (apt packages ``chromium`` and
``chromium-driver``) are used: selenium is always given both paths, so Selenium Manager
never tries to download a browser or a driver. The browser resolves no host names but
127.0.0.1, so a page under test cannot reach the network.

axe-core's ``axe.min.js`` comes from ``$JSI_AXE_JS`` when set, else from
``tests/clients/node_modules/axe-core/axe.min.js`` (``npm ci --prefix tests/clients``
installs the version pinned in ``tests/clients/package-lock.json``).
"""

from __future__ import annotations

import base64
import importlib.util
import os
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from ._proc import ClientError
from ._require import require_all

__all__ = [
    "AXE_ENV",
    "CHROMEDRIVER",
    "CHROMIUM",
    "CHROMIUM_FLAGS",
    "Chromium",
    "axe_available",
    "axe_check",
    "axe_js_path",
    "axe_missing",
    "chromium_available",
    "chromium_missing",
    "require_axe",
    "require_chromium",
    "screenshot",
]

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
AXE_ENV = "JSI_AXE_JS"
_DEFAULT_AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"

#: Flags for running as root in a container, offline and quiet; a fresh
#: ``--user-data-dir`` is added per browser.
CHROMIUM_FLAGS: tuple[str, ...] = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--force-color-profile=srgb",
    "--force-device-scale-factor=1",
    "--mute-audio",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
)

_AXE_RUN = """
const done = arguments[arguments.length - 1];
const options = arguments[0];
axe.run(document, options).then(
  (results) => done({violations: results.violations}),
  (error) => done({error: String(error && error.stack || error)}),
);
"""

_FONTS_READY = """
const done = arguments[arguments.length - 1];
(document.fonts ? document.fonts.ready : Promise.resolve()).then(() => done(true));
"""

_PAGE_HEIGHT = """
const d = document.documentElement, b = document.body;
return Math.ceil(Math.max(d.scrollHeight, d.offsetHeight, b ? b.scrollHeight : 0,
                          b ? b.offsetHeight : 0));
"""


def axe_js_path() -> Path | None:
    """``$JSI_AXE_JS`` if set (must exist), else the npm-installed copy under tests/clients."""
    configured = os.environ.get(AXE_ENV)
    candidate = Path(configured) if configured else _DEFAULT_AXE
    return candidate if candidate.is_file() else None


def chromium_missing() -> list[str]:
    """What is missing to drive Chromium, as install hints (empty when ready)."""
    missing = []
    if not os.access(CHROMIUM, os.X_OK):
        missing.append(f"{CHROMIUM} (apt-get install chromium)")
    if not os.access(CHROMEDRIVER, os.X_OK):
        missing.append(f"{CHROMEDRIVER} (apt-get install chromium-driver)")
    if importlib.util.find_spec("selenium") is None:
        missing.append("selenium (pip install selenium, in the [test] extra)")
    return missing


def axe_missing() -> list[str]:
    """What is missing to run axe-core in Chromium, as install hints."""
    missing = chromium_missing()
    if axe_js_path() is None:
        where = os.environ.get(AXE_ENV) or str(_DEFAULT_AXE)
        missing.append(f"axe.min.js at {where} (npm ci --prefix tests/clients, or set {AXE_ENV})")
    return missing


def chromium_available() -> bool:
    """True when Debian's chromium, chromedriver and selenium are all present."""
    return not chromium_missing()


def axe_available() -> bool:
    """True when Chromium is drivable and axe.min.js is found."""
    return not axe_missing()


def require_chromium() -> None:
    """Skip (or fail under ``JSI_REQUIRE_CLIENTS=1``) when Chromium cannot be driven."""
    __tracebackhide__ = True
    require_all(chromium_missing(), "headless Chromium")


def require_axe() -> None:
    """Skip (or fail under ``JSI_REQUIRE_CLIENTS=1``) when axe-core cannot run."""
    __tracebackhide__ = True
    require_all(axe_missing(), "axe-core in headless Chromium")


def _as_url(html_path: Path) -> str:
    path = Path(html_path).resolve()
    if not path.is_file():
        raise FileNotFoundError(path)
    return path.as_uri()


_COMPUTED_STYLES = """
const [selectors, properties, within] = arguments;
const pick = (style) => Object.fromEntries(properties.map((p) => [p, style.getPropertyValue(p)]));
const found = [];
for (const root of document.querySelectorAll(within)) {
  for (const node of [root, ...root.querySelectorAll("*")]) {
    const matches = selectors.flatMap((s, i) => (node.matches(s) ? [i] : []));
    if (!matches.length) continue;
    found.push({
      tag: node.localName,
      classes: [...node.classList],
      matches,
      style: pick(getComputedStyle(node)),
      parent: pick(getComputedStyle(node.parentElement)),
      before: getComputedStyle(node, "::before").content,
      after: getComputedStyle(node, "::after").content,
    });
  }
}
return found;
"""


class Chromium:
    """One headless Chromium (about 1 s to start); reuse it for many pages.

    >>> with Chromium() as browser:                     # doctest: +SKIP
    ...     violations = browser.axe(Path("out/item.html"))
    ...     browser.screenshot(Path("out/item.html"), Path("docs/_static/item.png"))
    """

    def __init__(self, *, width: int = 1000, height: int = 800, timeout: float = 60.0) -> None:
        missing = chromium_missing()
        if missing:
            raise ClientError("headless Chromium unavailable: " + "; ".join(missing))
        from selenium import webdriver
        from selenium.common.exceptions import WebDriverException
        from selenium.webdriver.chrome.service import Service

        self._width = width
        self._height = height
        self._axe_source: str | None = None
        self._profile = tempfile.mkdtemp(prefix="jsi-chromium-")
        options = webdriver.ChromeOptions()
        options.binary_location = str(CHROMIUM)
        for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={self._profile}"):
            options.add_argument(flag)
        options.add_argument(f"--window-size={width},{height}")
        service = Service(executable_path=str(CHROMEDRIVER), log_output=os.devnull)
        try:
            self._driver: Any = webdriver.Chrome(options=options, service=service)
        except WebDriverException as exc:
            shutil.rmtree(self._profile, ignore_errors=True)
            raise ClientError(f"Chromium did not start: {exc.msg}") from exc
        self._driver.set_page_load_timeout(timeout)
        self._driver.set_script_timeout(timeout)
        self._set_viewport(width, height)

    @property
    def version(self) -> str:
        """The browser's version, e.g. ``156.0.8078.108``."""
        return str(self._driver.capabilities.get("browserVersion", "?"))

    @property
    def driver(self) -> Any:
        """The selenium WebDriver, for pages served over HTTP (on 127.0.0.1 only)."""
        return self._driver

    def _set_viewport(self, width: int, height: int) -> None:
        self._driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
        )

    def open(self, html_path: Path) -> None:
        """Load a local HTML file and wait until its web fonts are ready."""
        self._driver.get(_as_url(html_path))
        self._driver.execute_async_script(_FONTS_READY)

    def axe(self, html_path: Path, *, tags: Sequence[str] | None = None) -> list[dict[str, Any]]:
        """Run axe-core on a local page; return its violations (empty list = none found).

        ``tags`` limits the rules, e.g. ``("wcag2a", "wcag2aa")``; default: axe's default set.
        """
        if self._axe_source is None:
            axe_js = axe_js_path()
            if axe_js is None:
                raise ClientError("axe-core unavailable: " + "; ".join(axe_missing()))
            self._axe_source = axe_js.read_text(encoding="utf-8")
        self.open(html_path)
        self._driver.execute_script(self._axe_source)
        options: dict[str, Any] = {"resultTypes": ["violations"]}
        if tags:
            options["runOnly"] = {"type": "tag", "values": list(tags)}
        result = self._driver.execute_async_script(_AXE_RUN, options)
        if not isinstance(result, dict) or "violations" not in result:
            raise ClientError(f"axe.run failed on {html_path}: {result!r}")
        violations: list[dict[str, Any]] = result["violations"]
        return violations

    def computed_styles(
        self,
        html_path: Path,
        selectors: Sequence[str],
        properties: Sequence[str],
        *,
        media: str = "screen",
        within: str = "body",
    ) -> list[dict[str, Any]]:
        """The computed style of every element under ``within`` that one of ``selectors``
        matches, with the page rendered for ``media`` (``screen`` or ``print``).

        Each entry: ``tag``, ``classes``, ``matches`` (indices into ``selectors``), ``style``
        and ``parent`` (``properties`` of the element and of its parent, as
        ``getComputedStyle`` gives them), and ``before``/``after`` (the ``content`` of its
        pseudo-elements).
        """
        self._driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": media})
        try:
            self.open(html_path)
            found: list[dict[str, Any]] = self._driver.execute_script(
                _COMPUTED_STYLES, list(selectors), list(properties), within
            )
        finally:
            self._driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        return found

    def screenshot(self, html_path: Path, png_path: Path, *, width: int | None = None) -> Path:
        """Save a full-page PNG of a local page, ``width`` CSS pixels wide (default: the
        browser's width); the height is the page's own."""
        width = width or self._width
        self._set_viewport(width, self._height)
        self.open(html_path)
        height = max(1, int(self._driver.execute_script(_PAGE_HEIGHT)))
        self._set_viewport(width, height)
        try:
            shot = self._driver.execute_cdp_cmd(
                "Page.captureScreenshot", {"format": "png", "fromSurface": True}
            )
        finally:
            self._set_viewport(self._width, self._height)
        png_path = Path(png_path)
        png_path.parent.mkdir(parents=True, exist_ok=True)
        png_path.write_bytes(base64.b64decode(shot["data"]))
        return png_path

    def close(self) -> None:
        """Quit the browser and delete its profile."""
        try:
            self._driver.quit()
        finally:
            shutil.rmtree(self._profile, ignore_errors=True)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def axe_check(html_path: Path, *, tags: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """Run axe-core on one page in a fresh headless Chromium; return the violations.

    Each violation is axe's record: ``id`` (e.g. ``image-alt``), ``impact``, ``help``,
    ``helpUrl``, ``nodes`` (each with ``target`` and ``html``). For many pages, use one
    :class:`Chromium` and call its :meth:`Chromium.axe`.
    """
    with Chromium() as browser:
        return browser.axe(html_path, tags=tags)


def screenshot(html_path: Path, png_path: Path, width: int = 1000) -> Path:
    """Save a full-page PNG of a local page, ``width`` CSS pixels wide, in a fresh Chromium."""
    with Chromium(width=width) as browser:
        return browser.screenshot(html_path, png_path)
