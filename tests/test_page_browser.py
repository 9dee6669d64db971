"""The network page in real headless Chromium (Debian's /usr/bin/chromium via Playwright)."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from browser.chromium import CHROMIUM, Visit, launched, open_page
from resdip.views.page import render_page
from resdip.views.page.sample import synthetic_graph, synthetic_quotes

if not os.path.exists(CHROMIUM):
    pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium (sh tests/install-tools.sh)", allow_module_level=True)

ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
IMG = "<img src=x onerror=window.__xss=1>"
SCRIPT = "<script>window.__xss=1</script>"
XSS_ID = "candidate-company-xss"


def _graph() -> tuple[nx.MultiDiGraph, dict[str, list[dict]]]:
    graph = synthetic_graph(60)
    quotes = synthetic_quotes(graph)
    graph.add_node(
        XSS_ID, iri=f"https://w3id.org/resdip/id/{XSS_ID}", cls="Company", label_ja=IMG + "社",
        label_en="Evil " + SCRIPT, reviewed=False, wikidata="", iso="", years="2024", mentions=1,
    )
    graph.add_edge(XSS_ID, "country-cl", kind="investsIn", label_ja=IMG, label_en=SCRIPT, date="2024-05-01",
                   year=2024, start="", end="", fact="https://w3id.org/resdip/fact/x", provenance=1)
    quotes[XSS_ID] = [{"doc": SCRIPT, "section": IMG, "text": f"引用 {IMG} と {SCRIPT} の文。", "begin": 5,
                       "end": 30, "iri": "https://w3id.org/resdip/doc/d#char=5,30"}]
    return graph, quotes


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[nx.MultiDiGraph, dict, Path]:
    graph, quotes = _graph()
    out = tmp_path_factory.mktemp("page") / "network.html"
    render_page(graph, quotes, out)
    return graph, quotes, out


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with launched() as b:
        yield b


def _url(path: Path, fragment: str = "") -> str:
    return path.resolve().as_uri() + fragment


def _click_node(visit: Visit, node_id: str) -> None:
    page = visit.page
    page.evaluate("document.getElementById('filters').open = false")
    page.evaluate("id => __resdip.network.focus(id, {scale: 1.2, animation: false})", node_id)
    point = page.evaluate(
        """id => { const n = __resdip.network, p = n.canvasToDOM(n.getPosition(id));
                   const r = document.getElementById('network').getBoundingClientRect();
                   return {x: p.x + r.left, y: p.y + r.top}; }""",
        node_id,
    )
    page.mouse.move(point["x"], point["y"])
    page.wait_for_timeout(350)  # the tooltip shows after the hover delay
    page.mouse.click(point["x"], point["y"])
    page.wait_for_selector("#panel:not([hidden])")


def test_opens_offline_and_draws_every_node(browser: Any, built: tuple) -> None:
    graph, _, out = built
    with open_page(browser, _url(out)) as visit:
        counts = visit.page.evaluate(
            "[__resdip.network.body.nodeIndices.length, __resdip.nodeView.length,"
            " __resdip.network.body.edgeIndices.length]"
        )
        assert counts == [graph.number_of_nodes(), graph.number_of_nodes(), graph.number_of_edges()]
        assert visit.page.evaluate("document.fonts.check('16px IPAGothic')")
        ARTIFACTS.mkdir(exist_ok=True)
        visit.page.screenshot(path=str(ARTIFACTS / "network.png"))
        assert visit.problems() == []


def test_click_shows_source_quote(browser: Any, built: tuple) -> None:
    _, quotes, out = built
    with open_page(browser, _url(out)) as visit:
        _click_node(visit, "country-cl")
        panel = visit.page.inner_text("#panel-body")
        assert "チリ" in panel and "Chile" in panel
        assert quotes["country-cl"][0]["text"] in panel
        assert quotes["country-cl"][0]["doc"] in panel
        assert visit.page.get_attribute("#panel-body a[href*='wikidata']", "href") == "https://www.wikidata.org/wiki/Q298"
        assert visit.page.get_attribute("#panel-body a[href*='iso.org']", "href").endswith(":CL")
        visit.page.screenshot(path=str(ARTIFACTS / "network-panel.png"))
        assert visit.problems() == []


def test_xss_payloads_stay_text(browser: Any, built: tuple) -> None:
    _, _, out = built
    with open_page(browser, _url(out)) as visit:
        page = visit.page
        _click_node(visit, XSS_ID)
        assert IMG in page.inner_text("#panel-body") and SCRIPT in page.inner_text("#panel-body")
        assert IMG in page.inner_text("div.vis-tooltip")
        page.click("#lang button[data-lang=en]")
        page.fill("#search", "evil")
        page.wait_for_selector("#hits:not([hidden])")
        assert SCRIPT in page.inner_text("#hits")
        _click_node(visit, "country-cl")  # the relation list names the payload node
        page.wait_for_timeout(100)
        assert page.evaluate("window.__xss") is None
        assert page.evaluate("document.querySelectorAll('#app img, #app script').length") == 0
        assert visit.problems() == []


def test_focus_fragment_shows_neighbourhood(browser: Any, built: tuple) -> None:
    graph, _, out = built
    expected = set(nx.ego_graph(graph.to_undirected(as_view=True), "country-cl", radius=1))
    with open_page(browser, _url(out, "#focus=country-cl&radius=1&lang=en")) as visit:
        page = visit.page
        shown = set(page.evaluate("__resdip.network.body.nodeIndices"))
        assert shown == expected
        assert page.evaluate("__resdip.network.getSelectedNodes()") == ["country-cl"]
        assert page.evaluate("__resdip.nodes.get('country-cl').label") == "Chile"
        assert page.evaluate("document.documentElement.lang") == "en"
        centre = page.evaluate("__resdip.network.getViewPosition()")
        assert abs(centre["x"] - page.evaluate("__resdip.network.getPosition('country-cl').x")) < 400
        assert "Chile" in page.inner_text("#focus-banner")
        visit.page.screenshot(path=str(ARTIFACTS / "network-focus.png"))
        page.click("#focus-clear")
        assert page.evaluate("__resdip.nodeView.length") == graph.number_of_nodes()
        assert visit.problems() == []


def test_search_filters_and_language(browser: Any, built: tuple) -> None:
    graph, _, out = built
    with open_page(browser, _url(out)) as visit:
        page = visit.page
        page.fill("#search", "ＣＨＩ")  # full-width, upper case: NFKC + case-insensitive prefix
        page.press("#search", "Enter")
        assert page.evaluate("__resdip.network.getSelectedNodes()") == ["country-cl"]
        page.fill("#search", "オースト")
        page.press("#search", "Enter")
        assert page.evaluate("__resdip.network.getSelectedNodes()") == ["country-au"]
        assert "オーストラリア" in page.inner_text("#panel-body h2")
        countries = sum(1 for _, c in graph.nodes(data="cls") if c == "Country")
        page.locator("#class-list label", has_text="国").first.click()
        assert page.evaluate("__resdip.nodeView.length") == graph.number_of_nodes() - countries
        page.click("#lang button[data-lang=en]")
        assert page.evaluate("__resdip.nodes.get('org-meti').label") == "Ministry of Econo…"  # ≤ 18 characters
        assert page.evaluate("__resdip.nodes.get('org-meti').title").startswith("Ministry of Economy, Trade and Industry")
        assert "Country" in page.inner_text("#class-list")
        page.fill("#year-min", "2026")
        page.dispatch_event("#year-min", "change")
        page.uncheck("#undated")
        assert page.evaluate("__resdip.nodeView.length") == 0
        assert visit.problems() == []


def test_fills_an_iframe(browser: Any, built: tuple, tmp_path: Path) -> None:
    _, _, out = built
    host = tmp_path / "host.html"
    host.write_text(
        f'<!DOCTYPE html><iframe src="{_url(out, "#focus=org-meti&radius=1")}" '
        'style="width:640px;height:360px;border:0" '
        'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"></iframe>',
        encoding="utf-8",
    )
    with open_page(browser, _url(host), wait_draw=False) as visit:
        frame = visit.page.frames[1]
        frame.wait_for_function("() => window.__firstDraw !== undefined", timeout=20000)
        size = frame.evaluate("(() => { const c = document.querySelector('#network canvas');"
                              " return [c.clientWidth, document.documentElement.clientHeight]; })()")
        assert size == [640, 360]
        assert frame.evaluate("__resdip.network.getSelectedNodes()") == ["org-meti"]
        assert visit.problems() == []


def test_real_projection_fixture(browser: Any, tmp_path: Path) -> None:
    from resdip.views.projection import labels, load_dataset, project, quotes

    dataset = load_dataset(Path(__file__).parent / "fixtures" / "projection" / "mini.trig")
    graph = project(dataset)
    out = tmp_path / "network.html"
    render_page(graph, quotes(dataset), out, aliases=labels(dataset))
    country = next(n for n, iso in graph.nodes(data="iso") if iso)
    with open_page(browser, _url(out, f"#focus={country}&radius=2")) as visit:
        page = visit.page
        assert page.evaluate("__resdip.nodes.length") == graph.number_of_nodes()
        expected = set(nx.ego_graph(graph.to_undirected(as_view=True), country, radius=2))
        assert set(page.evaluate("__resdip.network.body.nodeIndices")) == expected
        page.screenshot(path=str(ARTIFACTS / "network-fixture.png"))
        assert visit.problems() == []


def _real_page(tmp_path: Path) -> Path:
    from resdip import paths
    from resdip.views.projection import DATASET_FILE, labels, load_projection, quotes

    if not (paths.GRAPH_DIR / DATASET_FILE).is_file():
        pytest.skip("graph/ not built")
    store, graph = load_projection(paths.GRAPH_DIR)
    out = tmp_path / "network.html"
    render_page(graph, quotes(store), out, aliases=labels(store))
    return out


def _shown_positions(page: Any) -> list[tuple[str, float, float, float]]:
    return page.evaluate(
        """(() => { const net = __resdip.network, pos = net.getPositions(net.body.nodeIndices);
                    return net.body.nodeIndices.map(id => [id, pos[id].x, pos[id].y, __resdip.nodes.get(id).size]); })()"""
    )


@pytest.mark.parametrize("fragment", ["#focus=country-cl&radius=2&lang=en", "#focus=partnership-msp&radius=1",
                                      "#focus=country-jp&radius=1"])
def test_focus_view_lays_the_neighbourhood_out_in_rings(browser: Any, tmp_path: Path, fragment: str) -> None:
    out = _real_page(tmp_path)
    focus = fragment.split("&")[0].split("=")[1]
    with open_page(browser, _url(out, fragment)) as visit:
        page = visit.page
        shown = _shown_positions(page)
        assert len(shown) > 3
        for i, (a, ax, ay, asize) in enumerate(shown):  # no two shown nodes overlap
            for b, bx, by, bsize in shown[i + 1:]:
                assert ((ax - bx) ** 2 + (ay - by) ** 2) ** 0.5 >= asize + bsize + 20, (a, b)
        centre = page.evaluate("id => __resdip.network.getPosition(id)", focus)
        hop1 = set(nx.ego_graph(nx.MultiDiGraph(page.evaluate(
            "__resdip.data.edges.map(e => [e.from, e.to])")).to_undirected(), focus, radius=1)) - {focus}
        distance = {n: ((x - centre["x"]) ** 2 + (y - centre["y"]) ** 2) ** 0.5 for n, x, y, _ in shown}
        ring1 = [distance[n] for n in hop1 if n in distance]
        assert ring1 and max(ring1) - min(ring1) < 96  # hop 1 on one ring (a crowded one alternates two radii)
        assert all(d > max(ring1) for n, d in distance.items() if n not in hop1 and n != focus)
        box = page.evaluate("(() => { const r = document.getElementById('network').getBoundingClientRect();"
                            " return [r.width, r.height]; })()")
        for _, x, y, _ in shown:  # the view is fitted: every shown node is on screen
            p = page.evaluate("p => __resdip.network.canvasToDOM(p)", {"x": x, "y": y})
            assert -1 <= p["x"] <= box[0] + 1 and -1 <= p["y"] <= box[1] + 1
        page.screenshot(path=str(ARTIFACTS / f"network-focus-{focus}.png"))
        positions = sorted(_shown_positions(page))
        page.click("#focus-clear")  # the whole network goes back to the global layout
        data = page.evaluate("__resdip.data.nodes.map(n => [n.id, n.x, n.y])")
        now = page.evaluate("__resdip.network.getPositions()")
        assert all((now[i]["x"], now[i]["y"]) == (x, y) for i, x, y in data)
        assert visit.problems() == []
    with open_page(browser, _url(out, fragment)) as visit:  # the same picture every time
        assert sorted(_shown_positions(visit.page)) == positions


def test_relation_filter_names_are_kinds_not_events(browser: Any, tmp_path: Path) -> None:
    out = _real_page(tmp_path)
    for lang in ("ja", "en"):
        with open_page(browser, _url(out, f"#lang={lang}")) as visit:
            names = visit.page.eval_on_selector_all("#kind-list label span:not(.n)", "s => s.map(x => x.textContent)")
            assert len(names) == len(visit.page.evaluate("__resdip.data.kinds"))
            assert not [n for n in names if re.search(r"[（(]|\d{4}", n)], names
            if lang == "ja":
                assert all(re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", n) for n in names), names
            assert visit.problems() == []


def test_long_and_machine_labels(browser: Any, tmp_path: Path) -> None:
    graph = synthetic_graph(10)
    long_en = "Overseas Investment Loss Reserve System for Exploration"
    graph.add_node("measure-x", iri="https://w3id.org/resdip/id/measure-x", cls="Measure",
                   label_ja="探鉱準備金・海外探鉱準備金制度及び海外投資等損失準備金制度", label_en="Tanko Junbikin Kaigai Tanko",
                   label_en_machine=True, reviewed=False, wikidata="", iso="", years="2024", mentions=1)
    graph.add_node("plan-x", iri="https://w3id.org/resdip/id/plan-x", cls="Plan", label_ja="計画", label_en=long_en,
                   reviewed=True, wikidata="", iso="", years="", mentions=1)
    graph.add_edge("measure-x", "country-cl", kind="about", year=2024)
    graph.add_edge("plan-x", "country-cl", kind="about")
    out = tmp_path / "network.html"
    render_page(graph, {}, out)
    with open_page(browser, _url(out, "#lang=en")) as visit:
        page = visit.page
        labels = page.evaluate("__resdip.nodes.get().map(n => n.label)")
        assert all(len(label) <= 18 for label in labels), labels
        assert page.evaluate("__resdip.nodes.get('plan-x').label") == "Overseas Investme…"
        assert long_en in page.evaluate("__resdip.nodes.get('plan-x').title")
        machine = page.evaluate("__resdip.nodes.get('measure-x').label")
        assert machine.startswith("探鉱準備金") and machine.endswith("…")  # Japanese, not the romanisation
        _click_node(visit, "measure-x")
        panel = page.inner_text("#panel-body")
        assert "探鉱準備金・海外探鉱準備金制度及び海外投資等損失準備金制度" in panel
        assert "Tanko Junbikin Kaigai Tanko" in panel and "machine romanisation" in panel
        assert visit.problems() == []


def test_a_capped_quote_list_tells_the_whole_count(browser: Any, tmp_path: Path) -> None:
    """The build keeps the first 100 quotes of an entity (resdip.views.quoting); the panel counts them all."""
    from resdip.views.projection import Quotes

    graph, quotes = _graph()
    capped = Quotes()
    capped.update(quotes)
    capped.totals = {"country-cl": len(quotes["country-cl"]) + 250}
    out = tmp_path / "network.html"
    render_page(graph, capped, out)
    with open_page(browser, _url(out)) as visit:
        _click_node(visit, "country-cl")
        panel = visit.page.inner_text("#panel-body")
        total = len(quotes["country-cl"]) + 250
        assert f"出典の文 ({total})" in panel, panel
        assert f"ほか {total - 30} 件" in panel, panel
        assert visit.problems() == []


REAL_PAGE = Path(__file__).resolve().parents[1] / "graph" / "network.html"


@pytest.mark.skipif(not REAL_PAGE.is_file(), reason="graph/network.html not built yet")
def test_the_real_page_in_english_shows_composed_measure_names(browser: Any) -> None:
    """graph/network.html with lang=en: measures read in English, none romanised, none in Japanese."""
    with open_page(browser, _url(REAL_PAGE, "#lang=en")) as visit:
        page = visit.page
        measures = page.evaluate("""__resdip.nodes.get().filter(n => n.id.startsWith('measure-'))
                                    .map(n => ({id: n.id, label: n.label, title: n.title || ''}))""")
        assert len(measures) == 22  # the source's 22 numbered measures
        japanese = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
        assert not [m for m in measures if japanese.search(m["label"])]
        assert not [m for m in measures if "Junbikin" in m["label"] or "Jigyo" in m["label"]]
        arcpec = page.evaluate("__resdip.nodes.get('measure-c28e3fe68b').label")
        assert arcpec == "ASEAN-Japan Resou…"  # 日ASEAN資源循環パートナーシップ…, cut at 18 characters


def test_a_quote_from_a_pdf_or_a_web_page_links_to_its_place(browser: Any, tmp_path: Path) -> None:
    """A quote read from a PDF shows its page, linked to ``file.pdf#page=N``; one read from a web page
    its URL, linked with a text fragment (``resdip.views.quoting``); a link that is not http(s) or a
    relative file stays text."""
    graph, quotes = _graph()
    first, second, *_ = quotes["country-cl"]
    quotes["country-cl"] = [
        {**first, "page": 12, "link": "ewp2025-p2c1.pdf#page=12"},
        {**second, "url": "https://www.meti.go.jp/press/x.html",
         "link": "https://www.meti.go.jp/press/x.html#:~:text=武藤,訪問しました。"},
        {**first, "iri": first["iri"] + "-3", "begin": first["begin"] + 1, "page": 3, "link": "javascript:alert(1)"},
    ]
    out = tmp_path / "network.html"
    render_page(graph, quotes, out)
    with open_page(browser, _url(out)) as visit:
        _click_node(visit, "country-cl")
        page = visit.page
        links = page.evaluate("""[...document.querySelectorAll('#panel-body blockquote cite a')]
                                 .map(a => [a.textContent, a.getAttribute('href')])""")
        assert ["12ページ", "ewp2025-p2c1.pdf#page=12"] in links
        assert ["https://www.meti.go.jp/press/x.html",
                "https://www.meti.go.jp/press/x.html#:~:text=武藤,訪問しました。"] in links
        assert not [href for _, href in links if href.startswith("javascript:")]
        assert "3ページ" in page.inner_text("#panel-body")  # shown, not linked
        assert visit.problems() == []
