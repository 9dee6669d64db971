"""The network page without a browser: self-contained, deterministic, escaped."""

from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx
import pytest

from resdip.errors import UsageError
from resdip.views.layout import layout
from resdip.views.page import render_page
from resdip.views.page.render import json_for_script
from resdip.views.page.sample import synthetic_graph, synthetic_quotes

PAYLOAD = "</script><script>window.__xss=1</script><!--"


@pytest.fixture(scope="module")
def graph() -> nx.MultiDiGraph:
    return synthetic_graph(80)


def _shuffled(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The same graph with nodes and edges inserted in reverse order."""
    other = nx.MultiDiGraph()
    for node, attrs in reversed(list(graph.nodes(data=True))):
        other.add_node(node, **attrs)
    for u, v, attrs in reversed(list(graph.edges(data=True))):
        other.add_edge(u, v, **attrs)
    return other


def test_byte_identical_across_builds_and_insertion_order(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    quotes = synthetic_quotes(graph)
    render_page(graph, quotes, tmp_path / "a.html")
    render_page(graph, quotes, tmp_path / "b.html")
    render_page(_shuffled(graph), dict(reversed(list(quotes.items()))), tmp_path / "c.html")
    a = (tmp_path / "a.html").read_bytes()
    assert a == (tmp_path / "b.html").read_bytes()
    assert a == (tmp_path / "c.html").read_bytes()


def test_self_contained(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    out = tmp_path / "network.html"
    render_page(graph, synthetic_quotes(graph), out)
    page = out.read_text(encoding="utf-8")
    assert not re.search(r"<(script|link|img|iframe)\b[^>]*\b(src|href)=", page, flags=re.IGNORECASE)
    assert "bootstrap" not in page.lower()
    assert "cdn" not in re.sub(r"[a-z]cdn|cdn[a-z]", "", page.lower())
    assert "default-src 'none'" in page
    assert len(re.findall(r"^<script", page, flags=re.M)) == 3  # data block, vis-network, the app


def test_data_block_cannot_be_closed_by_document_text() -> None:
    text = json_for_script({"label": PAYLOAD, "quote": "a]]>b & c\u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"label": PAYLOAD, "quote": "a]]>b & c\u2028"}


def test_payload_round_trips_and_is_escaped(tmp_path: Path) -> None:
    graph = synthetic_graph(5)
    graph.nodes["country-cl"]["label_ja"] = PAYLOAD
    quotes = {"country-cl": [{"doc": PAYLOAD, "section": "s", "text": PAYLOAD, "begin": 1, "end": 9, "iri": "x"}]}
    out = tmp_path / "network.html"
    render_page(graph, quotes, out, title="<b>t</b> & co")
    page = out.read_text(encoding="utf-8")
    assert "window.__xss" in page  # present only as escaped data
    assert "<script>window.__xss" not in page
    assert "<title>&lt;b&gt;t&lt;/b&gt; &amp; co</title>" in page
    block = re.search(r'<script type="application/json" id="resdip-data">(.*?)</script>', page, re.S)
    data = json.loads(block.group(1))
    node = next(n for n in data["nodes"] if n["id"] == "country-cl")
    assert node["ja"] == PAYLOAD and data["sentences"][node["quotes"][0]]["text"] == PAYLOAD


def test_identifiers_are_normalised(tmp_path: Path) -> None:
    graph = synthetic_graph(5)
    graph.nodes["country-cl"]["wikidata"] = "javascript:alert(1)"
    graph.nodes["country-au"]["iso"] = "au"
    out = tmp_path / "network.html"
    render_page(graph, {}, out)
    block = re.search(r'id="resdip-data">(.*?)</script>', out.read_text(encoding="utf-8"), re.S)
    nodes = {n["id"]: n for n in json.loads(block.group(1))["nodes"]}
    assert nodes["country-cl"]["wikidata"] == ""
    assert nodes["country-au"]["iso"] == "AU"
    assert nodes["org-meti"]["wikidata"] == "Q1142713"


def test_sizes_follow_centrality_attribute(tmp_path: Path) -> None:
    graph = synthetic_graph(6)
    for node in graph.nodes:
        graph.nodes[node]["centrality"] = 0.0
    graph.nodes["country-au"]["centrality"] = 0.9
    out = tmp_path / "network.html"
    render_page(graph, {}, out)
    block = re.search(r'id="resdip-data">(.*?)</script>', out.read_text(encoding="utf-8"), re.S)
    sizes = {n["id"]: n["size"] for n in json.loads(block.group(1))["nodes"]}
    assert sizes["country-au"] == max(sizes.values()) > sizes["org-meti"] == min(sizes.values())


def test_rejects_unknown_language(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        render_page(graph, {}, tmp_path / "x.html", lang="fr")


def test_layout_is_integer_and_covers_components() -> None:
    graph = nx.MultiDiGraph()
    graph.add_edges_from([("a", "b"), ("b", "c"), ("x", "y")])
    graph.add_node("lonely")
    pos = layout(graph)
    assert set(pos) == {"a", "b", "c", "x", "y", "lonely"}
    assert all(isinstance(c, int) for p in pos.values() for c in p)
    assert len(set(pos.values())) == len(pos)
    assert pos == layout(graph)


def test_layout_scales_past_networkx_dense_limit() -> None:
    graph = synthetic_graph(700)
    pos = layout(graph)
    assert len(pos) == 700 and len(set(pos.values())) > 690


def test_shared_sentences_are_stored_once(tmp_path: Path) -> None:
    graph = synthetic_graph(5)
    sentence = {"doc": "d", "section": "s", "text": "チリと豪州", "begin": 3, "end": 8, "iri": "x#char=3,8"}
    out = tmp_path / "network.html"
    render_page(graph, {"country-cl": [sentence], "country-au": [dict(sentence)]}, out)
    block = re.search(r'id="resdip-data">(.*?)</script>', out.read_text(encoding="utf-8"), re.S)
    data = json.loads(block.group(1))
    nodes = {n["id"]: n for n in data["nodes"]}
    assert data["sentences"] == [sentence]
    assert nodes["country-cl"]["quotes"] == nodes["country-au"]["quotes"] == [0]
    assert nodes["org-meti"]["quotes"] == []


def test_relation_names_come_from_the_kind_not_one_event(tmp_path: Path) -> None:
    graph = nx.MultiDiGraph()
    graph.add_nodes_from(["a", "b", "c"], cls="Country", label_ja="x", label_en="x")
    graph.add_edge("a", "b", kind="Visit", label_ja="Visit（チリ、2024-06）", label_en="Visit (2024-06)", year=2024)
    graph.add_edge("a", "c", kind="Visit", label_ja="Visit（豪州、2023）", label_en="Visit (2023)", year=2023)
    graph.add_edge("b", "c", kind="supplies", label_ja="供給する", label_en="supplies")
    graph.add_edge("c", "a", kind="madeUpKind", label_ja="", label_en="")
    out = tmp_path / "network.html"
    render_page(graph, {}, out)
    data = json.loads(re.search(r'id="resdip-data">(.*?)</script>', out.read_text(encoding="utf-8"), re.S).group(1))
    kinds = {k["id"]: (k["ja"], k["en"]) for k in data["kinds"]}
    assert kinds == {"Visit": ("訪問", "visit"), "supplies": ("供給する", "supplies"),
                     "madeUpKind": ("made up kind", "made up kind")}
    visit = next(e for e in data["edges"] if e["to"] == "b")
    assert visit["ja"] == "Visit（チリ、2024-06）"  # the event's own description stays on the edge


def test_every_relation_in_the_real_graph_has_a_ja_and_en_name_not_an_event_description() -> None:
    from resdip import paths
    from resdip.views.page.payload import build_payload
    from resdip.views.projection import DATASET_FILE, load_projection

    if not (paths.GRAPH_DIR / DATASET_FILE).is_file():
        pytest.skip("graph/ not built")
    _, graph = load_projection(paths.GRAPH_DIR)
    descriptions = {d for *_, a in graph.edges(data=True) for d in (a["label_ja"], a["label_en"])
                    if re.search(r"[（(]|\d{4}", d)}
    kinds = build_payload(graph, {}, title="t", lang="ja")["kinds"]
    assert {k["id"] for k in kinds} == {k for *_, k in graph.edges(data="kind")}
    for kind in kinds:
        ja, en = kind["ja"], kind["en"]
        assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", ja), kind  # a Japanese name, not the English one
        assert re.fullmatch(r"[a-z][a-z -]*", en), kind
        assert ja not in descriptions and en not in descriptions, kind
        assert not re.search(r"[（()）、]|\d", ja + en), kind


def test_relation_names_come_from_the_ontology() -> None:
    from resdip.views.page.payload import _kind, ontology_labels

    labels = ontology_labels()
    assert labels["Exhibition"] == {"ja": "展示会", "en": "exhibition"}
    assert labels["concernsResource"] == {"ja": "対象資源", "en": "concerns resource"}
    assert _kind("GroundBreaking", 1)["ja"] == labels["GroundBreaking"]["ja"]
    assert _kind("hasMember", 1) == {"id": "hasMember", "ja": "加盟国・機関", "en": "has member", "count": 1}
    kinds_json = json.loads((Path(__file__).parents[1] / "src/resdip/views/page/kinds.json").read_text(encoding="utf-8"))
    assert not set(kinds_json) & set(labels), "kinds.json repeats a name the ontology gives"


def test_hubs_are_the_nodes_above_the_far_out_fence_of_degree() -> None:
    from resdip.views.page.hubs import hubs

    star = nx.MultiDiGraph()
    star.add_edges_from(("hub", f"leaf{i}") for i in range(30))
    star.add_edges_from((f"leaf{i}", f"leaf{i + 1}") for i in range(0, 30, 2))
    found = hubs(star)
    assert found["ids"] == ["hub"] and found["threshold"] == 5.0  # degrees 1–2: Q3 2 + 3 × max(IQR 1, 1)
    ring = nx.MultiDiGraph()
    ring.add_edges_from((i, (i + 1) % 12) for i in range(12))
    assert hubs(ring)["ids"] == []  # no node stands out: no hub
    assert hubs(nx.MultiDiGraph())["ids"] == []


def test_small_components_are_packed_beside_the_largest() -> None:
    graph = nx.MultiDiGraph()
    graph.add_edges_from((f"m{i}", f"m{j}") for i in range(40) for j in (i + 1, i + 7) if j < 40)
    for k in range(25):
        graph.add_edge(f"s{k}a", f"s{k}b")
    pos = layout(graph)
    main_right = max(x for n, (x, _) in pos.items() if n.startswith("m"))
    main_top = min(y for n, (_, y) in pos.items() if n.startswith("m"))
    small = [p for n, p in pos.items() if n.startswith("s")]
    assert all(x > main_right for x, _ in small)  # beside it, not in rows under it
    xs, ys = [x for x, _ in pos.values()], [y for _, y in pos.values()]
    assert (max(xs) - min(xs)) >= (max(ys) - min(ys))  # the whole is wider than tall, like a screen
    assert min(y for _, y in small) >= main_top


def test_edges_carry_the_quotes_of_their_fact(tmp_path: Path) -> None:
    from resdip.views.projection import Quotes

    graph = synthetic_graph(5)
    u, v, key, fact = next((u, v, k, a["fact"]) for u, v, k, a in graph.edges(keys=True, data=True) if a["fact"])
    sentence = {"doc": "d", "section": "s", "text": "署名した。", "begin": 3, "end": 8, "iri": "x#char=3,8"}
    by_fact = Quotes()
    by_fact[fact] = [sentence]
    by_fact.totals[fact] = 4
    out = tmp_path / "network.html"
    render_page(graph, {}, out, fact_quotes=by_fact)
    data = json.loads(re.search(r'id="resdip-data">(.*?)</script>', out.read_text(encoding="utf-8"), re.S).group(1))
    edge = next(e for e in data["edges"] if e["fact"] == fact)
    assert [data["sentences"][i] for i in edge["quotes"]] == [sentence] and edge["quotesTotal"] == 4
    assert not [e for e in data["edges"] if e["fact"] != fact and "quotes" in e]
