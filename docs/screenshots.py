"""Screenshots of graph/network.html for docs/page.md and the README, taken in headless Chromium.

    .venv/bin/python docs/screenshots.py                 # every view, Japanese and English
    .venv/bin/python docs/screenshots.py --view focus --lang en --out /tmp/shots

Each view is an address of the page (the page keeps its state in the ``#…`` part), opened at
1600×1000 with every request leaving the machine blocked; the picture is taken once the page
has drawn its first frame (labels included). Writes ``docs/screenshots/<view>-<lang>.png``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "graph" / "network.html"
OUT = ROOT / "docs" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
LOCAL = ("file:", "data:", "about:", "blob:")
SIZE = {"width": 1600, "height": 1000}
#: view name -> the address's fragment (without lang)
VIEWS = {
    "whole": "",
    "focus": "focus=country-cl&radius=2",
    "timeline": "from=2023-01-01&to=2024-12-31&hideKinds=broader",
}
LANGS = ("ja", "en")


def shoot(browser: object, page_path: Path, fragment: str, out: Path) -> None:
    context = browser.new_context(viewport=SIZE)  # type: ignore[attr-defined]
    try:
        context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(LOCAL) else r.abort())
        page = context.new_page()
        page.goto(page_path.resolve().as_uri() + "#" + fragment)
        page.wait_for_function("() => window.__firstDraw !== undefined", timeout=30000)
        # the frame after the first: labels and the timeline are drawn by then
        page.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
        out.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(out))
    finally:
        context.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--page", type=Path, default=PAGE)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--view", choices=sorted(VIEWS), action="append", help="default: every view")
    parser.add_argument("--lang", choices=LANGS, action="append", help="default: both")
    args = parser.parse_args(argv)
    if not args.page.is_file():
        parser.error(f"{args.page} not found: run python build_graph.py first")

    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            for view in args.view or list(VIEWS):
                for lang in args.lang or LANGS:
                    fragment = "&".join(p for p in (f"lang={lang}", VIEWS[view]) if p)
                    out = args.out / f"{view}-{lang}.png"
                    shoot(browser, args.page, fragment, out)
                    print(out, file=sys.stderr)
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
