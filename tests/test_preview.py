"""``jsi-docs preview`` in headless Chromium: the page shows the item, follows every save
without a reload, lists an invalid edit's problem with its line, and comes back when fixed."""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from _service_helpers import ROOT, call, free_port, jsi_docs_process, wait_until
from clients import Chromium, require_chromium

pytestmark = pytest.mark.clients

ENGLISH = ROOT / "examples" / "jsi-ecommerce-2023-05-25.en.yaml"


def eventually(check: Callable[[], Any], what: str, timeout: float = 30.0) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        found = check()
        if found:
            return found
        assert time.monotonic() < deadline, f"not seen within {timeout} s: {what}"
        time.sleep(0.05)


def frame_text(driver: Any) -> str:
    driver.switch_to.frame(driver.find_element("id", "html"))
    try:
        return str(driver.execute_script("return document.body ? document.body.innerText : ''"))
    finally:
        driver.switch_to.default_content()


def pdf_text(port: int) -> str:
    answer = call(port, "GET", "/item.pdf")
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(answer.body)).pages)


def test_the_preview_follows_every_save(tmp_path: Path) -> None:
    require_chromium()
    item = tmp_path / "item.en.yaml"
    original = ENGLISH.read_text(encoding="utf-8")
    item.write_text(original, encoding="utf-8")
    port = free_port()
    with jsi_docs_process(["preview", str(item), "--port", str(port)], tmp_path / "log"):
        wait_until(port, "/state", lambda a: a.status == 200 and a.json()["good"] == 1)
        with Chromium() as browser:
            driver = browser.driver
            driver.get(f"http://127.0.0.1:{port}/")
            body = driver.find_element("tag name", "body")
            eventually(lambda: body.get_attribute("data-good") == "1", "the first rendering")
            assert "E-commerce negotiations" in eventually(lambda: frame_text(driver), "the HTML")
            assert driver.find_element("id", "pdf").get_attribute("src").endswith("/item.pdf?v=1")
            driver.execute_script("window.notReloaded = true;")

            item.write_text(
                original.replace("headline: ", "headline: Edited ", 1), encoding="utf-8"
            )
            eventually(lambda: "Edited E-commerce" in frame_text(driver), "the edit in the HTML")
            good = body.get_attribute("data-good")
            assert int(good) >= 2  # a save may be seen half-written first, then whole
            assert (
                driver.find_element("id", "pdf")
                .get_attribute("src")
                .endswith(f"/item.pdf?v={good}")
            )
            assert "Edited E-commerce" in pdf_text(port)

            lines = original.count("\n")
            item.write_text(original + "colour: red\n", encoding="utf-8")
            problems = driver.find_element("id", "problems")
            shown = eventually(lambda: problems.text, "the problem of the invalid edit")
            assert f"line {lines + 1}" in shown
            assert "$.colour" in shown
            assert body.get_attribute("data-state") == "invalid"
            assert body.get_attribute("data-good") == good
            assert "Edited E-commerce" in frame_text(driver), "the last good rendering stays"

            item.write_text(original, encoding="utf-8")
            eventually(lambda: body.get_attribute("data-state") == "ok", "the fix")
            eventually(lambda: "Edited E-commerce" not in frame_text(driver), "the fixed rendering")
            assert problems.text == ""
            assert driver.execute_script("return window.notReloaded === true")
