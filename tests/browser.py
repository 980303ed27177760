"""Open a kg page in headless Chromium with networking off and report what it did.

Used by the page tests and by bench/page_5000.py. Debian's chromium is driven by
Playwright through `executable_path` (Playwright's own browser download is neither
needed nor possible here); KG_CHROMIUM overrides the path.
"""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path


def chromium_path() -> str | None:
    """The Chromium binary to use, or None when there is none."""
    return os.environ.get("KG_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


@dataclass
class PageRun:
    state: dict
    requests: list[str] = field(default_factory=list)  # every request other than the page itself
    errors: list[str] = field(default_factory=list)  # uncaught exceptions and console errors
    dialogs: list[str] = field(default_factory=list)  # alert/confirm/prompt opened by anything
    seconds_to_drawn: float = 0.0  # wall clock from navigation start to the first stable drawing
    screenshot: Path | None = None
    extra: dict = field(default_factory=dict)


def open_page(html: Path, screenshot: Path | None = None, timeout_s: float = 60.0,
              actions=None, viewport=(1400, 900)) -> PageRun:
    """Load `html` offline, wait until the network is drawn and stable, optionally run
    `actions(page, run)`, take a screenshot; returns what happened."""
    from playwright.sync_api import sync_playwright

    exe = chromium_path()
    if exe is None:
        raise RuntimeError("no chromium on PATH (apt-get install chromium, or set KG_CHROMIUM)")
    url = Path(html).resolve().as_uri()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=exe, headless=True,
                                    args=["--no-sandbox", "--disable-dev-shm-usage"])
        try:
            context = browser.new_context(offline=True, viewport={"width": viewport[0], "height": viewport[1]})
            page = context.new_page()
            run = PageRun(state={})

            def on_request(route):
                if route.request.url != url:
                    run.requests.append(route.request.url)
                    return route.abort()
                return route.continue_()

            page.route("**/*", on_request)
            page.on("pageerror", lambda e: run.errors.append(f"pageerror: {e}"))
            page.on("console", lambda m: m.type == "error" and run.errors.append(f"console: {m.text}"))

            def on_dialog(d):
                run.dialogs.append(d.message)
                d.dismiss()

            page.on("dialog", on_dialog)
            t0 = time.perf_counter()
            page.goto(url, wait_until="load", timeout=timeout_s * 1000)
            # polled from here: wait_for_function evaluates its predicate with eval inside the
            # page, which the page's Content-Security-Policy (rightly) forbids
            deadline = t0 + timeout_s
            while not page.evaluate("() => Boolean(window.kgState && window.kgState.drawn === true)"):
                if time.perf_counter() > deadline:
                    raise TimeoutError(f"the page was not drawn within {timeout_s} s")
                page.wait_for_timeout(50)
            run.seconds_to_drawn = time.perf_counter() - t0
            page.wait_for_timeout(300)  # let the last frame paint before counting and the screenshot
            if actions is not None:
                actions(page, run)
            run.state = page.evaluate("() => Object.assign({}, window.kgState)")
            if screenshot is not None:
                page.screenshot(path=str(screenshot))
                run.screenshot = Path(screenshot)
            return run
        finally:
            browser.close()


def drawn_fraction(png: Path, box: tuple[int, int, int, int] | None = None) -> float:
    """Share of pixels in `box` (left, top, right, bottom) of a screenshot that are not white."""
    from PIL import Image

    with Image.open(png) as im:
        region = im.convert("L").crop(box) if box else im.convert("L")
        hist = region.histogram()
    total = sum(hist)
    return (total - hist[255]) / total if total else 0.0
