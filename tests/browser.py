"""Headless Chromium through Selenium 4, and axe-core, for the browser tests.

Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver), never
a browser the driver downloads itself; axe-core from npm (package.json, installed by
`make test`). Chromium is started with no network chatter and a fresh profile.
"""

from __future__ import annotations

import base64
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules/axe-core/axe.min.js"
# WCAG 2.1 A and AA, and axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
)


def missing() -> str | None:
    """Why the browser tests cannot run here, or None."""
    for tool in ("chromium", "chromedriver"):
        if shutil.which(tool) is None:
            return f"{tool} not found (Debian packages chromium and chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium not installed (pip install -e '.[dev]')"
    if not AXE.is_file():
        return f"{AXE.relative_to(ROOT)} missing (npm ci, run by make test)"
    return None


@contextmanager
def chromium() -> Iterator[Any]:
    """A Selenium session in headless Chromium with a fresh profile."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    with tempfile.TemporaryDirectory(prefix="samplan-chromium-") as profile:
        options = webdriver.ChromeOptions()
        options.binary_location = str(shutil.which("chromium"))
        for flag in (*FLAGS, f"--user-data-dir={profile}"):
            options.add_argument(flag)
        service = Service(executable_path=str(shutil.which("chromedriver")))
        driver = webdriver.Chrome(options=options, service=service)
        try:
            yield driver
        finally:
            driver.quit()


def viewport(driver: Any, width: int, height: int = 900) -> None:
    """Emulate a screen `width` CSS pixels wide (mobile below 600, as a phone would)."""
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600},
    )


def axe_violations(driver: Any) -> list[dict[str, Any]]:
    """axe-core's violations on the open page."""
    if not driver.execute_script("return typeof window.axe === 'object'"):
        driver.execute_script(AXE.read_text("utf-8"))
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]},"
        " resultTypes: ['violations']})"
        ".then(r => done(r.violations), e => done([{id: 'axe-error', help: String(e),"
        " nodes: []}]));",
        AXE_TAGS,
    )
    return list(result)


def describe(violations: list[dict[str, Any]]) -> list[str]:
    """One line per violation and node, for an assertion message."""
    lines = []
    for v in violations:
        for node in v.get("nodes") or [{"target": ["?"]}]:
            lines.append(f"{v['id']}: {v.get('help', '')} at {node.get('target')}")
    return lines


def full_page_png(driver: Any, width: int, target: Path, limit: int = 16000) -> None:
    """A screenshot of the whole page at `width` (its height capped at `limit`)."""
    viewport(driver, width)
    height = int(driver.execute_script("return document.documentElement.scrollHeight"))
    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot",
        {
            "format": "png",
            "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": width, "height": min(height, limit), "scale": 1},
        },
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(base64.b64decode(shot["data"]))
