"""The committed graph/network.html in real headless Chromium at 1600×1000: readable first views
(no two drawn labels overlap), hub-aware focus, the timeline's brush, and a view restored from a
copied address (issue 17). One browser for the module; every wait is for a condition."""

from __future__ import annotations

import calendar
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from browser.chromium import CHROMIUM, launched, open_page

PAGE = Path(__file__).resolve().parents[1] / "graph" / "network.html"
SIZE = (1600, 1000)

pytestmark = [
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is missing (sh tests/install-tools.sh)"),
    pytest.mark.skipif(not PAGE.is_file(), reason="graph/network.html not built yet"),
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with launched() as b:
        yield b


def _url(fragment: str = "") -> str:
    return PAGE.resolve().as_uri() + fragment


def _overlapping(boxes: list[dict]) -> list[tuple[str, str]]:
    pairs = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            if a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"] and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"]:
                pairs.append((a["text"], b["text"]))
    return pairs


@pytest.mark.parametrize("fragment", ["", "#lang=en", "#focus=country-cl", "#focus=country-cl&lang=en"])
def test_first_view_draws_no_two_labels_over_each_other(browser: Any, fragment: str) -> None:
    with open_page(browser, _url(fragment), viewport=SIZE) as visit:
        page = visit.page
        boxes = page.evaluate("__resdip.labels()")
        assert _overlapping(boxes) == []
        # vis-network itself draws no label: every drawn one is in the boxes above
        assert page.evaluate("Object.values(__resdip.network.body.nodes).every(n => !n.labelModule.visible())")
        assert page.evaluate("Object.values(__resdip.network.body.edges).every(e => !e.labelModule.visible())")
        shown = page.evaluate("__resdip.nodeView.length")
        labelled = {b["id"] for b in boxes if b["kind"] == "node"}
        if "focus" in fragment:
            assert "country-cl" in labelled and len(labelled) == shown  # a small view: every node has room
        else:
            assert len(labelled) >= 60 and "country-jp" in labelled  # the best linked first
        assert visit.problems() == []


def test_focus_goes_through_a_hub_only_when_asked(browser: Any) -> None:
    with open_page(browser, _url("#focus=country-cl&radius=2&lang=en"), viewport=SIZE) as visit:
        page = visit.page
        hubs = page.evaluate("__resdip.data.hubs")
        assert "country-jp" in hubs["ids"] and hubs["rule"] == "degree > Q3 + 3 × IQR"
        alone = page.evaluate("__resdip.nodeView.length")
        assert 3 < alone <= 25
        note = page.inner_text("#focus-note")
        assert "Japan" in note and "left out" in note
        page.check("#hubs")
        page.wait_for_function("() => location.hash.includes('hubs=1')")
        through = page.evaluate("__resdip.nodeView.length")
        assert through > 25
        assert str(through - alone) in note
        assert visit.problems() == []
    with open_page(browser, _url("#focus=country-cl&radius=2&hubs=1"), viewport=SIZE) as visit:
        assert visit.page.evaluate("__resdip.nodeView.length") == through
        assert visit.page.is_checked("#hubs") and visit.page.is_hidden("#focus-note")


def _brush(page: Any, start: str, end: str) -> None:
    box = page.evaluate("""([a, b]) => { const t = __resdip.timeline, r = document.getElementById('tl-canvas').getBoundingClientRect();
        const day = s => Math.round(Date.parse(s + 'T00:00:00Z') / 864e5);
        return [t.clientX(day(a)), t.clientX(day(b)), r.top + 3]; }""", [start, end])
    page.mouse.move(box[0], box[2])
    page.mouse.down()
    page.mouse.move((box[0] + box[1]) / 2, box[2])
    page.mouse.move(box[1], box[2])
    page.mouse.up()
    page.wait_for_function("() => location.hash.includes('from=')")


def _day(text: str, end: bool = False) -> date:
    """'2024', '2024-08' or '2024-08-15' as its first day (or with ``end`` its last)."""
    parts = [int(p) for p in text.split("-")]
    year, month = parts[0], parts[1] if len(parts) > 1 else (12 if end else 1)
    day = parts[2] if len(parts) > 2 else (calendar.monthrange(year, month)[1] if end else 1)
    return date(year, month, day)


def _dated_edges(page: Any) -> list[dict]:
    return page.evaluate("""(() => { const shown = new Set(__resdip.edgeView.getIds());
        return __resdip.data.edges.filter(e => e.start || e.date || e.year).map(e => ({
          id: e.id, start: e.start || e.date || String(e.year), end: e.end || e.date || String(e.year), shown: shown.has(e.id)})); })()""")


def test_brushing_the_timeline_hides_every_edge_dated_outside(browser: Any) -> None:
    with open_page(browser, _url("#lang=en"), viewport=SIZE) as visit:
        page = visit.page
        before = _dated_edges(page)
        assert all(e["shown"] for e in before)
        _brush(page, "2024-01-01", "2024-12-31")
        period = page.evaluate("[document.getElementById('year-min').value, document.getElementById('year-max').value]")
        assert period == ["2024", "2024"]
        start, end = page.evaluate("(() => { const p = new URLSearchParams(location.hash.slice(1)); return [p.get('from'), p.get('to')]; })()")
        after = _dated_edges(page)
        outside = [e for e in after if _day(e["end"], True) < _day(start) or _day(e["start"]) > _day(end)]
        assert outside and not [e for e in outside if e["shown"]]
        assert [e for e in after if e["shown"]]
        assert page.is_visible("#tl-clear")
        page.screenshot(path=str(Path(__file__).resolve().parents[1] / "test-artifacts" / "network-timeline.png"))
        page.click("#tl-clear")  # and back
        assert all(e["shown"] for e in _dated_edges(page))
        assert "from=" not in page.evaluate("location.hash")
        assert visit.problems() == []


def test_clicking_a_mark_selects_its_edge_and_opens_its_quote(browser: Any) -> None:
    with open_page(browser, _url(), viewport=SIZE) as visit:
        page = visit.page
        edge = page.evaluate("__resdip.data.edges.find(e => e.kind === 'Visit' && e.quotes)")
        point = page.evaluate("""e => { const t = __resdip.timeline, d = Math.round(Date.parse(e.start + 'T00:00:00Z') / 864e5);
            return [t.clientX(d) + 1, t.clientY(e.kind)]; }""", edge)
        page.mouse.click(*point)
        page.wait_for_selector("#panel:not([hidden]) blockquote")
        assert page.evaluate("__resdip.network.getSelectedEdges()") == [edge["id"]]
        text = page.evaluate("i => __resdip.data.sentences[i].text", edge["quotes"][0])
        assert text in page.inner_text("#panel-body")
        assert f"edge={edge['id']}" in page.evaluate("location.hash")
        assert visit.problems() == []


def _view(page: Any) -> dict:
    return page.evaluate("""(() => ({
        lang: document.documentElement.lang,
        nodes: __resdip.nodeView.getIds().sort(), edges: __resdip.edgeView.getIds().sort(),
        selected: __resdip.network.getSelectedNodes(), panel: document.getElementById('panel-body').innerText,
        classes: [...document.querySelectorAll('#class-list input')].map(b => b.checked),
        kinds: [...document.querySelectorAll('#kind-list input')].map(b => b.checked),
        years: [document.getElementById('year-min').value, document.getElementById('year-max').value],
        period: document.getElementById('tl-period').textContent, hash: location.hash }))()""")


def test_a_copied_address_restores_the_view(browser: Any) -> None:
    with open_page(browser, _url(), viewport=SIZE) as visit:
        page = visit.page
        page.click("#lang button[data-lang=en]")
        page.locator("#class-list label", has_text="Resource").locator("input").uncheck()
        page.locator("#kind-list label", has_text="broader").locator("input").uncheck()
        _brush(page, "2023-01-01", "2024-06-30")
        page.fill("#search", "Chile")
        page.press("#search", "Enter")
        page.wait_for_function("() => location.hash.includes('sel=country-cl')")
        arranged = _view(page)
        assert visit.problems() == []
    assert arranged["lang"] == "en" and arranged["selected"] == ["country-cl"] and "Chile" in arranged["panel"]
    assert False in arranged["classes"] and False in arranged["kinds"] and arranged["years"] == ["2023", "2024"]
    for fragment in (arranged["hash"],):
        with open_page(browser, _url(fragment), viewport=SIZE) as visit:
            assert _view(visit.page) == arranged
            assert visit.problems() == []


def test_save_downloads_the_view_as_a_png_with_its_caption(browser: Any, tmp_path: Path) -> None:
    import struct

    with open_page(browser, _url("#focus=country-cl&lang=en"), viewport=SIZE) as visit:
        page = visit.page
        what, credit = page.evaluate("__resdip.caption()")
        assert "Chile" in what and "left out" in what
        assert "Energy White Paper" in credit and "#lang=en&focus=country-cl" in credit
        with page.expect_download() as download:
            page.click("#save")
        path = tmp_path / "view.png"
        download.value.save_as(path)
        png = path.read_bytes()
        width, height = struct.unpack(">II", png[16:24])
        canvas = page.evaluate("(() => { const c = document.querySelector('#network canvas'); return [c.width, c.height]; })()")
        assert png[:8] == b"\x89PNG\r\n\x1a\n" and width == canvas[0] and height > canvas[1]  # the caption below
        assert visit.problems() == []
