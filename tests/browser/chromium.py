"""Open pages in headless Chromium with every request outside the file checked.

``open_page`` returns a ``Visit``: the Playwright page, the console errors, the page
errors and any request that left the page (anything but file:, data:, about:, blob:).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

CHROMIUM = os.environ.get("RESDIP_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
LOCAL_SCHEMES = ("file:", "data:", "about:", "blob:")


@dataclass
class Visit:
    page: Any
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    outside_requests: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        return self.console_errors + self.page_errors + [f"request: {u}" for u in self.outside_requests]


@contextmanager
def launched() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def open_page(browser: Any, url: str, *, wait_draw: bool = True, viewport: tuple[int, int] = (1200, 800)) -> Iterator[Visit]:
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
    page = context.new_page()
    visit = Visit(page)

    def route(r: Any) -> None:
        if r.request.url.startswith(LOCAL_SCHEMES):
            r.continue_()
        else:
            visit.outside_requests.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page.on("request", lambda r: None if r.url.startswith(LOCAL_SCHEMES) or r.url in visit.outside_requests
            else visit.outside_requests.append(r.url))
    page.on("console", lambda m: visit.console_errors.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: visit.page_errors.append(str(e)))
    try:
        page.goto(url)
        if wait_draw:
            page.wait_for_function("() => window.__firstDraw !== undefined", timeout=20000)
        yield visit
    finally:
        context.close()
