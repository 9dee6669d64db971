"""Time to first draw of the network page in headless Chromium: ours vs pyvis's default.

    .venv/bin/python bench/page_bench.py                # 100, 1,000 and 10,000 synthetic nodes
    .venv/bin/python bench/page_bench.py --quick        # only the smallest size, one run
    .venv/bin/python bench/page_bench.py --page graph/network.html   # also time an existing page

"First draw" is the first ``afterDrawing`` event of the ``vis.Network`` the page creates,
caught by the same init script for every page (it wraps ``vis.Network`` before the page's
scripts run), in ms since navigation start. "Settled" is when that first frame's other
``afterDrawing`` handlers are done too (our page places and draws its labels there): a task
queued from the first ``afterDrawing`` runs only after them. pyvis's page is
``Network(cdn_resources="in_line")`` with its default options (physics on). All requests
that would leave the machine are blocked and counted. Prints a Markdown table of medians.
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from resdip.views.page import render_page  # noqa: E402
from resdip.views.page.sample import synthetic_graph, synthetic_quotes  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
LOCAL = ("file:", "data:", "about:", "blob:")
HOOK = """(() => {
  let wrapped;
  const holder = {};
  Object.defineProperty(holder, "Network", {
    configurable: true, enumerable: true,
    get() { return wrapped; },
    set(Real) {
      wrapped = function (container, data, options) {
        const network = new Real(container, data, options);
        network.once("afterDrawing", () => {
          if (window.__benchDraw === undefined) window.__benchDraw = performance.now();
          setTimeout(() => { if (window.__benchSettled === undefined) window.__benchSettled = performance.now(); }, 0);
        });
        return network;
      };
      wrapped.prototype = Real.prototype;
    },
  });
  window.vis = holder;
})();"""


def pyvis_page(graph: Any, out: Path) -> None:
    from pyvis.network import Network

    net = Network(cdn_resources="in_line", directed=True)
    for node, attrs in sorted(graph.nodes(data=True)):
        net.add_node(node, label=attrs["label_ja"], title=attrs["label_en"], group=attrs["cls"])
    for u, v, attrs in graph.edges(data=True):
        net.add_edge(u, v, title=attrs["label_en"], label=attrs["label_ja"])
    out.write_text(net.generate_html(), encoding="utf-8")


def first_draw(browser: Any, path: Path, cap_s: float) -> tuple[float | None, int]:
    """(ms to first draw or None if not within cap_s, number of blocked outside requests)."""
    draw, _, blocked = first_draws(browser, path, cap_s)
    return draw, blocked


def first_draws(browser: Any, path: Path, cap_s: float) -> tuple[float | None, float | None, int]:
    """(ms to first draw, ms to settled, number of blocked outside requests); None: not within cap_s."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    blocked: list[str] = []

    def route(r: Any) -> None:
        if r.request.url.startswith(LOCAL):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    context.add_init_script(HOOK)
    page = context.new_page()
    try:
        page.goto(path.resolve().as_uri(), wait_until="commit")
        # A function predicate polled on animation frames: a string predicate polled on an
        # interval is eval'd, which the page's Content-Security-Policy rightly refuses.
        page.wait_for_function("() => window.__benchSettled !== undefined", timeout=cap_s * 1000)
        return float(page.evaluate("window.__benchDraw")), float(page.evaluate("window.__benchSettled")), len(blocked)
    except Exception as exc:  # playwright's TimeoutError; anything else is a real failure
        if type(exc).__name__ != "TimeoutError":
            raise
        return None, None, len(blocked)
    finally:
        context.close()


def measure(browser: Any, path: Path, runs: int, cap_s: float) -> tuple[str, str, int]:
    """Median first draw and settled time over the runs, a run past the cap counting as slower than any other."""
    times: list[float] = []
    settled: list[float] = []
    blocked = 0
    for run in range(runs):
        ms, done, blocked = first_draws(browser, path, cap_s)
        print(f"{path.name} run {run + 1}: {fmt_ms(ms, cap_s)}, settled {fmt_ms(done, cap_s)}", file=sys.stderr, flush=True)
        times.append(math.inf if ms is None else ms)
        settled.append(math.inf if done is None else done)
        if run == 0 and ms is None:
            break  # never drew once: do not wait for the cap again
    return _median_text(times, cap_s), _median_text(settled, cap_s), blocked


def _median_text(times: list[float], cap_s: float) -> str:
    median = statistics.median_high(times)
    text = fmt_ms(None if math.isinf(median) else median, cap_s)
    late = sum(math.isinf(t) for t in times)
    if late and not math.isinf(median):
        text += f" ({late} of {len(times)} runs did not draw within {cap_s:g} s)"
    return text


def fmt_ms(ms: float | None, cap_s: float) -> str:
    return f"did not draw within {cap_s:g} s" if ms is None else f"{ms / 1000:.2f} s"


def fmt_size(path: Path) -> str:
    return f"{path.stat().st_size / 1e6:.1f} MB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smallest size only, one run")
    parser.add_argument("--sizes", default="100,1000,10000", help="comma-separated node counts")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cap", type=float, default=60.0, help="seconds to wait for a first draw")
    parser.add_argument("--page", type=Path, action="append", default=[], help="an existing page to time")
    parser.add_argument("--no-pyvis", action="store_true", help="skip pyvis's pages")
    args = parser.parse_args(argv)
    sizes = sorted(int(s) for s in args.sizes.split(","))
    runs = args.runs
    if args.quick:
        sizes, runs = sizes[:1], 1

    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            for page in args.page:
                timing, settled, blocked = measure(browser, page, runs, args.cap)
                rows.append((str(page), "—", "given page", timing, settled, fmt_size(page), blocked))
            for n in sizes:
                graph = synthetic_graph(n)
                ours = Path(tmp) / f"ours-{n}.html"
                render_page(graph, synthetic_quotes(graph), ours)
                timing, settled, blocked = measure(browser, ours, runs, args.cap)
                label = f"synthetic {n:,}"
                rows.append((label, f"{graph.number_of_edges():,}", "resdip", timing, settled, fmt_size(ours), blocked))
                if not args.no_pyvis:
                    theirs = Path(tmp) / f"pyvis-{n}.html"
                    pyvis_page(graph, theirs)
                    timing, settled, blocked = measure(browser, theirs, runs, args.cap)
                    rows.append((label, f"{graph.number_of_edges():,}", "pyvis default", timing, settled,
                                 fmt_size(theirs), blocked))
        finally:
            browser.close()
    print(f"Time to first draw, headless Chromium, median of {runs} run(s)\n")
    print("| graph | edges | page | first draw | settled | file size | blocked outside requests |")
    print("|---|---|---|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(str(c) for c in row) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
